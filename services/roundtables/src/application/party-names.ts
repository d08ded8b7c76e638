import type {
  OrganizationRegisteredV1,
  OrganizationRenamedV1,
  PersonRegisteredV1,
  PersonUpdatedV1,
} from '@kollegia/events';

import type { PartyNameRepository } from '../db/party-name.repository';

/**
 * Keeps the names of members' organisations and people (the `party_names` read model) from the
 * members' events. Idempotent: a name is written only when the event is newer than what is stored,
 * so redelivered and replayed events change nothing.
 */
export class PartyNameUseCases {
  constructor(private readonly names: PartyNameRepository) {}

  organizationNamed(event: OrganizationRegisteredV1 | OrganizationRenamedV1): Promise<boolean> {
    return this.names.record(
      event.tenantid,
      {
        kind: 'ORGANIZATION',
        id: event.data.id,
        name: event.data.name,
        shortName: event.data.shortName,
      },
      event.aggregateversion,
      new Date(event.time),
    );
  }

  personNamed(event: PersonRegisteredV1 | PersonUpdatedV1): Promise<boolean> {
    return this.names.record(
      event.tenantid,
      { kind: 'PERSON', id: event.data.id, name: event.data.fullName },
      event.aggregateversion,
      new Date(event.time),
    );
  }
}
