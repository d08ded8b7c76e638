import { badInput } from './errors';

/**
 * Input checks every service's decisions share. Each failure is BAD_USER_INPUT naming the field;
 * limits are the caller's, since they differ by field and service.
 */

/** Trims and checks a required text. */
export function requiredText(field: string, value: string | undefined | null, max: number): string {
  const text = (value ?? '').trim();
  if (text.length === 0) throw badInput(field, 'must not be empty');
  if (text.length > max) throw badInput(field, `must be at most ${max} characters`);
  return text;
}

/** Trims an optional text; empty becomes undefined. */
export function optionalText(
  field: string,
  value: string | undefined | null,
  max: number,
): string | undefined {
  if (value === undefined || value === null) return undefined;
  const text = value.trim();
  if (text.length === 0) return undefined;
  if (text.length > max) throw badInput(field, `must be at most ${max} characters`);
  return text;
}

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date `YYYY-MM-DD` that exists. */
export function calendarDate(field: string, value: string): string {
  const match = CALENDAR_DATE.exec(value);
  const date = match ? new Date(`${value}T00:00:00Z`) : undefined;
  if (
    !match ||
    !date ||
    Number.isNaN(date.getTime()) ||
    date.toISOString().slice(0, 10) !== value
  ) {
    throw badInput(field, 'must be a date YYYY-MM-DD');
  }
  return value;
}

export function optionalCalendarDate(
  field: string,
  value: string | undefined | null,
): string | undefined {
  return value === undefined || value === null || value === ''
    ? undefined
    : calendarDate(field, value);
}

/** Today's date in UTC as `YYYY-MM-DD`. */
export function isoDate(now: Date): string {
  return now.toISOString().slice(0, 10);
}
