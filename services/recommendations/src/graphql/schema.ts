import { buildSubgraph, type Subgraph } from '@kollegia/service-kit';

import { resolveForeignReference } from './foreign/foreign.reference';
import {
  ConferenceRecommendationsResolver,
  OrganizationRecommendationsResolver,
  RoundtableRecommendationsResolver,
} from './foreign/foreign-recommendations.resolver';
import {
  RecommendationDecisionResolver,
  RecommendationFieldsResolver,
  RecommendationRejectionResolver,
} from './recommendation/recommendation-fields.resolver';
import { RecommendationMutationsResolver } from './recommendation/recommendation-mutations.resolver';
import { resolveRecommendationReference } from './recommendation/recommendation.reference';
import { RecommendationResolver } from './recommendation/recommendation.resolver';
import { TimelineResolver } from './timeline/timeline.resolver';
import './shared/enums';

/** The recommendations subgraph: its resolvers and the reference resolvers of its entities. */
export function buildRecommendationsSubgraph(): Promise<Subgraph> {
  return buildSubgraph({
    resolvers: [
      RecommendationResolver,
      RecommendationMutationsResolver,
      RecommendationFieldsResolver,
      RecommendationDecisionResolver,
      RecommendationRejectionResolver,
      TimelineResolver,
      ConferenceRecommendationsResolver,
      RoundtableRecommendationsResolver,
      OrganizationRecommendationsResolver,
    ],
    referenceResolvers: {
      Recommendation: { __resolveReference: resolveRecommendationReference },
      Organization: { __resolveReference: resolveForeignReference },
      Person: { __resolveReference: resolveForeignReference },
      Conference: { __resolveReference: resolveForeignReference },
      Roundtable: { __resolveReference: resolveForeignReference },
    },
    validate: false,
  });
}
