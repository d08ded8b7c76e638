import { Connection } from '@kollegia/service-kit';
import { ObjectType } from 'type-graphql';

import { RecommendationProgressReportType } from './recommendation-parts.type';
import { RecommendationType } from './recommendation.type';

@ObjectType()
export class RecommendationConnection extends Connection(RecommendationType, 'Recommendation') {}

@ObjectType()
export class RecommendationProgressReportConnection extends Connection(
  RecommendationProgressReportType,
  'RecommendationProgressReport',
) {}
