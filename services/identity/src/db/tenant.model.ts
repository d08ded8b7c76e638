import { Schema, type Connection, type Model } from 'mongoose';

/** A tenant: one association's workspace, created explicitly (never implied by a claim). */
export interface TenantDocument {
  _id: string;
  name: string;
  createdAt: Date;
}

const schema = new Schema<TenantDocument>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'tenants' },
);

export type TenantModel = Model<TenantDocument>;

export function tenantModel(connection: Connection): TenantModel {
  return connection.model<TenantDocument>('Tenant', schema);
}
