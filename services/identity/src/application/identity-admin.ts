import { randomBytes, randomUUID } from 'node:crypto';

import { conflict, isDuplicateKey, notFound, requiredText } from '@kollegia/service-kit';

import {
  checkNewAccount,
  checkTenantId,
  type Account,
  type NewAccountInput,
} from '../domain/account';
import { hashPassword } from '../domain/password';
import type { AccountRepository } from '../db/account.repository';
import type { PartnerClientModel } from '../db/partner-client.model';
import type { TenantModel } from '../db/tenant.model';

export interface PartnerCredentials {
  clientId: string;
  /** Shown once: only its hash is stored. */
  clientSecret: string;
}

/**
 * What an administrator does in this first step: create tenants, accounts and partner clients, and
 * disable an account. Used by the tests and, next, by the start-up seed and an admin surface.
 */
export class IdentityAdmin {
  constructor(
    private readonly deps: {
      tenants: TenantModel;
      accounts: AccountRepository;
      partnerClients: PartnerClientModel;
      clock: () => Date;
    },
  ) {}

  async createTenant(input: { id: string; name: string }): Promise<void> {
    const id = checkTenantId(input.id);
    const name = requiredText('name', input.name, 200);
    try {
      await this.deps.tenants.create({ _id: id, name, createdAt: this.deps.clock() });
    } catch (error) {
      if (isDuplicateKey(error)) throw conflict(`tenant ${id} exists`);
      throw error;
    }
  }

  async createAccount(input: NewAccountInput): Promise<Account> {
    const fields = checkNewAccount(input);
    await this.requireTenant(fields.tenantId);
    const account: Account = { id: randomUUID(), ...fields, disabled: false };
    await this.deps.accounts.insert(account, await hashPassword(input.password), this.deps.clock());
    return account;
  }

  /** A disabled account cannot sign in, and its refresh tokens are refused from then on. */
  setAccountDisabled(accountId: string, disabled: boolean): Promise<Account> {
    return this.deps.accounts.setDisabled(accountId, disabled, this.deps.clock());
  }

  async createPartnerClient(input: {
    tenantId: string;
    name: string;
  }): Promise<PartnerCredentials> {
    const tenantId = checkTenantId(input.tenantId);
    const name = requiredText('name', input.name, 200);
    await this.requireTenant(tenantId);
    const clientId = `partner-${randomBytes(8).toString('hex')}`;
    const clientSecret = randomBytes(32).toString('base64url');
    await this.deps.partnerClients.create({
      _id: clientId,
      tenantId,
      name,
      secretHash: await hashPassword(clientSecret),
      createdAt: this.deps.clock(),
    });
    return { clientId, clientSecret };
  }

  private async requireTenant(tenantId: string): Promise<void> {
    if (!(await this.deps.tenants.exists({ _id: tenantId }))) {
      throw notFound('tenant', tenantId);
    }
  }
}
