import { badInput } from './errors';

/**
 * Input checks every service's decisions share. Each failure is BAD_USER_INPUT naming the field;
 * limits are the caller's, since they differ by field and service.
 *
 * A character is a Unicode code point of the text's NFC form, so «ё» typed as two code points and
 * an emoji (two UTF-16 units) each count once, whatever the client's encoding.
 */

/** The number of characters (code points) in a text. */
export function characterCount(text: string): number {
  let count = 0;
  for (const _character of text) count += 1;
  return count;
}

// C0 and C1 controls and DEL but for line breaks and tabs, which are checked apart since prose may
// hold them (the class is "not (anything but a control, or a line break or tab)").
const CONTROL = /[^\P{Cc}\t\n\r]/u;
const LINE_BREAK_OR_TAB = /[\t\n\r]/u;
// Embeddings, overrides and isolates reorder what a reader sees ("Trojan Source"); the plain
// marks U+200E/U+200F change nothing but direction and stay allowed.
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/u;
// Half a UTF-16 pair: not a character; storage would replace or refuse it.
const LONE_SURROGATE = /\p{Cs}/u;
// What a reader cannot see: spaces, zero-width and other default-ignorable characters.
const INVISIBLE = /[\p{White_Space}\p{Default_Ignorable_Code_Point}]/gu;

/**
 * What is wrong with a text's characters, if anything: control characters (line breaks and tabs
 * only in `multiline` text), bidirectional embedding/override/isolate controls, broken UTF-16.
 */
export function textFault(text: string, options: { multiline: boolean }): string | undefined {
  if (LONE_SURROGATE.test(text)) return 'must be well-formed Unicode text';
  if (CONTROL.test(text)) {
    return options.multiline
      ? 'must not contain control characters other than line breaks and tabs'
      : 'must not contain control characters';
  }
  if (!options.multiline && LINE_BREAK_OR_TAB.test(text)) {
    return 'must be one line, without line breaks or tabs';
  }
  if (BIDI_CONTROL.test(text)) return 'must not contain bidirectional override characters';
  return undefined;
}

/** Whether a text has anything a reader can see. */
function isVisible(text: string): boolean {
  return text.replace(INVISIBLE, '').length > 0;
}

/**
 * A text as stored: NFC, trimmed, checked (control and bidirectional characters refused), at most
 * `max` characters; undefined when nothing visible is left. Line breaks and tabs pass here: which
 * fields are one line is known where they arrive (the kit's `guardInputText` refuses them there).
 */
function cleanText(field: string, value: string, max: number): string | undefined {
  const text = value.normalize('NFC').trim();
  const fault = textFault(text, { multiline: true });
  if (fault) throw badInput(field, fault);
  if (!isVisible(text)) return undefined;
  if (characterCount(text) > max) throw badInput(field, `must be at most ${max} characters`);
  return text;
}

/**
 * Normalises (NFC), trims and checks a required text; one of only spaces or invisible characters
 * (zero-width, bidirectional marks) is empty.
 */
export function requiredText(field: string, value: string | undefined | null, max: number): string {
  const text = cleanText(field, value ?? '', max);
  if (text === undefined) throw badInput(field, 'must not be empty');
  return text;
}

/** Normalises, trims and checks an optional text; empty (or invisible) becomes undefined. */
export function optionalText(
  field: string,
  value: string | undefined | null,
  max: number,
): string | undefined {
  return value === undefined || value === null ? undefined : cleanText(field, value, max);
}

/**
 * The years a date may fall in: the record reaches back to meetings decades ago, and nothing is
 * planned or due a thousand years ahead; year 0000 or 9999 is a typing error, not a date.
 */
export const YEAR_RANGE = { min: 1900, max: 2999 } as const;

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function withinYears(year: number): boolean {
  return year >= YEAR_RANGE.min && year <= YEAR_RANGE.max;
}

/** A calendar date `YYYY-MM-DD` that exists, in {@link YEAR_RANGE}. */
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
  if (!withinYears(date.getUTCFullYear())) {
    throw badInput(field, `must be a date from ${YEAR_RANGE.min} to ${YEAR_RANGE.max}`);
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

/** An http(s) address (a published report, a website), as the URL parser writes it. */
export function httpUrl(field: string, value: string | undefined | null, max: number): string {
  const text = requiredText(field, value, max);
  try {
    const url = new URL(text);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.toString();
  } catch {
    // not a URL at all: refused below
  }
  throw badInput(field, 'must be an http(s) URL');
}

/** A point in time that exists (an invalid Date has no time), in {@link YEAR_RANGE}. */
export function instant(field: string, value: Date): Date {
  if (Number.isNaN(value.getTime())) throw badInput(field, 'must be a valid date and time');
  if (!withinYears(value.getUTCFullYear())) {
    throw badInput(field, `must be a date and time from ${YEAR_RANGE.min} to ${YEAR_RANGE.max}`);
  }
  return value;
}

/** Today's date in UTC as `YYYY-MM-DD`. */
export function isoDate(now: Date): string {
  return now.toISOString().slice(0, 10);
}
