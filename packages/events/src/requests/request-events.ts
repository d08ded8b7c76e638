import { z } from 'zod';
import { defineEvent, type EventOf } from '../define-event';
import { instantSchema } from '../roundtables/parts';
import { calendarDateSchema, textSchema } from '../shared-schemas';
import { requestStatusSchema } from './enums';
import {
  exampleAnswerDue,
  exampleExtendedDue,
  exampleOutgoingNumber,
  exampleRequest,
  exampleRequestHeader,
} from './examples';
import {
  requestAnswerSchema,
  requestDueSchema,
  requestHeaderSchema,
  requestSnapshotSchema,
} from './parts';

const submittedHeader = { ...exampleRequestHeader, outgoingNumber: exampleOutgoingNumber } as const;

/** A request was drafted. */
export const requestDraftedV1 = defineEvent({
  type: 'drafted',
  version: 1,
  aggregate: 'request',
  description:
    'A request was drafted (DRAFT): by hand, or one per addressee when a recommendation with ' +
    'action APPEAL, PROPOSAL or LEGISLATIVE_INITIATIVE was adopted. Carries the whole letter.',
  data: requestSnapshotSchema,
  example: exampleRequest,
});
/** A request was drafted. */
export type RequestDraftedV1 = EventOf<typeof requestDraftedV1>;

/** The fields a `request.edited` event may report as changed. */
export const requestEditableFieldSchema = z.enum(['kind', 'subject', 'body', 'signatory']);
/** The fields a `request.edited` event may report as changed. */
export type RequestEditableField = z.infer<typeof requestEditableFieldSchema>;

/** A draft request was edited. */
export const requestEditedV1 = defineEvent({
  type: 'edited',
  version: 1,
  aggregate: 'request',
  description:
    'A draft request was edited. Carries the whole letter after the change and which fields ' +
    'changed.',
  data: requestSnapshotSchema.extend({
    changedFields: z.array(requestEditableFieldSchema).min(1),
  }),
  example: {
    ...exampleRequest,
    subject: 'О финансировании совместных проектов участников промышленных кластеров',
    changedFields: ['subject'],
  },
});
/** A draft request was edited. */
export type RequestEditedV1 = EventOf<typeof requestEditedV1>;

/** A request was sent to its addressee. */
export const requestSubmittedV1 = defineEvent({
  type: 'submitted',
  version: 1,
  aggregate: 'request',
  description:
    'A request was sent to its addressee (SUBMITTED) under an outgoing number, unique per tenant ' +
    'and year of sending. `dueOn`/`dueAt` is the registration deadline at the addressee, counted ' +
    'from `sentAt`.',
  data: requestHeaderSchema.extend({
    outgoingNumber: textSchema,
    subject: textSchema,
    submittedAt: instantSchema.describe('When the submission was recorded.'),
    sentAt: instantSchema
      .optional()
      .describe(
        'When the letter was sent, as the user gave it (a request entered as it happened); ' +
          'absent in events from before it was given, when it was `submittedAt`.',
      ),
    ...requestDueSchema.shape,
  }),
  example: {
    ...submittedHeader,
    status: 'SUBMITTED',
    subject: exampleRequest.subject,
    submittedAt: '2016-12-05T10:00:00+03:00',
    sentAt: '2016-12-05T10:00:00+03:00',
    dueOn: '2016-12-08',
    dueAt: '2016-12-08T23:59:59.999+03:00',
  },
});
/** A request was sent to its addressee. */
export type RequestSubmittedV1 = EventOf<typeof requestSubmittedV1>;

/** The addressee registered a request. */
export const requestRegisteredV1 = defineEvent({
  type: 'registered',
  version: 1,
  aggregate: 'request',
  description:
    'The addressee registered the request (REGISTERED) under its incoming number on a date of its ' +
    'calendar. `dueOn`/`dueAt` is now the answer deadline, counted from that date.',
  data: requestHeaderSchema.extend({
    incomingNumber: textSchema,
    registeredOn: calendarDateSchema.describe('The date of registration at the addressee.'),
    registeredOnTime: z.boolean().describe('Whether it was registered by the deadline.'),
    ...requestDueSchema.shape,
  }),
  example: {
    ...submittedHeader,
    status: 'REGISTERED',
    incomingNumber: 'ВХ-53117/16',
    registeredOn: '2016-12-07',
    registeredOnTime: true,
    ...exampleAnswerDue,
  },
});
/** The addressee registered a request. */
export type RequestRegisteredV1 = EventOf<typeof requestRegisteredV1>;

