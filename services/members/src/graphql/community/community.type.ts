import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

import { CommunityKind, CommunityStatus } from '../shared/enums';

@Directive('@key(fields: "id")')
@ObjectType('Community', {
  description:
    'An association, cluster, working group, competence centre, expert council or committee.',
})
export class CommunityType {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  version: number;

  @Field()
  name: string;

  @Field(() => CommunityKind)
  kind: keyof typeof CommunityKind;

  @Field(() => String, { nullable: true })
  description?: string;

  parentId?: string;

  @Field(() => String, {
    nullable: true,
    description: 'Last day of a temporary community (YYYY-MM-DD).',
  })
  validUntil?: string;

  @Field(() => CommunityStatus)
  status: keyof typeof CommunityStatus;

  @Field()
  published: boolean;

  @Field(() => String, { nullable: true, description: 'The day it was dissolved (YYYY-MM-DD).' })
  dissolvedOn?: string;

  @Field(() => String, { nullable: true })
  dissolutionReason?: string;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;
}
