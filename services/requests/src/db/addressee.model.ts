import { Schema, type Connection, type Model } from 'mongoose';

/**
 * What this service keeps of members' organisations (a read model fed by their events): enough
 * to pick an addressee's deadline policy and to refuse drafts to unknown or archived ones.
 * `_id` is `<tenant>/<organisation id>`.
 */
export interface AddresseeDocument {
  _id: string;
  tenantId: string;
  organizationId: string;
  kind?: string;
  name?: string;
  shortName?: string;
  status?: string;
  /** The organisation's aggregate version this is from: an older event never overwrites it. */
  version: number;
  updatedAt: Date;
}

const schema = new Schema<AddresseeDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    organizationId: { type: String, required: true },
    kind: String,
    name: String,
    shortName: String,
    status: String,
    version: { type: Number, required: true },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'addressees' },
);
// Looked up by `_id` only (one addressee, or a batch with $in); no further index.

export type AddresseeModel = Model<AddresseeDocument>;

export function addresseeModel(connection: Connection): AddresseeModel {
  return connection.model<AddresseeDocument>('Addressee', schema);
}
