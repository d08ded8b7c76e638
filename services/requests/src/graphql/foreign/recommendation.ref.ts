import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * The recommendations service's `Recommendation`, referenced by id. Resolvable here because this
 * subgraph contributes `Recommendation.requests`; every other field comes from recommendations.
 */
@Directive('@key(fields: "id")')
@ObjectType('Recommendation')
export class RecommendationRef {
  @Field(() => ID)
  id: string;
}

export const recommendationRef = (id: string): RecommendationRef => ({ id });
