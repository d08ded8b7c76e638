import { z } from 'zod';
import { defineEvent, type EventOf } from '../define-event';
import { aggregateIdSchema, calendarDateSchema, textSchema } from '../shared-schemas';
import { conferenceKindSchema, conferenceStatusSchema } from './enums';
import { exampleConference, exampleIds } from './examples';
import { instantSchema } from './parts';

/** A conference as every consumer may know it. */
export const conferenceSnapshotSchema = z.object({
  id: aggregateIdSchema,
  title: textSchema,
  kind: conferenceKindSchema,
  startsOn: calendarDateSchema.describe('First day, local to the city.'),
  endsOn: calendarDateSchema.describe('Last day; equal to startsOn for a one-day conference.'),
  city: textSchema,
  venue: textSchema.optional(),
  organizerIds: z.array(aggregateIdSchema).describe('The organising organisations.'),
  description: textSchema.optional(),
  status: conferenceStatusSchema,
  published: z
    .boolean()
    .describe('Visible to partners (read-only API clients); internal otherwise.'),
});
/** A conference as every consumer may know it. */
export type ConferenceSnapshot = z.infer<typeof conferenceSnapshotSchema>;

const example = {
  ...exampleConference,
  startsOn: '2016-11-10',
  endsOn: '2016-11-10',
  city: 'Москва',
  organizerIds: [exampleIds.association],
  description:
    'Практическая конференция о том, как промышленности опередить, а не догонять: кластеры, ' +
    'технопарки, дорожные карты НТИ и технологическое лидерство к 2035 году.',
  status: 'PLANNED',
  published: true,
} satisfies ConferenceSnapshot;

/** A conference was scheduled. */
export const conferenceScheduledV1 = defineEvent({
  type: 'scheduled',
  version: 1,
  aggregate: 'conference',
  description: 'A conference was scheduled. Carries the whole conference card.',
  data: conferenceSnapshotSchema,
  example,
});
/** A conference was scheduled. */
export type ConferenceScheduledV1 = EventOf<typeof conferenceScheduledV1>;

/** The fields a `conference.updated` event may report as changed. */
export const conferenceUpdatableFieldSchema = z.enum([
  'title',
  'kind',
  'startsOn',
  'endsOn',
  'city',
  'venue',
  'organizerIds',
  'description',
  'published',
]);
/** The fields a `conference.updated` event may report as changed. */
export type ConferenceUpdatableField = z.infer<typeof conferenceUpdatableFieldSchema>;

/** A conference's card changed, its dates included. */
export const conferenceUpdatedV1 = defineEvent({
  type: 'updated',
  version: 1,
  aggregate: 'conference',
  description:
    'A conference card changed; rescheduling is a change of startsOn and endsOn. Carries the ' +
    'whole card after the change and which fields changed.',
  data: conferenceSnapshotSchema.extend({
    changedFields: z.array(conferenceUpdatableFieldSchema).min(1),
  }),
  example: { ...example, venue: 'Большой зал', changedFields: ['venue'] },
});
/** A conference's card changed. */
export type ConferenceUpdatedV1 = EventOf<typeof conferenceUpdatedV1>;

// Opening and closing change only the status; the title and visibility let a watcher say which
// conference it was and whether a partner may see it.
const conferenceStatusChangeSchema = z.object({
  id: aggregateIdSchema,
  title: textSchema,
  kind: conferenceKindSchema,
  published: z.boolean(),
});

/** A conference opened. */
export const conferenceOpenedV1 = defineEvent({
  type: 'opened',
  version: 1,
  aggregate: 'conference',
  description: 'A conference opened (PLANNED → OPEN).',
  data: conferenceStatusChangeSchema.extend({ openedAt: instantSchema }),
  example: { ...exampleConference, published: true, openedAt: '2016-11-10T10:00:00+03:00' },
});
/** A conference opened. */
export type ConferenceOpenedV1 = EventOf<typeof conferenceOpenedV1>;

/** A conference closed. */
export const conferenceClosedV1 = defineEvent({
  type: 'closed',
  version: 1,
  aggregate: 'conference',
  description: 'A conference closed (OPEN → CLOSED).',
  data: conferenceStatusChangeSchema.extend({ closedAt: instantSchema }),
  example: { ...exampleConference, published: true, closedAt: '2016-11-10T18:30:00+03:00' },
});
/** A conference closed. */
export type ConferenceClosedV1 = EventOf<typeof conferenceClosedV1>;

/** Every conference event, newest versions included. */
export const conferenceEvents = [
  conferenceScheduledV1,
  conferenceUpdatedV1,
  conferenceOpenedV1,
  conferenceClosedV1,
] as const;
