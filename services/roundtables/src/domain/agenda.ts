import type { AgendaItemStatus } from '@kollegia/events';
import {
  badInput,
  conflict,
  notFound,
  optionalText,
  requiredText,
  sameValue,
  type DecisionContext,
} from '@kollegia/service-kit/domain';

import {
  type AgendaItem,
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

/** Takes up a pending or deferred question; one question is in discussion at a time. */
export function openAgendaItem(
  state: Roundtable,
  command: { agendaItemId: string },
  context: DecisionContext,
): RoundtableDecision {
  requireStatus(state, ['LIVE'], 'open agenda items');
  const current = findItem(state, command.agendaItemId);
  if (current.status !== 'PENDING' && current.status !== 'DEFERRED') {
    refuseItem(current, 'be opened');
  }
  const inDiscussion = state.agenda.find((item) => item.status === 'IN_DISCUSSION');
  if (inDiscussion) {
    throw conflict(
      `agenda item ${inDiscussion.id} is still IN_DISCUSSION: close or defer it first`,
      inDiscussion.status,
    );
  }
  const item: AgendaItem = { ...current, status: 'IN_DISCUSSION' };
  return {
    state: withItem(state, item, context.now),
    changes: [{ kind: 'agenda-item-opened', item }],
  };
}

/** Ends the discussion of the question in discussion. */
export function closeAgendaItem(
  state: Roundtable,
  command: { agendaItemId: string },
  context: DecisionContext,
): RoundtableDecision {
  requireStatus(state, ['LIVE'], 'close agenda items');
  const current = findItem(state, command.agendaItemId);
  if (current.status !== 'IN_DISCUSSION') refuseItem(current, 'be closed');
  const item: AgendaItem = { ...current, status: 'DISCUSSED' };
  return {
    state: withItem(state, item, context.now),
    changes: [{ kind: 'agenda-item-closed', item }],
  };
}

/** Puts off a question not yet discussed or in discussion; it may be taken up again. */
export function deferAgendaItem(
  state: Roundtable,
  command: { agendaItemId: string; reason?: string | null },
  context: DecisionContext,
): RoundtableDecision {
  requireStatus(state, ['LIVE'], 'defer agenda items');
  const current = findItem(state, command.agendaItemId);
  if (current.status !== 'PENDING' && current.status !== 'IN_DISCUSSION') {
    refuseItem(current, 'be deferred');
  }
  const reason = optionalText('reason', command.reason, LIMITS.text);
  const item: AgendaItem = { ...current, status: 'DEFERRED' };
  return {
    state: withItem(state, item, context.now),
    changes: [{ kind: 'agenda-item-deferred', item, ...(reason === undefined ? {} : { reason }) }],
  };
}
