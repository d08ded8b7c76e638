import type { Role } from '@kollegia/service-kit';
import { collectSubscription, expectEventually, wsClient } from '@kollegia/testing';
import type { Client } from 'graphql-ws';

import { startGateway, TENANT, type GatewayUnderTest } from './test/harness';

/**
 * Items under control live (issue #17): a working group following a conference sees an item
 * taken under control at its round table and the progress reported on it, as its visibility rule
 * allows, and resumes after a cursor with no gap and no repeat.
 */
let gw: GatewayUnderTest;
const clients: Client[] = [];
const OTHER = 'other-association';

function data(response: {
  data?: Record<string, any> | null;
  errors?: unknown;
}): Record<string, any> {
  if (response.errors || !response.data) throw new Error(JSON.stringify(response.errors));
  return response.data;
}

async function gql(
  query: string,
  variables: Record<string, unknown> = {},
  role: Role = 'secretary',
  org?: string,
) {
  return data(await gw.gql(query, variables, role, TENANT, org));
}

const WATCH = `subscription($c: ID!, $after: String) { conferenceControlItems(conferenceId: $c, after: $after) {
  cursor type status dueDate controlItem { text status controller { name } progress { text percent } }
} }`;
const AFTER = `query($c: ID!, $after: String) { conferenceControlItemsAfter(conferenceId: $c, after: $after) {
  nodes { cursor type } endCursor hasNextPage
} }`;

async function subscribe(
  variables: Record<string, unknown>,
  role: Role,
  org?: string,
  tenant = TENANT,
) {
  const client = wsClient(gw.gateway.wsUrl, await gw.token(role, tenant, org));
  clients.push(client);
  const subscription = collectSubscription(client, WATCH, variables);
  return {
    ...subscription,
    types: () => subscription.payloads('conferenceControlItems').map((p) => p.type),
    /** Everything it got, errors included: where a refusal shows. */
    all: () => JSON.stringify([subscription.received, subscription.errors]),
  };
}

let conferenceId: string;
let roundtable: { id: string; version: number };
let minprom: string;
let association: string;
let nti: string;

beforeAll(async () => {
  gw = await startGateway('control-items');
  const org = async (name: string) =>
    (
      await gql(
        `mutation($n: String!) { registerOrganization(input: { name: $n, kind: MINISTRY, region: "RU-MOW", published: true }) { id } }`,
        { n: name },
      )
    ).registerOrganization.id as string;
  minprom = await org('Минпромторг России');
  association = await org('Ассоциация кластеров и технопарков');
  nti = await org('Проектный офис НТИ');
  const chair = (
    await gql(
      `mutation { registerPerson(input: { fullName: "Председатель Круглого Стола" }) { id } }`,
    )
  ).registerPerson.id as string;
  await gw.directoriesKnow([
    { kind: 'ORGANIZATION', id: minprom },
    { kind: 'ORGANIZATION', id: association },
    { kind: 'ORGANIZATION', id: nti },
    { kind: 'PERSON', id: chair },
  ]);
  conferenceId = (
    await gql(
      `mutation { scheduleConference(input: { title: "Промышленная Россия 4.0", kind: CONFERENCE, startsOn: "2016-11-10", endsOn: "2016-11-10", city: "Москва", published: true }) { id } }`,
    )
  ).scheduleConference.id as string;
  await gql(`mutation($id: ID!) { openConference(id: $id, expectedVersion: 1) { id } }`, {
    id: conferenceId,
  });
  roundtable = (
    await gql(
      `mutation($c: ID!, $p: ID!) { scheduleRoundtable(input: { conferenceId: $c, title: "ТЭК и ОПК", format: ROUND_TABLE, startsAt: "2016-11-10T08:00:00Z", moderator: { kind: PERSON, id: $p }, published: true }) { id version } }`,
      { c: conferenceId, p: chair },
    )
  ).scheduleRoundtable;
  roundtable = (
    await gql(
      `mutation($id: ID!, $v: Int!) { startRoundtable(id: $id, expectedVersion: $v) { id version } }`,
      { id: roundtable.id, v: roundtable.version },
    )
  ).startRoundtable;
  // A recommendation beside the item: its events share the conference's channel, not this stream.
  roundtable = (
    await gql(
      `mutation($id: ID!, $v: Int!, $a: [ID!]) { proposeResolution(roundtableId: $id, expectedVersion: $v, input: { kind: RECOMMENDATION, text: "Обратиться к Минпромторгу России.", addresseeIds: $a }) { id version } }`,
      { id: roundtable.id, v: roundtable.version, a: [minprom] },
    )
  ).proposeResolution;
  roundtable = (
    await gql(
      `mutation($id: ID!, $v: Int!, $a: [ID!], $r: ID!) { proposeResolution(roundtableId: $id, expectedVersion: $v, input: { kind: CONTROL_ITEM, text: "Взять на контроль перечень проектов кластеров.", addresseeIds: $a, responsible: { kind: ORGANIZATION, id: $r }, dueDate: "2017-03-31" }) { id version } }`,
      { id: roundtable.id, v: roundtable.version, a: [minprom], r: association },
    )
  ).proposeResolution;
}, 180_000);