/** The answer deadline of a request was extended. */
export const requestDeadlineExtendedV1 = defineEvent({
  type: 'deadline-extended',
  version: 1,
  aggregate: 'request',
  description:
    'The answer deadline was extended, once and within the policy’s limit, with a reason. ' +
    'Due-soon and overdue notices start over for the new deadline.',
  data: requestHeaderSchema.extend({
    previousDueOn: calendarDateSchema,
    previousDueAt: instantSchema,
    extensionDays: z.number().int().min(1).describe('In the policy’s days (calendar or working).'),
    reason: textSchema,
    ...requestDueSchema.shape,
  }),
  example: {
    ...submittedHeader,
    status: 'REGISTERED',
    previousDueOn: exampleAnswerDue.dueOn,
    previousDueAt: exampleAnswerDue.dueAt,
    extensionDays: 30,
    reason: 'Необходимо получить позицию Минэкономразвития России и Проектного офиса НТИ',
    ...exampleExtendedDue,
  },
});
/** The answer deadline of a request was extended. */
export type RequestDeadlineExtendedV1 = EventOf<typeof requestDeadlineExtendedV1>;

/** The addressee answered a request. */
export const requestAnsweredV1 = defineEvent({
  type: 'answered',
  version: 1,
  aggregate: 'request',
  description:
    'The addressee answered (ANSWERED), by its representative or through the secretary. ' +
    'Carries the answer with its outcome, the deadline it was measured against and whether it ' +
    'came on time.',
  data: requestHeaderSchema.extend({
    answer: requestAnswerSchema,
    onTime: z.boolean(),
    ...requestDueSchema.shape,
  }),
  example: {
    ...submittedHeader,
    status: 'ANSWERED',
    answer: {
      text:
        'Минпромторг России поддерживает предложение и включит отбор совместных проектов ' +
        'участников промышленных кластеров в план работы на 2017 год; ассоциации предложено ' +
        'направить перечень проектов до 1 марта.',
      outcome: 'ACCEPTED',
      document: { number: '12-4821/01', date: '2017-01-13' },
      answeredAt: '2017-01-16T12:00:00+03:00',
    },
    onTime: true,
    ...exampleExtendedDue,
  },
});
/** The addressee answered a request. */
export type RequestAnsweredV1 = EventOf<typeof requestAnsweredV1>;

/** An answered request was closed. */
export const requestClosedV1 = defineEvent({
  type: 'closed',
  version: 1,
  aggregate: 'request',
  description: 'An answered request was closed (CLOSED): nothing more is expected of it.',
  data: requestHeaderSchema.extend({
    note: textSchema.optional(),
    closedAt: instantSchema,
  }),
  example: {
    ...submittedHeader,
    status: 'CLOSED',
    note: 'Перечень проектов направлен в Минпромторг России письмом АКИТ-2017/006',
    closedAt: '2017-01-20T10:00:00+03:00',
  },
});
/** An answered request was closed. */
export type RequestClosedV1 = EventOf<typeof requestClosedV1>;

/** A request was withdrawn. */
export const requestWithdrawnV1 = defineEvent({
  type: 'withdrawn',
  version: 1,
  aggregate: 'request',
  description:
    'A request was withdrawn (WITHDRAWN) before it was answered; it stays on record, and its ' +
    'deadlines stop.',
  data: requestHeaderSchema.extend({
    previousStatus: requestStatusSchema,
    reason: textSchema,
    withdrawnAt: instantSchema,
  }),
  example: {
    ...submittedHeader,
    status: 'WITHDRAWN',
    previousStatus: 'SUBMITTED',
    reason: 'Вопрос решён на совещании в Минпромторге России 12 декабря',
    withdrawnAt: '2016-12-13T09:00:00+03:00',
  },
});
/** A request was withdrawn. */
export type RequestWithdrawnV1 = EventOf<typeof requestWithdrawnV1>;

/** Every event about a request's letter and its fate, newest versions included. */
export const requestLifecycleEvents = [
  requestDraftedV1,
  requestEditedV1,
  requestSubmittedV1,
  requestRegisteredV1,
  requestDeadlineExtendedV1,
  requestAnsweredV1,
  requestClosedV1,
  requestWithdrawnV1,
] as const;
