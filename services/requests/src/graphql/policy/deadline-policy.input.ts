import { Field, InputType, Int } from 'type-graphql';

import { RequestDeadlineDayCount } from '../shared/enums';

@InputType({
  description:
    'A deadline policy: what is given replaces what was set before; what is left out is inherited (the kind from the workspace default, the default from the law on appeals of the addressee’s jurisdiction).',
})
export class RequestDeadlinePolicyInput {
  @Field(() => Int, { nullable: true })
  registrationDays?: number | null;

  @Field(() => Int, { nullable: true })
  answerDays?: number | null;

  @Field(() => Int, { nullable: true })
  maxExtensionDays?: number | null;

  @Field(() => RequestDeadlineDayCount, { nullable: true })
  dayCount?: keyof typeof RequestDeadlineDayCount | null;

  @Field(() => [String], { nullable: true })
  holidays?: string[] | null;

  @Field(() => [String], { nullable: true })
  workingWeekendDays?: string[] | null;

  @Field(() => Boolean, { nullable: true })
  rollToWorkingDay?: boolean | null;

  @Field(() => String, { nullable: true })
  timeZone?: string | null;

  @Field(() => Int, { nullable: true })
  dueSoonDays?: number | null;
}
