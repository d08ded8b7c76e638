import type { RecommendationStatus } from '@kollegia/events';
import { Schema, type Connection, type Model } from 'mongoose';

/** What a conference's counts know of one of its recommendations. */
export interface CountedRecommendation {
  /** The status it is counted under. */
  s: RecommendationStatus;
  /** The aggregate version that status is from: an older one is never applied over it. */
  v: number;
  /** Counted for partners too (published and adopted). */
  p: boolean;
}

/**
 * Recommendations of one conference by status, kept as a read model: `recommendationCounts` is one
 * read by key instead of an aggregation over the conference's recommendations on every request
 * (which the embedded engine would answer by scanning the collection, docs/adr/0009).
 * `recommendations` is keyed by recommendation id (hex, so no `.` or `$`): each recommendation's
 * transition is applied once, whatever is replayed. The counts are one field per status
 * (`all.ADOPTED`), moved by `$inc`, so a status no recommendation has any more may stay at 0.
 */
export interface ConferenceCountsDocument {
  _id: string;
  tenantId: string;
  conferenceId: string;
  /**
   * Moved by every write of the document: a write that read it at this version and finds it
   * still there changed nothing meanwhile. Absent from documents written before it existed.
   */
  version?: number;
  recommendations: Record<string, CountedRecommendation>;
  all: Partial<Record<RecommendationStatus, number>>;
  visibleToPartners: Partial<Record<RecommendationStatus, number>>;
}

const schema = new Schema<ConferenceCountsDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    conferenceId: { type: String, required: true },
    version: Number,
    recommendations: { type: Schema.Types.Mixed, default: {} },
    all: { type: Schema.Types.Mixed, default: {} },
    visibleToPartners: { type: Schema.Types.Mixed, default: {} },
  },
  { versionKey: false, collection: 'conference_counts', minimize: false },
);

// Conference.recommendationCounts: one conference's counts, by exactly these keys (the id hashes
// tenant and conference; the embedded engine uses an index only for a query on exactly a unique
// index's keys, docs/adr/0009)
schema.index({ _id: 1, tenantId: 1 }, { unique: true });
// ConferenceCountsRepository.apply: the compare-and-set on the document's version
schema.index({ _id: 1, tenantId: 1, version: 1 }, { unique: true });
// operators looking a conference up by hand
schema.index({ tenantId: 1, conferenceId: 1 });

export type ConferenceCountsModel = Model<ConferenceCountsDocument>;

export function conferenceCountsModel(connection: Connection): ConferenceCountsModel {
  return connection.model<ConferenceCountsDocument>('ConferenceCounts', schema);
}
