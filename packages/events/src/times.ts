import { z } from 'zod';

/**
 * What a time in an event's `data` means (ADR 0018). The CloudEvents `time` is always when the
 * change was recorded (the server clock); a field in `data` says one of:
 *
 * - `happened`: when it happened, as the user gave it (defaults to the recording time);
 * - `recorded`: when it was entered, by the server clock;
 * - `planned`: when it is to happen (a schedule);
 * - `due`: a term that ends then.
 *
 * A `previous…` field means what the field it precedes means. Calendar days (`…On`) are local to
 * the organisation, instants (`…At`) carry an offset.
 */
export type TimeMeaning = 'happened' | 'recorded' | 'planned' | 'due';

/** Every time field name used in event data, with its one meaning across all events. */
export const timeFieldMeanings: Readonly<Record<string, TimeMeaning>> = {
  // When it happened: named for the fact, or `occurredAt` where no verb fits.
  occurredAt: 'happened',
  startedAt: 'happened',
  concludedAt: 'happened',
  cancelledAt: 'happened',
  approvedAt: 'happened',
  openedAt: 'happened',
  closedAt: 'happened',
  sentAt: 'happened',
  registeredOn: 'happened',
  answeredAt: 'happened',
  withdrawnAt: 'happened',
  proposedAt: 'happened',
  decidedAt: 'happened',
  supersededAt: 'happened',
  implementedAt: 'happened',
  takenAt: 'happened',
  endorsedAt: 'happened',
  reportedAt: 'happened',
  extendedAt: 'happened',
  since: 'happened',
  // When it was entered. `submittedAt` was documented as such in v1 (ADR 0002 keeps it), so the
  // sending of a request is the added `sentAt`.
  recordedAt: 'recorded',
  submittedAt: 'recorded',
  // A schedule.
  startsAt: 'planned',
  endsAt: 'planned',
  startsOn: 'planned',
  endsOn: 'planned',
  until: 'planned',
  meetingDate: 'happened',
  // Terms.
  dueAt: 'due',
  dueOn: 'due',
  dueDate: 'due',
  reviewDate: 'due',
};

const TIME_NAME = /(At|On|Date)$|^(since|until)$/;

/** The meaning of a time field's name (a `previous…` field means what its field means). */
export function timeMeaningOf(field: string): TimeMeaning | undefined {
  const name = field.startsWith('previous')
    ? field.charAt(8).toLowerCase() + field.slice(9)
    : field;
  return Object.hasOwn(timeFieldMeanings, name) ? timeFieldMeanings[name] : undefined;
}

/** The paths of every field of a schema whose name says it is a time (`…At`, `…On`, `…Date`). */
export function timeFieldPaths(schema: z.ZodType, path = ''): string[] {
  const inner = unwrap(schema);
  if (inner instanceof z.ZodObject) {
    return Object.entries(inner.shape as Record<string, z.ZodType>).flatMap(([key, value]) => [
      ...(TIME_NAME.test(key) ? [`${path}${key}`] : []),
      ...timeFieldPaths(value, `${path}${key}.`),
    ]);
  }
  if (inner instanceof z.ZodArray) return timeFieldPaths(inner.element as z.ZodType, `${path}[].`);
  if (inner instanceof z.ZodUnion) {
    return (inner.options as z.ZodType[]).flatMap((option) => timeFieldPaths(option, path));
  }
  return [];
}

function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  while (
    current instanceof z.ZodOptional ||
    current instanceof z.ZodNullable ||
    current instanceof z.ZodDefault
  ) {
    current = current.unwrap() as z.ZodType;
  }
  return current;
}
