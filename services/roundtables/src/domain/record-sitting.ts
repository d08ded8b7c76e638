import type { PartyRef } from '@kollegia/events';
import {
  badInput,
  instant,
  optionalText,
  requiredText,
  type CreationContext,
  type DecisionContext,
} from '@kollegia/service-kit/domain';

import { closeAgendaItem, deferAgendaItem, openAgendaItem, setAgenda } from './agenda';
import { registerParticipant, type RegisterParticipant } from './participants';
import { proposeResolution, type ResolutionDraft } from './resolutions';
import type { Roundtable, RoundtableDecision } from './roundtable';
import {
  concludeRoundtable,
  latestOnRecord,
  scheduleRoundtable,
  startRoundtable,
  type HostConference,
  type RoundtableCard,
} from './roundtable-lifecycle';
import { recordStatement, type Statement } from './statement';
import { LIMITS, prefixed } from './validation';

/** At most this many statements in one recorded sitting (a long sitting's minutes). */
export const MAX_RECORDED_STATEMENTS = 1000;

/** A question of a recorded sitting, with what its discussion came to. */
export interface RecordedQuestion {
  title: string;
  result?: string | null;
  /** Put off to a later sitting (отложен): it has no result; `deferReason` may say why. */
  deferred?: boolean | null;
  deferReason?: string | null;
}

/** A line of the minutes of a recorded sitting; `question` is the 1-based place in the agenda. */
export interface RecordedStatement {
  speaker: PartyRef;
  question?: number | null;
  text: string;
  occurredAt: Date;
}

/** A resolution of a recorded sitting; `questions` are 1-based places in the agenda. */
export type RecordedResolution = Omit<ResolutionDraft, 'agendaItemId' | 'agendaItemIds'> & {
  questions?: readonly number[] | null;
};

/** A concluded sitting as its minutes record it. */
export interface RecordSitting extends RoundtableCard {
  conferenceId?: string | null;
  venue?: string | null;
  startedAt: Date;
  concludedAt: Date;
  participants?: readonly RegisterParticipant[] | null;
  agenda?: readonly RecordedQuestion[] | null;
  statements?: readonly RecordedStatement[] | null;
  resolutions?: readonly RecordedResolution[] | null;
}

/** Each step of a recorded sitting: the state after it, and what it changed. */
export interface RecordedSitting {
  state: Roundtable;
  steps: RoundtableDecision[];
  statements: Statement[];
}

function questionId(state: Roundtable, field: string, position: number): string {
  const item = state.agenda[position - 1];
  if (!Number.isInteger(position) || !item) {
    throw badInput(field, `must be a place in the agenda, 1 to ${state.agenda.length}`);
  }
  return item.id;
}

/** Statements go in the order they were said, each within the sitting. */
function inTimeOrder(
  statements: readonly RecordedStatement[],
  startedAt: Date,
  concludedAt: Date,
): void {
  statements.forEach((statement, index) => {
    const field = `statements[${index}].occurredAt`;
    const at = instant(field, statement.occurredAt).getTime();
    if (at < startedAt.getTime() || at > concludedAt.getTime()) {
      throw badInput(field, 'must be within the sitting, from startedAt to concludedAt');
    }
    const before = statements[index - 1]?.occurredAt;
    if (before && at < before.getTime()) {
      throw badInput(
        field,
        `must not be before the statement above it (${before.toISOString()}): statements go in the order they were said`,
      );
    }
  });
}

/** The questions' titles and results, named as the command names them (`agenda[2].result`). */
function validQuestions(questions: readonly RecordedQuestion[]) {
  if (questions.length > LIMITS.agendaItems) {
    throw badInput('agenda', `must have at most ${LIMITS.agendaItems} questions`);
  }
  return questions.map((question, index) => {
    const deferred = question.deferred === true;
    const result = optionalText(`agenda[${index}].result`, question.result, LIMITS.resolution);
    if (deferred && result !== undefined) {
      throw badInput(`agenda[${index}].result`, 'a deferred question has no result');
    }
    if (!deferred && question.deferReason !== undefined && question.deferReason !== null) {
      throw badInput(`agenda[${index}].deferReason`, 'only a deferred question has a reason');
    }
    return {
      title: requiredText(`agenda[${index}].title`, question.title, LIMITS.question),
      result,
      deferred,
      deferReason: optionalText(`agenda[${index}].deferReason`, question.deferReason, LIMITS.text),
    };
  });
}

/**
 * Records a concluded sitting from its minutes, as the live sitting would have recorded it, step
 * by step with the same decisions and so the same events: scheduled (at its start and end),
 * participants registered, agenda set, started at `startedAt`; each statement in the order said,
 * its question taken up at the first statement on it (the question before closed then), the last
 * one closed at its last statement; questions with a result and no statement taken up and closed
 * at the end; resolutions proposed, then concluded at `concludedAt` (adopting them). Every step's
 * rules hold (e.g. a speaker is at the table, no statement outside the sitting).
 */
