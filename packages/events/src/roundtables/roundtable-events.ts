import { z } from 'zod';
import { defineEvent, type EventOf } from '../define-event';
import { aggregateIdSchema, textSchema } from '../shared-schemas';
import { roundtableFormatSchema, roundtableStatusSchema } from './enums';
import {
  exampleAgenda,
  exampleHeader,
  exampleIds,
  exampleModerator,
  exampleOwnWorkResolution,
  exampleQuestionToRegulator,
  exampleResolution,
  exampleRoundtableTitle,
} from './examples';
import {
  agendaItemSnapshotSchema,
  instantSchema,
  meetingSourceSchema,
  partyRefSchema,
  resolutionSnapshotSchema,
  roundtableHeaderSchema,
} from './parts';

/** A round table's card as every consumer may know it; its parts have events of their own. */
export const roundtableSnapshotSchema = roundtableHeaderSchema.extend({
  title: textSchema,
  format: roundtableFormatSchema,
  startsAt: instantSchema,
  endsAt: instantSchema.optional(),
  venue: textSchema.optional().describe('The hall or the address; absent when held online.'),
  moderator: partyRefSchema,
  description: textSchema.optional(),
  status: roundtableStatusSchema,
  source: meetingSourceSchema
    .optional()
    .describe('Where its record was published, if it was; absent from events before it was kept.'),
  workingGroupId: aggregateIdSchema
    .optional()
    .describe("The members service's community (a working group) that held it, if one."),
});
/** A round table's card as every consumer may know it. */
export type RoundtableSnapshot = z.infer<typeof roundtableSnapshotSchema>;

const example = {
  ...exampleHeader,
  title: exampleRoundtableTitle,
  format: 'ROUND_TABLE',
  startsAt: '2016-11-10T11:00:00+03:00',
  endsAt: '2016-11-10T13:00:00+03:00',
  venue: 'Малый зал',
  moderator: exampleModerator,
  description:
    'Что даёт промышленности подход Индустрии 4.0 на примерах ТЭК и оборонно-промышленного ' +
    'комплекса и какие меры поддержки нужны промышленным кластерам.',
  status: 'SCHEDULED',
  source: {
    url: 'https://akitrf.ru/news/promyshlennaya-rossiya-4-0/',
    title: 'Итоги конференции «Промышленная Россия 4.0»',
    publisher: 'Ассоциация кластеров и технопарков',
  },
  workingGroupId: exampleIds.workingGroup,
} satisfies RoundtableSnapshot;

/** A round table was scheduled. */
export const roundtableScheduledV1 = defineEvent({
  type: 'scheduled',
  version: 1,
  aggregate: 'roundtable',
  description: 'A round table was scheduled, inside a conference or on its own. Carries its card.',
  data: roundtableSnapshotSchema,
  example,
});
/** A round table was scheduled. */
export type RoundtableScheduledV1 = EventOf<typeof roundtableScheduledV1>;

/** The fields a `roundtable.updated` event may report as changed. */
export const roundtableUpdatableFieldSchema = z.enum([
  'title',
  'format',
  'moderator',
  'description',
  'published',
]);
/** The fields a `roundtable.updated` event may report as changed. */
export type RoundtableUpdatableField = z.infer<typeof roundtableUpdatableFieldSchema>;

/** A round table's card changed in anything but its time and place. */
export const roundtableUpdatedV1 = defineEvent({
  type: 'updated',
  version: 1,
  aggregate: 'roundtable',
  description:
    'A round table card changed. Carries the whole card after the change and which fields ' +
    'changed; a change of time or place is announced by roundtable.rescheduled.',
  data: roundtableSnapshotSchema.extend({
    changedFields: z.array(roundtableUpdatableFieldSchema).min(1),
  }),
  example: { ...example, format: 'PANEL_DISCUSSION', changedFields: ['format'] },
});
/** A round table's card changed in anything but its time and place. */
export type RoundtableUpdatedV1 = EventOf<typeof roundtableUpdatedV1>;

