import { buildSubgraph, type Subgraph } from '@kollegia/service-kit';

import {
  resolveOrganizationRefReference,
  resolvePersonRefReference,
  resolveRecommendationRefReference,
} from './foreign/foreign.reference';
import { OrganizationRequestsResolver } from './foreign/organization-requests.resolver';
import { RecommendationRequestsResolver } from './foreign/recommendation-requests.resolver';
import { DeadlinePolicyResolver } from './policy/deadline-policy.resolver';
import { RequestFieldsResolver } from './request/request-fields.resolver';
import { RequestLetterResolver } from './request/request-letter.resolver';
import { resolveRequestReference } from './request/request.reference';
import { RequestResolver } from './request/request.resolver';
import { ResponseStatsResolver } from './statistics/response-stats.resolver';
import './shared/enums';

/** The requests subgraph: its resolvers and the reference resolvers of its entities. */
export function buildRequestsSubgraph(): Promise<Subgraph> {
  return buildSubgraph({
    resolvers: [
      RequestResolver,
      RequestFieldsResolver,
      RequestLetterResolver,
      DeadlinePolicyResolver,
      ResponseStatsResolver,
      OrganizationRequestsResolver,
      RecommendationRequestsResolver,
    ],
    referenceResolvers: {
      Request: { __resolveReference: resolveRequestReference },
      Organization: { __resolveReference: resolveOrganizationRefReference },
      Person: { __resolveReference: resolvePersonRefReference },
      Recommendation: { __resolveReference: resolveRecommendationRefReference },
    },
    validate: false,
  });
}
