import { createHash } from 'node:crypto';

/** The field where a document records the ids of the events that changed it. */
export const APPLIED_EVENTS_FIELD = 'appliedEventIds';

/**
 * Turns an update into one that applies at most once per event: the filter skips documents that
 * already recorded the event, and the update records it in the same single-document write.
 * Returns `[filter, update]` for `updateOne` / `findOneAndUpdate`.
 */
export function applyOnce<F extends object, U extends Record<string, unknown>>(
  eventId: string,
  filter: F,
  update: U,
): [F & Record<string, unknown>, U & Record<string, unknown>] {
  const push = (update.$push ?? {}) as Record<string, unknown>;
  return [
    { ...filter, [APPLIED_EVENTS_FIELD]: { $ne: eventId } },
    { ...update, $push: { ...push, [APPLIED_EVENTS_FIELD]: eventId } },
  ];
}

/**
 * A stable id derived from its parts (e.g. the causing event and the resolution it created a
 * recommendation for): inserting twice hits the unique `_id`, so replays create nothing new.
 */
export function deterministicId(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 24);
}
