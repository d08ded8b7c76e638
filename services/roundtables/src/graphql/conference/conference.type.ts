import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

import { ConferenceKind, ConferenceStatus } from '../shared/enums';

@Directive('@key(fields: "id")')
@ObjectType('Conference', {
  description: 'A conference, forum, working meeting, strategic session or seminar.',
})
export class ConferenceType {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: 'Pass as expectedVersion when changing it.' })
  version: number;

  @Field()
  title: string;

  @Field(() => ConferenceKind)
  kind: keyof typeof ConferenceKind;

  @Field({ description: 'First day (YYYY-MM-DD), local to the city.' })
  startsOn: string;

  @Field({ description: 'Last day (YYYY-MM-DD); equal to startsOn for one day.' })
  endsOn: string;

  @Field()
  city: string;

  @Field(() => String, { nullable: true })
  venue?: string;

  organizerIds: string[];

  @Field(() => String, { nullable: true })
  description?: string;

  @Field({ description: 'Visible to partners; internal otherwise.' })
  published: boolean;

  @Field(() => ConferenceStatus)
  status: keyof typeof ConferenceStatus;

  @Field(() => Date, { nullable: true })
  openedAt?: Date;

  @Field(() => Date, { nullable: true })
  closedAt?: Date;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;
}
