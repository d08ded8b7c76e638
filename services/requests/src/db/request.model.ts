import {
  aggregateKeyIndexes,
  outboxSchemaDefinition,
  type StoredAggregate,
} from '@kollegia/service-kit';
import { Schema, type Connection, type Model } from 'mongoose';

import type { Request } from '../domain/request';
import type { TimelineEntry } from '../domain/timeline';

/** How a request is stored: the domain state plus search, uniqueness and scheduling keys. */
export type RequestDocument = StoredAggregate<Request> & {
  /** Normalised tokens of the subject, the letter and both numbers (see the kit's domain/search). */
  searchTokens: string[];
  /** The outgoing number once sent, the request's own id before: see the unique index below. */
  numberKey: string;
  /** The last instant of the deadline that runs (SUBMITTED or REGISTERED); absent otherwise. */
  dueAt?: Date;
  /**
   * When the next due-soon or overdue notice becomes due (the domain's `nextNoticeAt`); null when
   * none remains. Absent on open requests stored before it was kept, until the scheduler's first
   * look at them.
   */
  nextNoticeAt?: Date | null;
  /** What happened to it, oldest first; appended in the same write as each change. */
  timeline: TimelineEntry[];
};

const deadline = new Schema(
  {
    stage: { type: String, required: true },
    dueOn: { type: String, required: true },
    dueAt: { type: Date, required: true },
  },
  { _id: false },
);

const schema = new Schema<RequestDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    version: { type: Number, required: true },
    recommendationId: String,
    addresseeId: { type: String, required: true },
    kind: { type: String, required: true },
    subject: { type: String, required: true },
    body: { type: String, required: true },
    signatory: new Schema({ kind: String, id: String }, { _id: false }),
    status: { type: String, required: true },
    outgoingNumber: String,
    submittedAt: Date,
    timeZone: String,
    counting: new Schema(
      {
        dayCount: String,
        jurisdiction: String,
        holidays: [String],
        workingWeekendDays: [String],
        timeZone: String,
      },
      { _id: false },
    ),
    registrationDueOn: String,
    incomingNumber: String,
    registeredOn: String,
    registeredOnTime: Boolean,
    deadline,
    deadlineRecordedAt: Date,
    dueSoonDays: Number,
    extension: new Schema(
      { days: Number, reason: String, previous: deadline, extendedAt: Date },
      { _id: false },
    ),
    answer: new Schema(
      {
        text: String,
        outcome: String,
        document: new Schema({ number: String, date: String, url: String }, { _id: false }),
        answeredAt: Date,
        onTime: Boolean,
      },
      { _id: false },
    ),
    closedAt: Date,
    closingNote: String,
    withdrawnAt: Date,
    withdrawalReason: String,
    announced: {
      type: new Schema({ dueSoon: String, overdue: String }, { _id: false, minimize: false }),
      default: {},
    },
    searchTokens: { type: [String], default: [] },
    numberKey: { type: String, required: true },
    dueAt: Date,
    nextNoticeAt: Date,
    timeline: {
      type: [
        {
          _id: false,
          kind: { type: String, required: true },
          at: { type: Date, required: true },
          actor: { type: String, required: true },
          version: { type: Number, required: true },
          note: String,
        },
      ],
      default: [],
    },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    outbox: outboxSchemaDefinition,
  },
  { versionKey: false, collection: 'requests' },
);

// reads and compare-and-set changes by id (unique, exactly their filters' keys)
aggregateKeyIndexes(schema);
// requests(): the tenant's requests, newest first, keyset-paged
schema.index({ tenantId: 1, createdAt: -1, _id: -1 });
// inbox() and Organization.requestsReceived: an addressee's requests, newest sent first
schema.index({ tenantId: 1, addresseeId: 1, submittedAt: -1, _id: -1 });
// requests(filter: { addresseeId }) for roles that see drafts too
schema.index({ tenantId: 1, addresseeId: 1, createdAt: -1, _id: -1 });
// Recommendation.requests and requests(filter: { recommendationId })
schema.index({ tenantId: 1, recommendationId: 1, createdAt: -1 });
// requests(filter: { status | kind })
schema.index({ tenantId: 1, status: 1, createdAt: -1 });
schema.index({ tenantId: 1, kind: 1, createdAt: -1 });
// Outgoing numbers are unique per tenant (and so per year); requestByOutgoingNumber looks them up.
schema.index({ tenantId: 1, numberKey: 1 }, { unique: true });
// The scheduler's read: requests whose next notice is due (and, by its null bounds, open ones
// stored before the field existed)
schema.index({ nextNoticeAt: 1 });
// requests(filter: { overdue | dueBefore })
schema.index({ tenantId: 1, dueAt: 1 });
// requests(filter: { text }): every query token must prefix one of these
schema.index({ tenantId: 1, searchTokens: 1 });
// the outbox relay's sweep: documents with pending events
schema.index({ 'outbox.eventId': 1 });

export type RequestModel = Model<RequestDocument>;

export function requestModel(connection: Connection): RequestModel {
  return connection.model<RequestDocument>('Request', schema);
}
