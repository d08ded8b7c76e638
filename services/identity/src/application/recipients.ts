import { notFound } from '@kollegia/service-kit';

import type { AccountRepository } from '../db/account.repository';
import type { TenantModel } from '../db/tenant.model';
import type { PersonRole } from '../domain/account';

/** Who can be told something, with the address to tell them at. */
export interface Recipient {
  accountId: string;
  email: string;
  displayName: string;
  roles: PersonRole[];
  organizationId?: string;
  personId?: string;
}

export interface RecipientFilter {
  role?: PersonRole;
  organizationId?: string;
  personIds?: string[];
}

/** The most recipients one query gives; `complete` says whether there were more. */
export const MAX_RECIPIENTS = 1000;

/**
 * The addresses the notifier sends to (issue #20): they come from the accounts, never from
 * events (ADR 0002 keeps contacts out of them). Disabled accounts and pending invitations are
 * nobody to tell.
 */
export class RecipientDirectory {
  constructor(private readonly deps: { tenants: TenantModel; accounts: AccountRepository }) {}

  async find(
    tenantId: string,
    filter: RecipientFilter,
  ): Promise<{ recipients: Recipient[]; complete: boolean }> {
    if (!(await this.deps.tenants.exists({ _id: tenantId }))) throw notFound('tenant', tenantId);
    const accounts = await this.deps.accounts.recipients(tenantId, filter, MAX_RECIPIENTS + 1);
    return {
      recipients: accounts.slice(0, MAX_RECIPIENTS).map((account) => ({
        accountId: account.id,
        email: account.email,
        displayName: account.displayName,
        roles: account.roles,
        ...(account.organizationId ? { organizationId: account.organizationId } : {}),
        ...(account.personId ? { personId: account.personId } : {}),
      })),
      complete: accounts.length <= MAX_RECIPIENTS,
    };
  }
}
