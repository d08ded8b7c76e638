import { Schema, type Connection, type Model } from 'mongoose';

/**
 * Counters, each bumped by one atomic `$inc` on `{ _id, tenantId }` (counter.repository.ts):
 * - `code:<tenant>:<year>`: the last number of the recommendation codes of a year;
 * - `feed:<tenant>`: a `feedSequence` up to which every timeline entry of the tenant is stored
 *   (raised after they are; the next append starts after it).
 */
export interface CounterDocument {
  _id: string;
  tenantId: string;
  last: number;
}

const schema = new Schema<CounterDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    last: { type: Number, required: true },
  },
  { versionKey: false, collection: 'recommendation_counters' },
);

// CounterRepository.next: one counter, by exactly the keys of its filter (the embedded engine uses
// an index only for a query on exactly a unique index's keys, docs/adr/0009)
schema.index({ _id: 1, tenantId: 1 }, { unique: true });

export type CounterModel = Model<CounterDocument>;

export function counterModel(connection: Connection): CounterModel {
  return connection.model<CounterDocument>('RecommendationCounter', schema);
}
