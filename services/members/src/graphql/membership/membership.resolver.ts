import { LongText } from '@kollegia/service-kit';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';

import type { Membership } from '../../domain/membership';
import { CommunityType } from '../community/community.type';
import type { MembersContext } from '../context';
import { MembershipRole } from '../shared/enums';
import { GrantMembershipInput } from './membership.input';
import { MemberUnion, MembershipType } from './membership.type';

@Resolver(() => MembershipType)
export class MembershipResolver {
  @Query(() => MembershipType, { nullable: true })
  membership(@Arg('id', () => ID) id: string, @Ctx() ctx: MembersContext) {
    return ctx.useCases.memberships.find(ctx.command, id);
  }

  @Mutation(() => MembershipType)
  grantMembership(@Arg('input') input: GrantMembershipInput, @Ctx() ctx: MembersContext) {
    return ctx.useCases.memberships.grant(ctx.command, input);
  }

  @Mutation(() => MembershipType)
  changeMembershipRole(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('role', () => MembershipRole) role: keyof typeof MembershipRole,
    @Ctx() ctx: MembersContext,
  ) {
    return ctx.useCases.memberships.changeRole(ctx.command, id, expectedVersion, role);
  }

  @LongText('reason')
  @Mutation(() => MembershipType)
  revokeMembership(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('reason', () => String, { nullable: true }) reason: string | null,
    @Ctx() ctx: MembersContext,
  ) {
    return ctx.useCases.memberships.revoke(ctx.command, id, expectedVersion, reason);
  }

  @FieldResolver(() => CommunityType, { nullable: true })
  community(@Root() membership: Membership, @Ctx() ctx: MembersContext) {
    return ctx.loaders.communities.load(membership.communityId);
  }

  @FieldResolver(() => MemberUnion, { nullable: true })
  member(@Root() membership: Membership, @Ctx() ctx: MembersContext) {
    return membership.memberKind === 'ORGANIZATION'
      ? ctx.loaders.organizations.load(membership.memberId)
      : ctx.loaders.people.load(membership.memberId);
  }
}
