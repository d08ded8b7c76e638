import { z } from 'zod';
import { defineEvent, type EventOf } from '../define-event';
import { instantSchema, partyRefSchema } from '../roundtables/parts';
import { aggregateIdSchema, calendarDateSchema, textSchema } from '../shared-schemas';
import { recommendationStatusSchema } from './enums';
import {
  exampleDecidedText,
  exampleIds,
  exampleRecommendation,
  exampleRecommendationHeader,
} from './examples';
import {
  decisionMakerSchema,
  recommendationHeaderSchema,
  recommendationSnapshotSchema,
} from './parts';

/** A recommendation was drafted by hand. */
export const recommendationDraftedV1 = defineEvent({
  type: 'drafted',
  version: 1,
  aggregate: 'recommendation',
  description:
    'A recommendation was drafted by hand (DRAFT), not from a round table. Carries the whole card.',
  data: recommendationSnapshotSchema,
  example: { ...exampleRecommendation, status: 'DRAFT', source: {} },
});
/** A recommendation was drafted by hand. */
export type RecommendationDraftedV1 = EventOf<typeof recommendationDraftedV1>;

/** A recommendation was put forward for adoption. */
export const recommendationProposedV1 = defineEvent({
  type: 'proposed',
  version: 1,
  aggregate: 'recommendation',
  description:
    'A recommendation was put forward for adoption (PROPOSED): a draft was proposed, or a ' +
    'concluded round table resolution became a recommendation (then `source` names it and ' +
    '`previousStatus` is absent). Carries the whole card.',
  data: recommendationSnapshotSchema.extend({
    previousStatus: recommendationStatusSchema
      .optional()
      .describe('DRAFT when a draft was proposed; absent when created from a resolution.'),
    proposedAt: instantSchema,
  }),
  example: { ...exampleRecommendation, proposedAt: '2016-11-10T13:10:00+03:00' },
});
/** A recommendation was put forward for adoption. */
export type RecommendationProposedV1 = EventOf<typeof recommendationProposedV1>;

/** The fields a `recommendation.revised` event may report as changed. */
export const recommendationRevisableFieldSchema = z.enum([
  'title',
  'recommendedText',
  'actionType',
  'addresseeIds',
  'responsible',
  'legalBasis',
  'priority',
  'dueDate',
  'reviewDate',
  'published',
]);
/** The fields a `recommendation.revised` event may report as changed. */
export type RecommendationRevisableField = z.infer<typeof recommendationRevisableFieldSchema>;

/** A draft or proposed recommendation was revised. */
export const recommendationRevisedV1 = defineEvent({
  type: 'revised',
  version: 1,
  aggregate: 'recommendation',
  description:
    'A draft or proposed recommendation was revised. Carries the whole card after the change and ' +
    'which fields changed.',
  data: recommendationSnapshotSchema.extend({
    changedFields: z.array(recommendationRevisableFieldSchema).min(1),
  }),
  example: {
    ...exampleRecommendation,
    dueDate: '2017-09-30',
    priority: 'NORMAL',
    changedFields: ['priority', 'dueDate'],
  },
});
/** A draft or proposed recommendation was revised. */
export type RecommendationRevisedV1 = EventOf<typeof recommendationRevisedV1>;

/** A recommendation was adopted. */
export const recommendationAdoptedV1 = defineEvent({
  type: 'adopted',
  version: 1,
  aggregate: 'recommendation',
  description:
    'A proposed recommendation was adopted (ADOPTED). Carries the whole card with what was ' +
    'recommended and, apart from it, what was decided, by whom and when, so the requests service ' +
    'can draft one request per addressee from this event alone (for APPEAL, PROPOSAL, QUESTION ' +
    'and LEGISLATIVE_INITIATIVE).',
  data: recommendationSnapshotSchema.extend({
    decidedText: textSchema.describe(
      'What was decided; equal to recommendedText when it was adopted as recommended.',
    ),
    decidedBy: partyRefSchema.describe('Who decided: the association, its council or its chair.'),
    decidedAt: instantSchema,
  }),
  example: {
    ...exampleRecommendation,
    status: 'ADOPTED',
    decidedText: exampleDecidedText,
    decidedBy: { kind: 'PERSON', id: exampleIds.chair },
    decidedAt: '2016-11-24T16:00:00+03:00',
  },
});
/** A recommendation was adopted. */
export type RecommendationAdoptedV1 = EventOf<typeof recommendationAdoptedV1>;

