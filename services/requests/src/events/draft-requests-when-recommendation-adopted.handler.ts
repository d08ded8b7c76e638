import { NonRetriableError, type EventHandlers } from '@kollegia/service-kit';
import { DomainError } from '@kollegia/service-kit/domain';

import type { Clock } from '../application/context';
import type { RequestUseCases } from '../application/requests';

/**
 * recommendation.adopted → one draft request per addressee (APPEAL, PROPOSAL,
 * LEGISLATIVE_INITIATIVE). The same event again drafts nothing; a later one for the same
 * recommendation with an addressee more drafts the new addressee's request only.
 */
export function draftRequestsWhenRecommendationAdopted(
  requests: RequestUseCases,
  clock: Clock,
): EventHandlers {
  return {
    'kollegia.recommendations.recommendation.adopted.v1': async (event, meta) => {
      try {
        const drafted = await requests.draftForAdoptedRecommendation(event, clock());
        if (drafted.length > 0) meta.logger.info({ drafted }, 'requests drafted');
      } catch (error) {
        // A letter the contract allows but the domain refuses will not be accepted next time.
        if (error instanceof DomainError) throw new NonRetriableError(error.message);
        throw error;
      }
    },
  };
}
