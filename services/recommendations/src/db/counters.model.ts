import { Schema, type Connection, type Model } from 'mongoose';

/**
 * Counters read and bumped by `_id` only (the one lookup FerretDB pushes down):
 * - `code:<tenant hash>:<year>`: the last number of the recommendation codes of a year;
 * - `feed:<tenant>`: the last `feedSequence` of a tenant's timeline entries.
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

export type CounterModel = Model<CounterDocument>;

export function counterModel(connection: Connection): CounterModel {
  return connection.model<CounterDocument>('RecommendationCounter', schema);
}
