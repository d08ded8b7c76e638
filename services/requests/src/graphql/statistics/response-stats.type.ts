import { Connection } from '@kollegia/service-kit';
import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType('ResponseOutcomeCounts', { description: 'Answers by outcome.' })
export class ResponseOutcomeCountsType {
  @Field(() => Int)
  accepted: number;

  @Field(() => Int)
  partiallyAccepted: number;

  @Field(() => Int)
  declined: number;

  @Field(() => Int)
  informationOnly: number;
}

@ObjectType('ResponseStats', {
  description:
    'How an organisation answers the requests sent to it: a read model kept from the request events; overdueNow is counted at the moment of the query.',
})
export class ResponseStatsType {
  addresseeId: string;

  @Field(() => Int, { description: 'Requests sent to it and not withdrawn.' })
  received: number;

  @Field(() => Int)
  answered: number;

  @Field(() => Int)
  answeredOnTime: number;

  @Field(() => Int, { description: 'Unanswered and past the deadline that runs, now.' })
  overdueNow: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Median calendar days from sending to the answer; null with no answers.',
  })
  medianDaysToAnswer: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Accepted (fully or partly) among answers that took a position (not INFORMATION_ONLY), 0 to 1; null with none.',
  })
  acceptanceRate: number | null;

  outcomes: Record<string, number>;
}

@ObjectType()
export class ResponseStatsConnection extends Connection(ResponseStatsType, 'ResponseStats') {}
