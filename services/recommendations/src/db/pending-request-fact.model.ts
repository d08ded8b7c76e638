import { Schema, type Connection, type Model } from 'mongoose';

import type { RecordRequestEvent } from '../domain/request-facts';

/**
 * A request event that arrived before its recommendation existed (events of two aggregates
 * travel on different topics, so a rebuild or a lagging consumer can see the answer first).
 * Its `_id` is derived from the fact (tenant, recommendation, request, kind, deadline), so a
 * repeat is stored once; it is applied when the recommendation appears, then removed.
 */
export interface PendingRequestFactDocument {
  _id: string;
  tenantId: string;
  recommendationId: string;
  fact: RecordRequestEvent;
  eventId: string;
  correlationId: string;
  receivedAt: Date;
}

const schema = new Schema<PendingRequestFactDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    recommendationId: { type: String, required: true },
    fact: { type: Schema.Types.Mixed, required: true },
    eventId: { type: String, required: true },
    correlationId: { type: String, required: true },
    receivedAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'pending_request_facts' },
);

// the facts waiting for one recommendation, looked up when it is created
schema.index({ tenantId: 1, recommendationId: 1 });

export type PendingRequestFactModel = Model<PendingRequestFactDocument>;

export function pendingRequestFactModel(connection: Connection): PendingRequestFactModel {
  return connection.model<PendingRequestFactDocument>('PendingRequestFact', schema);
}
