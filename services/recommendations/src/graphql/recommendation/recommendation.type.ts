import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

import {
  RecommendationActionType,
  RecommendationPriority,
  RecommendationStatus,
} from '../shared/enums';

/**
 * A recommendation. What the round table recommended (`recommendedText`) stays as it was; what
 * was decided (`decision`, `rejection`) and where the addressees stand (`addresseePositions`)
 * are fields of their own.
 */
@Directive('@key(fields: "id")')
@ObjectType('Recommendation', {
  description:
    'What should happen after a round table: addressed to ministries, committees and project offices, adopted, carried out.',
})
export class RecommendationType {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: 'Pass as expectedVersion when changing it.' })
  version: number;

  @Field({ description: 'Unique in the workspace, e.g. R-2016-04.' })
  code: string;

  @Field({ description: 'Whole, up to 300 characters; shortTitle is the one for tables.' })
  title: string;

  @Field({ description: 'What was recommended; never changes once adopted.' })
  recommendedText: string;

  @Field(() => RecommendationActionType)
  actionType: keyof typeof RecommendationActionType;

  @Field(() => String, { nullable: true, description: 'The act it rests on.' })
  legalBasis?: string;

  @Field(() => RecommendationPriority)
  priority: keyof typeof RecommendationPriority;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' })
  dueDate?: string;

  @Field(() => String, {
    nullable: true,
    description: 'YYYY-MM-DD: when its progress is reviewed.',
  })
  reviewDate?: string;

  @Field({ description: 'Visible to partners once adopted; internal otherwise.' })
  published: boolean;

  @Field(() => RecommendationStatus)
  status: keyof typeof RecommendationStatus;

  @Field(() => Date, { nullable: true })
  proposedAt?: Date;

  @Field(() => Date, { nullable: true })
  startedAt?: Date;

  @Field(() => Date, { nullable: true, description: 'When it was marked (partly) implemented.' })
  finishedAt?: Date;

  @Field(() => String, { nullable: true })
  implementationNote?: string;

  @Field(() => Date, { nullable: true })
  withdrawnAt?: Date;

  @Field(() => String, { nullable: true })
  withdrawalReason?: string;

  @Field(() => Date, { nullable: true })
  supersededAt?: Date;

  @Field(() => String, { nullable: true })
  supersessionReason?: string;

  @Field(() => Int)
  progressReportCount: number;

  @Field(() => Int, { nullable: true, description: 'The percent of the latest progress report.' })
  lastProgressPercent?: number;

  @Field(() => Date, { nullable: true })
  lastProgressAt?: Date;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;
}