/** A recommendation was rejected. */
export const recommendationRejectedV1 = defineEvent({
  type: 'rejected',
  version: 1,
  aggregate: 'recommendation',
  description:
    'A recommendation was rejected (REJECTED): a proposed one by the association, or an adopted ' +
    'one because every addressee declined it (then `decidedBy` is the addressees). The ' +
    'recommended text and any earlier adoption stay as they were.',
  data: recommendationHeaderSchema.extend({
    previousStatus: recommendationStatusSchema,
    reason: textSchema,
    decidedBy: decisionMakerSchema,
    decidedAt: instantSchema,
  }),
  example: {
    ...exampleRecommendationHeader,
    status: 'REJECTED',
    previousStatus: 'ADOPTED',
    reason: 'declined by the addressees',
    decidedBy: {
      kind: 'ADDRESSEES',
      organizationIds: [exampleIds.ministryOfIndustry, exampleIds.ntiProjectOffice],
    },
    decidedAt: '2017-01-20T11:00:00+03:00',
  },
});
/** A recommendation was rejected. */
export type RecommendationRejectedV1 = EventOf<typeof recommendationRejectedV1>;

/** A recommendation was withdrawn. */
export const recommendationWithdrawnV1 = defineEvent({
  type: 'withdrawn',
  version: 1,
  aggregate: 'recommendation',
  description:
    'A recommendation was withdrawn (WITHDRAWN) by the association; it stays on record. Requests ' +
    'already sent are not withdrawn by this event.',
  data: recommendationHeaderSchema.extend({
    previousStatus: recommendationStatusSchema,
    reason: textSchema.optional().describe('Required once the recommendation was adopted.'),
    withdrawnAt: instantSchema,
  }),
  example: {
    ...exampleRecommendationHeader,
    status: 'WITHDRAWN',
    previousStatus: 'ADOPTED',
    reason: 'Отбор проектов проведён по инициативе Минпромторга России без обращения ассоциации',
    withdrawnAt: '2017-02-15T10:00:00+03:00',
  },
});
/** A recommendation was withdrawn. */
export type RecommendationWithdrawnV1 = EventOf<typeof recommendationWithdrawnV1>;

/** A recommendation was replaced by another. */
export const recommendationSupersededV1 = defineEvent({
  type: 'superseded',
  version: 1,
  aggregate: 'recommendation',
  description:
    'A recommendation was replaced by another one (SUPERSEDED); `supersededBy` names the ' +
    'successor, which carries the work on.',
  data: recommendationHeaderSchema.extend({
    previousStatus: recommendationStatusSchema,
    supersededBy: aggregateIdSchema,
    reason: textSchema.optional(),
    supersededAt: instantSchema,
  }),
  example: {
    ...exampleRecommendationHeader,
    status: 'SUPERSEDED',
    previousStatus: 'ADOPTED',
    supersededBy: exampleIds.successor,
    reason:
      'Объединена с рекомендацией о поддержке молодёжного технологического предпринимательства',
    supersededAt: '2017-04-03T12:00:00+03:00',
  },
});
/** A recommendation was replaced by another. */
export type RecommendationSupersededV1 = EventOf<typeof recommendationSupersededV1>;

/** A recommendation's code was changed to the year of its meeting. */
export const recommendationRenumberedV1 = defineEvent({
  type: 'renumbered',
  version: 1,
  aggregate: 'recommendation',
  description:
    'A recommendation was given a new code, R-<year of its meeting>-NN, because its code took ' +
    "another year (recorded before codes followed the meeting's year). `code` is the new one, " +
    '`previousCode` the one it replaces; nothing else changed. Watchers showing the code update it.',
  data: recommendationHeaderSchema.extend({
    previousCode: textSchema.describe('The code it had until now.'),
    meetingDate: calendarDateSchema
      .optional()
      .describe('The day of the meeting whose year the new code takes, when known.'),
  }),
  example: {
    ...exampleRecommendationHeader,
    previousCode: 'R-2026-04',
    meetingDate: '2016-11-10',
  },
});
/** A recommendation's code was changed to the year of its meeting. */
export type RecommendationRenumberedV1 = EventOf<typeof recommendationRenumberedV1>;

/** Every event about a recommendation's fate, newest versions included. */
export const recommendationLifecycleEvents = [
  recommendationDraftedV1,
  recommendationProposedV1,
  recommendationRevisedV1,
  recommendationAdoptedV1,
  recommendationRejectedV1,
  recommendationWithdrawnV1,
  recommendationSupersededV1,
  recommendationRenumberedV1,
] as const;