/** Where a round table's record was published, or the working group that held it, changed. */
export const roundtableLinksUpdatedV1 = defineEvent({
  type: 'links-updated',
  version: 1,
  aggregate: 'roundtable',
  description:
    'Where the record of a round table was published (`source`), or the working group that held ' +
    'it (`workingGroupId`), was set, changed or cleared. Carries both as they are now (absent ' +
    'when none). roundtable.updated does not report them: its list of fields is a v1 contract.',
  data: roundtableHeaderSchema.extend({
    title: textSchema,
    source: roundtableSnapshotSchema.shape.source,
    workingGroupId: roundtableSnapshotSchema.shape.workingGroupId,
  }),
  example: {
    ...exampleHeader,
    title: exampleRoundtableTitle,
    source: example.source,
    workingGroupId: example.workingGroupId,
  },
});
/** Where a round table's record was published, or the working group that held it, changed. */
export type RoundtableLinksUpdatedV1 = EventOf<typeof roundtableLinksUpdatedV1>;

/** A round table moved to another time or place. */
export const roundtableRescheduledV1 = defineEvent({
  type: 'rescheduled',
  version: 1,
  aggregate: 'roundtable',
  description:
    'A scheduled round table moved to another time or place. Carries the new and the previous ' +
    'schedule, so a watcher can say what moved.',
  data: roundtableHeaderSchema.extend({
    title: textSchema,
    startsAt: instantSchema,
    endsAt: instantSchema.optional(),
    venue: textSchema.optional(),
    previousStartsAt: instantSchema,
    previousEndsAt: instantSchema.optional(),
    previousVenue: textSchema.optional(),
  }),
  example: {
    ...exampleHeader,
    title: exampleRoundtableTitle,
    startsAt: '2016-11-10T14:00:00+03:00',
    endsAt: '2016-11-10T16:00:00+03:00',
    venue: 'Малый зал',
    previousStartsAt: example.startsAt,
    previousEndsAt: example.endsAt,
    previousVenue: example.venue,
  },
});
/** A round table moved to another time or place. */
export type RoundtableRescheduledV1 = EventOf<typeof roundtableRescheduledV1>;

/** A round table began to sit. */
export const roundtableStartedV1 = defineEvent({
  type: 'started',
  version: 1,
  aggregate: 'roundtable',
  description: 'A round table began to sit (SCHEDULED → LIVE); watchers may now follow it live.',
  data: roundtableHeaderSchema.extend({ title: textSchema, startedAt: instantSchema }),
  example: {
    ...exampleHeader,
    title: exampleRoundtableTitle,
    startedAt: '2016-11-10T11:05:00+03:00',
  },
});
/** A round table began to sit. */
export type RoundtableStartedV1 = EventOf<typeof roundtableStartedV1>;

/** A round table was called off. */
export const roundtableCancelledV1 = defineEvent({
  type: 'cancelled',
  version: 1,
  aggregate: 'roundtable',
  description:
    'A scheduled or live round table was called off; its proposed resolutions are never adopted.',
  data: roundtableHeaderSchema.extend({
    title: textSchema,
    previousStatus: roundtableStatusSchema,
    reason: textSchema,
    cancelledAt: instantSchema,
  }),
  example: {
    ...exampleHeader,
    title: exampleRoundtableTitle,
    previousStatus: 'SCHEDULED',
    reason: 'Ключевые участники не смогут приехать; вопросы перенесены на стратегическую сессию',
    cancelledAt: '2016-11-08T17:00:00+03:00',
  },
});
/** A round table was called off. */
export type RoundtableCancelledV1 = EventOf<typeof roundtableCancelledV1>;

