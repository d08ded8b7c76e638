import { DEFAULT_TIME_ZONE, type DecisionContext } from '@kollegia/service-kit/domain';
import { type Deadline, type DeadlinePolicy, daysUntil, isPast } from './deadline';
import type { Request, RequestChange, RequestDecision } from './request';

/** A notice that is due, in the shape of the change that announces it. */
export type DueNotice = Extract<RequestChange, { kind: 'due-soon' | 'overdue' }>;

/** The deadline that runs: registration while SUBMITTED, the answer while REGISTERED. */
export function runningDeadline(state: Request): Deadline | undefined {
  return state.status === 'SUBMITTED' || state.status === 'REGISTERED' ? state.deadline : undefined;
}

/** Calendar days left to the running deadline (0 on its last day, negative after), if one runs. */
export function daysRemaining(state: Request, now: Date): number | undefined {
  const deadline = runningDeadline(state);
  return deadline && daysUntil(deadline, now, state.timeZone ?? DEFAULT_TIME_ZONE);
}

/** Whether the running deadline has passed. */
export function overdue(state: Request, now: Date): boolean {
  const deadline = runningDeadline(state);
  return deadline !== undefined && isPast(deadline, now);
}

const key = (deadline: Deadline) => `${deadline.stage}/${deadline.dueOn}`;

/**
 * The notices due for the running deadline and not yet announced for it:
 *
 * - `overdue` once the deadline passed (registration or answer);
 * - `due-soon` when at most `policy.dueSoonDays` calendar days are left to an answer deadline
 *   (registration takes days, so warning of it would only be noise), unless already overdue.
 *
 * Each is announced once per deadline, so the new deadline after an extension (or the answer
 * deadline after registration) is announced again.
 */
export function dueNotices(state: Request, now: Date, policy: DeadlinePolicy): DueNotice[] {
  const deadline = runningDeadline(state);
  if (!deadline) return [];
  const days = daysUntil(deadline, now, state.timeZone ?? policy.timeZone);
  if (isPast(deadline, now)) {
    return state.announced.overdue === key(deadline)
      ? []
      : [{ kind: 'overdue', deadline, daysOverdue: Math.max(1, -days) }];
  }
  if (
    deadline.stage === 'ANSWER' &&
    days <= policy.dueSoonDays &&
    state.announced.dueSoon !== key(deadline)
  ) {
    return [{ kind: 'due-soon', deadline, daysRemaining: days }];
  }
  return [];
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
  return { state: { ...state, announced, updatedAt: context.now }, changes: notices };
}
