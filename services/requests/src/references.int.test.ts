import { errorCode, expectEventually, organizationAnnounced } from '@kollegia/testing';

import {
  announceMembers,
  appealTo,
  dataOf,
  DRAFT,
  hexId,
  knowOrganizations,
  OTHER_TENANT,
  personAnnounced,
  startRequests,
  SUBMIT,
  type Requests,
} from './test/harness';

let requests: Requests;
const MINPROMTORG = hexId();
const HIDDEN = hexId();
const ELSEWHERE = hexId();
const SIGNATORY = hexId();
const STRANGER = hexId();

beforeAll(async () => {
  requests = await startRequests('references');
  await knowOrganizations(requests, [
    { id: MINPROMTORG, name: 'Минпромторг России', kind: 'MINISTRY' },
    { id: ELSEWHERE, name: 'Чужое министерство', kind: 'MINISTRY', tenant: OTHER_TENANT },
  ]);
  await announceMembers(requests, [
    organizationAnnounced({ id: HIDDEN, name: 'Закрытый консорциум', published: false }),
    personAnnounced({ id: SIGNATORY, fullName: 'Президент ассоциации' }),
    personAnnounced({ id: STRANGER, fullName: 'Чужой Президент', tenant: OTHER_TENANT }),
  ]);
});

afterAll(() => requests.stop());

const EDIT = `mutation($id: ID!, $v: Int!, $input: EditRequestInput!) { editRequest(id: $id, expectedVersion: $v, input: $input) { id version } }`;

async function count() {
  return requests.app.runtime.connection.collection('requests').countDocuments();
}

describe('references to members', () => {
  it('should refuse an addressee or signatory the directory does not know or another workspace’s, and store nothing', async () => {
    const before = await count();
    const refused = async (
      mutation: string,
      variables: Record<string, unknown>,
      field: string,
      id: string,
    ) => {
      const response = await requests.gql(mutation, variables);
      expect({
        code: errorCode(response),
        field: response.errors?.[0]?.extensions?.field,
      }).toEqual({ code: 'BAD_USER_INPUT', field });
      expect(response.errors?.[0]?.message).toContain(`${id} is not in the directory`);
    };
    for (const addresseeId of [ELSEWHERE, hexId()]) {
      await refused(DRAFT, { input: appealTo(addresseeId) }, 'addresseeId', addresseeId);
    }
    for (const id of [STRANGER, hexId()]) {
      await refused(
        DRAFT,
        { input: appealTo(MINPROMTORG, { signatory: { kind: 'PERSON', id } }) },
        'signatory',
        id,
      );
    }
    expect(await count()).toBe(before);

    const drafted = dataOf(
      await requests.gql(DRAFT, {
        input: appealTo(MINPROMTORG, { signatory: { kind: 'PERSON', id: SIGNATORY } }),
      }),
    ).draftRequest;
    await refused(
      EDIT,
      { id: drafted.id, v: 1, input: { signatory: { kind: 'ORGANIZATION', id: ELSEWHERE } } },
      'signatory',
      ELSEWHERE,
    );
    const stored = dataOf(
      await requests.gql(
        `query($id: ID!) { request(id: $id) { version signatory { ... on Person { id } } } }`,
        { id: drafted.id },
      ),
    ).request;
    expect(stored).toEqual({ version: 1, signatory: { id: SIGNATORY } });
  });

  it('should show partners no unpublished addressee, in requests, filters and statistics', async () => {
    const drafted = dataOf(
      await requests.gql(DRAFT, {
        input: appealTo(HIDDEN, { signatory: { kind: 'ORGANIZATION', id: HIDDEN } }),
      }),
    ).draftRequest;
    dataOf(await requests.gql(SUBMIT, { id: drafted.id, v: 1 }));
    const READ = `query($id: ID!, $a: ID) {
      request(id: $id) { addressee { id } signatory { ... on Organization { id } } }
      requests(filter: { addresseeId: $a }) { nodes { id } }
      addresseeStatistics { nodes { organization { id } } } }`;
    const internal = dataOf(
      await requests.gql(READ, { id: drafted.id, a: HIDDEN }, { role: 'member' }),
    );
    expect(internal.request).toEqual({ addressee: { id: HIDDEN }, signatory: { id: HIDDEN } });
    expect(internal.requests.nodes).toEqual([{ id: drafted.id }]);
    // The statistics follow the request's events.
    await expectEventually(async () =>
      expect(
        dataOf(await requests.gql(READ, { id: drafted.id }, { role: 'member' })).addresseeStatistics
          .nodes,
      ).toContainEqual({ organization: { id: HIDDEN } }),
    );

    const partner = await requests.gql(READ, { id: drafted.id, a: HIDDEN }, { role: 'partner' });
    expect(partner.errors).toBeUndefined();
    expect(dataOf(partner).request).toEqual({ addressee: null, signatory: null });
    expect(dataOf(partner).requests.nodes).toEqual([]);
    expect(dataOf(partner).addresseeStatistics.nodes).not.toContainEqual({
      organization: { id: HIDDEN },
    });
    expect(
      dataOf(
        await requests.gql(
          `query($o: ID!) { responseStats(organizationId: $o) { received } }`,
          { o: HIDDEN },
          { role: 'partner' },
        ),
      ).responseStats,
    ).toBeNull();
  });
});
