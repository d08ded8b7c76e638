import { z } from 'zod';
import { defineEvent, type EventOf } from '../define-event';
import { partyRefSchema } from '../roundtables/parts';
import { calendarDateSchema } from '../shared-schemas';
import { exampleAssociation, exampleIds, exampleRecommendationHeader } from './examples';
import { addresseePositionSchema, recommendationHeaderSchema, requestFactSchema } from './parts';

const inForceHeader = { ...exampleRecommendationHeader, status: 'IN_PROGRESS' } as const;

/** An adopted recommendation's due date is near. */
export const recommendationDueSoonV1 = defineEvent({
  type: 'due-soon',
  version: 1,
  aggregate: 'recommendation',
  description:
    'An adopted recommendation (ADOPTED or IN_PROGRESS) is due soon. Announced once per due date ' +
    'by the scheduler.',
  data: recommendationHeaderSchema.extend({
    dueDate: calendarDateSchema,
    daysRemaining: z.number().int().min(0).describe('Calendar days left, 0 on the due date.'),
    responsible: partyRefSchema.optional(),
  }),
  example: {
    ...inForceHeader,
    dueDate: '2017-06-30',
    daysRemaining: 14,
    responsible: exampleAssociation,
  },
});
/** An adopted recommendation's due date is near. */
export type RecommendationDueSoonV1 = EventOf<typeof recommendationDueSoonV1>;

/** An adopted recommendation's due date passed before it was carried out. */
export const recommendationOverdueV1 = defineEvent({
  type: 'overdue',
  version: 1,
  aggregate: 'recommendation',
  description:
    'An adopted recommendation (ADOPTED or IN_PROGRESS) passed its due date unfinished. ' +
    'Announced once per due date by the scheduler.',
  data: recommendationHeaderSchema.extend({
    dueDate: calendarDateSchema,
    daysOverdue: z.number().int().min(1).describe('Calendar days since the due date.'),
    responsible: partyRefSchema.optional(),
  }),
  example: {
    ...inForceHeader,
    dueDate: '2017-06-30',
    daysOverdue: 1,
    responsible: exampleAssociation,
  },
});
/** An adopted recommendation's due date passed before it was carried out. */
export type RecommendationOverdueV1 = EventOf<typeof recommendationOverdueV1>;

/** A recommendation reached its review date. */
export const recommendationReviewDueV1 = defineEvent({
  type: 'review-due',
  version: 1,
  aggregate: 'recommendation',
  description:
    'An unfinished recommendation reached its review date: time to look at its progress. ' +
    'Announced once per review date by the scheduler.',
  data: recommendationHeaderSchema.extend({
    reviewDate: calendarDateSchema,
    responsible: partyRefSchema.optional(),
  }),
  example: { ...inForceHeader, reviewDate: '2017-03-01', responsible: exampleAssociation },
});
/** A recommendation reached its review date. */
export type RecommendationReviewDueV1 = EventOf<typeof recommendationReviewDueV1>;

/** A request made from a recommendation was submitted, registered, answered, is due soon or overdue. */
export const recommendationRequestRecordedV1 = defineEvent({
  type: 'request-recorded',
  version: 1,
  aggregate: 'recommendation',
  description:
    'A request made from the recommendation was submitted, registered or answered, is due soon ' +
    'or went overdue, and the ' +
    'recommendation noted it on its timeline (once per fact, whatever the order of arrival). ' +
    '`position` is where that addressee stands now; a change of status that follows is ' +
    'announced by recommendation.in-progress or recommendation.rejected.',
  data: recommendationHeaderSchema.extend({
    request: requestFactSchema,
    position: addresseePositionSchema
      .optional()
      .describe('Absent when the request went to an organisation that is not an addressee.'),
  }),
  example: {
    ...inForceHeader,
    request: {
      requestId: exampleIds.requestToMinistry,
      addresseeId: exampleIds.ministryOfIndustry,
      kind: 'ANSWERED',
      outcome: 'ACCEPTED',
      occurredAt: '2017-01-16T12:00:00+03:00',
    },
    position: {
      organizationId: exampleIds.ministryOfIndustry,
      position: 'ACCEPTED',
      requestIds: [exampleIds.requestToMinistry],
    },
  },
});
/** A request made from a recommendation was registered, answered or went overdue. */
export type RecommendationRequestRecordedV1 = EventOf<typeof recommendationRequestRecordedV1>;

/** Every follow-up event of a recommendation, newest versions included. */
export const recommendationFollowUpEvents = [
  recommendationDueSoonV1,
  recommendationOverdueV1,
  recommendationReviewDueV1,
  recommendationRequestRecordedV1,
] as const;
