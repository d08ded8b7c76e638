import {
  aggregateKeyIndexes,
  outboxSchemaDefinition,
  type StoredAggregate,
} from '@kollegia/service-kit';
import { Schema, type Connection, type Model } from 'mongoose';

import type { Recommendation } from '../domain/recommendation';
import type { PendingProjection } from './read-model.documents';

/** How a recommendation is stored: the domain state plus derived keys, outbox and projections. */
export type RecommendationDocument = StoredAggregate<Recommendation> & {
  /** Normalised tokens of code, title and texts (the kit's `searchTokens`). */
  searchTokens: string[];
  /** Creation time, then the code read naturally: the order of every list. */
  listKey: string;
  /** The first day a follow-up may be due (`9999-12-31` when none is): the scheduler's key. */
  nextFollowUpOn: string;
  /** Published and adopted at some point: what partners may read. */
  visibleToPartners: boolean;
  pendingProjections: PendingProjection[];
};

const { Mixed } = Schema.Types;

// Lists of plain objects (positions, endorsements, facts, projections) kept as they are written;
// mongoose's typings do not take an array of Mixed for a typed field (control items use it too).
export const MIXED_LIST = { type: [Mixed], default: [] } as never;

const schema = new Schema<RecommendationDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    version: { type: Number, required: true },
    code: { type: String, required: true },
    title: { type: String, required: true },
    recommendedText: { type: String, required: true },
    actionType: { type: String, required: true },
    addresseeIds: { type: [String], default: [] },
    responsible: Mixed,
    legalBasis: String,
    priority: { type: String, required: true },
    source: { type: Mixed, default: {} },
    dueDate: String,
    reviewDate: String,
    published: { type: Boolean, required: true },
    status: { type: String, required: true },
    proposedAt: Date,
    decidedText: String,
    decidedBy: Mixed,
    decidedAt: Date,
    rejection: Mixed,
    startedAt: Date,
    finishedAt: Date,
    implementationNote: String,
    withdrawnAt: Date,
    withdrawalReason: String,
    supersededBy: String,
    supersededAt: Date,
    supersessionReason: String,
    addresseePositions: MIXED_LIST,
    endorsements: MIXED_LIST,
    progressReportCount: { type: Number, required: true },
    lastProgressPercent: Number,
    lastProgressAt: Date,
    requestFacts: MIXED_LIST,
    announced: { type: Mixed, default: {} },
    dueDateRecordedOn: String,
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    searchTokens: { type: [String], default: [] },
    listKey: { type: String, required: true },
    nextFollowUpOn: { type: String, required: true },
    visibleToPartners: { type: Boolean, required: true },
    outbox: outboxSchemaDefinition,
    pendingProjections: MIXED_LIST,
  },
  { versionKey: false, collection: 'recommendations', minimize: false },
);

// reads and compare-and-set changes by id (unique, exactly their filters' keys)
aggregateKeyIndexes(schema);
// recommendationByCode(code), and codes unique per tenant (a number drawn from the counter whose
// code was already given by hand is refused here; the drawer takes the next)
schema.index({ tenantId: 1, code: 1 }, { unique: true });
// recommendations(): the tenant's list in creation order (then by code), keyset-paged
schema.index({ tenantId: 1, listKey: 1, _id: 1 });
// Conference.recommendations / filter.conferenceId
schema.index({ tenantId: 1, 'source.conferenceId': 1, listKey: 1, _id: 1 });
// Roundtable.recommendations / filter.roundtableId
schema.index({ tenantId: 1, 'source.roundtableId': 1, listKey: 1, _id: 1 });
// Organization.recommendationsAddressed / filter.addresseeId / what an addressee may see
schema.index({ tenantId: 1, addresseeIds: 1, listKey: 1, _id: 1 });
// filter.responsibleId
schema.index({ tenantId: 1, 'responsible.id': 1 });
// filter.status, filter.overdue, filter.dueBefore
schema.index({ tenantId: 1, status: 1, dueDate: 1 });
// what partners may see
schema.index({ tenantId: 1, visibleToPartners: 1, listKey: 1 });
// filter.text: every query token must prefix one of these
schema.index({ tenantId: 1, searchTokens: 1 });
// the follow-up scheduler: recommendations with a follow-up due by today (all tenants)
schema.index({ nextFollowUpOn: 1 });
// the outbox relay's sweep: documents with pending events
schema.index({ 'outbox.eventId': 1 });
// the read-model sweep: documents with changes not yet written to the timeline and counts
schema.index({ 'pendingProjections.version': 1 });

export type RecommendationModel = Model<RecommendationDocument>;

export function recommendationModel(connection: Connection): RecommendationModel {
  return connection.model<RecommendationDocument>('Recommendation', schema);
}
