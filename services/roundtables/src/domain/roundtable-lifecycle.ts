import {
  type MeetingSource,
  type PartyRef,
  type RoundtableFormat,
  type RoundtableUpdatableField,
  roundtableUpdatableFieldSchema,
} from '@kollegia/events';
import {
  badInput,
  conflict,
  httpUrl,
  instant,
  notFound,
  occurredAt,
  optionalText,
  requiredText,
  sameValue,
  withoutUndefined,
  type CreationContext,
  type DecisionContext,
  withArticle,
} from '@kollegia/service-kit/domain';

import type { Conference } from './conference';
import {
  type Happened,
  requireMinutesOpen,
  requireStatus,
  type Roundtable,
  type RoundtableChange,
  type RoundtableDecision,
} from './roundtable';
import { LIMITS, partyRef } from './validation';

/** What can be said about a round table besides its time and place. */
export interface RoundtableCard {
  title: string;
  format: RoundtableFormat;
  moderator: PartyRef;
  description?: string | null;
  published?: boolean | null;
  /** Where its record was published. */
  source?: { url: string; title?: string | null; publisher?: string | null } | null;
  /** The community (a working group, from members) that held it. */
  workingGroupId?: string | null;
}

/** When and where a round table sits. */
export interface RoundtableSchedule {
  startsAt: Date;
  endsAt?: Date | null;
  venue?: string | null;
}

export interface ScheduleRoundtable extends RoundtableCard, RoundtableSchedule {
  /** The conference it sits in; absent for a round table on its own. */
  conferenceId?: string | null;
}

/** A conference as far as scheduling a round table in it needs to know. */
export type HostConference = Pick<Conference, 'id' | 'status'>;

function validSource(source: RoundtableCard['source']): MeetingSource | undefined {
  if (!source) return undefined;
  return withoutUndefined({
    url: httpUrl('source.url', source.url, LIMITS.text),
    title: optionalText('source.title', source.title, LIMITS.title),
    publisher: optionalText('source.publisher', source.publisher, LIMITS.name),
  });
}

function validCard(card: RoundtableCard) {
  return {
    title: requiredText('title', card.title, LIMITS.title),
    format: card.format,
    moderator: partyRef('moderator', card.moderator),
    description: optionalText('description', card.description, LIMITS.description),
    published: card.published ?? false,
    source: validSource(card.source),
    workingGroupId: optionalText('workingGroupId', card.workingGroupId, LIMITS.name),
  };
}

function validSchedule(schedule: RoundtableSchedule) {
  const startsAt = instant('startsAt', schedule.startsAt);
  const endsAt = schedule.endsAt ? instant('endsAt', schedule.endsAt) : undefined;
  if (endsAt && endsAt.getTime() <= startsAt.getTime()) {
    throw badInput('endsAt', 'must be after startsAt');
  }
  return { startsAt, endsAt, venue: optionalText('venue', schedule.venue, LIMITS.name) };
}

/**
 * Schedules a round table. The caller loads the conference named by `conferenceId` and passes
 * it (or nothing when there is none); a closed conference takes no new round tables, except a
 * `past` one (recorded from its minutes: it sat while the conference was open).
 */
export function scheduleRoundtable(
  command: ScheduleRoundtable,
  context: CreationContext,
  conference?: HostConference,
  { past = false }: { past?: boolean } = {},
): RoundtableDecision {
  const conferenceId = optionalText('conferenceId', command.conferenceId, LIMITS.name);
  if (conferenceId !== undefined) {
    if (conference?.id !== conferenceId) throw notFound('conference', conferenceId);
    if (conference.status === 'CLOSED' && !past) {
      throw conflict(
        `${withArticle(conference.status)} conference cannot take new round tables (status ${conference.status})`,
        conference.status,
      );
    }
  }
  const state: Roundtable = withoutUndefined({
    id: context.ids(),
    tenantId: context.tenantId,
    version: 1,
    conferenceId,
    ...validCard(command),
    ...validSchedule(command),
    status: 'SCHEDULED',
    participants: [],
    agenda: [],
    resolutions: [],
    statementCount: 0,
    lastStatementSequence: 0,
    createdAt: context.now,
    updatedAt: context.now,
  });
  return { state, changes: [{ kind: 'scheduled' }] };
}

// The contract's list, so the domain cannot report a field the event does not know.
const UPDATABLE: readonly RoundtableUpdatableField[] = roundtableUpdatableFieldSchema.options;
// Announced apart, by roundtable.links-updated: roundtable.updated's list of fields is a v1 contract.
const LINKS = ['source', 'workingGroupId'] as const;

/**
 * Changes the card (not the time or place: see `rescheduleRoundtable`). Allowed after conclusion
 * too, because minutes are often published only once they are final; never once cancelled.
 */
