import type {
  OrganizationArchivedV1,
  OrganizationRegisteredV1,
  OrganizationRenamedV1,
  OrganizationUpdatedV1,
} from '@kollegia/events';

import type { AddresseeRepository } from '../db/addressee.repository';

export type OrganizationEvent =
  OrganizationRegisteredV1 | OrganizationUpdatedV1 | OrganizationRenamedV1 | OrganizationArchivedV1;

function fieldsOf(event: OrganizationEvent) {
  const names = { name: event.data.name, shortName: event.data.shortName };
  switch (event.type) {
    case 'kollegia.members.organization.registered.v1':
    case 'kollegia.members.organization.updated.v1':
      return { ...names, kind: event.data.kind, status: event.data.status };
    case 'kollegia.members.organization.renamed.v1':
      return names;
    case 'kollegia.members.organization.archived.v1':
      return { ...names, status: 'ARCHIVED' as const };
  }
}

/**
 * Keeps what this service knows of members' organisations (the `addressees` read model): kind
 * (which deadline policy applies), names and status. Idempotent: an event is written only when it
 * is as new as what is stored, so redelivered and replayed events change nothing.
 */
export class AddresseeUseCases {
  constructor(private readonly addressees: AddresseeRepository) {}

  record(event: OrganizationEvent): Promise<boolean> {
    return this.addressees.record(
      event.tenantid,
      event.data.id,
      fieldsOf(event),
      event.aggregateversion,
      new Date(event.time),
    );
  }
}
