import { ConnectionArgs, pageRequest, toConnection } from '@kollegia/service-kit';
import { Arg, Args, Ctx, ID, Query, Resolver } from 'type-graphql';

import type { RecommendationsContext } from '../context';
import { toFilter } from './filter';
import { RecommendationConnection } from './recommendation.connection';
import { RecommendationFilterInput } from './recommendation.input';
import { RecommendationType } from './recommendation.type';

/** Reading recommendations. */
@Resolver(() => RecommendationType)
export class RecommendationResolver {
  @Query(() => RecommendationType, {
    nullable: true,
    description: 'A recommendation you may see.',
  })
  recommendation(@Arg('id', () => ID) id: string, @Ctx() ctx: RecommendationsContext) {
    return ctx.useCases.queries.find(ctx.command, id);
  }

  @Query(() => RecommendationType, {
    nullable: true,
    description: 'A recommendation you may see, by its code (e.g. R-2016-04).',
  })
  recommendationByCode(@Arg('code') code: string, @Ctx() ctx: RecommendationsContext) {
    return ctx.useCases.queries.findByCode(ctx.command, code);
  }

  @Query(() => RecommendationConnection, {
    description: 'The recommendations you may see, in the order they were created.',
  })
  async recommendations(
    @Args() page: ConnectionArgs,
    @Arg('filter', () => RecommendationFilterInput, { nullable: true })
    filter: RecommendationFilterInput | null,
    @Ctx() ctx: RecommendationsContext,
  ) {
    return toConnection(
      await ctx.useCases.queries.search(ctx.command, toFilter(filter), pageRequest(page)),
    );
  }
}
