import type { PartyRef } from '@kollegia/events';
import {
  badInput,
  conflict,
  optionalText,
  requiredText,
  type DecisionContext,
} from '@kollegia/service-kit/domain';

import {
  isAtTheTable,
  requireStatus,
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
  recordedAt: Date;
}

export interface RecordStatement {
  speaker: PartyRef;
  /** The question spoken to; it must be the one in discussion. */
  agendaItemId?: string | null;
  text: string;
}

/** The round table after the statement, what changed, and the statement record to store. */
export interface StatementDecision extends RoundtableDecision {
  statement: Statement;
}

/** Adds a line to the minutes of a live round table. */
export function recordStatement(
  state: Roundtable,
  command: RecordStatement,
  context: DecisionContext,
): StatementDecision {
  requireStatus(state, ['LIVE'], 'record statements');
  const text = requiredText(TEXT_FIELD, command.text, LIMITS.statement);
  const speaker = partyRef('speaker', command.speaker);
  if (!isAtTheTable(state, speaker)) {
    throw badInput('speaker', 'must be the moderator or a registered participant');
  }
  const agendaItemId = optionalText('agendaItemId', command.agendaItemId, LIMITS.name);
  if (agendaItemId !== undefined) {
    const item = state.agenda.find((candidate) => candidate.id === agendaItemId);
    if (!item) throw badInput('agendaItemId', `agenda item ${agendaItemId} does not exist`);
    if (item.status !== 'IN_DISCUSSION') {
      throw conflict(
        `statements go to the question in discussion; agenda item ${item.id} is ${item.status} (status ${item.status})`,
        item.status,
      );
    }
  }
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
  };
  return {
    state: {
      ...state,
      statementCount: state.statementCount + 1,
      lastStatementSequence: sequence,
      updatedAt: context.now,
    },
    changes: [{ kind: 'statement-recorded', statement }],
    statement,
  };
}
