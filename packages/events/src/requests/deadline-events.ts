import { z } from 'zod';
import { defineEvent, type EventOf } from '../define-event';
import { requestDeadlineStageSchema } from './enums';
import { exampleExtendedDue, exampleIds, exampleRequestHeader } from './examples';
import { requestDueSchema, requestHeaderSchema } from './parts';

/** A request's answer deadline is near. */
export const requestDueSoonV1 = defineEvent({
  type: 'due-soon',
  version: 1,
  aggregate: 'request',
  description:
    'A request’s deadline is near (by default five days before). Only the answer deadline is ' +
    'announced (registration takes days); announced once per deadline by the scheduler, and ' +
    'again for a new deadline after an extension.',
  data: requestHeaderSchema.extend({
    stage: requestDeadlineStageSchema,
    daysRemaining: z.number().int().min(0).describe('Calendar days left, 0 on the due date.'),
    ...requestDueSchema.shape,
  }),
  example: {
    ...exampleRequestHeader,
    status: 'REGISTERED',
    outgoingNumber: 'АКИТ-2016/014',
    stage: 'ANSWER',
    daysRemaining: 5,
    ...exampleExtendedDue,
  },
});
/** A request's answer deadline is near. */
export type RequestDueSoonV1 = EventOf<typeof requestDueSoonV1>;

/** A request's deadline passed. */
export const requestOverdueV1 = defineEvent({
  type: 'overdue',
  version: 1,
  aggregate: 'request',
  description:
    'A request passed its deadline: not registered in time (stage REGISTRATION) or not answered ' +
    'in time (stage ANSWER). Announced once per deadline by the scheduler.',
  data: requestHeaderSchema.extend({
    stage: requestDeadlineStageSchema,
    daysOverdue: z.number().int().min(1).describe('Calendar days since the due date.'),
    ...requestDueSchema.shape,
  }),
  example: {
    ...exampleRequestHeader,
    id: exampleIds.requestToProjectOffice,
    addresseeId: exampleIds.ntiProjectOffice,
    status: 'SUBMITTED',
    outgoingNumber: 'АКИТ-2016/015',
    stage: 'REGISTRATION',
    daysOverdue: 1,
    dueOn: '2016-12-08',
    dueAt: '2016-12-08T23:59:59.999+03:00',
  },
});
/** A request's deadline passed. */
export type RequestOverdueV1 = EventOf<typeof requestOverdueV1>;

/** Every deadline event of a request, newest versions included. */
export const requestDeadlineEvents = [requestDueSoonV1, requestOverdueV1] as const;
