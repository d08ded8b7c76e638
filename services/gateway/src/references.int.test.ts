import { startGateway, TENANT, type GatewayUnderTest } from './test/harness';

/**
 * References to members' organisations and people through the gateway: one the directory no
 * longer knows degrades to a null field with a partial error, never a null page; what partners and
 * addressees may not see is hidden, not an internal error.
 */
let gw: GatewayUnderTest;

beforeAll(async () => {
  gw = await startGateway('references');
}, 120_000);

afterAll(() => gw.stop());

function data(response: { data?: Record<string, any> | null; errors?: unknown }) {
  if (response.errors || !response.data) throw new Error(JSON.stringify(response.errors));
  return response.data;
}

async function person(fullName: string) {
  return data(
    await gw.gql(`mutation($n: String!) { registerPerson(input: { fullName: $n }) { id } }`, {
      n: fullName,
    }),
  ).registerPerson.id as string;
}

async function roundtable(title: string, moderatorId: string) {
  return data(
    await gw.gql(
      `mutation($t: String!, $p: ID!) { scheduleRoundtable(input: { title: $t, format: ROUND_TABLE, startsAt: "2016-11-10T08:00:00Z", moderator: { kind: PERSON, id: $p }, published: true }) { id version } }`,
      { t: title, p: moderatorId },
    ),
  ).scheduleRoundtable as { id: string; version: number };
}

describe('references through the gateway', () => {
  it('should answer a listing whose one moderator the directory no longer knows with the page, a null moderator and a partial error', async () => {
    const kept = await person('Петров Алексей Николаевич');
    const gone = await person('Ушедший Модератор');
    await gw.directoriesKnow([
      { kind: 'PERSON', id: kept },
      { kind: 'PERSON', id: gone },
    ]);
    const a = await roundtable('Круглый стол «Остался»', kept);
    const b = await roundtable('Круглый стол «Висит»', gone);
    // As a reference stored before references were checked: the directory does not know it.
    await gw.roundtables.runtime.connection
      .collection('directory')
      .deleteOne({ _id: `${TENANT}/PERSON/${gone}` as never });

    const response = await gw.gql(
      `{ roundtables(first: 100) { nodes { id title moderator { __typename ... on Person { fullName } } } } }`,
    );
    const nodes = response.data?.roundtables.nodes as { id: string; moderator: unknown }[];
    expect(nodes.map((node) => node.id).sort()).toEqual([a.id, b.id].sort());
    expect(nodes.find((node) => node.id === a.id)?.moderator).toEqual({
      __typename: 'Person',
      fullName: 'Петров Алексей Николаевич',
    });
    expect(nodes.find((node) => node.id === b.id)?.moderator).toBeNull();
    expect(response.errors).toEqual([
      expect.objectContaining({
        path: ['roundtables', 'nodes', nodes.findIndex((node) => node.id === b.id), 'moderator'],
        extensions: expect.objectContaining({ code: 'NOT_FOUND' }),
      }),
    ]);
  });

  it('should hide an unpublished organisation at a published round table from partners, not fail', async () => {
    const moderator = await person('Модератор Открытый');
    const hidden = data(
      await gw.gql(
        `mutation { registerOrganization(input: { name: "Закрытый консорциум", kind: OTHER, region: "RU-MOW", published: false }) { id } }`,
      ),
    ).registerOrganization.id as string;
    await gw.directoriesKnow([
      { kind: 'PERSON', id: moderator },
      { kind: 'ORGANIZATION', id: hidden },
    ]);
    let rt = await roundtable('Круглый стол с закрытым участником', moderator);
    for (const step of [
      `mutation($id: ID!, $v: Int!, $o: ID!) { registerParticipant(roundtableId: $id, expectedVersion: $v, input: { organizationId: $o, role: OBSERVER }) { id version } }`,
      `mutation($id: ID!, $v: Int!) { startRoundtable(id: $id, expectedVersion: $v) { id version } }`,
      `mutation($id: ID!, $v: Int!) { concludeRoundtable(id: $id, expectedVersion: $v) { id version } }`,
    ]) {
      const result = data(await gw.gql(step, { id: rt.id, v: rt.version, o: hidden }));
      rt = Object.values(result)[0] as typeof rt;
    }
    const READ = `query($id: ID!) {
      roundtable(id: $id) { participants { role organization { id name } } }
      roundtableMinutes(id: $id) { markdown } }`;
    const internal = data(await gw.gql(READ, { id: rt.id }, 'member'));
    expect(internal.roundtable.participants).toEqual([
      { role: 'OBSERVER', organization: { id: hidden, name: 'Закрытый консорциум' } },
    ]);
    for (const role of ['partner', 'addressee'] as const) {
      const response = await gw.gql(READ, { id: rt.id }, role);
      expect(response.errors).toBeUndefined();
      expect(response.data?.roundtable.participants).toEqual([
        { role: 'OBSERVER', organization: null },
      ]);
      expect(response.data?.roundtableMinutes.markdown).not.toContain('Закрытый консорциум');
    }
  });
});
