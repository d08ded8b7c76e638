import {
  createEvent,
  organizationRegisteredV1,
  personRegisteredV1,
  type CloudEventEnvelope,
  type OrganizationKind,
} from '@kollegia/events';
import type { Connection } from 'mongoose';

import { expectEventually } from './eventually';
import { TEST_TENANT } from './service';

/** An organisation's `registered` event as members would publish it (published unless told). */
export function organizationAnnounced(organization: {
  id: string;
  name: string;
  shortName?: string;
  kind?: OrganizationKind;
  published?: boolean;
  tenant?: string;
}) {
  const { id, name, tenant = TEST_TENANT } = organization;
  return createEvent(
    organizationRegisteredV1,
    { subject: id, tenantId: tenant, aggregateVersion: 1, correlationId: id, actor: 'test' },
    {
      id,
      name,
      shortName: organization.shortName ?? name,
      kind: organization.kind ?? 'OTHER',
      region: 'RU-MOW',
      industries: [],
      status: 'ACTIVE',
      published: organization.published ?? true,
    },
  );
}

/** A person's `registered` event as members would publish it (of no organisation unless told). */
export function personAnnounced(person: {
  id: string;
  fullName: string;
  organizationId?: string;
  tenant?: string;
}) {
  const { id, fullName, organizationId, tenant = TEST_TENANT } = person;
  return createEvent(
    personRegisteredV1,
    { subject: id, tenantId: tenant, aggregateVersion: 1, correlationId: id, actor: 'test' },
    { id, fullName, expertise: [], ...(organizationId ? { organizationId } : {}) },
  );
}

/** A running service that keeps the kit's directory read model. */
interface DirectoryHolder {
  runtime: { connection: Connection };
}

/** A member a directory should hold: by tenant, kind and id — as of a version and name, if given. */
export interface ExpectedMember {
  tenant?: string;
  kind: 'ORGANIZATION' | 'PERSON';
  id: string;
  name?: string;
  version?: number;
}

/**
 * Waits until the directory of each service holds each member (the kit's directory read model,
 * kept from members' events): what a test that just registered a member in members waits for
 * before another service may be given its id.
 */
export async function waitForDirectory(
  services: DirectoryHolder[],
  members: ExpectedMember[],
): Promise<void> {
  const expected = members.map(({ tenant = TEST_TENANT, kind, id, name, version }) => ({
    _id: `${tenant}/${kind}/${id}`,
    name,
    version: version ?? 1,
  }));
  await expectEventually(
    async () => {
      for (const service of services) {
        const stored = await service.runtime.connection
          .collection<{ _id: string; name: string; version: number }>('directory')
          .find({ _id: { $in: expected.map((entry) => entry._id) } })
          .project<{ _id: string; name: string; version: number }>({ name: 1, version: 1 })
          .toArray();
        const byId = new Map(stored.map((entry) => [entry._id, entry]));
        const missing = expected.filter(({ _id, name, version }) => {
          const found = byId.get(_id);
          return (
            !found ||
            found.version < version ||
            (name !== undefined && found.version === version && found.name !== name)
          );
        });
        if (missing.length > 0) {
          throw new Error(
            `not in the directory yet: ${missing.map((entry) => entry._id).join(', ')}`,
          );
        }
      }
    },
    { timeoutMs: 30_000 },
  );
}

/**
 * Announces members' organisations and people (their `registered` or `updated` events) as the
 * members service would, and waits until the service's directory holds each as announced: the
 * references a test then writes are known to it.
 */
export async function announceMembers(
  service: { publish(events: CloudEventEnvelope[]): Promise<void>; app: DirectoryHolder },
  events: CloudEventEnvelope[],
): Promise<void> {
  await service.publish(events);
  await waitForDirectory(
    [service.app],
    events.map((event) => {
      const data = event.data as { id: string; name?: string; fullName?: string };
      return {
        tenant: event.tenantid,
        kind: event.type.split('.')[2] === 'person' ? 'PERSON' : 'ORGANIZATION',
        id: data.id,
        name: data.fullName ?? data.name,
        version: event.aggregateversion,
      };
    }),
  );
}
