import { DomainError, dayOfWeek } from '@kollegia/service-kit/domain';

import { BELARUS } from './belarus';
import { RUSSIA } from './russia';

/** The jurisdictions whose official working-day calendars (and deadline procedures) ship here. */
export const JURISDICTIONS = ['RU', 'BY'] as const;
/** A jurisdiction, by its ISO 3166-1 alpha-2 country code. */
export type Jurisdiction = (typeof JURISDICTIONS)[number];

/** The act that set a year's calendar, as cited. */
export interface CalendarSource {
  /** Its title. */
  act: string;
  number?: string;
  /** `YYYY-MM-DD`, when it was adopted. */
  date?: string;
  /** Where its content was checked. */
  url: string;
  /** What could not be confirmed, or what the year leaves out. */
  note?: string;
}

/** One year of an official calendar; dates are `MM-DD` of that year. */
export interface CalendarYear {
  /** Days off besides Saturdays and Sundays: public holidays and days off by transfer. */
  holidays: readonly string[];
  /** Saturdays and Sundays made working days by a transfer. */
  workingWeekendDays: readonly string[];
  source: CalendarSource;
}

/** A jurisdiction's official working-day calendar for a five-day week, year by year. */
export interface ProductionCalendar {
  jurisdiction: Jurisdiction;
  /** The law that makes the holidays and the transfers. */
  basis: string;
  /** The fixed-date public holidays (`MM-DD`): what is known of a year without a calendar. */
  statutoryHolidays: readonly string[];
  years: Readonly<Partial<Record<number, CalendarYear>>>;
  /** Years in the range left out, and why (a year is never guessed). */
  missing: Readonly<Partial<Record<number, string>>>;
}

export const PRODUCTION_CALENDARS: Readonly<Record<Jurisdiction, ProductionCalendar>> = {
  RU: RUSSIA,
  BY: BELARUS,
};

/**
 * The jurisdiction of an addressee by its country (ISO 3166-1 alpha-2, as members keeps it):
 * Belarus for BY; Russia, the association's own, for any other and when it is unknown.
 */
export function jurisdictionOf(country: string | null | undefined): Jurisdiction {
  return country?.toUpperCase() === 'BY' ? 'BY' : 'RU';
}

/**
 * A working-day count needs a year the calendar does not have: CONFLICT, naming the year and the
 * jurisdiction (`extensions.reason` NO_PRODUCTION_CALENDAR), rather than a count that silently
 * skips only weekends.
 */
export function noProductionCalendar(jurisdiction: Jurisdiction, year: number): DomainError {
  const calendar = PRODUCTION_CALENDARS[jurisdiction];
  const why = calendar.missing[year];
  return new DomainError(
    'CONFLICT',
    `no official working-day calendar of ${jurisdiction} for ${year}` +
      `${why ? ` (${why})` : ''}: a term in working days cannot be counted through it; ` +
      'the tenant may set its own holidays in its deadline policy',
    { reason: 'NO_PRODUCTION_CALENDAR', jurisdiction, year },
  );
}

/** How a date is treated when its year has no calendar. */
export type MissingYear =
  /** Refuse (working-day terms): `noProductionCalendar`. */
  | 'refuse'
  /** Weekends and the fixed-date public holidays only (moving a calendar-day term's last day). */
  | 'statutory';

const weekend = (date: string) => {
  const day = dayOfWeek(date);
  return day === 0 || day === 6;
};

/** Whether a date (`YYYY-MM-DD`) is a working day in a jurisdiction's official calendar. */
export function isOfficialWorkingDay(
  jurisdiction: Jurisdiction,
  date: string,
  missing: MissingYear,
): boolean {
  const calendar = PRODUCTION_CALENDARS[jurisdiction];
  const year = Number(date.slice(0, 4));
  const monthDay = date.slice(5);
  const known = calendar.years[year];
  if (!known) {
    if (missing === 'refuse') throw noProductionCalendar(jurisdiction, year);
    return !weekend(date) && !calendar.statutoryHolidays.includes(monthDay);
  }
  if (known.workingWeekendDays.includes(monthDay)) return true;
  return !weekend(date) && !known.holidays.includes(monthDay);
}
