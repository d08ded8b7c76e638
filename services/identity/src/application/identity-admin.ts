import { randomBytes, randomUUID } from 'node:crypto';

import { badInput, conflict, isDuplicateKey, notFound, requiredText } from '@kollegia/service-kit';

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

/** A partner client id: what `createPartnerClient` makes (`partner-<hex>`) or a seed names. */
const CLIENT_ID = /^[A-Za-z0-9._-]{3,100}$/;

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

  /**
   * A partner client with a given id and secret (the seed keeps them, so a second run finds the
   * same credentials): created, or its tenant, name and secret set. True when it was created.
   */
  async ensurePartnerClient(input: {
    clientId: string;
    clientSecret: string;
    tenantId: string;
    name: string;
  }): Promise<boolean> {
    const tenantId = checkTenantId(input.tenantId);
    const name = requiredText('name', input.name, 200);
    if (!CLIENT_ID.test(input.clientId)) {
      throw badInput('clientId', 'letters, digits, ".", "_" and "-", 3 to 100 characters');
    }
    if (input.clientSecret.length < 32 || input.clientSecret.length > 256) {
      throw badInput('clientSecret', 'must be 32 to 256 characters long');
    }
    await this.requireTenant(tenantId);
    const result = await this.deps.partnerClients.updateOne(
      { _id: input.clientId },
      {
        $set: { tenantId, name, secretHash: await hashPassword(input.clientSecret) },
        $setOnInsert: { createdAt: this.deps.clock() },
      },
      { upsert: true },
    );
    return result.upsertedCount > 0;
  }

  private async requireTenant(tenantId: string): Promise<void> {
    if (!(await this.deps.tenants.exists({ _id: tenantId }))) {
      throw notFound('tenant', tenantId);
    }
  }
}
