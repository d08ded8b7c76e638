import {
  type PartyRef,
  type StatementCorrectableField,
  statementCorrectableFieldSchema,
} from '@kollegia/events';
import {
  badInput,
  conflict,
  occurredAt,
  optionalText,
  requiredText,
  sameValue,
  withoutUndefined,
  type DecisionContext,
} from '@kollegia/service-kit/domain';

import {
  type Happened,
  isAtTheTable,
  requireMinutesEditable,
  type Roundtable,
  type RoundtableDecision,
} from './roundtable';
import { LIMITS, partyRef, TEXT_FIELD } from './validation';

/**
 * One line of the minutes. A round table may have thousands, so each is a record of its own
 * rather than an entry inside the round table (which keeps only the count and last sequence).
 */
export interface Statement {
  id: string;
  tenantId: string;
  roundtableId: string;
  conferenceId?: string;
  /** Order within the round table: 1, 2, 3, ... never reused. */
  sequence: number;
  speaker: PartyRef;
  agendaItemId?: string;
  text: string;
  /** When it was entered (the server clock). */
  recordedAt: Date;
  /** When it was said, as the secretary gives it; `recordedAt` when typed live. */
  occurredAt: Date;
  /** How often it was corrected (absent until the first correction). */
  revision?: number;
}

export interface RecordStatement extends Happened {
  speaker: PartyRef;
  /**
   * The question spoken to: while the round table sits, the one in discussion; once concluded
   * (typing up the minutes), any question of the agenda.
   */
  agendaItemId?: string | null;
  text: string;
}

/** The round table after the statement, what changed, and the statement record to store. */
export interface StatementDecision extends RoundtableDecision {
  statement: Statement;
}

/**
 * When a statement was said: while the round table sits, default now; once concluded, given,
 * and within the sitting. Never before the sitting began.
 */
function spokenAt(state: Roundtable, given: Date | null | undefined, now: Date): Date {
  if (state.status === 'CONCLUDED' && !given) {
    throw badInput(
      'occurredAt',
      'is required for a statement typed up after the round table concluded',
    );
  }
  const at = occurredAt('occurredAt', given, now, {
    at: state.startedAt!,
    what: "the round table's start",
  });
  if (state.concludedAt && at.getTime() > state.concludedAt.getTime()) {
    throw badInput(
      'occurredAt',
      `must not be after the round table's conclusion (${state.concludedAt.toISOString()})`,
    );
  }
  return at;
}

/**
 * Adds a line to the minutes: typed live, or typed up from the minutes once the round table
 * concluded, until they are approved.
 */
export function recordStatement(
  state: Roundtable,
  command: RecordStatement,
  context: DecisionContext,
): StatementDecision {
  requireMinutesEditable(state, 'record statements');
  const text = requiredText(TEXT_FIELD, command.text, LIMITS.statement);
  const speaker = partyRef('speaker', command.speaker);
  if (!isAtTheTable(state, speaker)) {
    throw badInput('speaker', 'must be the moderator or a registered participant');
  }
  const agendaItemId = optionalText('agendaItemId', command.agendaItemId, LIMITS.name);
  if (agendaItemId !== undefined) {
    const item = state.agenda.find((candidate) => candidate.id === agendaItemId);
    if (!item) throw badInput('agendaItemId', `agenda item ${agendaItemId} does not exist`);
    if (state.status === 'LIVE' && item.status !== 'IN_DISCUSSION') {
      throw conflict(
        `statements go to the question in discussion; agenda item ${item.id} is ${item.status} (status ${item.status})`,
        item.status,
      );
    }
  }
  const at = spokenAt(state, command.occurredAt, context.now);
  const sequence = state.lastStatementSequence + 1;
  const statement: Statement = {
    id: context.ids(),
    tenantId: state.tenantId,
    roundtableId: state.id,
    ...(state.conferenceId === undefined ? {} : { conferenceId: state.conferenceId }),
    sequence,
    speaker,
    ...(agendaItemId === undefined ? {} : { agendaItemId }),
    text,
    recordedAt: context.now,
    occurredAt: at,
  };
  const latest = state.lastStatementAt;
  return {
    state: {
      ...state,
      statementCount: state.statementCount + 1,
      lastStatementSequence: sequence,
      lastStatementAt: latest && latest.getTime() > at.getTime() ? latest : at,
      updatedAt: context.now,
    },
    changes: [{ kind: 'statement-recorded', statement }],
    statement,
  };
}

/** What a correction changes; absent fields stay, `agendaItemId: null` takes the line off its question. */
export interface CorrectStatement {
  speaker?: PartyRef | null;
  agendaItemId?: string | null;
  text?: string | null;
  occurredAt?: Date | null;
}

/** The statement after a correction, or the same one when nothing changed. */
export interface CorrectionDecision extends RoundtableDecision {
  statement: Statement;
}

// The contract's list, so the domain cannot report a field the event does not know.
const CORRECTABLE: readonly StatementCorrectableField[] = statementCorrectableFieldSchema.options;

/**
 * Corrects a line of the minutes — who spoke, on which question (any on the agenda), what was
 * said, when (within the sitting) — while the round table sits, and after it concluded until the
 * minutes are approved. Its id and sequence stay; its revision goes up.
 */
export function correctStatement(
  state: Roundtable,
  current: Statement,
  command: CorrectStatement,
  context: DecisionContext,
): CorrectionDecision {
  requireMinutesEditable(state, 'correct statements');
  const speaker = command.speaker ? partyRef('speaker', command.speaker) : current.speaker;
  if (!isAtTheTable(state, speaker)) {
    throw badInput('speaker', 'must be the moderator or a registered participant');
  }
  const agendaItemId =
    command.agendaItemId === undefined
      ? current.agendaItemId
      : optionalText('agendaItemId', command.agendaItemId, LIMITS.name);
  if (agendaItemId !== undefined && !state.agenda.some((item) => item.id === agendaItemId)) {
    throw badInput('agendaItemId', `agenda item ${agendaItemId} does not exist`);
  }
  const corrected: Statement = withoutUndefined({
    ...current,
    speaker,
    agendaItemId,
    text: command.text ? requiredText(TEXT_FIELD, command.text, LIMITS.statement) : current.text,
    occurredAt: command.occurredAt
      ? spokenAt(state, command.occurredAt, context.now)
      : current.occurredAt,
  });
  const changedFields = CORRECTABLE.filter((field) => !sameValue(current[field], corrected[field]));
  if (changedFields.length === 0) return { state, changes: [], statement: current };
  const statement: Statement = { ...corrected, revision: (current.revision ?? 0) + 1 };
  const latest = state.lastStatementAt;
  return {
    state: {
      ...state,
      lastStatementAt:
        latest && latest.getTime() > statement.occurredAt.getTime() ? latest : statement.occurredAt,
      updatedAt: context.now,
    },
    changes: [{ kind: 'statement-corrected', statement, changedFields }],
    statement,
  };
}
