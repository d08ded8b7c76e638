import { z } from 'zod';
import { defineEvent, type EventOf } from '../define-event';
import { textSchema } from '../shared-schemas';
import { exampleHeader, exampleIds, exampleResolution } from './examples';
import { resolutionSnapshotSchema, roundtableHeaderSchema } from './parts';

/** A resolution was put to a live round table. */
export const roundtableResolutionProposedV1 = defineEvent({
  type: 'resolution-proposed',
  version: 1,
  aggregate: 'roundtable',
  description:
    'A resolution was put to a live round table. It is adopted when the round table concludes, ' +
    'unless withdrawn before.',
  data: roundtableHeaderSchema.extend({ resolution: resolutionSnapshotSchema }),
  example: { ...exampleHeader, resolution: exampleResolution },
});
/** A resolution was put to a live round table. */
export type RoundtableResolutionProposedV1 = EventOf<typeof roundtableResolutionProposedV1>;

/** The fields a `roundtable.resolution-amended` event may report as changed. */
export const resolutionAmendableFieldSchema = z.enum([
  'kind',
  'text',
  'addresseeIds',
  'responsible',
  'dueDate',
  'agendaItemId',
]);
/** The fields a `roundtable.resolution-amended` event may report as changed. */
export type ResolutionAmendableField = z.infer<typeof resolutionAmendableFieldSchema>;

/** A proposed resolution was amended. */
export const roundtableResolutionAmendedV1 = defineEvent({
  type: 'resolution-amended',
  version: 1,
  aggregate: 'roundtable',
  description:
    'A proposed resolution was amended. Carries the whole resolution after the change and which ' +
    'fields changed.',
  data: roundtableHeaderSchema.extend({
    resolution: resolutionSnapshotSchema,
    changedFields: z.array(resolutionAmendableFieldSchema).min(1),
  }),
  example: {
    ...exampleHeader,
    resolution: {
      ...exampleResolution,
      kind: 'QUESTION_TO_REGULATOR',
      addresseeIds: [exampleIds.ministryOfIndustry],
    },
    changedFields: ['kind', 'addresseeIds'],
  },
});
/** A proposed resolution was amended. */
export type RoundtableResolutionAmendedV1 = EventOf<typeof roundtableResolutionAmendedV1>;

/** A proposed resolution was withdrawn. */
export const roundtableResolutionWithdrawnV1 = defineEvent({
  type: 'resolution-withdrawn',
  version: 1,
  aggregate: 'roundtable',
  description:
    'A proposed resolution was withdrawn; it stays on record but is not adopted at conclusion.',
  data: roundtableHeaderSchema.extend({
    resolution: resolutionSnapshotSchema,
    reason: textSchema.optional(),
  }),
  example: {
    ...exampleHeader,
    resolution: { ...exampleResolution, status: 'WITHDRAWN' },
    reason: 'Поглощена более общей рекомендацией',
  },
});
/** A proposed resolution was withdrawn. */
export type RoundtableResolutionWithdrawnV1 = EventOf<typeof roundtableResolutionWithdrawnV1>;

/** Every resolution event, newest versions included. */
export const roundtableResolutionEvents = [
  roundtableResolutionProposedV1,
  roundtableResolutionAmendedV1,
  roundtableResolutionWithdrawnV1,
] as const;
