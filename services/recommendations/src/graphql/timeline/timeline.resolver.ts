import { ConnectionArgs, pageRequest, toConnection } from '@kollegia/service-kit';
import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';

import type { RecommendationsContext } from '../context';
import { RecommendationType } from '../recommendation/recommendation.type';
import { RecommendationTimelineConnection } from './timeline.connection';
import { RecommendationTimelineEntryType, toTimelineEntry } from './timeline.type';

@Resolver(() => RecommendationTimelineEntryType)
export class TimelineResolver {
  @Query(() => RecommendationTimelineConnection, {
    description:
      'What happened to the recommendations of a conference, in the order it was recorded. Keep the last endCursor and pass it as `after` to catch up after a disconnect: no entry is skipped or repeated.',
  })
  async conferenceFollowUps(
    @Arg('conferenceId', () => ID) conferenceId: string,
    @Args() page: ConnectionArgs,
    @Ctx() ctx: RecommendationsContext,
  ) {
    const result = await ctx.useCases.queries.conferenceFollowUps(
      ctx.command,
      conferenceId,
      pageRequest(page),
    );
    return toConnection({ ...result, items: result.items.map(toTimelineEntry) });
  }

  @FieldResolver(() => RecommendationType, {
    nullable: true,
    description: 'The recommendation, when you may see it now.',
  })
  recommendation(
    @Root() entry: RecommendationTimelineEntryType,
    @Ctx() ctx: RecommendationsContext,
  ) {
    return ctx.loaders.recommendations.load(entry.recommendationId);
  }
}
