import { createUnionType, Directive, Field, ID, Int, ObjectType } from 'type-graphql';

import { OrganizationType } from '../organization/organization.type';
import { PersonType } from '../person/person.type';
import { MembershipRole, MembershipStatus } from '../shared/enums';

/** Who holds a membership. */
export const MemberUnion = createUnionType({
  name: 'Member',
  description: 'An organisation or a person.',
  types: () => [OrganizationType, PersonType] as const,
  resolveType: (value) => ('fullName' in value ? 'Person' : 'Organization'),
});

@Directive('@key(fields: "id")')
@ObjectType('Membership', {
  description: 'An organisation or a person in a community, with a role and a period.',
})
export class MembershipType {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  version: number;

  communityId: string;
  memberKind: 'ORGANIZATION' | 'PERSON';
  memberId: string;

  @Field(() => MembershipRole)
  role: keyof typeof MembershipRole;

  @Field({ description: 'First day (YYYY-MM-DD).' })
  since: string;

  @Field(() => String, { nullable: true, description: 'Last day of a fixed-term membership.' })
  until?: string;

  @Field(() => MembershipStatus)
  status: keyof typeof MembershipStatus;

  @Field(() => String, { nullable: true })
  revokedOn?: string;

  @Field(() => String, { nullable: true })
  revocationReason?: string;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;
}
