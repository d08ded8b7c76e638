import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';

import type { TimelineEntryDocument } from '../../db/read-model.documents';
import { RecommendationStatus, TimelineEntryTypes, timelineEntryType } from '../shared/enums';

@ObjectType('RecommendationTimelineEntry', {
  description:
    'One thing that happened to a recommendation. Its id is the id of the event that announced it, so clients can match live events with pages.',
})
export class RecommendationTimelineEntryType {
  @Field(() => ID, { description: 'The id of the CloudEvent that announced it.' })
  id: string;

  @Field(() => ID)
  recommendationId: string;

  @Field(() => Int, { description: 'Order within the recommendation.' })
  sequence: number;

  @Field(() => TimelineEntryTypes)
  type: keyof typeof TimelineEntryTypes;

  @Field({ description: 'When it happened (as given by the user, or by the event it reacts to).' })
  occurredAt: Date;

  @Field({ description: 'When it was recorded (the server clock; the CloudEvents `time`).' })
  recordedAt: Date;

  @Field({ description: 'Who did it: a user (token subject) or system:<service>.' })
  actor: string;

  @Field(() => RecommendationStatus, { description: 'The status right after it.' })
  status: keyof typeof RecommendationStatus;

  @Field(() => GraphQLJSONObject, {
    description: 'The event’s payload (see docs/events/asyncapi.yaml).',
  })
  data: Record<string, unknown>;
}

export function toTimelineEntry(entry: TimelineEntryDocument): RecommendationTimelineEntryType {
  return {
    id: entry._id,
    recommendationId: entry.recommendationId,
    sequence: entry.sequence,
    type: timelineEntryType(entry.type),
    occurredAt: entry.occurredAt,
    recordedAt: entry.recordedAt ?? entry.occurredAt,
    actor: entry.actor,
    status: entry.status,
    data: entry.data,
  };
}
