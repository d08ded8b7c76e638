import { z } from 'zod';
import { defineEvent, type EventOf } from '../define-event';
import { instantSchema, partyRefSchema } from '../roundtables/parts';
import { aggregateIdSchema, textSchema } from '../shared-schemas';
import { recommendationStatusSchema } from './enums';
import { exampleIds, exampleRecommendationHeader } from './examples';
import { progressReportSchema, recommendationHeaderSchema } from './parts';

const inForceHeader = { ...exampleRecommendationHeader, status: 'IN_PROGRESS' } as const;

/** Progress was reported on a recommendation. */
export const recommendationProgressReportedV1 = defineEvent({
  type: 'progress-reported',
  version: 1,
  aggregate: 'recommendation',
  description:
    'The responsible party, an addressee or the secretary reported progress on an adopted ' +
    'recommendation. The first report on an ADOPTED one also moves it to IN_PROGRESS (announced ' +
    'by recommendation.in-progress).',
  data: recommendationHeaderSchema.extend({ report: progressReportSchema }),
  example: {
    ...inForceHeader,
    report: {
      id: '6650a1f0c2b9e4a1d3f00731',
      author: { kind: 'ORGANIZATION', id: exampleIds.ntiProjectOffice },
      text:
        'Проектный офис включил отбор проектов участников промышленных кластеров в план на 2017 ' +
        'год; критерии отбора согласуются с Минпромторгом России.',
      percent: 30,
      reportedAt: '2017-03-01T15:00:00+03:00',
    },
  },
});
/** Progress was reported on a recommendation. */
export type RecommendationProgressReportedV1 = EventOf<typeof recommendationProgressReportedV1>;

/** Why an adopted recommendation is now being carried out. */
export const inProgressCauseSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('ANSWER_ACCEPTED'),
    requestId: aggregateIdSchema,
    addresseeId: aggregateIdSchema,
  }),
  z.object({
    kind: z.literal('PROGRESS_REPORTED'),
    reportId: aggregateIdSchema,
    author: partyRefSchema,
  }),
]);
/** Why an adopted recommendation is now being carried out. */
export type InProgressCause = z.infer<typeof inProgressCauseSchema>;

/** An adopted recommendation is being carried out. */
export const recommendationInProgressV1 = defineEvent({
  type: 'in-progress',
  version: 1,
  aggregate: 'recommendation',
  description:
    'An adopted recommendation is being carried out (ADOPTED → IN_PROGRESS): an addressee ' +
    'accepted a request made from it, or the first progress was reported. `cause` says which.',
  data: recommendationHeaderSchema.extend({
    previousStatus: recommendationStatusSchema,
    cause: inProgressCauseSchema,
    startedAt: instantSchema,
  }),
  example: {
    ...inForceHeader,
    previousStatus: 'ADOPTED',
    cause: {
      kind: 'ANSWER_ACCEPTED',
      requestId: exampleIds.requestToMinistry,
      addresseeId: exampleIds.ministryOfIndustry,
    },
    startedAt: '2017-01-16T12:00:00+03:00',
  },
});
/** An adopted recommendation is being carried out. */
export type RecommendationInProgressV1 = EventOf<typeof recommendationInProgressV1>;

/** A recommendation was carried out in full. */
export const recommendationImplementedV1 = defineEvent({
  type: 'implemented',
  version: 1,
  aggregate: 'recommendation',
  description:
    'A recommendation was carried out in full (IMPLEMENTED), from ADOPTED, IN_PROGRESS or ' +
    'PARTIALLY_IMPLEMENTED.',
  data: recommendationHeaderSchema.extend({
    previousStatus: recommendationStatusSchema,
    note: textSchema.optional().describe('What was done, in a sentence or two.'),
    implementedAt: instantSchema,
  }),
  example: {
    ...exampleRecommendationHeader,
    status: 'IMPLEMENTED',
    previousStatus: 'IN_PROGRESS',
    note: 'Отбор проведён; три совместных проекта кластеров получили финансирование по дорожным картам НТИ.',
    implementedAt: '2017-06-20T12:00:00+03:00',
  },
});
/** A recommendation was carried out in full. */
export type RecommendationImplementedV1 = EventOf<typeof recommendationImplementedV1>;

/** A recommendation was carried out in part. */
export const recommendationPartlyImplementedV1 = defineEvent({
  type: 'partly-implemented',
  version: 1,
  aggregate: 'recommendation',
  description:
    'A recommendation was carried out in part (PARTIALLY_IMPLEMENTED); `note` says what was not ' +
    'done. It may still be marked implemented later.',
  data: recommendationHeaderSchema.extend({
    previousStatus: recommendationStatusSchema,
    note: textSchema,
    decidedAt: instantSchema,
  }),
  example: {
    ...exampleRecommendationHeader,
    status: 'PARTIALLY_IMPLEMENTED',
    previousStatus: 'IN_PROGRESS',
    note: 'Отбор проведён Минпромторгом России; Проектный офис НТИ финансирование не выделил.',
    decidedAt: '2017-07-10T12:00:00+03:00',
  },
});
/** A recommendation was carried out in part. */
export type RecommendationPartlyImplementedV1 = EventOf<typeof recommendationPartlyImplementedV1>;

/** Every event about carrying a recommendation out, newest versions included. */
export const recommendationProgressEvents = [
  recommendationProgressReportedV1,
  recommendationInProgressV1,
  recommendationImplementedV1,
  recommendationPartlyImplementedV1,
] as const;
