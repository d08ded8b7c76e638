import type { AgendaItemStatus } from '@kollegia/events';
import {
  badInput,
  conflict,
  notFound,
  occurredAt,
  optionalText,
  requiredText,
  sameValue,
  withoutUndefined,
  type DecisionContext,
} from '@kollegia/service-kit/domain';

import {
  type AgendaItem,
  type Happened,
  requireMinutesEditable,
  requireStatus,
  type Roundtable,
  type RoundtableDecision,
} from './roundtable';
import { LIMITS } from './validation';

/** One question of a new agenda: an existing item keeps its id (and status), a new one has none. */
export interface AgendaEntry {
  id?: string | null;
  title: string;
}

// Discussion of these has happened or is happening, so the minutes refer to them.
const ON_RECORD: readonly AgendaItemStatus[] = ['IN_DISCUSSION', 'DISCUSSED'];

function refuseItem(item: AgendaItem, action: string): never {
  throw conflict(
    `agenda item ${item.id} is ${item.status} and cannot ${action} (status ${item.status})`,
    item.status,
  );
}

function findItem(state: Roundtable, agendaItemId: string): AgendaItem {
  const item = state.agenda.find((candidate) => candidate.id === agendaItemId);
  if (!item) throw notFound('agenda item', agendaItemId);
  return item;
}

function withItem(state: Roundtable, item: AgendaItem, now: Date): Roundtable {
  return {
    ...state,
    agenda: state.agenda.map((current) => (current.id === item.id ? item : current)),
    updatedAt: now,
  };
}

/**
 * Replaces the agenda with an ordered list of questions: adds, removes, retitles and reorders.
 * Questions discussed or in discussion cannot be removed, and discussed ones keep their title.
 */
export function setAgenda(
  state: Roundtable,
  command: { items: readonly AgendaEntry[] },
  context: DecisionContext,
): RoundtableDecision {
  requireStatus(state, ['SCHEDULED', 'LIVE'], 'change its agenda');
  if (command.items.length > LIMITS.agendaItems) {
    throw badInput('items', `must have at most ${LIMITS.agendaItems} questions`);
  }
  const seen = new Set<string>();
  const agenda = command.items.map((entry, index): AgendaItem => {
    const title = requiredText(`items[${index}].title`, entry.title, LIMITS.question);
    const id = optionalText(`items[${index}].id`, entry.id, LIMITS.name);
    if (id === undefined) return { id: context.ids(), title, status: 'PENDING' };
    if (seen.has(id)) throw badInput(`items[${index}].id`, `lists agenda item ${id} twice`);
    seen.add(id);
    const current = state.agenda.find((item) => item.id === id);
    if (!current) throw badInput(`items[${index}].id`, `agenda item ${id} does not exist`);
    if (current.title !== title && current.status === 'DISCUSSED')
      refuseItem(current, 'be retitled');
    return { ...current, title };
  });
  const removed = state.agenda.find(
    (item) => !seen.has(item.id) && ON_RECORD.includes(item.status),
  );
  if (removed) refuseItem(removed, 'be removed');
  if (sameValue(agenda, state.agenda)) return { state, changes: [] };
  return {
    state: { ...state, agenda, updatedAt: context.now },
    changes: [{ kind: 'agenda-set' }],
  };
}

// When the sitting began: nothing on its agenda happens before.
const sittingStart = (state: Roundtable) => ({
  at: state.startedAt!,
  what: "the round table's start",
});

/**
 * Takes up a pending, deferred or discussed question (minutes typed up afterwards return to a
 * question), at the moment given (default now; not before the sitting began nor before the
 * question was last closed); one question is in discussion at a time.
 */
export function openAgendaItem(
  state: Roundtable,
  command: { agendaItemId: string } & Happened,
  context: DecisionContext,
): RoundtableDecision {
  requireStatus(state, ['LIVE'], 'open agenda items');
  const current = findItem(state, command.agendaItemId);
  if (current.status === 'IN_DISCUSSION') refuseItem(current, 'be opened');
  const inDiscussion = state.agenda.find((item) => item.status === 'IN_DISCUSSION');
  if (inDiscussion) {
    throw conflict(
      `agenda item ${inDiscussion.id} is still IN_DISCUSSION: close or defer it first`,
      inDiscussion.status,
    );
  }
  const at = occurredAt(
    'occurredAt',
    command.occurredAt,
    context.now,
    current.closedAt && current.closedAt > state.startedAt!
      ? { at: current.closedAt, what: `the end of its last discussion` }
      : sittingStart(state),
  );
  const item: AgendaItem = { ...current, status: 'IN_DISCUSSION', openedAt: at };
  return {
    state: withItem(state, item, context.now),
    changes: [{ kind: 'agenda-item-opened', item, occurredAt: at }],
  };
}

/**
 * Ends the discussion of the question in discussion, at the moment given (default now; not
 * before it was taken up), with its result when given.
 */
export function closeAgendaItem(
  state: Roundtable,
  command: { agendaItemId: string; result?: string | null } & Happened,
  context: DecisionContext,
): RoundtableDecision {
  requireStatus(state, ['LIVE'], 'close agenda items');
  const current = findItem(state, command.agendaItemId);
  if (current.status !== 'IN_DISCUSSION') refuseItem(current, 'be closed');
  const at = occurredAt('occurredAt', command.occurredAt, context.now, {
    at: current.openedAt ?? state.startedAt!,
    what: 'the moment it was taken up',
  });
  const result = optionalText('result', command.result, LIMITS.resolution) ?? current.result;
  const item: AgendaItem = withoutUndefined({
    ...current,
    status: 'DISCUSSED',
    closedAt: at,
    result,
  });
  return {
    state: withItem(state, item, context.now),
    changes: [{ kind: 'agenda-item-closed', item, occurredAt: at }],
  };
}

/**
 * Puts off a question not yet discussed or in discussion, at the moment given (default now; not
 * before the sitting began); it may be taken up again.
 */
export function deferAgendaItem(
  state: Roundtable,
  command: { agendaItemId: string; reason?: string | null } & Happened,
  context: DecisionContext,
): RoundtableDecision {
  requireStatus(state, ['LIVE'], 'defer agenda items');
  const current = findItem(state, command.agendaItemId);
  if (current.status !== 'PENDING' && current.status !== 'IN_DISCUSSION') {
    refuseItem(current, 'be deferred');
  }
  const reason = optionalText('reason', command.reason, LIMITS.text);
  const at = occurredAt('occurredAt', command.occurredAt, context.now, sittingStart(state));
  const item: AgendaItem = { ...current, status: 'DEFERRED' };
  return {
    state: withItem(state, item, context.now),
    changes: [
      {
        kind: 'agenda-item-deferred',
        item,
        occurredAt: at,
        ...(reason === undefined ? {} : { reason }),
      },
    ],
  };
}

/**
 * Records (or, with null, clears) what the discussion of a question came to: while the round
 * table sits, and after it concluded until its minutes are approved.
 */
export function recordAgendaResult(
  state: Roundtable,
  command: { agendaItemId: string; result: string | null },
  context: DecisionContext,
): RoundtableDecision {
  requireMinutesEditable(state, 'record results');
  const current = findItem(state, command.agendaItemId);
  const result = optionalText('result', command.result, LIMITS.resolution);
  if (result === current.result) return { state, changes: [] };
  const item: AgendaItem = withoutUndefined({ ...current, result });
  return {
    state: withItem(state, item, context.now),
    changes: [{ kind: 'agenda-set' }],
  };
}
