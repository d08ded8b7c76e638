import { badInput } from './errors';

/**
 * Calendar dates (`YYYY-MM-DD`) and the instants they begin and end at in a time zone, by hand:
 * `Intl.DateTimeFormat` knows the zones, and no date library is installed.
 */

/** Where an addressee's days are read when nobody says otherwise. */
export const DEFAULT_TIME_ZONE = 'Europe/Moscow';

const DAY_MS = 24 * 60 * 60 * 1000;
const dateFormatters = new Map<string, Intl.DateTimeFormat>();
const clockFormatters = new Map<string, Intl.DateTimeFormat>();

function cached(
  cache: Map<string, Intl.DateTimeFormat>,
  timeZone: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  let format = cache.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, ...options });
    cache.set(timeZone, format);
  }
  return format;
}

const DATE: Intl.DateTimeFormatOptions = { year: 'numeric', month: '2-digit', day: '2-digit' };
const CLOCK: Intl.DateTimeFormatOptions = {
  ...DATE,
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
};

function numbers(format: Intl.DateTimeFormat, instant: Date): Record<string, number> {
  return Object.fromEntries(
    format
      .formatToParts(instant)
      .filter((part) => part.type !== 'literal')
      .map((part) => [part.type, Number(part.value)]),
  );
}

function pad(value: number, length = 2): string {
  return String(value).padStart(length, '0');
}

/** An IANA time zone the runtime knows, e.g. `Europe/Moscow`. */
export function timeZoneName(field: string, value: string): string {
  try {
    cached(dateFormatters, value, DATE);
  } catch {
    throw badInput(field, `must be an IANA time zone such as ${DEFAULT_TIME_ZONE}`);
  }
  return value;
}

/** The calendar date an instant falls on in a time zone. */
export function localDate(instant: Date, timeZone: string): string {
  const { year = 0, month = 0, day = 0 } = numbers(cached(dateFormatters, timeZone, DATE), instant);
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** How far the zone's wall clock is ahead of UTC at an instant, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  const wholeSecond = Math.floor(instant / 1000) * 1000;
  const clock = numbers(cached(clockFormatters, timeZone, CLOCK), new Date(wholeSecond));
  const asUtc = Date.UTC(
    clock['year'] ?? 0,
    (clock['month'] ?? 1) - 1,
    clock['day'] ?? 1,
    clock['hour'] ?? 0,
    clock['minute'] ?? 0,
    clock['second'] ?? 0,
  );
  return asUtc - wholeSecond;
}

/** The instant a calendar date begins at in a time zone (its local midnight). */
export function startOfLocalDay(date: string, timeZone: string): Date {
  const midnightUtc = Date.parse(`${date}T00:00:00Z`);
  const guess = midnightUtc - offsetAt(midnightUtc, timeZone);
  // The offset at the guess is the one in force at local midnight, unless a clock change lies
  // between the two; one correction settles it.
  return new Date(midnightUtc - offsetAt(guess, timeZone));
}

/** The last instant (millisecond) of a calendar date in a time zone. */
export function endOfLocalDay(date: string, timeZone: string): Date {
  return new Date(startOfLocalDay(addCalendarDays(date, 1), timeZone).getTime() - 1);
}

/** The date a number of calendar days after (or before, when negative) another. */
export function addCalendarDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole calendar days from one date to another; negative when `to` comes first. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** 0 for Sunday to 6 for Saturday. */
export function dayOfWeek(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}
