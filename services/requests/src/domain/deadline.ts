import type { OrganizationKind, RequestDeadlineStage } from '@kollegia/events';
import {
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

import {
  isOfficialWorkingDay,
  JURISDICTIONS,
  type Jurisdiction,
  type MissingYear,
} from './calendars/production-calendar';
import { DEADLINE_PROCEDURES } from './procedures';

/** Whether terms are counted in calendar days or in working days. */
export type DayCount = 'CALENDAR' | 'WORKING';

/**
 * How long an addressee has to register and to answer a request. Days are the addressee's: they
 * begin and end in its time zone and follow its jurisdiction's official working-day calendar, or
 * the tenant's own when it lists any holidays or working weekend days.
 */
export interface DeadlinePolicy {
  /** Whose law and official calendar apply: the addressee's country's. */
  jurisdiction: Jurisdiction;
  /** Days to register a request, counted from the day after it was sent. */
  registrationDays: number;
  /** Days to answer, counted from the day after registration. */
  answerDays: number;
  /** The most one extension may add; 0 allows none. */
  maxExtensionDays: number;
  dayCount: DayCount;
  /**
   * The tenant's own non-working days besides Saturdays and Sundays, `YYYY-MM-DD`. Empty (with
   * `workingWeekendDays`): the jurisdiction's official calendar.
   */
  holidays: readonly string[];
  /** The tenant's own Saturdays and Sundays made working days, `YYYY-MM-DD`. */
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

/** How many calendar days before an answer deadline it is announced due soon, unless set. */
export const DEFAULT_DUE_SOON_DAYS = 5;

/** The policy of a jurisdiction's procedure (its law's terms, its official calendar). */
export function procedurePolicy(jurisdiction: Jurisdiction): DeadlinePolicy {
  const procedure = DEADLINE_PROCEDURES[jurisdiction];
  return {
    jurisdiction,
    registrationDays: procedure.registrationDays,
    answerDays: procedure.answerDays,
    maxExtensionDays: procedure.maxExtensionDays,
    dayCount: procedure.dayCount,
    holidays: [],
    workingWeekendDays: [],
    rollToWorkingDay: procedure.rollToWorkingDay,
    timeZone: procedure.timeZone,
    dueSoonDays: DEFAULT_DUE_SOON_DAYS,
  };
}

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

/**
 * A complete, checked policy: the procedure of its jurisdiction (Russia's, 59-FZ, unless given)
 * with the given settings over it.
 */
export function deadlinePolicy(settings: Partial<DeadlinePolicy> = {}): DeadlinePolicy {
  const jurisdiction = settings.jurisdiction ?? 'RU';
  if (!JURISDICTIONS.includes(jurisdiction)) {
    throw badInput('jurisdiction', `must be one of ${JURISDICTIONS.join(', ')}`);
  }
  const policy = { ...procedurePolicy(jurisdiction), ...withoutUndefined(settings) };
  return {
    jurisdiction,
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

/**
 * The policy for an addressee: its jurisdiction's procedure, then the tenant's default, then the
 * overrides for its kind.
 */
export function policyFor(
  policies: DeadlinePolicies,
  addresseeKind?: OrganizationKind,
  jurisdiction: Jurisdiction = 'RU',
): DeadlinePolicy {
  const override = addresseeKind ? policies.byAddresseeKind?.[addresseeKind] : undefined;
  return deadlinePolicy({
    jurisdiction,
    ...withoutUndefined(policies.default),
    ...withoutUndefined(override ?? {}),
  });
}

/** What says which days are working days: a jurisdiction's official calendar or the tenant's own. */
export type WorkingCalendar = Pick<
  DeadlinePolicy,
  'jurisdiction' | 'holidays' | 'workingWeekendDays'
>;

/**
 * Whether the addressee works on a date: by the tenant's own calendar when it has one (a weekday
 * that is no holiday, or a transferred weekend), else by the jurisdiction's official calendar,
 * whose missing years are refused or read from the fixed-date holidays as `missing` says.
 */
export function isWorkingDay(
  date: string,
  calendar: WorkingCalendar,
  missing: MissingYear = 'refuse',
): boolean {
  if (calendar.holidays.length === 0 && calendar.workingWeekendDays.length === 0) {
    return isOfficialWorkingDay(calendar.jurisdiction, date, missing);
  }
  if (calendar.workingWeekendDays.includes(date)) return true;
  const weekday = dayOfWeek(date);
  return weekday !== 0 && weekday !== 6 && !calendar.holidays.includes(date);
}

/**
 * The last day of a term of `count` days that starts the day after `from`: in calendar days
 * (moved off a day off when the policy says so; a year without a calendar moves it off weekends
 * and fixed-date holidays only) or in working days (a year without a calendar is refused).
 */
export function addTerm(policy: DeadlinePolicy, from: string, count: number): string {
  if (policy.dayCount === 'CALENDAR') {
    let last = addCalendarDays(from, count);
    if (!policy.rollToWorkingDay) return last;
    while (!isWorkingDay(last, policy, 'statutory')) last = addCalendarDays(last, 1);
    return last;
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

/** How a request's days are counted, fixed when it was sent (a policy changed since does not move it). */
export type DayCounting = WorkingCalendar & Pick<DeadlinePolicy, 'dayCount' | 'timeZone'>;

/** The counting of a policy, as a request keeps it. */
export function dayCounting(policy: DeadlinePolicy): DayCounting {
  return {
    dayCount: policy.dayCount,
    jurisdiction: policy.jurisdiction,
    holidays: [...policy.holidays],
    workingWeekendDays: [...policy.workingWeekendDays],
    timeZone: policy.timeZone,
  };
}

/** Working days after `from` up to and including `to` (`from` before `to`). */
function workingDaysAfter(from: string, to: string, calendar: WorkingCalendar): number {
  let count = 0;
  for (let day = addCalendarDays(from, 1); day <= to; day = addCalendarDays(day, 1)) {
    if (isWorkingDay(day, calendar)) count += 1;
  }
  return count;
}

/**
 * Days from `now` (in the time zone) to the last day, counted as the policy counts terms: 0 on
 * it; before it, the days left (working days: those after today up to the last day); after it,
 * negative — at least −1, so a deadline that passed on a Friday does not read 0 on Saturday.
 */
export function daysUntil(due: Deadline, now: Date, counting: DayCounting): number {
  const today = localDate(now, counting.timeZone);
  if (counting.dayCount === 'CALENDAR') return daysBetween(today, due.dueOn);
  if (today <= due.dueOn) return workingDaysAfter(today, due.dueOn, counting);
  return -Math.max(1, workingDaysAfter(due.dueOn, today, counting));
}

/** Whether the deadline has passed: its last day is over in the addressee's time zone. */
export function isPast(due: Deadline, now: Date): boolean {
  return now.getTime() > due.dueAt.getTime();
}
