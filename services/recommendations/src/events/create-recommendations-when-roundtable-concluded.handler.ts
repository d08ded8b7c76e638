import type { RoundtableConcludedV1 } from '@kollegia/events';
import type { EventHandlers, Logger } from '@kollegia/service-kit';

import type { FromResolutionsUseCases } from '../application/from-resolutions';
import { refusingBadInput } from './non-retriable';

/**
 * roundtable.concluded → one PROPOSED recommendation per resolution that becomes one, and an item
 * under control per CONTROL_ITEM resolution. The
 * conclusions of a Kafka batch are applied together (a few writes per collection for all of
 * them); should that fail, the kit's runner applies them one by one, so an event the domain
 * refuses goes to the dead-letter topic alone.
 */
export function createRecommendationsWhenRoundtableConcluded(
  fromResolutions: FromResolutionsUseCases,
): EventHandlers {
  async function apply(events: RoundtableConcludedV1[], logger: Logger) {
    const result = await refusingBadInput(() => fromResolutions.roundtablesConcluded(events));
    logger.debug(
      {
        created: result.created.length,
        existing: result.existing.length,
        controlItems: result.controlItems.length,
        skipped: result.skipped,
      },
      'recommendations from resolutions',
    );
  }
  return {
    'kollegia.roundtables.roundtable.concluded.v1': {
      each: (event, meta) => apply([event], meta.logger),
      batch: (events, meta) => apply(events, meta.logger),
    },
  };
}
