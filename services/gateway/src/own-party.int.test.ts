import { graphqlRequest } from '@kollegia/testing';

import { startGateway, TENANT, type GatewayUnderTest } from './test/harness';

/**
 * Who a member is when acting as themselves (issue #18), read through the gateway: the directory
 * person their account is linked to, shown by name; an actor stored as an account id (before
 * accounts were linked to persons) does not fail the read.
 */
let gw: GatewayUnderTest;
let minprom: string;
let sedov: string;

function data(response: { data?: Record<string, any> | null; errors?: unknown }) {
  if (response.errors || !response.data) throw new Error(JSON.stringify(response.errors));
  return response.data;
}

const ENDORSE = `mutation($id: ID!, $v: Int!) { endorseRecommendation(id: $id, expectedVersion: $v) { version } }`;
const READ = `query($id: ID!) { recommendation(id: $id) { title endorsements { party { __typename ... on Person { id fullName } ... on Organization { id name } } } } }`;

/** An adopted recommendation addressed to the ministry. */
async function adopted(): Promise<{ id: string; version: number }> {
  const { id } = data(
    await gw.gql(
      `mutation($a: ID!) { draftRecommendation(input: { title: "Отбор совместных проектов", recommendedText: "Провести отбор совместных проектов участников кластеров.", actionType: APPEAL, addresseeIds: [$a], published: true }) { id } }`,
      { a: minprom },
    ),
  ).draftRecommendation;
  data(
    await gw.gql(
      `mutation($id: ID!) { proposeRecommendation(id: $id, expectedVersion: 1) { id } }`,
      { id },
    ),
  );
  return data(
    await gw.gql(
      `mutation($id: ID!, $by: ID!) { adoptRecommendation(id: $id, expectedVersion: 2, input: { decidedBy: { kind: ORGANIZATION, id: $by } }) { id version } }`,
      { id, by: minprom },
    ),
  ).adoptRecommendation;
}

beforeAll(async () => {
  gw = await startGateway('own-party');
  minprom = data(
    await gw.gql(
      `mutation { registerOrganization(input: { name: "Минпромторг России", kind: MINISTRY, region: "RU-MOW", published: true }) { id } }`,
    ),
  ).registerOrganization.id;
  sedov = data(
    await gw.gql(
      `mutation { registerPerson(input: { fullName: "Седов Павел Андреевич" }) { id } }`,
    ),
  ).registerPerson.id;
  await gw.directoriesKnow([
    { kind: 'ORGANIZATION', id: minprom },
    { kind: 'PERSON', id: sedov },
  ]);
}, 120_000);

afterAll(() => gw?.stop());

describe('a member endorsing as themselves', () => {
  it('should be shown by the name of the directory person the account is linked to', async () => {
    const rec = await adopted();
    const member = await gw.auth.token({
      sub: 'account-of-sedov',
      tenant: TENANT,
      roles: ['member'],
      person: sedov,
    });
    data(await graphqlRequest(gw.gateway.url, ENDORSE, { id: rec.id, v: rec.version }, member));
    for (const role of ['secretary', 'member'] as const) {
      expect(data(await gw.gql(READ, { id: rec.id }, role)).recommendation.endorsements).toEqual([
        { party: { __typename: 'Person', id: sedov, fullName: 'Седов Павел Андреевич' } },
      ]);
    }
  });

  it('should read a recommendation whose stored endorser is an account, not a person, leaving that endorser out', async () => {
    const rec = await adopted();
    // What was stored for a member acting as themselves before accounts were linked to persons.
    await gw.recommendations.runtime.connection
      .collection<{ _id: string }>('recommendations')
      .updateOne(
        { _id: rec.id },
        {
          $push: {
            endorsements: {
              party: { kind: 'PERSON', id: 'account-of-a-member' },
              endorsedAt: new Date(),
            },
          },
        },
      );
    for (const role of ['secretary', 'member'] as const) {
      const read = await gw.gql(READ, { id: rec.id }, role);
      expect(read.errors).toBeUndefined();
      expect(read.data?.recommendation).toEqual({
        title: 'Отбор совместных проектов',
        endorsements: [],
      });
    }
  });
});
