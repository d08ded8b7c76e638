import { buildSubgraph, type Subgraph } from '@kollegia/service-kit';

import {
  ControlItemFieldsResolver,
  ControlItemProgressResolver,
} from './control-item/control-item-fields.resolver';
import {
  ControlItemResolver,
  resolveControlItemReference,
} from './control-item/control-item.resolver';
import { resolveConferenceReference } from './foreign/conference.ref';
import { resolveForeignReference } from './foreign/foreign.reference';
import {
  ConferenceControlItemsResolver,
  RoundtableControlItemsResolver,
} from './foreign/foreign-control-items.resolver';
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
      ControlItemResolver,
      ControlItemFieldsResolver,
      ControlItemProgressResolver,
      ConferenceControlItemsResolver,
      RoundtableControlItemsResolver,
      ConferenceRecommendationsResolver,
      RoundtableRecommendationsResolver,
      OrganizationRecommendationsResolver,
    ],
    referenceResolvers: {
      Recommendation: { __resolveReference: resolveRecommendationReference },
      ControlItem: { __resolveReference: resolveControlItemReference },
      Organization: { __resolveReference: resolveForeignReference },
      Person: { __resolveReference: resolveForeignReference },
      Conference: { __resolveReference: resolveConferenceReference },
      Roundtable: { __resolveReference: resolveForeignReference },
    },
    validate: false,
  });
}
