import { Schema, type Connection, type Model } from 'mongoose';

/**
 * The names of members' organisations and people, as the members service announced them: a read
 * model for the documents this service generates (it owns no names). `_id` is
 * `<tenant>/<kind>/<id>`, so a name is found by key and stored at most once.
 */
export interface PartyNameDocument {
  _id: string;
  tenantId: string;
  kind: 'ORGANIZATION' | 'PERSON';
  partyId: string;
  name: string;
  shortName?: string;
  /** The member's aggregate version the name is from: an older event never overwrites a newer name. */
  version: number;
  updatedAt: Date;
}

const schema = new Schema<PartyNameDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    kind: { type: String, required: true },
    partyId: { type: String, required: true },
    name: { type: String, required: true },
    shortName: String,
    version: { type: Number, required: true },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'party_names' },
);
// Lookups are by `_id` only (documents, batched per request); no further index.

export type PartyNameModel = Model<PartyNameDocument>;

export function partyNameModel(connection: Connection): PartyNameModel {
  return connection.model<PartyNameDocument>('PartyName', schema);
}
