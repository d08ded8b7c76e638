import { Schema, type Connection, type Model } from 'mongoose';

/**
 * A `roundtable.concluded` event whose recommendations, read models and waiting request facts are
 * all written. A redelivery or replay of it is skipped after one read of these for a whole Kafka
 * batch, instead of looking up each of its recommendations. Written last, so a crash before it
 * leaves the event to be applied again, which creates nothing twice (recommendation ids are
 * derived from the round table and the resolution).
 */
export interface AppliedConclusionDocument {
  /** Derived from the tenant and the event id (AppliedConclusionRepository). */
  _id: string;
  tenantId: string;
  eventId: string;
  roundtableId: string;
}

// Read by `{ tenantId, _id: { $in } }` over a batch's events: the `_id` index (the embedded
// engine narrows by the `_id` values beside the tenant, docs/adr/0009); no other index.
const schema = new Schema<AppliedConclusionDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    eventId: { type: String, required: true },
    roundtableId: { type: String, required: true },
  },
  { versionKey: false, collection: 'applied_conclusions' },
);

export type AppliedConclusionModel = Model<AppliedConclusionDocument>;

export function appliedConclusionModel(connection: Connection): AppliedConclusionModel {
  return connection.model<AppliedConclusionDocument>('AppliedConclusion', schema);
}
