import { Schema, type Connection, type Model } from 'mongoose';

/** What a one-time link is for: accepting an invitation, or setting a new password. */
export type AccountLinkKind = 'invitation' | 'password-reset';

/**
 * A one-time link sent to a person (`<issuer>/invitation/<token>`, `<issuer>/password/reset/<token>`).
 * Only the SHA-256 of its token is stored, as the id: the token is 32 random bytes, so a fast hash
 * is enough, and whoever reads the database cannot use a link.
 */
export interface AccountLinkDocument {
  /** SHA-256 of the token, hex. */
  _id: string;
  kind: AccountLinkKind;
  accountId: string;
  tenantId: string;
  expiresAt: Date;
  /** Set once, when the link is used; a used link is refused. */
  usedAt?: Date;
  createdAt: Date;
}

const schema = new Schema<AccountLinkDocument>(
  {
    _id: { type: String, required: true },
    kind: { type: String, required: true },
    accountId: { type: String, required: true },
    tenantId: { type: String, required: true },
    expiresAt: { type: Date, required: true },
    usedAt: Date,
    createdAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'account_links' },
);

// a new link replaces the account's unused ones of its kind; deleting an account deletes its links
schema.index({ accountId: 1, kind: 1 });

export type AccountLinkModel = Model<AccountLinkDocument>;

export function accountLinkModel(connection: Connection): AccountLinkModel {
  return connection.model<AccountLinkDocument>('AccountLink', schema);
}
