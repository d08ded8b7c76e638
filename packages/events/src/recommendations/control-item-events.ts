import { z } from 'zod';
import { defineEvent, type EventOf } from '../define-event';
import { instantSchema, partyRefSchema } from '../roundtables/parts';
import { exampleIds as roundtableIds } from '../roundtables/examples';
import { aggregateIdSchema, calendarDateSchema, textSchema } from '../shared-schemas';

// An item under control (взято на контроль, DESIGN.md sections 3 and 4): a result of a meeting a
// body (the controller) took under control, with a responsible executor and a due date; tracked
// from the sitting's conclusion, without an adoption step. Its own aggregate and topic
// (docs/adr/0017-items-under-control.md).

/** UNDER_CONTROL → DONE | REMOVED (снято с контроля). */
export const controlItemStatusSchema = z.enum(['UNDER_CONTROL', 'DONE', 'REMOVED']);
/** Where an item under control stands. */
export type ControlItemStatus = z.infer<typeof controlItemStatusSchema>;

/** Where an item under control came from. */
export const controlItemSourceSchema = z.object({
  conferenceId: aggregateIdSchema.optional(),
  roundtableId: aggregateIdSchema,
  resolutionId: aggregateIdSchema.describe('The CONTROL_ITEM resolution it was taken from.'),
  agendaItemId: aggregateIdSchema.optional().describe('The question (agenda item) it concerns.'),
  meetingDate: calendarDateSchema.describe(
    "The day the sitting was held, in the workspace's time zone.",
  ),
});
/** Where an item under control came from. */
export type ControlItemSource = z.infer<typeof controlItemSourceSchema>;

/**
 * What every control item event says about the item: which one (also the subject), where it
 * stands, who controls it and who answers for it, and whether partners may see it, so live
 * watchers can show and filter it without a query.
 */
export const controlItemHeaderSchema = z.object({
  id: aggregateIdSchema.describe('The item under control.'),
  status: controlItemStatusSchema.describe('The status after the event.'),
  controllerId: aggregateIdSchema
    .optional()
    .describe(
      'The organisation that took it under control; absent when the workspace itself controls ' +
        'it (its secretaries).',
    ),
  responsible: partyRefSchema.optional().describe('The responsible executor.'),
  dueDate: calendarDateSchema.optional().describe('When it is due, after any extension.'),
  published: z
    .boolean()
    .describe('Visible to partners (read-only API clients); internal otherwise.'),
  conferenceId: aggregateIdSchema
    .optional()
    .describe('The conference it came from, when it came from one.'),
});
/** What every control item event says about the item. */
export type ControlItemHeader = z.infer<typeof controlItemHeaderSchema>;

const exampleHeader = {
  id: '6650a1f0c2b9e4a1d3f00901',
  status: 'UNDER_CONTROL',
  controllerId: roundtableIds.ministryOfIndustry,
  responsible: { kind: 'ORGANIZATION', id: roundtableIds.association },
  dueDate: '2017-03-31',
  published: true,
  conferenceId: roundtableIds.conference,
} satisfies ControlItemHeader;

/** A result of a sitting was taken under control. */
export const controlItemTakenV1 = defineEvent({
  type: 'taken',
  version: 1,
  aggregate: 'control-item',
  description:
    'A CONTROL_ITEM resolution of a concluded round table was taken under control ' +
    '(UNDER_CONTROL), tracked from the conclusion with no adoption step. Carries the whole card.',
  data: controlItemHeaderSchema.extend({
    text: textSchema,
    source: controlItemSourceSchema,
    takenAt: instantSchema.describe('When it was taken under control: the sitting’s conclusion.'),
  }),
  example: {
    ...exampleHeader,
    text:
      'Взять на контроль подготовку перечня совместных проектов участников промышленных ' +
      'кластеров для дорожных карт НТИ.',
    source: {
      conferenceId: roundtableIds.conference,
      roundtableId: roundtableIds.roundtable,
      resolutionId: '6650a1f0c2b9e4a1d3f00643',
      meetingDate: '2016-11-10',
    },
    takenAt: '2016-11-10T13:10:00+03:00',
  },
});
/** A result of a sitting was taken under control. */
export type ControlItemTakenV1 = EventOf<typeof controlItemTakenV1>;

