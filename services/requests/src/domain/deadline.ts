import type { OrganizationKind, RequestDeadlineStage } from '@kollegia/events';
import {
  DEFAULT_TIME_ZONE,
  addCalendarDays,
  badInput,
  calendarDate,
  dayOfWeek,
  daysBetween,
  endOfLocalDay,
  localDate,
  timeZoneName,
  withoutUndefined,
} from '@kollegia/service-kit/domain';

/** Whether terms are counted in calendar days or in working days. */
export type DayCount = 'CALENDAR' | 'WORKING';

/**
 * How long an addressee has to register and to answer a request. Days are the addressee's: they
 * begin and end in its time zone and follow its holiday calendar.
 */
export interface DeadlinePolicy {
  /** Days to register a request, counted from the day after it was sent. */
  registrationDays: number;
  /** Days to answer, counted from the day after registration. */
  answerDays: number;
  /** The most one extension may add; 0 allows none. */
  maxExtensionDays: number;
  dayCount: DayCount;
  /** Non-working days besides Saturdays and Sundays, `YYYY-MM-DD` (public holidays, bridges). */
  holidays: readonly string[];
  /** Saturdays and Sundays made working days by a transfer of days off, `YYYY-MM-DD`. */
  workingWeekendDays: readonly string[];
  /**
   * For calendar days: a deadline that falls on a day off moves to the next working day (Civil
   * Code art. 193). Working-day terms always end on a working day.
   */
  rollToWorkingDay: boolean;
  /** The addressee's time zone. */
  timeZone: string;
  /** How many calendar days before an answer deadline it is announced as due soon. */
  dueSoonDays: number;
}

/**
 * The law on appeals (59-FZ): registration within 3 days, an answer within 30 days of
 * registration, one extension of up to 30 days; calendar days in Moscow, a last day that falls
 * on a day off moving to the next working day.
 */
export const DEFAULT_DEADLINE_POLICY: DeadlinePolicy = {
  registrationDays: 3,
  answerDays: 30,
  maxExtensionDays: 30,
  dayCount: 'CALENDAR',
  holidays: [],
  workingWeekendDays: [],
  rollToWorkingDay: true,
  timeZone: DEFAULT_TIME_ZONE,
  dueSoonDays: 5,
};

/**
 * A tenant's deadline policies: its default and overrides by the kind of addressee (a
 * parliamentary committee may be given longer than a ministry).
 */
export interface DeadlinePolicies {
  default: Partial<DeadlinePolicy>;
  byAddresseeKind?: Partial<Record<OrganizationKind, Partial<DeadlinePolicy>>>;
}

function days(field: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw badInput(field, `must be a whole number of days from ${min} to ${max}`);
  }
  return value;
}

function dates(field: string, values: readonly string[]): string[] {
  return [...new Set(values.map((value) => calendarDate(field, value)))].sort();
}

/** A complete, checked policy: the defaults of 59-FZ with the given settings over them. */
export function deadlinePolicy(settings: Partial<DeadlinePolicy> = {}): DeadlinePolicy {
  const policy = { ...DEFAULT_DEADLINE_POLICY, ...withoutUndefined(settings) };
  return {
    registrationDays: days('registrationDays', policy.registrationDays, 1, 365),
    answerDays: days('answerDays', policy.answerDays, 1, 365),
    maxExtensionDays: days('maxExtensionDays', policy.maxExtensionDays, 0, 365),
    dayCount: policy.dayCount,
    holidays: dates('holidays', policy.holidays),
    workingWeekendDays: dates('workingWeekendDays', policy.workingWeekendDays),
    rollToWorkingDay: policy.rollToWorkingDay,
    timeZone: timeZoneName('timeZone', policy.timeZone),
    dueSoonDays: days('dueSoonDays', policy.dueSoonDays, 0, 60),
  };
}

/** The policy for an addressee of a kind: the tenant's default, then the kind's overrides. */
export function policyFor(
  policies: DeadlinePolicies,
  addresseeKind?: OrganizationKind,
): DeadlinePolicy {
  const override = addresseeKind ? policies.byAddresseeKind?.[addresseeKind] : undefined;
  return deadlinePolicy({
    ...withoutUndefined(policies.default),
    ...withoutUndefined(override ?? {}),
  });
}

/** Whether the addressee works on a date: a weekday that is no holiday, or a transferred weekend. */
export function isWorkingDay(date: string, policy: DeadlinePolicy): boolean {
  if (policy.workingWeekendDays.includes(date)) return true;
  const weekday = dayOfWeek(date);
  return weekday !== 0 && weekday !== 6 && !policy.holidays.includes(date);
}

function nextWorkingDay(date: string, policy: DeadlinePolicy): string {
  let day = date;
  while (!isWorkingDay(day, policy)) day = addCalendarDays(day, 1);
  return day;
}

/**
 * The last day of a term of `count` days that starts the day after `from`: in calendar days
 * (moved off a day off when the policy says so) or in working days.
 */
export function addTerm(policy: DeadlinePolicy, from: string, count: number): string {
  if (policy.dayCount === 'CALENDAR') {
    const last = addCalendarDays(from, count);
    return policy.rollToWorkingDay ? nextWorkingDay(last, policy) : last;
  }
  let day = from;
  for (let counted = 0; counted < count;) {
    day = addCalendarDays(day, 1);
    if (isWorkingDay(day, policy)) counted += 1;
  }
  return day;
}

/**
 * A deadline: which one, its last day in the addressee's calendar and the last instant of that
 * day in the addressee's time zone. After `dueAt` the request is overdue.
 */
export interface Deadline {
  stage: RequestDeadlineStage;
  dueOn: string;
  dueAt: Date;
}

function deadline(stage: RequestDeadlineStage, dueOn: string, timeZone: string): Deadline {
  return { stage, dueOn, dueAt: endOfLocalDay(dueOn, timeZone) };
}

/** The registration deadline of a request sent at an instant (the addressee's date of it counts). */
export function registrationDeadline(policy: DeadlinePolicy, submittedAt: Date): Deadline {
  const sentOn = localDate(submittedAt, policy.timeZone);
  return deadline(
    'REGISTRATION',
    addTerm(policy, sentOn, policy.registrationDays),
    policy.timeZone,
  );
}

/** The answer deadline of a request registered on a date of the addressee's calendar. */
export function answerDeadline(policy: DeadlinePolicy, registeredOn: string): Deadline {
  return deadline('ANSWER', addTerm(policy, registeredOn, policy.answerDays), policy.timeZone);
}

/** An answer deadline moved on by an extension of `count` days, counted from the current one. */
export function extendedDeadline(
  policy: DeadlinePolicy,
  current: Deadline,
  count: number,
): Deadline {
  return deadline('ANSWER', addTerm(policy, current.dueOn, count), policy.timeZone);
}

/** Calendar days from `now` (in the time zone) to the last day: 0 on it, negative after it. */
export function daysUntil(due: Deadline, now: Date, timeZone: string): number {
  return daysBetween(localDate(now, timeZone), due.dueOn);
}

/** Whether the deadline has passed: its last day is over in the addressee's time zone. */
export function isPast(due: Deadline, now: Date): boolean {
  return now.getTime() > due.dueAt.getTime();
}
