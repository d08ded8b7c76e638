import {
  DEFAULT_TIME_ZONE,
  type DecisionContext,
  addCalendarDays,
  badInput,
  daysBetween,
  localDate,
  timeZoneName,
} from '@kollegia/service-kit/domain';

import { dueDatePassedWhenRecorded } from './happened';
import {
  decided,
  IN_FORCE,
  OPEN,
  type Recommendation,
  type RecommendationChange,
  type RecommendationDecision,
  unchanged,
} from './recommendation';

/** How follow-ups are timed for a tenant. */
export interface FollowUpOptions {
  /** Where the tenant's days begin and end. */
  timeZone: string;
  /** How many calendar days before the due date it is announced as due soon. */
  dueSoonDays: number;
}

/**
 * Two weeks' notice: recommendations take months, and a responsible party or an addressee needs
 * days to gather a report.
 */
export const DEFAULT_FOLLOW_UPS: FollowUpOptions = {
  timeZone: DEFAULT_TIME_ZONE,
  dueSoonDays: 14,
};

/** A follow-up that is due, in the shape of the change that announces it. */
export type FollowUp = Extract<
  RecommendationChange,
  { kind: 'due-soon' | 'overdue' | 'review-due' }
>;

function checked(options: FollowUpOptions): FollowUpOptions {
  if (!Number.isInteger(options.dueSoonDays) || options.dueSoonDays < 0) {
    throw badInput('dueSoonDays', 'must be a whole number of days, 0 or more');
  }
  return { ...options, timeZone: timeZoneName('timeZone', options.timeZone) };
}

/**
 * Whether a recommendation is overdue: its due date has passed (in the tenant's calendar) and it
 * is not finished. A proposal past its date counts too, though nobody is reminded of it (see
 * `dueFollowUps`): the card should show that the date set for it is gone.
 */
export function overdue(
  state: Recommendation,
  now: Date,
  timeZone: string = DEFAULT_TIME_ZONE,
): boolean {
  return (
    state.dueDate !== undefined &&
    OPEN.includes(state.status) &&
    localDate(now, timeZone) > state.dueDate
  );
}

/**
 * The follow-ups that are due and not yet announced for the current dates:
 *
 * - `due-soon`: in force (ADOPTED or IN_PROGRESS), the due date at most `dueSoonDays` ahead;
 *   skipped once it is overdue, since then only `overdue` is news.
 * - `overdue`: in force and the due date passed.
 * - neither for a due date that had passed when the adoption was recorded (a past meeting's
 *   recommendation entered late: shown overdue, not news).
 * - `review-due`: unfinished and the review date reached.
 *
 * Each is announced once per date (`state.announced`), so a new date is announced again.
 */
export function dueFollowUps(
  state: Recommendation,
  now: Date,
  options: FollowUpOptions = DEFAULT_FOLLOW_UPS,
): FollowUp[] {
  const { timeZone, dueSoonDays } = checked(options);
  const today = localDate(now, timeZone);
  const followUps: FollowUp[] = [];
  const { dueDate, reviewDate, announced } = state;
  if (
    dueDate !== undefined &&
    IN_FORCE.includes(state.status) &&
    !dueDatePassedWhenRecorded(dueDate, state.dueDateRecordedOn)
  ) {
    const daysRemaining = daysBetween(today, dueDate);
    if (daysRemaining < 0) {
      if (announced.overdue !== dueDate) {
        followUps.push({ kind: 'overdue', dueDate, daysOverdue: -daysRemaining });
      }
    } else if (daysRemaining <= dueSoonDays && announced.dueSoon !== dueDate) {
      followUps.push({ kind: 'due-soon', dueDate, daysRemaining });
    }
  }
  if (
    reviewDate !== undefined &&
    OPEN.includes(state.status) &&
    today >= reviewDate &&
    announced.reviewDue !== reviewDate
  ) {
    followUps.push({ kind: 'review-due', reviewDate });
  }
  return followUps;
}

/**
 * Announces the follow-ups that are due (the scheduler calls it) and records them, so the next
 * run announces nothing until a date changes. `only` narrows it to the kinds the caller holds a
 * claim on (another replica announces the rest).
 */
export function announceFollowUps(
  state: Recommendation,
  context: DecisionContext,
  options: FollowUpOptions = DEFAULT_FOLLOW_UPS,
  only?: readonly FollowUp['kind'][],
): RecommendationDecision {
  const followUps = dueFollowUps(state, context.now, options).filter(
    (followUp) => only === undefined || only.includes(followUp.kind),
  );
  if (followUps.length === 0) return unchanged(state);
  const announced = { ...state.announced };
  for (const followUp of followUps) {
    if (followUp.kind === 'due-soon') announced.dueSoon = followUp.dueDate;
    if (followUp.kind === 'overdue') announced.overdue = followUp.dueDate;
    if (followUp.kind === 'review-due') announced.reviewDue = followUp.reviewDate;
  }
  return decided({ ...state, announced, updatedAt: context.now }, followUps, context);
}

/** The date a follow-up is about: the due date, or the review date. */
export function followUpDate(followUp: FollowUp): string {
  return followUp.kind === 'review-due' ? followUp.reviewDate : followUp.dueDate;
}

/**
 * The first calendar day on which `dueFollowUps` may find something to announce, or undefined
 * when nothing is pending for the current dates. Stored with the recommendation, so the scheduler
 * reads only those whose day has come instead of every open one.
 */
export function nextFollowUpDate(
  state: Recommendation,
  options: FollowUpOptions = DEFAULT_FOLLOW_UPS,
): string | undefined {
  const { dueSoonDays } = checked(options);
  const { dueDate, reviewDate, announced } = state;
  const days: string[] = [];
  if (
    dueDate !== undefined &&
    IN_FORCE.includes(state.status) &&
    announced.overdue !== dueDate &&
    !dueDatePassedWhenRecorded(dueDate, state.dueDateRecordedOn)
  ) {
    if (announced.dueSoon !== dueDate) days.push(addCalendarDays(dueDate, -dueSoonDays));
    days.push(addCalendarDays(dueDate, 1));
  }
  if (
    reviewDate !== undefined &&
    OPEN.includes(state.status) &&
    announced.reviewDue !== reviewDate
  ) {
    days.push(reviewDate);
  }
  return days.sort()[0];
}
