import {
  addCalendarDays,
  DEFAULT_TIME_ZONE,
  startOfLocalDay,
  type DecisionContext,
} from '@kollegia/service-kit/domain';

import {
  type DayCounting,
  type Deadline,
  type DeadlinePolicy,
  daysUntil,
  isPast,
} from './deadline';
import type { Request, RequestChange, RequestDecision } from './request';

/** A notice that is due, in the shape of the change that announces it. */
export type DueNotice = Extract<RequestChange, { kind: 'due-soon' | 'overdue' }>;

/** The deadline that runs: registration while SUBMITTED, the answer while REGISTERED. */
export function runningDeadline(state: Request): Deadline | undefined {
  return state.status === 'SUBMITTED' || state.status === 'REGISTERED' ? state.deadline : undefined;
}

/** How a request counts its days: as kept at submission; calendar days for older ones. */
export function countingOf(state: Request): DayCounting {
  return (
    state.counting ?? {
      dayCount: 'CALENDAR',
      jurisdiction: 'RU',
      holidays: [],
      workingWeekendDays: [],
      timeZone: state.timeZone ?? DEFAULT_TIME_ZONE,
    }
  );
}

/**
 * Days left to the running deadline (0 on its last day, negative after), if one runs, counted
 * as the request's procedure counts its terms (working days for a working-day procedure).
 */
export function daysRemaining(state: Request, now: Date): number | undefined {
  const deadline = runningDeadline(state);
  return deadline && daysUntil(deadline, now, countingOf(state));
}

/** Whether the running deadline has passed. */
export function overdue(state: Request, now: Date): boolean {
  const deadline = runningDeadline(state);
  return deadline !== undefined && isPast(deadline, now);
}

const key = (deadline: Deadline) => `${deadline.stage}/${deadline.dueOn}`;

/**
 * A request sent before requests kept their due-soon lead takes its policy's (the one the
 * scheduler decided it by until then); any other is returned as it is.
 */
export function withDueSoonLead(state: Request, policy: DeadlinePolicy): Request {
  return state.dueSoonDays === undefined && runningDeadline(state)
    ? { ...state, dueSoonDays: policy.dueSoonDays }
    : state;
}

/** A notice still to announce for the running deadline, and the moment it becomes due. */
interface PendingNotice {
  kind: DueNotice['kind'];
  deadline: Deadline;
  /** Undefined when it depends on a lead the request does not keep. */
  from: Date | undefined;
}

/**
 * The notices of the running deadline not yet announced for it, in the order they become due:
 *
 * - `due-soon` from the day `dueSoonDays` calendar days before an answer deadline, in the
 *   addressee's time zone (registration takes days, so warning of it would only be noise);
 * - `overdue` once the deadline passed (registration or answer).
 *
 * Each is announced once per deadline, so the new deadline after an extension (or the answer
 * deadline after registration) is announced again — but none for a deadline that had passed
 * when it was recorded: it is shown overdue, not announced as news.
 */
function pendingNotices(state: Request): PendingNotice[] {
  const deadline = runningDeadline(state);
  if (!deadline || state.announced.overdue === key(deadline)) return [];
  // Recorded after it had passed (a request entered as it happened): history, not news.
  if (state.deadlineRecordedAt && isPast(deadline, state.deadlineRecordedAt)) return [];
  const overdue = {
    kind: 'overdue' as const,
    deadline,
    from: new Date(deadline.dueAt.getTime() + 1),
  };
  if (deadline.stage !== 'ANSWER' || state.announced.dueSoon === key(deadline)) return [overdue];
  const lead = state.dueSoonDays;
  const from =
    lead === undefined
      ? undefined
      : startOfLocalDay(
          addCalendarDays(deadline.dueOn, -lead),
          state.timeZone ?? DEFAULT_TIME_ZONE,
        );
  return [{ kind: 'due-soon', deadline, from }, overdue];
}

/**
 * The notice due at `now` and not yet announced for the running deadline (see `pendingNotices`):
 * the last one whose moment has come, since once a deadline passed only `overdue` is news. The
 * policy gives the lead of a request that keeps none.
 */
export function dueNotices(state: Request, now: Date, policy: DeadlinePolicy): DueNotice[] {
  const request = withDueSoonLead(state, policy);
  const due = pendingNotices(request).filter(
    (notice) => notice.from !== undefined && notice.from.getTime() <= now.getTime(),
  );
  const notice = due.at(-1);
  if (!notice) return [];
  // The events' days are calendar days (their v1 meaning, ADR 0002), whatever the procedure.
  const days = daysUntil(notice.deadline, now, { ...countingOf(request), dayCount: 'CALENDAR' });
  return notice.kind === 'overdue'
    ? [{ kind: 'overdue', deadline: notice.deadline, daysOverdue: Math.max(1, -days) }]
    : [{ kind: 'due-soon', deadline: notice.deadline, daysRemaining: days }];
}

/**
 * The moment `dueNotices` will next find a notice for the request: stored with it on every write,
 * so the scheduler reads only the requests whose moment has come. Null when no notice remains
 * (no deadline runs, or it was announced overdue); undefined when the moment depends on a
 * due-soon lead the request does not keep (one sent before it was kept).
 */
export function nextNoticeAt(state: Request): Date | null | undefined {
  const [next] = pendingNotices(state);
  return next ? next.from : null;
}

/**
 * Announces the notices that are due (the scheduler calls it) and records them, so the next run
 * announces nothing until the deadline changes.
 */
export function announceDueNotices(
  state: Request,
  policy: DeadlinePolicy,
  context: DecisionContext,
): RequestDecision {
  const notices = dueNotices(state, context.now, policy);
  if (notices.length === 0) return { state, changes: [] };
  const announced = { ...state.announced };
  for (const notice of notices)
    announced[notice.kind === 'overdue' ? 'overdue' : 'dueSoon'] = key(notice.deadline);
  return {
    state: { ...withDueSoonLead(state, policy), announced, updatedAt: context.now },
    changes: notices,
  };
}
