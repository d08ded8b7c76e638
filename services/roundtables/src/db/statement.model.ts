import { Schema, type Connection, type Model } from 'mongoose';

import type { Statement } from '../domain/statement';

/**
 * A line of the minutes, in a collection of its own: a round table may have thousands, and
 * FerretDB rewrites a whole document on every update. The id is the one the
 * `roundtable.statement-recorded` event announced, so writing it again changes nothing.
 */
export type StatementDocument = Omit<Statement, 'id'> & { _id: string };

const schema = new Schema<StatementDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    roundtableId: { type: String, required: true },
    conferenceId: String,
    sequence: { type: Number, required: true },
    speaker: {
      type: new Schema(
        { kind: { type: String, required: true }, id: String },
        { _id: false, id: false },
      ),
      required: true,
    },
    agendaItemId: String,
    text: { type: String, required: true },
    recordedAt: { type: Date, required: true },
    // Absent from statements stored before it: those were said when recorded (see statementOf).
    occurredAt: Date,
    // Absent until the first correction.
    revision: Number,
  },
  { versionKey: false, collection: 'statements' },
);

// Roundtable.statements: keyset pages by sequence; and no sequence twice in a round table
schema.index({ tenantId: 1, roundtableId: 1, sequence: 1 }, { unique: true });

export type StatementModel = Model<StatementDocument>;

export function statementModel(connection: Connection): StatementModel {
  return connection.model<StatementDocument>('Statement', schema);
}
