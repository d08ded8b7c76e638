import { z } from 'zod';
import { defineEvent, type EventOf } from '../define-event';
import { textSchema } from '../shared-schemas';
import { exampleAgenda, exampleAgendaItem, exampleHeader } from './examples';
import { agendaItemSnapshotSchema, instantSchema, roundtableHeaderSchema } from './parts';

/** When a question was taken up, closed or put off: given by the secretary, default the recording time. */
const occurredAtSchema = instantSchema
  .optional()
  .describe(
    'When it happened (the CloudEvents `time` is when it was recorded); absent from events ' +
      'recorded before it was added, which happened when recorded.',
  );

/** A round table's agenda was set or changed. */
export const roundtableAgendaSetV1 = defineEvent({
  type: 'agenda-set',
  version: 1,
  aggregate: 'roundtable',
  description:
    'The agenda was set or changed: questions added, removed, retitled or reordered. Carries the ' +
    'whole agenda in order, so a watcher replaces its list.',
  data: roundtableHeaderSchema.extend({ agenda: z.array(agendaItemSnapshotSchema) }),
  example: {
    ...exampleHeader,
    agenda: exampleAgenda.map((item) => ({ ...item, status: 'PENDING' as const })),
  },
});
/** A round table's agenda was set or changed. */
export type RoundtableAgendaSetV1 = EventOf<typeof roundtableAgendaSetV1>;

/** A question of the agenda was taken up. */
export const roundtableAgendaItemOpenedV1 = defineEvent({
  type: 'agenda-item-opened',
  version: 1,
  aggregate: 'roundtable',
  description:
    'A question was taken up (PENDING, DEFERRED or DISCUSSED → IN_DISCUSSION: a discussed ' +
    'question may be taken up again); statements may now be recorded on it. At most one ' +
    'question is in discussion at a time.',
  data: roundtableHeaderSchema.extend({
    agendaItem: agendaItemSnapshotSchema,
    occurredAt: occurredAtSchema,
  }),
  example: {
    ...exampleHeader,
    agendaItem: { ...exampleAgendaItem, status: 'IN_DISCUSSION' },
    occurredAt: '2016-11-10T11:40:00+03:00',
  },
});
/** A question of the agenda was taken up. */
export type RoundtableAgendaItemOpenedV1 = EventOf<typeof roundtableAgendaItemOpenedV1>;

/** A question of the agenda was discussed to the end. */
export const roundtableAgendaItemClosedV1 = defineEvent({
  type: 'agenda-item-closed',
  version: 1,
  aggregate: 'roundtable',
  description:
    'A question was discussed to the end (IN_DISCUSSION → DISCUSSED), with its result when the ' +
    'secretary gave one.',
  data: roundtableHeaderSchema.extend({
    agendaItem: agendaItemSnapshotSchema,
    occurredAt: occurredAtSchema,
  }),
  example: {
    ...exampleHeader,
    agendaItem: {
      ...exampleAgendaItem,
      status: 'DISCUSSED',
      result: 'Решено подготовить обращение в Минпромторг России о поддержке проектов кластеров',
    },
    occurredAt: '2016-11-10T12:25:00+03:00',
  },
});
/** A question of the agenda was discussed to the end. */
export type RoundtableAgendaItemClosedV1 = EventOf<typeof roundtableAgendaItemClosedV1>;

/** A question of the agenda was put off. */
export const roundtableAgendaItemDeferredV1 = defineEvent({
  type: 'agenda-item-deferred',
  version: 1,
  aggregate: 'roundtable',
  description:
    'A question was put off (PENDING or IN_DISCUSSION → DEFERRED); it may be taken up again.',
  data: roundtableHeaderSchema.extend({
    agendaItem: agendaItemSnapshotSchema,
    reason: textSchema.optional(),
    occurredAt: occurredAtSchema,
  }),
  example: {
    ...exampleHeader,
    agendaItem: { ...exampleAgendaItem, status: 'DEFERRED' },
    reason: 'Нужны данные реестра промышленных кластеров',
    occurredAt: '2016-11-10T12:30:00+03:00',
  },
});
/** A question of the agenda was put off. */
export type RoundtableAgendaItemDeferredV1 = EventOf<typeof roundtableAgendaItemDeferredV1>;

/** Every agenda event, newest versions included. */
export const roundtableAgendaEvents = [
  roundtableAgendaSetV1,
  roundtableAgendaItemOpenedV1,
  roundtableAgendaItemClosedV1,
  roundtableAgendaItemDeferredV1,
] as const;
