import { Field, ID, InputType, Int } from 'type-graphql';

import { OCCURRED_AT } from '@kollegia/service-kit';
import { RecommendationPartyInput } from '../shared/party';
import { LongText } from '@kollegia/service-kit';
import { ControlItemStatus } from './control-item.type';

@InputType({
  description: 'Narrows a list of items under control; every condition given must hold.',
})
export class ControlItemFilterInput {
  @Field(() => [ControlItemStatus], { nullable: true, description: 'Any of these.' })
  status?: (keyof typeof ControlItemStatus)[] | null;

  @Field(() => ID, { nullable: true })
  conferenceId?: string | null;

  @Field(() => ID, { nullable: true })
  roundtableId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The organisation that controls it.' })
  controllerId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The responsible organisation or person.' })
  responsibleId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Due date passed, still under control.' })
  overdue?: boolean | null;
}

@InputType({ description: 'Progress the responsible side reports.' })
export class ControlItemProgressInput {
  @LongText()
  @Field()
  text: string;

  @Field(() => Int, { nullable: true, description: '0–100.' })
  percent?: number | null;

  @Field(() => RecommendationPartyInput, {
    nullable: true,
    description: 'Who reports; by default the organisation your token speaks for, or you.',
  })
  author?: RecommendationPartyInput | null;

  @Field(() => Date, { nullable: true, description: OCCURRED_AT })
  reportedAt?: Date | null;
}

@InputType({ description: 'A later due date, and why.' })
export class ExtendControlItemInput {
  @Field({ description: 'YYYY-MM-DD, after the current due date.' })
  dueDate: string;

  @LongText()
  @Field(() => String, { nullable: true })
  reason?: string | null;

  @Field(() => Date, { nullable: true, description: OCCURRED_AT })
  extendedAt?: Date | null;
}
