import { randomUUID } from 'node:crypto';

import { conflict, isDuplicateKey, notFound, requiredText } from '@kollegia/service-kit';

import {
  checkNewAccount,
  checkTenantId,
  type Account,
  type NewAccountInput,
} from '../domain/account';
import { hashPassword } from '../domain/password';
import type { AccountRepository } from '../db/account.repository';
import type { TenantModel } from '../db/tenant.model';

/**
 * What an administrator does in this first step: create tenants and accounts, and disable an
 * account (partner clients: `PartnerClientAdmin`). Used by the tests and, next, by the start-up seed and an admin surface.
 */
export class IdentityAdmin {
  constructor(
    private readonly deps: {
      tenants: TenantModel;
      accounts: AccountRepository;
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
    const account: Account = { id: randomUUID(), ...fields, disabled: false, pending: false };
    await this.deps.accounts.insert(account, await hashPassword(input.password), this.deps.clock());
    return account;
  }

  /** A disabled account cannot sign in, and its refresh tokens are refused from then on. */
  setAccountDisabled(accountId: string, disabled: boolean): Promise<Account> {
    return this.deps.accounts.setDisabled(accountId, disabled, this.deps.clock());
  }

  /** Creates the tenant unless it exists; true when it was created. */
  async ensureTenant(input: { id: string; name: string }): Promise<boolean> {
    const id = checkTenantId(input.id);
    if (await this.deps.tenants.exists({ _id: id })) return false;
    await this.createTenant(input);
    return true;
  }

  /**
   * Makes the account of a login what the input says — created, or its name, tenant, roles,
   * organisation, password (and `disabled`, when given) set — so a seed run again converges on
   * it. Checked like a new account.
   */
  async ensureAccount(
    input: NewAccountInput & { disabled?: boolean },
  ): Promise<{ account: Account; created: boolean }> {
    const { email, ...fields } = checkNewAccount(input);
    const existing = await this.deps.accounts.byLogin(email);
    if (!existing) {
      const account = await this.createAccount(input);
      if (!input.disabled) return { account, created: true };
      return { account: await this.setAccountDisabled(account.id, true), created: true };
    }
    await this.requireTenant(fields.tenantId);
    const account = await this.deps.accounts.update(
      existing.account.id,
      { ...fields, ...(input.disabled === undefined ? {} : { disabled: input.disabled }) },
      await hashPassword(input.password),
      this.deps.clock(),
    );
    return { account, created: false };
  }

  private async requireTenant(tenantId: string): Promise<void> {
    if (!(await this.deps.tenants.exists({ _id: tenantId }))) {
      throw notFound('tenant', tenantId);
    }
  }
}
