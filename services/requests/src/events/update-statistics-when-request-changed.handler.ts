import type { EventHandlers, EventMeta } from '@kollegia/service-kit';

import type { Clock } from '../application/context';
import type { StatisticsUseCases } from '../application/statistics';
import type { RequestEvent } from '../domain/statistics';

/**
 * Every request event that says something about an addressee's record (submitted, registered,
 * extended, answered, closed, withdrawn) → its facts in the statistics read model.
 */
export function updateStatisticsWhenRequestChanged(
  statistics: StatisticsUseCases,
  clock: Clock,
): EventHandlers {
  const apply = async (event: RequestEvent, meta: EventMeta) => {
    if (await statistics.apply(event, clock())) meta.logger.debug('statistics updated');
  };
  return {
    'kollegia.requests.request.submitted.v1': apply,
    'kollegia.requests.request.registered.v1': apply,
    'kollegia.requests.request.deadline-extended.v1': apply,
    'kollegia.requests.request.answered.v1': apply,
    'kollegia.requests.request.closed.v1': apply,
    'kollegia.requests.request.withdrawn.v1': apply,
  };
}
