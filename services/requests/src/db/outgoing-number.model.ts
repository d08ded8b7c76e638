import { Schema, type Connection, type Model } from 'mongoose';

/** The last outgoing number given in a tenant's year: `_id` is `<tenant>/<year>`. */
export interface NumberCounterDocument {
  _id: string;
  tenantId: string;
  year: number;
  last: number;
}

/**
 * The prefix a tenant's outgoing numbers start with (e.g. АКИТ): `_id` is the tenant, and
 * `tenantId` says it again, for the tenant's scope every read and write goes through (prefixes
 * stored before it get it at start: OutgoingNumberRepository.addTenantToOlderPrefixes).
 */
export interface NumberPrefixDocument {
  _id: string;
  tenantId: string;
  prefix: string;
  updatedAt: Date;
}

const counters = new Schema<NumberCounterDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    year: { type: Number, required: true },
    last: { type: Number, required: true },
  },
  { versionKey: false, collection: 'number_counters' },
);
// Read and bumped by `_id` and tenant; no further index.

const prefixes = new Schema<NumberPrefixDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    prefix: { type: String, required: true },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'number_prefixes' },
);
// Read and set by `_id` and tenant; no further index (`addTenantToOlderPrefixes` scans it: one
// document per tenant).

export type NumberCounterModel = Model<NumberCounterDocument>;
export type NumberPrefixModel = Model<NumberPrefixDocument>;

export function numberCounterModel(connection: Connection): NumberCounterModel {
  return connection.model<NumberCounterDocument>('NumberCounter', counters);
}

export function numberPrefixModel(connection: Connection): NumberPrefixModel {
  return connection.model<NumberPrefixDocument>('NumberPrefix', prefixes);
}