export function recordSitting(
  command: RecordSitting,
  context: CreationContext,
  conference?: HostConference,
): RecordedSitting {
  const startedAt = instant('startedAt', command.startedAt);
  const concludedAt = instant('concludedAt', command.concludedAt);
  if (concludedAt.getTime() <= startedAt.getTime()) {
    throw badInput('concludedAt', 'must be after startedAt');
  }
  const participants = command.participants ?? [];
  const questions = validQuestions(command.agenda ?? []);
  const statements = command.statements ?? [];
  const resolutions = command.resolutions ?? [];
  if (participants.length > LIMITS.participants) {
    throw badInput('participants', `must have at most ${LIMITS.participants} participants`);
  }
  if (statements.length > MAX_RECORDED_STATEMENTS) {
    throw badInput('statements', `must have at most ${MAX_RECORDED_STATEMENTS} statements`);
  }
  if (resolutions.length > LIMITS.resolutions) {
    throw badInput('resolutions', `must have at most ${LIMITS.resolutions} resolutions`);
  }
  inTimeOrder(statements, startedAt, concludedAt);

  const steps: RoundtableDecision[] = [];
  const recorded: Statement[] = [];
  // It sat while its conference was open: a closed conference takes it.
  const scheduled = scheduleRoundtable(
    { ...command, startsAt: startedAt, endsAt: concludedAt },
    context,
    conference,
    { past: true },
  );
  steps.push(scheduled);
  let state = scheduled.state;
  const step = (prefix: string, decide: (current: Roundtable) => RoundtableDecision) => {
    const decision = prefixed(prefix, () => decide(state));
    state = decision.state;
    steps.push(decision);
  };
  const dc: DecisionContext = context;

  participants.forEach((participant, index) =>
    step(`participants[${index}].`, (current) => registerParticipant(current, participant, dc)),
  );
  step('', (current) =>
    setAgenda(current, { items: questions.map(({ title }) => ({ title })) }, dc),
  );
  step('', (current) => startRoundtable(current, { occurredAt: startedAt }, dc));

  const questionOf = (agendaItemId: string) =>
    questions[state.agenda.findIndex((item) => item.id === agendaItemId)];
  const defer = (agendaItemId: string, at: Date) =>
    step('', (current) =>
      deferAgendaItem(
        current,
        { agendaItemId, reason: questionOf(agendaItemId)?.deferReason, occurredAt: at },
        dc,
      ),
    );
  // A question put off after it was spoken to is deferred where the live one would have closed it.
  const close = (agendaItemId: string, at: Date) =>
    questionOf(agendaItemId)?.deferred
      ? defer(agendaItemId, at)
      : step('', (current) =>
          closeAgendaItem(
            current,
            { agendaItemId, result: questionOf(agendaItemId)?.result, occurredAt: at },
            dc,
          ),
        );
  const inDiscussion = () => state.agenda.find((item) => item.status === 'IN_DISCUSSION');
  let lastOnQuestion: Date | undefined;

  statements.forEach((statement, index) => {
    const prefix = `statements[${index}].`;
    const position = statement.question ?? undefined;
    const agendaItemId =
      position === undefined
        ? undefined
        : prefixed(prefix, () => questionId(state, 'question', position));
    const open = inDiscussion();
    if (agendaItemId !== undefined && open?.id !== agendaItemId) {
      if (open) close(open.id, lastOnQuestion ?? statement.occurredAt);
      step(prefix, (current) =>
        openAgendaItem(current, { agendaItemId, occurredAt: statement.occurredAt }, dc),
      );
    }
    if (agendaItemId !== undefined) lastOnQuestion = statement.occurredAt;
    const decision = prefixed(prefix, () =>
      recordStatement(
        state,
        {
          speaker: statement.speaker,
          agendaItemId,
          text: statement.text,
          occurredAt: statement.occurredAt,
        },
        dc,
      ),
    );
    state = decision.state;
    steps.push(decision);
    recorded.push(decision.statement);
  });
  const open = inDiscussion();
  if (open) close(open.id, lastOnQuestion!);
  // Questions the minutes give a result for but no statement on were discussed all the same;
  // those put off without a word said were deferred.
  for (const item of state.agenda) {
    if (item.status !== 'PENDING') continue;
    const at = latestOnRecord(state);
    if (questionOf(item.id)?.deferred) {
      defer(item.id, at);
    } else if (questionOf(item.id)?.result) {
      step('', (current) => openAgendaItem(current, { agendaItemId: item.id, occurredAt: at }, dc));
      close(item.id, at);
    }
  }

  resolutions.forEach((resolution, index) => {
    const prefix = `resolutions[${index}].`;
    const agendaItemIds = (resolution.questions ?? []).map((position) =>
      prefixed(prefix, () => questionId(state, 'questions', position)),
    );
    const { kind, text, addresseeIds, responsible, dueDate } = resolution;
    const draft = { kind, text, addresseeIds, responsible, dueDate, agendaItemIds };
    step(prefix, (current) => proposeResolution(current, draft, dc));
  });
  step('', (current) => concludeRoundtable(current, { occurredAt: concludedAt }, dc));
  return { state, steps, statements: recorded };
}