/** A round table concluded and its resolutions were adopted. */
export const roundtableConcludedV1 = defineEvent({
  type: 'concluded',
  version: 1,
  aggregate: 'roundtable',
  description:
    'A round table concluded (LIVE → CONCLUDED). Every resolution still proposed was adopted and ' +
    'is frozen; `resolutions` holds all adopted ones (withdrawn ones are left out), so ' +
    'recommendations can be drafted from this event alone. `agenda` holds the final state of ' +
    'every question.',
  data: roundtableHeaderSchema.extend({
    title: textSchema,
    format: roundtableFormatSchema,
    concludedAt: instantSchema,
    agenda: z.array(agendaItemSnapshotSchema),
    resolutions: z.array(resolutionSnapshotSchema),
    statementCount: z.number().int().min(0),
  }),
  example: {
    ...exampleHeader,
    title: exampleRoundtableTitle,
    format: 'ROUND_TABLE',
    concludedAt: '2016-11-10T13:10:00+03:00',
    agenda: exampleAgenda.map((item) =>
      item.status === 'IN_DISCUSSION'
        ? {
            ...item,
            status: 'DISCUSSED' as const,
            result: 'Решено предложить проекты кластеров для дорожных карт НТИ',
          }
        : item,
    ),
    resolutions: [exampleResolution, exampleOwnWorkResolution, exampleQuestionToRegulator].map(
      (resolution) => ({
        ...resolution,
        status: 'ADOPTED' as const,
      }),
    ),
    statementCount: 42,
  },
});
/** A round table concluded and its resolutions were adopted. */
export type RoundtableConcludedV1 = EventOf<typeof roundtableConcludedV1>;

/** The minutes of a concluded round table were approved. */
export const roundtableMinutesApprovedV1 = defineEvent({
  type: 'minutes-approved',
  version: 1,
  aggregate: 'roundtable',
  description:
    'The minutes of a concluded round table were approved (typed up and corrected until then: ' +
    'statements, results of questions, participants). From now on they are final and refuse ' +
    'every correction.',
  data: roundtableHeaderSchema.extend({
    title: textSchema,
    approvedAt: instantSchema.describe('When they were approved, as the secretary gives it.'),
    statementCount: z.number().int().min(0),
  }),
  example: {
    ...exampleHeader,
    title: exampleRoundtableTitle,
    approvedAt: '2016-11-14T16:00:00+03:00',
    statementCount: 42,
  },
});
/** The minutes of a concluded round table were approved. */
export type RoundtableMinutesApprovedV1 = EventOf<typeof roundtableMinutesApprovedV1>;

/** When a concluded sitting happened was corrected (before its minutes were approved). */
export const roundtableRedatedV1 = defineEvent({
  type: 'redated',
  version: 1,
  aggregate: 'roundtable',
  description:
    'When a concluded round table sat was corrected before its minutes were approved: by the ' +
    'secretary (`redateSitting`), or once by the migration that dates sittings recorded before ' +
    'the record kept when things happened (recorded days after they were held, so the server ' +
    'put its own clock). Times of statements and questions moved with it, in proportion. Consumers ' +
    'that keep the meeting day (recommendation codes R-<year of the meeting>-NN) follow it.',
  data: roundtableHeaderSchema.extend({
    title: textSchema,
    startedAt: instantSchema.describe('When it began to sit, as corrected.'),
    concludedAt: instantSchema.describe('When it concluded, as corrected.'),
    previousStartedAt: instantSchema,
    previousConcludedAt: instantSchema,
  }),
  example: {
    ...exampleHeader,
    title: exampleRoundtableTitle,
    startedAt: '2016-11-10T11:05:00+03:00',
    concludedAt: '2016-11-10T13:10:00+03:00',
    previousStartedAt: '2026-12-07T12:00:00+03:00',
    previousConcludedAt: '2026-12-07T12:20:00+03:00',
  },
});
/** When a concluded sitting happened was corrected. */
export type RoundtableRedatedV1 = EventOf<typeof roundtableRedatedV1>;

/** Every event about a round table as a whole, newest versions included. */
export const roundtableLifecycleEvents = [
  roundtableScheduledV1,
  roundtableUpdatedV1,
  roundtableLinksUpdatedV1,
  roundtableRescheduledV1,
  roundtableStartedV1,
  roundtableCancelledV1,
  roundtableConcludedV1,
  roundtableMinutesApprovedV1,
  roundtableRedatedV1,
] as const;
