import { z } from 'zod';
import { defineEvent, type EventOf } from '../define-event';
import { instantSchema, partyRefSchema } from '../roundtables/parts';
import { exampleRecommendationHeader } from './examples';
import { endorsementSchema, recommendationHeaderSchema } from './parts';

/** An organisation or a person endorsed a recommendation. */
export const recommendationEndorsedV1 = defineEvent({
  type: 'endorsed',
  version: 1,
  aggregate: 'recommendation',
  description:
    'An organisation or a person endorsed a recommendation (each endorses once). Carries the ' +
    'endorsement and how many there are now.',
  data: recommendationHeaderSchema.extend({
    endorsement: endorsementSchema,
    endorsementCount: z.number().int().min(1),
  }),
  example: {
    ...exampleRecommendationHeader,
    endorsement: {
      party: { kind: 'ORGANIZATION', id: '6650a1f0c2b9e4a1d3f00004' },
      comment: 'Кластер готов представить на отбор два совместных проекта',
      endorsedAt: '2016-11-15T10:30:00+03:00',
    },
    endorsementCount: 3,
  },
});
/** An organisation or a person endorsed a recommendation. */
export type RecommendationEndorsedV1 = EventOf<typeof recommendationEndorsedV1>;

/** An organisation or a person took back its endorsement. */
export const recommendationEndorsementWithdrawnV1 = defineEvent({
  type: 'endorsement-withdrawn',
  version: 1,
  aggregate: 'recommendation',
  description:
    'An organisation or a person took back its endorsement. Carries who and how many remain.',
  data: recommendationHeaderSchema.extend({
    party: partyRefSchema,
    endorsementCount: z.number().int().min(0),
    withdrawnAt: instantSchema
      .optional()
      .describe(
        'When it was taken back, as the user gave it (CloudEvents `time` is when it was ' +
          'recorded); absent from events before it was kept.',
      ),
  }),
  example: {
    ...exampleRecommendationHeader,
    party: { kind: 'ORGANIZATION', id: '6650a1f0c2b9e4a1d3f00004' },
    endorsementCount: 2,
    withdrawnAt: '2017-01-20T11:00:00+03:00',
  },
});
/** An organisation or a person took back its endorsement. */
export type RecommendationEndorsementWithdrawnV1 = EventOf<
  typeof recommendationEndorsementWithdrawnV1
>;

/** Every endorsement event, newest versions included. */
export const recommendationEndorsementEvents = [
  recommendationEndorsedV1,
  recommendationEndorsementWithdrawnV1,
] as const;
