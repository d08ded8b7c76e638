import { Schema, type Connection, type Model } from 'mongoose';

import type { TimelineEntryDocument } from './read-model.documents';

const schema = new Schema<TimelineEntryDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    recommendationId: { type: String, required: true },
    conferenceId: String,
    sequence: { type: Number, required: true },
    feedSequence: { type: Number, required: true },
    type: { type: String, required: true },
    occurredAt: { type: Date, required: true },
    recordedAt: Date,
    actor: { type: String, required: true },
    status: { type: String, required: true },
    addresseeIds: { type: [String], default: [] },
    visibleToPartners: { type: Boolean, required: true },
    data: { type: Schema.Types.Mixed, required: true },
  },
  { versionKey: false, collection: 'recommendation_timeline', minimize: false },
);

// TimelineRepository.append: a feed number is taken by one entry of a tenant (exactly these keys)
schema.index({ tenantId: 1, feedSequence: 1 }, { unique: true });
// Recommendation.timeline: one recommendation's entries in order, keyset-paged
schema.index({ tenantId: 1, recommendationId: 1, sequence: 1, _id: 1 });
// conferenceFollowUps: a conference's entries in the order they were written, keyset-paged
schema.index({ tenantId: 1, conferenceId: 1, feedSequence: 1, _id: 1 });

export type TimelineModel = Model<TimelineEntryDocument>;

export function timelineModel(connection: Connection): TimelineModel {
  return connection.model<TimelineEntryDocument>('RecommendationTimelineEntry', schema);
}
