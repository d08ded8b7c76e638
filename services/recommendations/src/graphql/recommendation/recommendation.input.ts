import { LongText, SearchText } from '@kollegia/service-kit';
import { Field, ID, InputType, Int } from 'type-graphql';

import {
  RecommendationActionType,
  RecommendationPriority,
  RecommendationStatus,
} from '../shared/enums';
import { OCCURRED_AT } from '@kollegia/service-kit';
import { RecommendationPartyInput } from '../shared/party';

@InputType({ description: 'A recommendation drafted by hand.' })
export class DraftRecommendationInput {
  @Field(() => String, {
    nullable: true,
    description: 'Unique in the workspace; by default the next R-<year>-<number>.',
  })
  code?: string | null;

  @Field()
  title: string;

  @LongText()
  @Field()
  recommendedText: string;

  @Field(() => RecommendationActionType)
  actionType: keyof typeof RecommendationActionType;

  @Field(() => [ID], { nullable: true, description: 'The organisations it is addressed to.' })
  addresseeIds?: string[] | null;

  @Field(() => RecommendationPartyInput, { nullable: true })
  responsible?: RecommendationPartyInput | null;

  @LongText()
  @Field(() => String, { nullable: true })
  legalBasis?: string | null;

  @Field(() => RecommendationPriority, { nullable: true, description: 'NORMAL by default.' })
  priority?: keyof typeof RecommendationPriority | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' })
  dueDate?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' })
  reviewDate?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Visible to partners once adopted.' })
  published?: boolean | null;

  @Field(() => ID, { nullable: true })
  conferenceId?: string | null;

  @Field(() => ID, { nullable: true })
  roundtableId?: string | null;

  @Field(() => ID, { nullable: true })
  resolutionId?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The day the meeting it comes from was held (YYYY-MM-DD, not in the future): the code takes its year. By default the day it is recorded.',
  })
  meetingDate?: string | null;
}

@InputType({
  description: 'Changes to a draft or a proposal: absent fields stay, null clears an optional one.',
})
export class ReviseRecommendationInput {
  @Field(() => String, { nullable: true })
  title?: string | null;

  @LongText()
  @Field(() => String, { nullable: true })
  recommendedText?: string | null;

  @Field(() => RecommendationActionType, { nullable: true })
  actionType?: keyof typeof RecommendationActionType | null;

  @Field(() => [ID], { nullable: true })
  addresseeIds?: string[] | null;

  @Field(() => RecommendationPartyInput, { nullable: true })
  responsible?: RecommendationPartyInput | null;

  @LongText()
  @Field(() => String, { nullable: true })
  legalBasis?: string | null;

  @Field(() => RecommendationPriority, { nullable: true })
  priority?: keyof typeof RecommendationPriority | null;

  @Field(() => String, { nullable: true })
  dueDate?: string | null;

  @Field(() => String, { nullable: true })
  reviewDate?: string | null;

  @Field(() => Boolean, { nullable: true })
  published?: boolean | null;
}

@InputType({ description: 'The adoption: who decided, and what if it differs from the text.' })
export class AdoptRecommendationInput {
  @Field(() => RecommendationPartyInput, {
    description: 'The association, its council or its chair.',
  })
  decidedBy: RecommendationPartyInput;

  @LongText()
  @Field(() => String, {
    nullable: true,
    description: 'What was decided, when it differs from what was recommended.',
  })
  decidedText?: string | null;

  @Field(() => Date, { nullable: true, description: OCCURRED_AT })
  decidedAt?: Date | null;
}

@InputType()
export class RejectRecommendationInput {
  @LongText()
  @Field()
  reason: string;

  @Field(() => RecommendationPartyInput)
  decidedBy: RecommendationPartyInput;

  @Field(() => Date, { nullable: true, description: OCCURRED_AT })
  decidedAt?: Date | null;
}

@InputType({ description: 'A progress report.' })
export class ReportRecommendationProgressInput {
  @LongText()
  @Field()
  text: string;

  @Field(() => Int, { description: '0–100.' })
  percent: number;

  @Field(() => RecommendationPartyInput, {
    nullable: true,
    description:
      'Who reports; by default the organisation you speak for (a secretary may name another).',
  })
  author?: RecommendationPartyInput | null;

  @Field(() => Date, { nullable: true, description: OCCURRED_AT })
  reportedAt?: Date | null;
}

@InputType({ description: 'Narrows the recommendations; all given conditions must hold.' })
export class RecommendationFilterInput {
  @Field(() => [RecommendationStatus], { nullable: true, description: 'Any of these statuses.' })
  status?: (keyof typeof RecommendationStatus)[] | null;

  @Field(() => ID, { nullable: true })
  conferenceId?: string | null;

  @Field(() => ID, { nullable: true })
  roundtableId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Addressed to this organisation.' })
  addresseeId?: string | null;

  @Field(() => ID, { nullable: true, description: 'This organisation or person answers for it.' })
  responsibleId?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: due date passed and not finished; false: the others.',
  })
  overdue?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Due before this day (YYYY-MM-DD).' })
  dueBefore?: string | null;

  @SearchText()
  @Field(() => String, {
    nullable: true,
    description:
      'Words that must each start a word of the code, title or texts (case- and ё-insensitive).',
  })
  text?: string | null;
}
