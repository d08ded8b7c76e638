import { Field, ID, InputType } from 'type-graphql';

import { MemberKind, MembershipRole } from '../shared/enums';

@InputType()
export class GrantMembershipInput {
  @Field(() => ID)
  communityId: string;

  @Field(() => MemberKind)
  memberKind: keyof typeof MemberKind;

  @Field(() => ID)
  memberId: string;

  @Field(() => MembershipRole)
  role: keyof typeof MembershipRole;

  @Field(() => String, { nullable: true, description: 'First day (YYYY-MM-DD), default today.' })
  since?: string | null;

  @Field(() => String, { nullable: true })
  until?: string | null;
}
