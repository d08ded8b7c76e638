import type { EventHandlers } from '@kollegia/service-kit';

import type { AddresseeUseCases } from '../application/addressees';

/** organization.registered / updated / renamed / archived → the `addressees` read model. */
export function recordAddresseeWhenOrganizationChanged(
  addressees: AddresseeUseCases,
): EventHandlers {
  return {
    'kollegia.members.organization.registered.v1': async (event, meta) => {
      if (await addressees.record(event)) meta.logger.debug('addressee recorded');
    },
    'kollegia.members.organization.updated.v1': async (event, meta) => {
      if (await addressees.record(event)) meta.logger.debug('addressee updated');
    },
    'kollegia.members.organization.renamed.v1': async (event, meta) => {
      if (await addressees.record(event)) meta.logger.debug('addressee renamed');
    },
    'kollegia.members.organization.archived.v1': async (event, meta) => {
      if (await addressees.record(event)) meta.logger.debug('addressee archived');
    },
  };
}