export function updateRoundtable(
  state: Roundtable,
  patch: Partial<RoundtableCard>,
  context: DecisionContext,
): RoundtableDecision {
  requireStatus(state, ['SCHEDULED', 'LIVE', 'CONCLUDED'], 'be changed');
  const card = validCard({
    title: patch.title ?? state.title,
    format: patch.format ?? state.format,
    moderator: patch.moderator ?? state.moderator,
    description: patch.description === undefined ? state.description : patch.description,
    published: patch.published ?? state.published,
    source: patch.source === undefined ? state.source : patch.source,
    workingGroupId:
      patch.workingGroupId === undefined ? state.workingGroupId : patch.workingGroupId,
  });
  const changedFields = UPDATABLE.filter((field) => !sameValue(state[field], card[field]));
  const relinked = LINKS.some((field) => !sameValue(state[field], card[field]));
  const changes: RoundtableChange[] = [
    ...(changedFields.length > 0 ? [{ kind: 'updated' as const, changedFields }] : []),
    ...(relinked ? [{ kind: 'links-updated' as const }] : []),
  ];
  if (changes.length === 0) return { state, changes };
  return { state: withoutUndefined({ ...state, ...card, updatedAt: context.now }), changes };
}

/** Moves a scheduled round table. Absent fields stay, `null` clears `endsAt` or `venue`. */
export function rescheduleRoundtable(
  state: Roundtable,
  patch: Partial<RoundtableSchedule>,
  context: DecisionContext,
): RoundtableDecision {
  requireStatus(state, ['SCHEDULED'], 'be rescheduled');
  const schedule = validSchedule({
    startsAt: patch.startsAt ?? state.startsAt,
    endsAt: patch.endsAt === undefined ? state.endsAt : patch.endsAt,
    venue: patch.venue === undefined ? state.venue : patch.venue,
  });
  const previous = withoutUndefined({
    startsAt: state.startsAt,
    endsAt: state.endsAt,
    venue: state.venue,
  });
  if (sameValue(previous, withoutUndefined(schedule))) return { state, changes: [] };
  return {
    state: withoutUndefined({ ...state, ...schedule, updatedAt: context.now }),
    changes: [{ kind: 'rescheduled', previous }],
  };
}

/** Opens the sitting, at the moment it began (default now). */
export function startRoundtable(
  state: Roundtable,
  command: Happened,
  context: DecisionContext,
): RoundtableDecision {
  requireStatus(state, ['SCHEDULED'], 'be started');
  const startedAt = occurredAt('startedAt', command.occurredAt, context.now);
  return {
    state: { ...state, status: 'LIVE', startedAt, updatedAt: context.now },
    changes: [{ kind: 'started' }],
  };
}

/**
 * The latest moment on record of a sitting: its start, a question taken up or closed, a
 * statement. Its conclusion and every later statement come at or after its start, and the
 * conclusion after all of these.
 */
export function latestOnRecord(state: Roundtable): Date {
  const moments = [
    state.startedAt,
    state.lastStatementAt,
    ...state.agenda.flatMap((item) => [item.openedAt, item.closedAt]),
  ].filter((moment): moment is Date => moment !== undefined);
  return new Date(Math.max(...moments.map((moment) => moment.getTime())));
}

/**
 * Concludes a live round table at the moment it ended (default now; not before anything on
 * record): every proposed resolution is adopted and frozen, and the question still in
 * discussion counts as discussed.
 */
export function concludeRoundtable(
  state: Roundtable,
  command: Happened,
  context: DecisionContext,
): RoundtableDecision {
  requireStatus(state, ['LIVE'], 'be concluded');
  const concludedAt = occurredAt('concludedAt', command.occurredAt, context.now, {
    at: latestOnRecord(state),
    what: 'the last moment on record of the round table',
  });
  return {
    state: {
      ...state,
      status: 'CONCLUDED',
      agenda: state.agenda.map((item) =>
        item.status === 'IN_DISCUSSION'
          ? { ...item, status: 'DISCUSSED', closedAt: concludedAt }
          : item,
      ),
      resolutions: state.resolutions.map((resolution) =>
        resolution.status === 'PROPOSED' ? { ...resolution, status: 'ADOPTED' } : resolution,
      ),
      concludedAt,
      updatedAt: context.now,
    },
    changes: [{ kind: 'concluded' }],
  };
}

/**
 * Approves the minutes of a concluded round table (at the moment given, default now; not before
 * its conclusion): from then on they refuse every correction.
 */
export function approveMinutes(
  state: Roundtable,
  command: Happened,
  context: DecisionContext,
): RoundtableDecision {
  requireStatus(state, ['CONCLUDED'], 'have its minutes approved');
  requireMinutesOpen(state, 'be approved again');
  const minutesApprovedAt = occurredAt('approvedAt', command.occurredAt, context.now, {
    at: state.concludedAt!,
    what: "the round table's conclusion",
  });
  return {
    state: { ...state, minutesApprovedAt, updatedAt: context.now },
    changes: [{ kind: 'minutes-approved' }],
  };
}

/** Calls off a scheduled or live round table; its proposed resolutions are never adopted. */
export function cancelRoundtable(
  state: Roundtable,
  command: { reason: string },
  context: DecisionContext,
): RoundtableDecision {
  requireStatus(state, ['SCHEDULED', 'LIVE'], 'be cancelled');
  const reason = requiredText('reason', command.reason, LIMITS.text);
  return {
    state: {
      ...state,
      status: 'CANCELLED',
      cancelledAt: context.now,
      cancelReason: reason,
      updatedAt: context.now,
    },
    changes: [{ kind: 'cancelled', previousStatus: state.status, reason }],
  };
}
