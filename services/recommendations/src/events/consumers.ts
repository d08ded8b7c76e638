import type { ConsumerRunner, ServiceRuntime } from '@kollegia/service-kit';

import type { RecommendationsUseCases } from '../application/use-cases';
import { createRecommendationsWhenRoundtableConcluded } from './create-recommendations-when-roundtable-concluded.handler';
import { followRedatedSittings } from './follow-redated-sittings.handler';
import { recordRequestFactsWhenRequestsProgress } from './record-request-facts-when-requests-progress.handler';

/**
 * The consumer groups of the service, each reading its topics from the beginning (a fresh
 * database rebuilds from them; replays change nothing):
 * - `kollegia.recommendations.from-resolutions`: round tables → recommendations and items under
 *   control, which follow a redated sitting on the same group (one partition per round table,
 *   so its `redated` comes after its `concluded`);
 * - `kollegia.recommendations.request-follow-up`: requests → facts on recommendations.
 */
export async function startConsumers(
  runtime: ServiceRuntime,
  useCases: RecommendationsUseCases,
): Promise<ConsumerRunner[]> {
  return [
    await runtime.startConsumer({
      purpose: 'from-resolutions',
      topics: [runtime.topic('roundtable')],
      handlers: {
        ...createRecommendationsWhenRoundtableConcluded(useCases.fromResolutions),
        ...followRedatedSittings(useCases.redatedSittings),
      },
    }),
    await runtime.startConsumer({
      purpose: 'request-follow-up',
      topics: [runtime.topic('request')],
      handlers: recordRequestFactsWhenRequestsProgress(useCases.requestFacts),
    }),
  ];
}
