import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';

import type { RequestsContext } from '../context';
import { RequestType } from '../request/request.type';
import { RecommendationRef } from './recommendation.ref';

/** What this subgraph adds to recommendations' `Recommendation`: the requests made from it. */
@Resolver(() => RecommendationRef)
export class RecommendationRequestsResolver {
  @FieldResolver(() => [RequestType], {
    description:
      'The requests made from this recommendation that you may see, oldest first: one per addressee, so a short list (batched: one query for any number of recommendations).',
  })
  requests(@Root() recommendation: RecommendationRef, @Ctx() ctx: RequestsContext) {
    return ctx.loaders.requestsOfRecommendations.load(recommendation.id);
  }
}
