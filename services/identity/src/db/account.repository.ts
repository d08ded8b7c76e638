import {
  conflict,
  isDuplicateKey,
  notFound,
  paginate,
  TenantModel,
  type Page,
  type PageRequest,
} from '@kollegia/service-kit';

import type { UpdateQuery } from 'mongoose';

import type { Account, PersonRole } from '../domain/account';
import type { AccountDocument, AccountModel } from './account.model';

function toAccount(document: AccountDocument): Account {
  const { _id, email, displayName, tenantId, roles, organizationId, personId, disabled } = document;
  return {
    id: _id,
    email,
    displayName,
    tenantId,
    roles,
    ...(organizationId ? { organizationId } : {}),
    ...(personId ? { personId } : {}),
    disabled,
    pending: !document.passwordHash,
  };
}

/** An update setting the fields, and unsetting the organisation when they name none. */
function withOrganization(
  fields: Partial<AccountDocument> & { organizationId?: string | undefined },
): UpdateQuery<AccountDocument> {
  const { organizationId, ...rest } = fields;
  return organizationId
    ? { $set: { ...rest, organizationId } }
    : { $set: rest, $unset: { organizationId: 1 } };
}

/**
 * Accounts by id and by login. A login is unique across tenants: a person signs in without naming
 * a workspace, and the account says which one it belongs to.
 */
export class AccountRepository {
  private readonly byTenant: TenantModel<AccountDocument>;

  constructor(private readonly accounts: AccountModel) {
    this.byTenant = new TenantModel(accounts);
  }

  /** Inserts an account; without a password hash it is pending (an invitation not yet accepted). */
  async insert(account: Account, passwordHash: string | undefined, now: Date): Promise<void> {
    const { id, pending: _pending, ...fields } = account;
    try {
      await this.accounts.create({
        _id: id,
        ...fields,
        ...(passwordHash ? { passwordHash } : {}),
        createdAt: now,
        updatedAt: now,
      });
    } catch (error) {
      if (isDuplicateKey(error)) throw conflict('an account with this login exists');
      throw error;
    }
  }

  async byId(id: string): Promise<Account | undefined> {
    const document = await this.accounts.findById(id).lean();
    return document ? toAccount(document) : undefined;
  }

  /** A tenant's account: another tenant's is not found. */
  async inTenant(tenantId: string, id: string): Promise<Account> {
    const document = await this.byTenant.findById(tenantId, id).lean<AccountDocument>();
    if (!document) throw notFound('account', id);
    return toAccount(document);
  }

  /**
   * A page of a tenant's accounts, by login. The hash is read to tell a pending account (it has
   * none); `toAccount` leaves it out.
   */
  async page(tenantId: string, page: PageRequest): Promise<Page<Account>> {
    const found = await paginate(this.byTenant, tenantId, {}, 'email', 1, page);
    return { ...found, items: found.items.map(toAccount) };
  }

  /**
   * The accounts of a tenant that can be told something: enabled, not pending, matching every
   * filter given (a role they hold, the organisation they speak for, one of the persons they
   * are), by login; at most `limit`.
   */
  async recipients(
    tenantId: string,
    filter: { role?: PersonRole; organizationId?: string; personIds?: string[] },
    limit: number,
  ): Promise<Account[]> {
    const documents = await this.byTenant
      .find(tenantId, {
        disabled: false,
        passwordHash: { $exists: true },
        ...(filter.role ? { roles: filter.role } : {}),
        ...(filter.organizationId ? { organizationId: filter.organizationId } : {}),
        ...(filter.personIds ? { personId: { $in: filter.personIds } } : {}),
      })
      .sort({ email: 1 })
      .limit(limit)
      .lean<AccountDocument[]>();
    return documents.map(toAccount);
  }

  /** The account of a login with its password hash (none while pending), for sign-in. */
  async byLogin(
    email: string,
  ): Promise<{ account: Account; passwordHash: string | undefined } | undefined> {
    const document = await this.accounts.findOne({ email }).lean();
    return document
      ? { account: toAccount(document), passwordHash: document.passwordHash }
      : undefined;
  }

  /**
   * Sets an account's fields and password (the seed's convergence); its id and login stay, and an
   * organisation or a person the fields do not name is unset.
   */
  update(
    id: string,
    fields: Omit<Account, 'id' | 'email' | 'disabled' | 'pending'> & { disabled?: boolean },
    passwordHash: string,
    now: Date,
  ): Promise<Account> {
    const { personId, ...rest } = fields;
    const update = withOrganization({ ...rest, passwordHash, updatedAt: now });
    return this.set(
      id,
      personId
        ? { ...update, $set: { ...update.$set, personId } }
        : { ...update, $unset: { ...update.$unset, personId: 1 } },
    );
  }

  setDisabled(id: string, disabled: boolean, now: Date): Promise<Account> {
    return this.set(id, { $set: { disabled, updatedAt: now } });
  }

  /** Sets the roles and the organisation that goes with them (none unless an addressee). */
  setRoles(id: string, fields: Pick<Account, 'roles' | 'organizationId'>, now: Date) {
    return this.set(id, withOrganization({ ...fields, updatedAt: now }));
  }

  /** Links the account to a directory person, or (undefined) to none. */
  setPerson(id: string, personId: string | undefined, now: Date): Promise<Account> {
    return this.set(
      id,
      personId
        ? { $set: { personId, updatedAt: now } }
        : { $set: { updatedAt: now }, $unset: { personId: 1 } },
    );
  }

  /** Sets the password; a pending account becomes active by it. */
  setPassword(id: string, passwordHash: string, now: Date): Promise<Account> {
    return this.set(id, { $set: { passwordHash, updatedAt: now } });
  }

  /** Removes the account; false when there was none. */
  async remove(id: string): Promise<boolean> {
    const { deletedCount } = await this.accounts.deleteOne({ _id: id });
    return deletedCount > 0;
  }

  private async set(id: string, update: UpdateQuery<AccountDocument>): Promise<Account> {
    const document = await this.accounts
      .findOneAndUpdate({ _id: id }, update, { returnDocument: 'after' })
      .lean();
    if (!document) throw notFound('account', id);
    return toAccount(document);
  }
}
