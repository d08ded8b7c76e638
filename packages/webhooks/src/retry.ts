/**
 * When a message is tried again after a failed attempt: the schedule the Standard Webhooks
 * specification suggests (immediately, then after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h),
 * about 27.5 hours in all, so a receiver down for a day still gets every message. Each wait is
 * spread by up to a tenth either way so that endpoints that failed together do not all retry in
 * the same second.
 */
export const RETRY_DELAYS_MS: readonly number[] = [
  5_000,
  5 * 60_000,
  30 * 60_000,
  2 * 3_600_000,
  5 * 3_600_000,
  10 * 3_600_000,
  10 * 3_600_000,
];

/** The attempts a message gets: the first and one per delay. */
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

/**
 * When to make attempt number `failed + 1` after `failed` attempts failed (the last at `at`), or
 * undefined when the schedule is over and the message has failed for good. `random` is in [0, 1).
 */
export function nextAttemptAt(
  failed: number,
  at: Date,
  random: () => number = Math.random,
): Date | undefined {
  if (!Number.isInteger(failed) || failed < 1) {
    throw new Error(`failed attempts must be a whole number from 1, got ${failed}`);
  }
  const delay = RETRY_DELAYS_MS[failed - 1];
  if (delay === undefined) return undefined;
  const spread = delay * 0.1 * (2 * random() - 1);
  return new Date(at.getTime() + Math.round(delay + spread));
}
