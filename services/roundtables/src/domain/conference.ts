import {
  type ConferenceKind,
  type ConferenceStatus,
  type ConferenceUpdatableField,
  conferenceUpdatableFieldSchema,
} from '@kollegia/events';
import {
  badInput,
  calendarDate,
  conflict,
  occurredAt,
  optionalText,
  requiredText,
  sameValue,
  withoutUndefined,
  type CreationContext,
  type Decision,
  type DecisionContext,
  withArticle,
} from '@kollegia/service-kit/domain';

import { idList, LIMITS } from './validation';

/** A conference, forum, working meeting, strategic session or seminar. */
export interface Conference {
  id: string;
  tenantId: string;
  version: number;
  title: string;
  kind: ConferenceKind;
  /** First and last day, local to the city, `YYYY-MM-DD`. */
  startsOn: string;
  endsOn: string;
  city: string;
  venue?: string;
  /** The organising organisations. */
  organizerIds: string[];
  description?: string;
  /** Visible to partners; internal otherwise. */
  published: boolean;
  status: ConferenceStatus;
  openedAt?: Date;
  closedAt?: Date;
  createdAt: Date;
  updatedAt: Date;
}

/** What can be set on a conference's card (schedule takes all, update any subset). */
export interface ConferenceCard {
  title: string;
  kind: ConferenceKind;
  startsOn: string;
  endsOn: string;
  city: string;
  venue?: string | null;
  organizerIds?: readonly string[] | null;
  description?: string | null;
  published?: boolean | null;
}

/** What a conference decision changed, for the application layer to announce. */
export type ConferenceChange =
  | { kind: 'scheduled' }
  | { kind: 'updated'; changedFields: ConferenceUpdatableField[] }
  | { kind: 'opened' }
  | { kind: 'closed' };

export type ConferenceDecision = Decision<Conference, ConferenceChange>;

function validCard(card: ConferenceCard) {
  const startsOn = calendarDate('startsOn', card.startsOn);
  const endsOn = calendarDate('endsOn', card.endsOn);
  // ISO dates compare as strings.
  if (endsOn < startsOn) throw badInput('endsOn', 'must not be before startsOn');
  return {
    title: requiredText('title', card.title, LIMITS.title),
    kind: card.kind,
    startsOn,
    endsOn,
    city: requiredText('city', card.city, LIMITS.name),
    venue: optionalText('venue', card.venue, LIMITS.name),
    organizerIds: idList('organizerIds', card.organizerIds),
    description: optionalText('description', card.description, LIMITS.description),
    published: card.published ?? false,
  };
}

function requireStatus(
  state: Conference,
  allowed: readonly ConferenceStatus[],
  action: string,
): void {
  if (!allowed.includes(state.status)) {
    throw conflict(
      `${withArticle(state.status)} conference cannot ${action} (status ${state.status})`,
      state.status,
    );
  }
}

export function scheduleConference(
  card: ConferenceCard,
  context: CreationContext,
): ConferenceDecision {
  const state: Conference = withoutUndefined({
    id: context.ids(),
    tenantId: context.tenantId,
    version: 1,
    ...validCard(card),
    status: 'PLANNED',
    createdAt: context.now,
    updatedAt: context.now,
  });
  return { state, changes: [{ kind: 'scheduled' }] };
}

// The contract's list, so the domain cannot report a field the event does not know.
const UPDATABLE: readonly ConferenceUpdatableField[] = conferenceUpdatableFieldSchema.options;

/**
 * Applies a partial card while the conference is planned or open; rescheduling is a change of
 * its dates. Absent fields stay, `null` clears an optional one.
 */
export function updateConference(
  state: Conference,
  patch: Partial<ConferenceCard>,
  context: DecisionContext,
): ConferenceDecision {
  requireStatus(state, ['PLANNED', 'OPEN'], 'be changed');
  const card = validCard({
    title: patch.title ?? state.title,
    kind: patch.kind ?? state.kind,
    startsOn: patch.startsOn ?? state.startsOn,
    endsOn: patch.endsOn ?? state.endsOn,
    city: patch.city ?? state.city,
    venue: patch.venue === undefined ? state.venue : patch.venue,
    organizerIds: patch.organizerIds === undefined ? state.organizerIds : patch.organizerIds,
    description: patch.description === undefined ? state.description : patch.description,
    published: patch.published ?? state.published,
  });
  const changedFields = UPDATABLE.filter((field) => !sameValue(state[field], card[field]));
  if (changedFields.length === 0) return { state, changes: [] };
  return {
    state: withoutUndefined({ ...state, ...card, updatedAt: context.now }),
    changes: [{ kind: 'updated', changedFields }],
  };
}

/** When a conference opened or closed, as the command gives it: absent or null means now. */
export interface ConferenceMoment {
  occurredAt?: Date | null;
}

/** Opens the conference at the moment it opened (default now). */
export function openConference(
  state: Conference,
  command: ConferenceMoment,
  context: DecisionContext,
): ConferenceDecision {
  requireStatus(state, ['PLANNED'], 'be opened');
  const openedAt = occurredAt('openedAt', command.occurredAt, context.now);
  return {
    state: { ...state, status: 'OPEN', openedAt, updatedAt: context.now },
    changes: [{ kind: 'opened' }],
  };
}

/** Closes the conference at the moment it closed (default now; not before it opened). */
export function closeConference(
  state: Conference,
  command: ConferenceMoment,
  context: DecisionContext,
): ConferenceDecision {
  requireStatus(state, ['OPEN'], 'be closed');
  const closedAt = occurredAt('closedAt', command.occurredAt, context.now, {
    at: state.openedAt!,
    what: 'the conference opening',
  });
  return {
    state: { ...state, status: 'CLOSED', closedAt, updatedAt: context.now },
    changes: [{ kind: 'closed' }],
  };
}
