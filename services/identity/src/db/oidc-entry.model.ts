import { Schema, type Connection, type Model } from 'mongoose';

/**
 * One of the provider's short-lived records (sessions, interactions, grants, authorization codes,
 * access and refresh tokens, …): `_id` is `<kind>:<id>`, the payload is kept as the provider's
 * JSON (its keys are the provider's, some are URLs, none is queried).
 */
export interface OidcEntryDocument {
  _id: string;
  kind: string;
  payload: string;
  expiresAt: Date;
  /** The person a session, grant, code or token belongs to: revoking all of theirs at once. */
  accountId?: string;
  grantId?: string;
  uid?: string;
  userCode?: string;
  /** Epoch seconds, when a one-time record (an authorization code, a rotated token) was used. */
  consumed?: number;
}

const schema = new Schema<OidcEntryDocument>(
  {
    _id: { type: String, required: true },
    kind: { type: String, required: true },
    payload: { type: String, required: true },
    expiresAt: { type: Date, required: true },
    accountId: String,
    grantId: String,
    uid: String,
    userCode: String,
    consumed: Number,
  },
  { versionKey: false, collection: 'oidc_entries' },
);

// The sweep of expired records (oidc-adapter.ts). Not a TTL index: the embedded engine accepts one
// but never deletes by it, and the storage rules (ADR 0005) keep to what every engine honours, so
// reads treat an expired record as gone and the sweep deletes it.
schema.index({ expiresAt: 1 });
// Session.findByUid: a session by the uid in its cookie
schema.index({ kind: 1, uid: 1 });
// revokeAccount, countForAccount: everything of one person (deletion of their data, a new password)
schema.index({ accountId: 1, kind: 1 });
// revokeByGrantId: every code and token of a grant, when it is revoked
schema.index({ grantId: 1 });
// findByUserCode (the device flow, not enabled yet)
schema.index({ kind: 1, userCode: 1 });

export type OidcEntryModel = Model<OidcEntryDocument>;

export function oidcEntryModel(connection: Connection): OidcEntryModel {
  return connection.model<OidcEntryDocument>('OidcEntry', schema);
}
