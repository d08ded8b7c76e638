import { Schema, type Connection, type Model } from 'mongoose';

import type { PartnerPublicKey } from '../domain/partner-key';

/**
 * A partner application: client credentials scoped to one tenant. It authenticates either with a
 * secret or, when it has public keys, with assertions signed by one of them — never both.
 */
export interface PartnerClientDocument {
  /** The `client_id`. */
  _id: string;
  tenantId: string;
  name: string;
  /**
   * Argon2id of the client secret (PHC string): the secret itself is shown once, never stored.
   * Absent for a client that signs assertions.
   */
  secretHash?: string;
  /** The secret a rotation replaced: still accepted until `until` (the overlap), then never. */
  previousSecret?: { hash: string; until: Date };
  /** Public keys for private_key_jwt; rotated by adding the new one and removing the old `kid`. */
  keys?: PartnerPublicKey[];
  /** Set once: from then the client is unknown to the provider (it keeps the id taken). */
  revokedAt?: Date;
  createdAt: Date;
}

const schema = new Schema<PartnerClientDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    name: { type: String, required: true },
    secretHash: { type: String },
    previousSecret: {
      type: new Schema({ hash: String, until: Date }, { _id: false }),
      default: undefined,
    },
    keys: { type: [Schema.Types.Mixed], default: undefined },
    revokedAt: { type: Date },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'partner_clients' },
);
// Listing a tenant's clients.
schema.index({ tenantId: 1 });

export type PartnerClientModel = Model<PartnerClientDocument>;

export function partnerClientModel(connection: Connection): PartnerClientModel {
  return connection.model<PartnerClientDocument>('PartnerClient', schema);
}
