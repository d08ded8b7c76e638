import { Schema, type Connection, type Model } from 'mongoose';

import type { Account } from '../domain/account';

export type AccountDocument = Omit<Account, 'id'> & {
  _id: string;
  /** Argon2id, PHC string format (domain/password.ts). */
  passwordHash: string;
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
    disabled: { type: Boolean, required: true, default: false },
    passwordHash: { type: String, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'accounts' },
);

// sign-in: the account of a login; one account per login
schema.index({ email: 1 }, { unique: true });

export type AccountModel = Model<AccountDocument>;

export function accountModel(connection: Connection): AccountModel {
  return connection.model<AccountDocument>('Account', schema);
}
