import type { EventHandlers } from '@kollegia/service-kit';

import type { PartyNameUseCases } from '../application/party-names';

/** person.registered / updated → the person's full name in `party_names`. */
export function recordPersonNameWhenPersonNamed(names: PartyNameUseCases): EventHandlers {
  return {
    'kollegia.members.person.registered.v1': async (event, meta) => {
      if (await names.personNamed(event)) meta.logger.debug('person name recorded');
    },
    'kollegia.members.person.updated.v1': async (event, meta) => {
      if (await names.personNamed(event)) meta.logger.debug('person name refreshed');
    },
  };
}
