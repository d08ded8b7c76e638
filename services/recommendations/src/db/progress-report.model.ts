import { Schema, type Connection, type Model } from 'mongoose';

import type { ProgressReportDocument } from './read-model.documents';

const schema = new Schema<ProgressReportDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    recommendationId: { type: String, required: true },
    author: { type: Schema.Types.Mixed, required: true },
    text: { type: String, required: true },
    percent: { type: Number, required: true },
    reportedAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'recommendation_progress_reports' },
);

// Recommendation.progressReports: one recommendation's reports in order, keyset-paged
schema.index({ tenantId: 1, recommendationId: 1, reportedAt: 1, _id: 1 });

export type ProgressReportModel = Model<ProgressReportDocument>;

export function progressReportModel(connection: Connection): ProgressReportModel {
  return connection.model<ProgressReportDocument>('RecommendationProgressReport', schema);
}
