import { Field, Int, ObjectType } from 'type-graphql';

import { OrganizationKind, RequestDeadlineDayCount } from '../shared/enums';

@ObjectType('RequestDeadlinePolicy', {
  description:
    'How long addressees have to register and to answer requests: the law on appeals of the addressee’s jurisdiction (59-FZ in Russia, 300-З in Belarus) unless the workspace set otherwise, for all addressees or for one kind.',
})
export class RequestDeadlinePolicyType {
  @Field({
    description:
      'Whose law and official working-day calendar apply (ISO 3166-1 alpha-2: RU, BY); chosen by the addressee’s country.',
  })
  jurisdiction: string;

  @Field({ description: 'The law on appeals whose terms are the defaults.' })
  law: string;

  @Field(() => OrganizationKind, {
    nullable: true,
    description: 'The kind of addressee it is for; null for the workspace default.',
  })
  addresseeKind?: keyof typeof OrganizationKind;

  @Field(() => Int, { description: 'Days to register, from the day after sending.' })
  registrationDays: number;

  @Field(() => Int, { description: 'Days to answer, from the day after registration.' })
  answerDays: number;

  @Field(() => Int, { description: 'The most one extension may add; 0 allows none.' })
  maxExtensionDays: number;

  @Field(() => RequestDeadlineDayCount)
  dayCount: keyof typeof RequestDeadlineDayCount;

  @Field(() => [String], {
    description:
      'The workspace’s own non-working days besides weekends (YYYY-MM-DD); empty with workingWeekendDays: the jurisdiction’s official calendar.',
  })
  holidays: string[];

  @Field(() => [String], {
    description: 'The workspace’s own weekend days made working days (YYYY-MM-DD).',
  })
  workingWeekendDays: string[];

  @Field({ description: 'A calendar-day deadline on a day off moves to the next working day.' })
  rollToWorkingDay: boolean;

  @Field({ description: 'The addressees’ time zone (IANA), e.g. Europe/Moscow.' })
  timeZone: string;

  @Field(() => Int, { description: 'Days before an answer deadline it is announced due soon.' })
  dueSoonDays: number;

  @Field({ description: 'Whether the workspace set anything for this kind (or as its default).' })
  customized: boolean;

  @Field(() => Int, { nullable: true, description: 'Version of the stored setting.' })
  version?: number;

  @Field(() => Date, { nullable: true })
  updatedAt?: Date;
}
