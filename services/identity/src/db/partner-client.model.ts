import { Schema, type Connection, type Model } from 'mongoose';

/** A partner application: client credentials scoped to one tenant. */
export interface PartnerClientDocument {
  /** The `client_id`. */
  _id: string;
  tenantId: string;
  name: string;
  /** Argon2id of the client secret (PHC string): the secret itself is shown once, never stored. */
  secretHash: string;
  createdAt: Date;
}

const schema = new Schema<PartnerClientDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    name: { type: String, required: true },
    secretHash: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'partner_clients' },
);

export type PartnerClientModel = Model<PartnerClientDocument>;

export function partnerClientModel(connection: Connection): PartnerClientModel {
  return connection.model<PartnerClientDocument>('PartnerClient', schema);
}
