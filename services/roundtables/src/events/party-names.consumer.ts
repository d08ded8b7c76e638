import type { ConsumerRunner, ServiceRuntime } from '@kollegia/service-kit';

import type { PartyNameUseCases } from '../application/party-names';
import { recordOrganizationNameWhenOrganizationNamed } from './record-organization-name-when-organization-named.handler';
import { recordPersonNameWhenPersonNamed } from './record-person-name-when-person-named.handler';

/**
 * The consumer group `kollegia.roundtables.party-names`: members' organisation and person events
 * → the names the generated documents print. Reads the topics from the beginning, so a fresh
 * database learns every name.
 */
export function startPartyNamesConsumer(
  runtime: ServiceRuntime,
  names: PartyNameUseCases,
): Promise<ConsumerRunner> {
  return runtime.startConsumer({
    purpose: 'party-names',
    topics: [runtime.topic('organization'), runtime.topic('person')],
    handlers: {
      ...recordOrganizationNameWhenOrganizationNamed(names),
      ...recordPersonNameWhenPersonNamed(names),
    },
  });
}
