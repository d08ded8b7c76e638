import { dataOf, REGISTER_ORG, startMembers, type Members } from './test/harness';

let members: Members;
let ids: string[];

beforeAll(async () => {
  members = await startMembers('refs');
  ids = [];
  for (let batch = 0; batch < 10; batch += 1) {
    const created = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        members.gql(REGISTER_ORG, {
          input: {
            name: `Организация ${batch}-${i}`,
            kind: 'ENTERPRISE',
            region: 'RU-MOW',
            published: true,
          },
        }),
      ),
    );
    ids.push(...created.map((r) => dataOf(r).registerOrganization.id as string));
  }
});

afterAll(() => members.stop());

/**
 * Counts the reads the service sends to a collection while `work` runs, leaving out the outbox
 * relay's own (its periodic sweep for pending events, its read of the outboxes of the documents
 * just written, which asks for the outbox alone).
 */
async function countFinds(collection: string, work: () => Promise<unknown>): Promise<number> {
  let finds = 0;
  const connection = members.app.runtime.connection;
  connection.set(
    'debug',
    (
      coll: string,
      method: string,
      filter: Record<string, unknown>,
      options?: { projection?: Record<string, unknown> },
    ) => {
      const relay = 'outbox.eventId' in (filter ?? {}) || options?.projection?.outbox === 1;
      if (coll === collection && (method === 'find' || method === 'findOne') && !relay) finds += 1;
    },
  );
  try {
    await work();
  } finally {
    connection.set('debug', false);
  }
  return finds;
}

describe('federation references', () => {
  it('should resolve 100 Organization references with one database query', async () => {
    const representations = ids.map((id) => ({ __typename: 'Organization', id }));
    let entities: { id: string; name: string }[] = [];
    const finds = await countFinds('organizations', async () => {
      entities = dataOf(
        await members.gql(
          `query($r: [_Any!]!) { _entities(representations: $r) { ... on Organization { id name } } }`,
          { r: representations },
        ),
      )._entities;
    });
    expect(entities).toHaveLength(100);
    expect(entities.map((e) => e.id)).toEqual(ids);
    expect(finds).toBe(1);
  });

  it('should return null for references it does not know or the caller may not see', async () => {
    const response = dataOf(
      await members.gql(
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Organization { id } } }`,
        {
          r: [
            { __typename: 'Organization', id: ids[0] },
            { __typename: 'Organization', id: 'unknown' },
          ],
        },
        { role: 'member', tenant: 'another-tenant' },
      ),
    );
    expect(response._entities).toEqual([null, null]);
  });
});
