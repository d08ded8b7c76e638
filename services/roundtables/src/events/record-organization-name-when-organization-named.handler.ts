import type { EventHandlers } from '@kollegia/service-kit';

import type { PartyNameUseCases } from '../application/party-names';

/** organization.registered / renamed → the organisation's name in `party_names`. */
export function recordOrganizationNameWhenOrganizationNamed(
  names: PartyNameUseCases,
): EventHandlers {
  return {
    'kollegia.members.organization.registered.v1': async (event, meta) => {
      if (await names.organizationNamed(event)) meta.logger.debug('organization name recorded');
    },
    'kollegia.members.organization.renamed.v1': async (event, meta) => {
      if (await names.organizationNamed(event)) meta.logger.debug('organization name refreshed');
    },
  };
}