/** The responsible side reported progress on an item under control. */
export const controlItemProgressReportedV1 = defineEvent({
  type: 'progress-reported',
  version: 1,
  aggregate: 'control-item',
  description:
    'The responsible side (or a secretary for it) reported progress on an item under control.',
  data: controlItemHeaderSchema.extend({
    report: z.object({
      id: aggregateIdSchema,
      author: partyRefSchema,
      text: textSchema,
      percent: z.number().int().min(0).max(100).optional(),
      reportedAt: instantSchema,
    }),
  }),
  example: {
    ...exampleHeader,
    report: {
      id: '6650a1f0c2b9e4a1d3f00911',
      author: { kind: 'ORGANIZATION', id: roundtableIds.association },
      text: 'Перечень из 12 проектов согласован с участниками кластеров.',
      percent: 60,
      reportedAt: '2017-02-01T10:00:00+03:00',
    },
  },
});
/** The responsible side reported progress on an item under control. */
export type ControlItemProgressReportedV1 = EventOf<typeof controlItemProgressReportedV1>;

/** The controller extended an item's due date. */
export const controlItemExtendedV1 = defineEvent({
  type: 'extended',
  version: 1,
  aggregate: 'control-item',
  description:
    'The controller (or a secretary) extended the due date of an item under control; ' +
    '`dueDate` is the new one.',
  data: controlItemHeaderSchema.extend({
    previousDueDate: calendarDateSchema.optional(),
    reason: textSchema.optional(),
    extendedAt: instantSchema
      .optional()
      .describe(
        'When it was extended, as the user gave it (CloudEvents `time` is when it was ' +
          'recorded); absent from events before it was kept.',
      ),
  }),
  example: {
    ...exampleHeader,
    dueDate: '2017-06-30',
    previousDueDate: '2017-03-31',
    reason: 'Ждём данных реестра промышленных кластеров',
    extendedAt: '2017-03-25T10:00:00+03:00',
  },
});
/** The controller extended an item's due date. */
export type ControlItemExtendedV1 = EventOf<typeof controlItemExtendedV1>;

/** The controller marked an item done. */
export const controlItemDoneV1 = defineEvent({
  type: 'done',
  version: 1,
  aggregate: 'control-item',
  description: 'The controller (or a secretary) marked an item under control done (→ DONE).',
  data: controlItemHeaderSchema.extend({
    note: textSchema.optional(),
    closedAt: instantSchema,
  }),
  example: {
    ...exampleHeader,
    status: 'DONE',
    note: 'Перечень направлен в Проектный офис НТИ',
    closedAt: '2017-03-20T12:00:00+03:00',
  },
});
/** The controller marked an item done. */
export type ControlItemDoneV1 = EventOf<typeof controlItemDoneV1>;

/** The controller removed an item from control. */
export const controlItemRemovedV1 = defineEvent({
  type: 'removed',
  version: 1,
  aggregate: 'control-item',
  description:
    'The controller (or a secretary) removed an item from control (снято с контроля, → REMOVED), ' +
    'with the reason.',
  data: controlItemHeaderSchema.extend({
    reason: textSchema,
    closedAt: instantSchema,
  }),
  example: {
    ...exampleHeader,
    status: 'REMOVED',
    reason: 'Вопрос решён постановлением Правительства',
    closedAt: '2017-03-20T12:00:00+03:00',
  },
});
/** The controller removed an item from control. */
export type ControlItemRemovedV1 = EventOf<typeof controlItemRemovedV1>;

/** An item under control is due soon. */
export const controlItemDueSoonV1 = defineEvent({
  type: 'due-soon',
  version: 1,
  aggregate: 'control-item',
  description: 'An item under control is due soon. Announced once per due date by the scheduler.',
  data: controlItemHeaderSchema.extend({
    dueDate: calendarDateSchema,
    daysRemaining: z.number().int().min(0).describe('Calendar days left, 0 on the due date.'),
  }),
  example: { ...exampleHeader, daysRemaining: 14 },
});
/** An item under control is due soon. */
export type ControlItemDueSoonV1 = EventOf<typeof controlItemDueSoonV1>;

/** An item under control passed its due date. */
export const controlItemOverdueV1 = defineEvent({
  type: 'overdue',
  version: 1,
  aggregate: 'control-item',
  description:
    'An item under control passed its due date still under control. Announced once per due ' +
    'date by the scheduler.',
  data: controlItemHeaderSchema.extend({
    dueDate: calendarDateSchema,
    daysOverdue: z.number().int().min(1).describe('Calendar days since the due date.'),
  }),
  example: { ...exampleHeader, daysOverdue: 1 },
});
/** An item under control passed its due date. */
export type ControlItemOverdueV1 = EventOf<typeof controlItemOverdueV1>;

/** Every event about items under control. */
export const controlItemEvents = [
  controlItemTakenV1,
  controlItemProgressReportedV1,
  controlItemExtendedV1,
  controlItemDoneV1,
  controlItemRemovedV1,
  controlItemDueSoonV1,
  controlItemOverdueV1,
] as const;
