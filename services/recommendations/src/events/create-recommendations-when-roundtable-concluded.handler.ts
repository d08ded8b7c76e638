import type { EventHandlers } from '@kollegia/service-kit';

import type { FromResolutionsUseCases } from '../application/from-resolutions';
import { refusingBadInput } from './non-retriable';

/** roundtable.concluded → one PROPOSED recommendation per resolution that becomes one. */
export function createRecommendationsWhenRoundtableConcluded(
  fromResolutions: FromResolutionsUseCases,
): EventHandlers {
  return {
    'kollegia.roundtables.roundtable.concluded.v1': async (event, meta) => {
      const result = await refusingBadInput(() => fromResolutions.roundtableConcluded(event));
      meta.logger.debug(
        { created: result.created.length, existing: result.existing.length },
        'recommendations from resolutions',
      );
    },
  };
}
