import { Schema, type Connection, type Model } from 'mongoose';

import type { Account } from '../domain/account';

export type AccountDocument = Omit<Account, 'id' | 'pending'> & {
  _id: string;
  /** Argon2id, PHC string format (domain/password.ts); none while an invitation is pending. */
  passwordHash?: string;
  createdAt: Date;
  updatedAt: Date;
};

const schema = new Schema<AccountDocument>(
  {
    _id: { type: String, required: true },
    email: { type: String, required: true },
    displayName: { type: String, required: true },
    tenantId: { type: String, required: true },
    roles: { type: [String], required: true },
    organizationId: String,
    personId: String,
    disabled: { type: Boolean, required: true, default: false },
    passwordHash: String,
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'accounts' },
);

// sign-in: the account of a login; one account per login
schema.index({ email: 1 }, { unique: true });
// the admin's list: a tenant's accounts by login
schema.index({ tenantId: 1, email: 1, _id: 1 });

export type AccountModel = Model<AccountDocument>;

export function accountModel(connection: Connection): AccountModel {
  return connection.model<AccountDocument>('Account', schema);
}
