import {
  createEvent,
  organizationArchivedV1,
  organizationUpdatedV1,
  type OrganizationKind,
} from '@kollegia/events';
import { errorCode, expectEventually } from '@kollegia/testing';

import {
  appealTo,
  dataOf,
  DRAFT,
  hexId,
  knowOrganizations,
  organizationRegistered,
  startRequests,
  TENANT,
  type Requests,
} from './test/harness';

let requests: Requests;

beforeAll(async () => {
  requests = await startRequests('addressees');
});

afterAll(() => requests.stop());

const meta = (id: string, version: number) => ({
  subject: id,
  tenantId: TENANT,
  aggregateVersion: version,
  correlationId: id,
  actor: 'test',
});

function updated(id: string, version: number, kind: OrganizationKind) {
  return createEvent(organizationUpdatedV1, meta(id, version), {
    ...organizationRegistered(id, 'Комитет', kind).data,
    changedFields: ['kind'],
  });
}

async function kindOf(id: string) {
  const doc = await requests.app.runtime.connection
    .collection<{
      _id: string;
      organizationKind?: string;
      status?: string;
      version: number;
    }>('directory')
    .findOne({ _id: `${TENANT}/ORGANIZATION/${id}` });
  return doc && { kind: doc.organizationKind, status: doc.status, version: doc.version };
}

describe('the directory, from members’ organisation events', () => {
  it('should keep the newest kind whatever arrives again or late', async () => {
    const id = hexId();
    await knowOrganizations(requests, [{ id, name: 'Комитет', kind: 'OTHER' }]);
    await requests.publish([updated(id, 2, 'PARLIAMENTARY_COMMITTEE')]);
    await expectEventually(async () =>
      expect(await kindOf(id)).toEqual({
        kind: 'PARLIAMENTARY_COMMITTEE',
        status: 'ACTIVE',
        version: 2,
      }),
    );
    // The registration redelivered, then the update again: the newest stays.
    const marker = hexId();
    await requests.publish([
      organizationRegistered(id, 'Комитет', 'OTHER'),
      updated(id, 2, 'PARLIAMENTARY_COMMITTEE'),
      organizationRegistered(marker, 'Маркер', 'OTHER'),
    ]);
    await expectEventually(async () => expect(await kindOf(marker)).not.toBeNull());
    expect(await kindOf(id)).toEqual({
      kind: 'PARLIAMENTARY_COMMITTEE',
      status: 'ACTIVE',
      version: 2,
    });
  });

  it('should refuse drafts to an organisation archived in the directory', async () => {
    const id = hexId();
    await knowOrganizations(requests, [{ id, name: 'Упразднённое агентство', kind: 'AGENCY' }]);
    await requests.publish([
      createEvent(organizationArchivedV1, meta(id, 2), {
        id,
        name: 'Упразднённое агентство',
        shortName: 'Агентство',
        reason: 'Упразднено',
      }),
    ]);
    await expectEventually(async () => expect((await kindOf(id))?.status).toBe('ARCHIVED'));
    const response = await requests.gql(DRAFT, { input: appealTo(id) });
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toMatch(/archived/);
    expect((await kindOf(id))?.kind).toBe('AGENCY');
    expect(dataOf(await requests.gql(`{ requests { totalCount } }`)).requests.totalCount).toBe(0);
  });
});
