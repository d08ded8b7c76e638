import {
  aggregateKeyIndexes,
  outboxSchemaDefinition,
  type StoredAggregate,
} from '@kollegia/service-kit';
import { Schema, type Connection, type Model } from 'mongoose';

import type { Roundtable } from '../domain/roundtable';
import type { Statement } from '../domain/statement';

/** How a round table is stored: the domain state plus derived keys, statements in flight, outbox. */
export type RoundtableDocument = StoredAggregate<Roundtable> & {
  /** Normalised tokens of title, venue, description and agenda (see domain/search.ts). */
  searchTokens: string[];
  /** Every person and organisation at the table: moderator and participants. */
  partyIds: string[];
  /** The organisations taking part as ORGANIZER. */
  organizerIds: string[];
  /**
   * Statements stored with the round table in the write that numbered them, until their own
   * document is known to exist (see application/statements.ts): what a crash between the two
   * writes would otherwise lose.
   */
  pendingStatements: Statement[];
};

// Parts are plain subdocuments: no _id of their own, and `id` is a field, not mongoose's virtual.
const part = { _id: false, id: false } as const;

const partySchema = new Schema({ kind: { type: String, required: true }, id: String }, part);

const participantSchema = new Schema(
  {
    id: { type: String, required: true },
    personId: String,
    organizationId: String,
    role: { type: String, required: true },
    attendance: { type: String, required: true },
    delegation: new Schema(
      { description: { type: String, required: true }, headCount: Number },
      part,
    ),
  },
  part,
);

const agendaItemSchema = new Schema(
  {
    id: { type: String, required: true },
    title: { type: String, required: true },
    status: { type: String, required: true },
    result: String,
    openedAt: Date,
    closedAt: Date,
  },
  part,
);

const resolutionSchema = new Schema(
  {
    id: { type: String, required: true },
    kind: { type: String, required: true },
    text: { type: String, required: true },
    addresseeIds: { type: [String], default: [] },
    responsible: partySchema,
    dueDate: String,
    agendaItemId: String,
    // No default: resolutions stored before the list have `agendaItemId` only (see questionsOf).
    agendaItemIds: { type: [String], default: undefined },
    status: { type: String, required: true },
    withdrawReason: String,
  },
  part,
);

export const statementFields = {
  id: { type: String, required: true },
  tenantId: { type: String, required: true },
  roundtableId: { type: String, required: true },
  conferenceId: String,
  sequence: { type: Number, required: true },
  speaker: { type: partySchema, required: true },
  agendaItemId: String,
  text: { type: String, required: true },
  recordedAt: { type: Date, required: true },
  // Absent from statements stored before it: those were said when recorded (see statementOf).
  occurredAt: Date,
  revision: Number,
};

const schema = new Schema<RoundtableDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    version: { type: Number, required: true },
    conferenceId: String,
    title: { type: String, required: true },
    format: { type: String, required: true },
    startsAt: { type: Date, required: true },
    endsAt: Date,
    venue: String,
    moderator: { type: partySchema, required: true },
    description: String,
    published: { type: Boolean, required: true },
    source: new Schema(
      { url: { type: String, required: true }, title: String, publisher: String },
      part,
    ),
    workingGroupId: String,
    status: { type: String, required: true },
    participants: { type: [participantSchema], default: [] },
    agenda: { type: [agendaItemSchema], default: [] },
    resolutions: { type: [resolutionSchema], default: [] },
    statementCount: { type: Number, required: true },
    lastStatementSequence: { type: Number, required: true },
    lastStatementAt: Date,
    startedAt: Date,
    concludedAt: Date,
    minutesApprovedAt: Date,
    cancelledAt: Date,
    cancelReason: String,
    searchTokens: { type: [String], default: [] },
    partyIds: { type: [String], default: [] },
    organizerIds: { type: [String], default: [] },
    pendingStatements: { type: [new Schema(statementFields, part)], default: [] },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    outbox: outboxSchemaDefinition,
  },
  { versionKey: false, collection: 'roundtables' },
);

// reads and compare-and-set changes by id (unique, exactly their filters' keys)
aggregateKeyIndexes(schema);
// roundtables(): the tenant's round tables in the order they sit, keyset-paged
schema.index({ tenantId: 1, startsAt: 1, _id: 1 });
// roundtables(filter: { status }), and what partners may see (CONCLUDED)
schema.index({ tenantId: 1, status: 1, startsAt: 1 });
// Conference.roundtables (a page of conferences at once, `$in`), roundtables(filter: { conferenceId |
// city | organizerId })
schema.index({ tenantId: 1, conferenceId: 1, startsAt: 1 });
// roundtables(filter: { text }): every query token must prefix one of these
schema.index({ tenantId: 1, searchTokens: 1 });
// roundtables(filter: { participantId }), Person.participations, Organization.roundtables
schema.index({ tenantId: 1, partyIds: 1, startsAt: 1 });
// roundtables(filter: { workingGroupId }): what a working group held, in the order it sat
schema.index({ tenantId: 1, workingGroupId: 1, startsAt: 1 });
// roundtables(filter: { organizerId }) for organisations organising a sitting themselves
schema.index({ tenantId: 1, organizerIds: 1 });
// the outbox relay's sweep: documents with pending events
schema.index({ 'outbox.eventId': 1 });
// the statement sweep: round tables with statements whose own document is not confirmed
schema.index({ 'pendingStatements.id': 1 });

export type RoundtableModel = Model<RoundtableDocument>;

export function roundtableModel(connection: Connection): RoundtableModel {
  return connection.model<RoundtableDocument>('Roundtable', schema);
}