afterAll(async () => {
  await Promise.all(clients.map(async (client) => client.dispose()));
  await gw?.stop();
});

describe('conferenceControlItems', () => {
  it('should push an item taken under control and its progress to those who may see it, and resume after a cursor', async () => {
    // Where the conference's stream stands before the sitting concludes: subscribing after it
    // misses nothing, however long the subscriptions take to open.
    const start = (await gql(AFTER, { c: conferenceId }, 'member')).conferenceControlItemsAfter
      .endCursor as string;
    const from = { c: conferenceId, after: start };
    const member = await subscribe(from, 'member');
    const controller = await subscribe(from, 'addressee', minprom);
    const responsible = await subscribe(from, 'addressee', association);
    const partner = await subscribe(from, 'partner');
    const unrelated = await subscribe(from, 'addressee', nti);
    const otherTenant = await subscribe(from, 'admin', undefined, OTHER);
    await expectEventually(() => expect(otherTenant.all()).toMatch(/FORBIDDEN/));

    await gql(
      `mutation($id: ID!, $v: Int!) { concludeRoundtable(id: $id, expectedVersion: $v) { id } }`,
      { id: roundtable.id, v: roundtable.version },
    );
    const item = await expectEventually(
      async () => {
        const nodes = (
          await gql(
            `query($c: ID!) { controlItems(first: 5, filter: { conferenceId: $c }) { nodes { id version } } }`,
            { c: conferenceId },
          )
        ).controlItems.nodes as { id: string; version: number }[];
        expect(nodes).toHaveLength(1);
        return nodes[0]!;
      },
      { timeoutMs: 30_000 },
    );
    // The responsible organisation's user reports.
    await gql(
      `mutation($id: ID!, $v: Int!) { reportControlItemProgress(id: $id, expectedVersion: $v, input: { text: "Перечень из 12 проектов согласован", percent: 60 }) { id } }`,
      { id: item.id, v: item.version },
      'addressee',
      association,
    );

    const seen = await expectEventually(
      () => {
        const payloads = member.payloads('conferenceControlItems');
        expect(payloads.map((p) => p.type)).toEqual(['TAKEN', 'PROGRESS_REPORTED']);
        return payloads;
      },
      { timeoutMs: 20_000 },
    );
    expect(seen[0]).toMatchObject({
      status: 'UNDER_CONTROL',
      dueDate: '2017-03-31',
      controlItem: {
        text: 'Взять на контроль перечень проектов кластеров.',
        controller: { name: 'Минпромторг России' },
      },
    });
    expect(seen[1]).toMatchObject({
      controlItem: { progress: [{ text: 'Перечень из 12 проектов согласован', percent: 60 }] },
    });
    for (const watcher of [controller, responsible, partner]) {
      await expectEventually(() => expect(watcher.types()).toEqual(['TAKEN', 'PROGRESS_REPORTED']));
    }
    // An addressee whose organisation neither controls nor answers for it sees none of it: its
    // catch-up read of the same events is empty (the read waits until they are kept).
    const unrelatedPage = (await gql(AFTER, { c: conferenceId, after: start }, 'addressee', nti))
      .conferenceControlItemsAfter;
    expect(unrelatedPage.nodes).toEqual([]);
    expect(unrelatedPage.endCursor).not.toBe(start);
    expect(unrelated.types()).toEqual([]);
    expect(unrelated.errors).toEqual([]);

    // After a disconnect, from the cursor of the first: the second, then what follows, once each.
    const resumed = await subscribe({ c: conferenceId, after: seen[0]!.cursor }, 'member');
    await expectEventually(() => expect(resumed.types()).toEqual(['PROGRESS_REPORTED']));
    await gql(
      `mutation($id: ID!) { markControlItemDone(id: $id, expectedVersion: 2, note: "Перечень направлен в Проектный офис НТИ") { id } }`,
      { id: item.id },
      'addressee',
      minprom,
    );
    await expectEventually(() => expect(resumed.types()).toEqual(['PROGRESS_REPORTED', 'DONE']));
    expect(resumed.payloads('conferenceControlItems')[1]).toMatchObject({
      status: 'DONE',
      controlItem: { status: 'DONE' },
    });
    const missed = (await gql(AFTER, { c: conferenceId, after: seen[0]!.cursor }, 'member'))
      .conferenceControlItemsAfter;
    expect(missed.nodes.map((n: { type: string }) => n.type)).toEqual([
      'PROGRESS_REPORTED',
      'DONE',
    ]);
  });
});
