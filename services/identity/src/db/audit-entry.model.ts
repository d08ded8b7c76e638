import { Schema, type Connection, type Model } from 'mongoose';

/** What happened to an account, as the audit log names it. */
export const AUDIT_ACTIONS = [
  'sign-in.succeeded',
  'sign-in.failed',
  'sign-out',
  'refresh.refused',
  'invitation.created',
  'invitation.accepted',
  'password-reset.requested',
  'password-reset.issued',
  'password-reset.used',
  'roles.changed',
  'person.changed',
  'account.disabled',
  'account.enabled',
  'account.exported',
  'account.deleted',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** A person in an entry: an account id and the login it had then (a pseudonym after deletion). */
export interface AuditParty {
  id?: string;
  login?: string;
}

/**
 * One entry of a tenant's audit log. Append-only: nothing updates an entry except the deletion of
 * a person's account data, which replaces their id and login with a pseudonym.
 */
export interface AuditEntryDocument {
  _id: string;
  tenantId: string;
  at: Date;
  action: AuditAction;
  /** Who did it: an administrator, the person themselves, or nobody known (a failed sign-in). */
  actor?: AuditParty;
  /** Whose account it concerns. */
  subject: AuditParty;
  /** The client's address, as the service sees it (behind a proxy: TRUST_PROXY). */
  ip?: string;
  /** What changed, such as the roles before and after; never a password or a token. */
  details?: Record<string, unknown>;
}

const party = new Schema<AuditParty>({ id: String, login: String }, { _id: false });

const schema = new Schema<AuditEntryDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    at: { type: Date, required: true },
    action: { type: String, required: true, enum: AUDIT_ACTIONS },
    actor: party,
    subject: { type: party, required: true },
    ip: String,
    details: Schema.Types.Mixed,
  },
  { versionKey: false, collection: 'audit_log' },
);

// The log of a tenant, newest first (keyset by time and id). No TTL index: the storage rules of
// ADR 0005, and an audit log is kept, not expired.
schema.index({ tenantId: 1, at: -1, _id: -1 });
// The entries about a person: their export, and pseudonymising them when their data is deleted.
schema.index({ tenantId: 1, 'subject.id': 1 });
schema.index({ tenantId: 1, 'actor.id': 1 });

export type AuditEntryModel = Model<AuditEntryDocument>;

export function auditEntryModel(connection: Connection): AuditEntryModel {
  return connection.model<AuditEntryDocument>('AuditEntry', schema);
}
