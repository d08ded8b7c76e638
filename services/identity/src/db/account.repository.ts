import { conflict, isDuplicateKey, notFound } from '@kollegia/service-kit';

import type { Account } from '../domain/account';
import type { AccountDocument, AccountModel } from './account.model';

function toAccount(document: AccountDocument): Account {
  const { _id, email, displayName, tenantId, roles, organizationId, disabled } = document;
  return {
    id: _id,
    email,
    displayName,
    tenantId,
    roles,
    ...(organizationId ? { organizationId } : {}),
    disabled,
  };
}

/**
 * Accounts by id and by login. A login is unique across tenants: a person signs in without naming
 * a workspace, and the account says which one it belongs to.
 */
export class AccountRepository {
  constructor(private readonly accounts: AccountModel) {}

  async insert(account: Account, passwordHash: string, now: Date): Promise<void> {
    const { id, ...fields } = account;
    try {
      await this.accounts.create({
        _id: id,
        ...fields,
        passwordHash,
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

  /** The account of a login with its password hash, for sign-in. */
  async byLogin(email: string): Promise<{ account: Account; passwordHash: string } | undefined> {
    const document = await this.accounts.findOne({ email }).lean();
    return document
      ? { account: toAccount(document), passwordHash: document.passwordHash }
      : undefined;
  }

  /** Sets an account's fields and password (the seed's convergence); its id and login stay. */
  async update(
    id: string,
    fields: Omit<Account, 'id' | 'email' | 'disabled'> & { disabled?: boolean },
    passwordHash: string,
    now: Date,
  ): Promise<Account> {
    const { organizationId, ...rest } = fields;
    const document = await this.accounts
      .findOneAndUpdate(
        { _id: id },
        {
          $set: {
            ...rest,
            ...(organizationId ? { organizationId } : {}),
            passwordHash,
            updatedAt: now,
          },
          ...(organizationId ? {} : { $unset: { organizationId: 1 } }),
        },
        { returnDocument: 'after' },
      )
      .lean();
    if (!document) throw notFound('account', id);
    return toAccount(document);
  }

  async setDisabled(id: string, disabled: boolean, now: Date): Promise<Account> {
    const document = await this.accounts
      .findOneAndUpdate(
        { _id: id },
        { $set: { disabled, updatedAt: now } },
        { returnDocument: 'after' },
      )
      .lean();
    if (!document) throw notFound('account', id);
    return toAccount(document);
  }
}
