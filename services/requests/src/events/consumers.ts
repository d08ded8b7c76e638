import type { ConsumerRunner, ServiceRuntime } from '@kollegia/service-kit';

import type { Clock } from '../application/context';
import type { RequestsUseCases } from '../application/use-cases';
import { draftRequestsWhenRecommendationAdopted } from './draft-requests-when-recommendation-adopted.handler';
import { updateStatisticsWhenRequestChanged } from './update-statistics-when-request-changed.handler';

/**
 * The service's consumer groups, each reading its topics from the beginning (a fresh database
 * learns everything) and dead-lettering what does not parse:
 *
 * - `kollegia.requests.from-recommendations`: adopted recommendations → draft requests;
 * - `kollegia.requests.statistics`: this service's own request events → the statistics.
 *
 * Members' organisations and people reach the directory through the kit's consumer
 * (`kollegia.requests.directory`, see `startDirectoryConsumer`).
 */
export async function startConsumers(
  runtime: ServiceRuntime,
  useCases: RequestsUseCases,
  clock: Clock,
): Promise<ConsumerRunner[]> {
  return [
    await runtime.startConsumer({
      purpose: 'from-recommendations',
      topics: [runtime.topic('recommendation')],
      handlers: draftRequestsWhenRecommendationAdopted(useCases.requests, clock),
    }),
    await runtime.startConsumer({
      purpose: 'statistics',
      topics: [runtime.topic('request')],
      handlers: updateStatisticsWhenRequestChanged(useCases.statistics, clock),
    }),
  ];
}
