import type { EventHandlers } from '@kollegia/service-kit';

import type { RedatedSittingUseCases } from '../application/redated-sittings';

/**
 * roundtable.redated → the sitting's recommendations and items under control take its corrected
 * meeting day; a generated code of another year is renumbered. One event at a time (redates are
 * rare; a sitting's few tens of recommendations are paged). A message that does not decode to
 * the contract is dead-lettered by the kit's runner before it gets here; a valid one leaves the
 * domain nothing to refuse.
 */
export function followRedatedSittings(redatedSittings: RedatedSittingUseCases): EventHandlers {
  return {
    'kollegia.roundtables.roundtable.redated.v1': async (event, meta) => {
      const result = await redatedSittings.roundtableRedated(event);
      meta.logger.debug(result, 'sitting redated');
    },
  };
}
