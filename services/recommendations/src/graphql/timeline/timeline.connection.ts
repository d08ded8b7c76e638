import { Connection } from '@kollegia/service-kit';
import { ObjectType } from 'type-graphql';

import { RecommendationTimelineEntryType } from './timeline.type';

@ObjectType()
export class RecommendationTimelineConnection extends Connection(
  RecommendationTimelineEntryType,
  'RecommendationTimelineEntry',
) {}
