import { ConnectionArgs, LongText, pageRequest, toConnection } from '@kollegia/service-kit';
import {
  Arg,
  Args,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';

import type { Community } from '../../domain/community';
import type { MembersContext } from '../context';
import { CommunityConnection } from './community.connection';
import { CommunityFilterInput, FormCommunityInput, UpdateCommunityInput } from './community.input';
import { CommunityType } from './community.type';

@Resolver(() => CommunityType)
export class CommunityResolver {
  @Query(() => CommunityType, { nullable: true })
  community(@Arg('id', () => ID) id: string, @Ctx() ctx: MembersContext) {
    return ctx.useCases.communities.find(ctx.command, id);
  }

  @Query(() => CommunityConnection, { description: 'Communities, by name.' })
  async communities(
    @Args() page: ConnectionArgs,
    @Arg('filter', () => CommunityFilterInput, { nullable: true })
    filter: CommunityFilterInput | null,
    @Ctx() ctx: MembersContext,
  ) {
    return toConnection(
      await ctx.useCases.communities.search(ctx.command, filter ?? {}, pageRequest(page)),
    );
  }

  @Mutation(() => CommunityType)
  formCommunity(@Arg('input') input: FormCommunityInput, @Ctx() ctx: MembersContext) {
    return ctx.useCases.communities.form(ctx.command, input);
  }

  @Mutation(() => CommunityType)
  updateCommunity(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('input') input: UpdateCommunityInput,
    @Ctx() ctx: MembersContext,
  ) {
    return ctx.useCases.communities.update(ctx.command, id, expectedVersion, input as never);
  }

  @LongText('reason')
  @Mutation(() => CommunityType)
  dissolveCommunity(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('reason', () => String, { nullable: true }) reason: string | null,
    @Ctx() ctx: MembersContext,
  ) {
    return ctx.useCases.communities.dissolve(ctx.command, id, expectedVersion, reason);
  }

  @FieldResolver(() => CommunityType, { nullable: true })
  parent(@Root() community: Community, @Ctx() ctx: MembersContext) {
    return community.parentId ? ctx.loaders.communities.load(community.parentId) : null;
  }
}
