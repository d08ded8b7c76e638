import { badInput } from './errors';
import { instant } from './validation';

/**
 * How far ahead of the server's clock a moment given by a user may be: a secretary's laptop
 * whose clock runs a little fast still records "now" (DESIGN.md section 3, the record as it
 * happened).
 */
export const CLOCK_SKEW_MS = 2 * 60 * 1000;

/** What a moment must not come before: the moment of what it follows, and what to call it. */
export interface Predecessor {
  at: Date;
  /** Named in the error, e.g. "the round table's start". */
  what: string;
}

/**
 * When something happened, as a user gives it (DESIGN.md section 3: every happening carries when
 * it happened and when it was recorded): the server's `now` when not given; otherwise a real
 * instant, not in the future, and not before what it follows. The recording time is always the
 * server's clock and is kept apart by the caller (CloudEvents `time`, `recordedAt`).
 */
export function occurredAt(
  field: string,
  given: Date | undefined | null,
  now: Date,
  after?: Predecessor,
): Date {
  const at = given ? instant(field, given) : now;
  if (at.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    throw badInput(field, `must not be in the future (now is ${now.toISOString()})`);
  }
  if (after && at.getTime() < after.at.getTime()) {
    throw badInput(field, `must not be before ${after.what} (${after.at.toISOString()})`);
  }
  return at;
}
