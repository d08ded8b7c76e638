import type { Role } from '@kollegia/service-kit';
import { collectSubscription, expectEventually, wsClient } from '@kollegia/testing';
import type { Client } from 'graphql-ws';

import { startGateway, TENANT, type GatewayUnderTest } from './test/harness';

/**
 * Follow-ups across the four subgraphs through the gateway: one federated query over 50
 * recommendations (calls per subgraph counted), and the live subscriptions fed from Kafka —
 * recommendationChanged, requestChanged, addresseeInbox, conferenceFollowUps with its catch-up.
 */
let gw: GatewayUnderTest;
const clients: Client[] = [];

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

interface Scenario {
  conferenceId: string;
  roundtableId: string;
  minprom: string;
  nti: string;
  /** Recommendations created from the resolutions, by code order. */
  recommendations: { id: string; version: number; code: string }[];
}

/** A conference whose round table concluded with `count` resolutions to two ministries. */
async function concludedRoundtable(count: number): Promise<Scenario> {
  const org = async (name: string) =>
    (
      await gql(
        `mutation($n: String!) { registerOrganization(input: { name: $n, kind: MINISTRY, region: "RU-MOW", published: true }) { id } }`,
        { n: name },
      )
    ).registerOrganization.id as string;
  const minprom = await org('Минпромторг России');
  const nti = await org('Проектный офис НТИ');
  const chair = (
    await gql(
      `mutation { registerPerson(input: { fullName: "Председатель Круглого Стола" }) { id } }`,
    )
  ).registerPerson.id as string;
  // The round table may name them once the other subgraphs learnt of them from members' events.
  await gw.directoriesKnow([
    { kind: 'ORGANIZATION', id: minprom },
    { kind: 'ORGANIZATION', id: nti },
    { kind: 'PERSON', id: chair },
  ]);
  const conference = (
    await gql(
      `mutation { scheduleConference(input: { title: "Промышленная Россия 4.0", kind: CONFERENCE, startsOn: "2016-11-10", endsOn: "2016-11-10", city: "Москва", published: true }) { id } }`,
    )
  ).scheduleConference.id as string;
  await gql(`mutation($id: ID!) { openConference(id: $id, expectedVersion: 1) { id } }`, {
    id: conference,
  });
  let rt = (
    await gql(
      `mutation($c: ID!, $p: ID!) { scheduleRoundtable(input: { conferenceId: $c, title: "ТЭК и ОПК", format: ROUND_TABLE, startsAt: "2016-11-10T08:00:00Z", moderator: { kind: PERSON, id: $p }, published: true }) { id version } }`,
      { c: conference, p: chair },
    )
  ).scheduleRoundtable;
  rt = (
    await gql(
      `mutation($id: ID!, $v: Int!) { startRoundtable(id: $id, expectedVersion: $v) { id version } }`,
      {
        id: rt.id,
        v: rt.version,
      },
    )
  ).startRoundtable;
  for (let i = 1; i <= count; i += 1) {
    rt = (
      await gql(
        `mutation($id: ID!, $v: Int!, $t: String!, $a: [ID!]) { proposeResolution(roundtableId: $id, expectedVersion: $v, input: { kind: RECOMMENDATION, text: $t, addresseeIds: $a }) { id version } }`,
        {
          id: rt.id,
          v: rt.version,
          t: `Рекомендация ${String(i).padStart(2, '0')}. Обратиться к адресатам с предложением.`,
          a: i % 2 === 0 ? [minprom, nti] : [minprom],
        },
      )
    ).proposeResolution;
  }
  await gql(
    `mutation($id: ID!, $v: Int!) { concludeRoundtable(id: $id, expectedVersion: $v) { id } }`,
    {
      id: rt.id,
      v: rt.version,
    },
  );
  const recommendations = await expectEventually(
    async () => {
      const page = (
        await gql(
          `query($c: ID!) { recommendations(first: 100, filter: { conferenceId: $c }) { nodes { id version code } } }`,
          { c: conference },
        )
      ).recommendations.nodes as Scenario['recommendations'];
      expect(page).toHaveLength(count);
      return page;
    },
    { timeoutMs: 30_000 },
  );
  return { conferenceId: conference, roundtableId: rt.id, minprom, nti, recommendations };
}

/** Today in the addressee's calendar (Europe/Moscow, the default), as YYYY-MM-DD. */
const moscowToday = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Moscow' }).format(new Date());

const ADOPT = `mutation($id: ID!, $v: Int!, $by: ID!) { adoptRecommendation(id: $id, expectedVersion: $v, input: { decidedBy: { kind: ORGANIZATION, id: $by } }) { id version } }`;

async function requestsOf(recommendationId: string, expected: number) {
  return expectEventually(
    async () => {
      const found = (
        await gql(
          `query($id: ID!) { recommendation(id: $id) { requests { id version status addressee { id } } } }`,
          { id: recommendationId },
        )
      ).recommendation.requests as { id: string; version: number; addressee: { id: string } }[];
      expect(found).toHaveLength(expected);
      return found;
    },
    { timeoutMs: 30_000 },
  );
}

async function subscribe(
  query: string,
  variables: Record<string, unknown>,
  role: Role,
  org?: string,
  subject?: string,
) {
  const client = wsClient(gw.gateway.wsUrl, await gw.token(role, TENANT, org, subject));
  clients.push(client);
  const subscription = collectSubscription(client, query, variables);
  return {
    ...subscription,
    /** Everything it got, errors included: where a refusal shows. */
    all: () => JSON.stringify([subscription.received, subscription.errors]),
    stop: async () => {
      subscription.dispose();
      await client.dispose();
    },
  };
}

let scenario: Scenario;
let association: string;

beforeAll(async () => {
  gw = await startGateway('follow-ups');
  scenario = await concludedRoundtable(50);
  association = (
    await gql(
      `mutation { registerOrganization(input: { name: "Ассоциация кластеров и технопарков", kind: ASSOCIATION, region: "RU-MOW", published: true }) { id } }`,
    )
  ).registerOrganization.id as string;
  await gw.directoriesKnow([{ kind: 'ORGANIZATION', id: association }]);
}, 180_000);

afterAll(async () => {
  await Promise.all(clients.map(async (client) => client.dispose()));
  await gw?.stop();
});

describe('a federated query across the four subgraphs', () => {
  it('should read 50 recommendations with their round table, addressees and requests at one call per subgraph per level', async () => {
    // Adopt all 50 (PROPOSAL with addressees): the requests service drafts one request per addressee.
    for (const r of scenario.recommendations) {
      await gql(ADOPT, { id: r.id, v: r.version, by: association });
    }
    const last = scenario.recommendations.at(-1)!;
    await requestsOf(last.id, 2);
    const expectedRequests = scenario.recommendations.map((_, i) => ((i + 1) % 2 === 0 ? 2 : 1));
    const query = `query($c: ID!) { recommendations(first: 50, filter: { conferenceId: $c }) { nodes {
      code status
      source { roundtable { title } }
      addressees { id name }
      requests { status addressee { name } }
    } } }`;
    const nodes = await expectEventually(
      async () => {
        const result = (await gql(query, { c: scenario.conferenceId })).recommendations.nodes;
        expect(result.map((n: any) => n.requests.length)).toEqual(expectedRequests);
        return result;
      },
      { timeoutMs: 30_000 },
    );
    expect(nodes[0]).toMatchObject({
      status: 'ADOPTED',
      source: { roundtable: { title: 'ТЭК и ОПК' } },
      addressees: [{ id: scenario.minprom, name: 'Минпромторг России' }],
      requests: [{ status: 'DRAFT', addressee: { name: 'Минпромторг России' } }],
    });

    const before = gw.calls();
    await gql(query, { c: scenario.conferenceId });
    const after = gw.calls();
    const delta = Object.fromEntries(
      Object.entries(after).map(([name, count]) => [name, count - (before[name] ?? 0)]),
    );
    // Level 1: recommendations. Level 2: roundtables (source.roundtable), members (addressees),
    // requests (Recommendation.requests). Level 3: members again (Request.addressee) — which the
    // gateway may batch with level 2's members call (measured: it does). Never one per node.
    expect(delta).toMatchObject({ roundtables: 1, recommendations: 1, requests: 1 });
    expect(delta.members).toBeGreaterThanOrEqual(1);
    expect(delta.members).toBeLessThanOrEqual(2);
  });
});

describe('live follow-ups', () => {
  const WATCH_RECOMMENDATION = `subscription($id: ID!) { recommendationChanged(id: $id) {
    cursor eventId type aggregate recommendation { code status } request { status outgoingNumber addressee { name } }
  } }`;
  const WATCH_REQUEST = `subscription($id: ID!) { requestChanged(id: $id) { type status request { status incomingNumber } } }`;
  const INBOX = `subscription { addresseeInbox { type status request { subject outgoingNumber recommendation { code } } } }`;

  it("should push a recommendation's and its requests' changes with fields from three subgraphs, and refuse what the caller may not see", async () => {
    const [, r] = scenario.recommendations; // the second: addressed to both ministries
    const requests = await requestsOf(r!.id, 2);
    const watcher = await subscribe(WATCH_RECOMMENDATION, { id: r!.id }, 'member');
    // Published (its round table was) and adopted: a partner may follow it, without internal drafts.
    const partner = await subscribe(WATCH_RECOMMENDATION, { id: r!.id }, 'partner');
    const stranger = await subscribe(
      WATCH_RECOMMENDATION,
      { id: r!.id },
      'addressee',
      'org-elsewhere',
    );
    await expectEventually(() => expect(stranger.all()).toMatch(/FORBIDDEN/));
    const toMinprom = requests.find((q) => q.addressee.id === scenario.minprom)!;
    // The association's secretary follows the request from its draft on.
    const requestWatcher = await subscribe(WATCH_REQUEST, { id: toMinprom.id }, 'secretary');
    const otherAddressee = await subscribe(
      WATCH_REQUEST,
      { id: toMinprom.id },
      'addressee',
      scenario.nti,
    );
    await expectEventually(() => expect(otherAddressee.all()).toMatch(/FORBIDDEN/));

    // Wait until the subscriptions are live: a change now must reach them.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const submitted = (
      await gql(
        `mutation($id: ID!, $v: Int!) { submitRequest(id: $id, expectedVersion: $v) { version outgoingNumber } }`,
        {
          id: toMinprom.id,
          v: toMinprom.version,
        },
      )
    ).submitRequest;
    // The addressee's user may follow it once it was sent to them (a draft is internal). It
    // subscribes once the submission has passed the gateway, so it sees the registration alone.
    await expectEventually(() =>
      expect(requestWatcher.payloads('requestChanged').map((c) => c.type)).toContain('SUBMITTED'),
    );
    const addresseeWatcher = await subscribe(
      WATCH_REQUEST,
      { id: toMinprom.id },
      'addressee',
      scenario.minprom,
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    await gql(
      `mutation($id: ID!, $v: Int!) { registerRequest(id: $id, expectedVersion: $v, input: { incomingNumber: "ВХ-2016/7", registeredOn: "${moscowToday()}" }) { version } }`,
      { id: toMinprom.id, v: submitted.version },
      'addressee',
      scenario.minprom,
    );

    const changes = await expectEventually(
      () => {
        const seen = watcher.payloads('recommendationChanged');
        expect(seen.map((c) => `${c.aggregate}:${c.type}`)).toEqual(
          expect.arrayContaining([
            'REQUEST:SUBMITTED',
            'REQUEST:REGISTERED',
            'RECOMMENDATION:REQUEST_RECORDED',
          ]),
        );
        return seen;
      },
      { timeoutMs: 20_000 },
    );
    const submission = changes.find((c) => c.type === 'SUBMITTED')!;
    expect(submission).toMatchObject({
      recommendation: { code: expect.any(String), status: 'ADOPTED' },
      request: {
        outgoingNumber: submitted.outgoingNumber,
        addressee: { name: 'Минпромторг России' },
      },
    });
    expect(new Set(changes.map((c) => c.eventId)).size).toBe(changes.length);

    const requestEvents = await expectEventually(() => {
      const seen = requestWatcher.payloads('requestChanged');
      expect(seen.map((c) => c.type)).toEqual(['SUBMITTED', 'REGISTERED']);
      return seen;
    });
    expect(requestEvents[1]).toMatchObject({
      status: 'REGISTERED',
      request: { status: 'REGISTERED', incomingNumber: 'ВХ-2016/7' },
    });
    await expectEventually(() =>
      expect(addresseeWatcher.payloads('requestChanged')).toMatchObject([
        { type: 'REGISTERED', request: { incomingNumber: 'ВХ-2016/7' } },
      ]),
    );
    await expectEventually(() =>
      expect(partner.payloads('recommendationChanged').map((c) => c.type)).toEqual(
        watcher.payloads('recommendationChanged').map((c) => c.type),
      ),
    );
    expect(stranger.payloads('recommendationChanged')).toEqual([]);
    expect(otherAddressee.payloads('requestChanged')).toEqual([]);
  });

  it("should fill an addressee user's inbox with what is sent to its organisation only, and refuse the inbox to others", async () => {
    const mine = await subscribe(INBOX, {}, 'addressee', scenario.nti);
    const theirs = await subscribe(INBOX, {}, 'addressee', 'org-elsewhere');
    const member = await subscribe(INBOX, {}, 'member');
    await expectEventually(() => expect(member.all()).toMatch(/FORBIDDEN/));
    await new Promise((resolve) => setTimeout(resolve, 500));

    const r = scenario.recommendations[3]!; // addressed to both
    const toNti = (await requestsOf(r.id, 2)).find((q) => q.addressee.id === scenario.nti)!;
    const submitted = (
      await gql(
        `mutation($id: ID!, $v: Int!) { submitRequest(id: $id, expectedVersion: $v) { outgoingNumber } }`,
        {
          id: toNti.id,
          v: toNti.version,
        },
      )
    ).submitRequest;

    const inbox = await expectEventually(() => {
      const seen = mine.payloads('addresseeInbox');
      expect(seen).toHaveLength(1);
      return seen;
    });
    expect(inbox[0]).toMatchObject({
      type: 'SUBMITTED',
      status: 'SUBMITTED',
      request: { outgoingNumber: submitted.outgoingNumber, recommendation: { code: r.code } },
    });
    expect(theirs.payloads('addresseeInbox')).toEqual([]);
  });

  it('should give an addressee user who reconnects to another gateway what came into its inbox meanwhile — requests of several partitions — once each, then live ones', async () => {
    const INBOX_AFTER = `subscription($after: String) { addresseeInbox(after: $after) { cursor type request { id } } }`;
    const CATCH_UP = `query($after: String) { addresseeInboxAfter(after: $after) { nodes { cursor type request { id } } endCursor hasNextPage } }`;
    const submit = async (index: number) => {
      const r = scenario.recommendations[index]!;
      const toNti = (await requestsOf(r.id, 2)).find((q) => q.addressee.id === scenario.nti)!;
      await gql(
        `mutation($id: ID!, $v: Int!) { submitRequest(id: $id, expectedVersion: $v) { version } }`,
        {
          id: toNti.id,
          v: toNti.version,
        },
      );
      return toNti.id;
    };
    const first = await subscribe(INBOX_AFTER, {}, 'addressee', scenario.nti);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const seenFirst = await submit(5);
    const [entry] = await expectEventually(() => {
      const seen = first.payloads('addresseeInbox');
      expect(seen.map((c) => c.request.id)).toEqual([seenFirst]);
      return seen;
    });
    await first.stop();

    // Away: three more requests to the same organisation, each its own aggregate (and partition).
    const missed = [await submit(7), await submit(9), await submit(11)];
    const replica = await gw.replica();
    const client = wsClient(replica.wsUrl, await gw.token('addressee', TENANT, scenario.nti));
    clients.push(client);
    const back = collectSubscription(client, INBOX_AFTER, { after: entry!.cursor });
    await expectEventually(() =>
      expect(
        back
          .payloads('addresseeInbox')
          .map((c) => c.request.id)
          .sort(),
      ).toEqual([...missed].sort()),
    );
    const live = await submit(13);
    await expectEventually(() =>
      expect(back.payloads('addresseeInbox').map((c) => c.request.id)).toHaveLength(4),
    );
    const stream = back.payloads('addresseeInbox');
    expect(stream.at(-1)!.request.id).toBe(live);
    expect(stream.every((c) => c.type === 'SUBMITTED')).toBe(true);

    // The catch-up query from the same cursor lists the same entries with the same cursors.
    const page = (await gql(CATCH_UP, { after: entry!.cursor }, 'addressee', scenario.nti))
      .addresseeInboxAfter;
    expect(page.nodes.map((n: any) => [n.cursor, n.request.id])).toEqual(
      stream.map((c) => [c.cursor, c.request.id]),
    );
    // Another organisation's user reads nothing of it.
    const elsewhere = (await gql(CATCH_UP, { after: entry!.cursor }, 'addressee', 'org-elsewhere'))
      .addresseeInboxAfter;
    expect(elsewhere.nodes).toEqual([]);
  });

  it("should push a conference's follow-ups with the cursors of the catch-up query, so a client that was away misses nothing and sees nothing twice", async () => {
    const FOLLOW = `subscription($c: ID!, $after: String) { conferenceFollowUps(conferenceId: $c, after: $after) {
      cursor id type status recommendation { code } request { status }
    } }`;
    const CATCH_UP = `query($c: ID!, $after: String) { conferenceFollowUps(conferenceId: $c, after: $after, first: 100) {
      edges { cursor node { id type } } pageInfo { hasNextPage endCursor }
    } }`;
    const online = await subscribe(FOLLOW, { c: scenario.conferenceId }, 'member');
    await new Promise((resolve) => setTimeout(resolve, 1000));

    const step = async (index: number) => {
      const r = scenario.recommendations[index]!;
      const current = (
        await gql(`query($id: ID!) { recommendation(id: $id) { version } }`, { id: r.id })
      ).recommendation;
      await gql(
        `mutation($id: ID!, $v: Int!) { reportRecommendationProgress(id: $id, expectedVersion: $v, input: { text: "Проведена стратегическая сессия", percent: ${10 + index}, author: { kind: ORGANIZATION, id: "${scenario.minprom}" } }) { version } }`,
        { id: r.id, v: current.version },
      );
    };
    // Each step on an ADOPTED recommendation is two entries: the report, and IN_PROGRESS.
    const PAIR = ['PROGRESS_REPORTED', 'IN_PROGRESS'];
    await step(10);
    const firstPair = await expectEventually(() => {
      const seen = online.payloads('conferenceFollowUps');
      expect(seen.map((f) => f.type)).toEqual(PAIR);
      return seen;
    });
    expect(firstPair[0]).toMatchObject({
      status: 'ADOPTED',
      recommendation: { code: scenario.recommendations[10]!.code },
      request: null,
    });
    const first = firstPair[1]!;
    // Offline: two more steps happen meanwhile.
    await online.stop();
    await step(11);
    await step(12);

    // Catch up from the last cursor the subscription gave: exactly the four missed entries.
    const missed = await expectEventually(async () => {
      const page = (await gql(CATCH_UP, { c: scenario.conferenceId, after: first.cursor }))
        .conferenceFollowUps;
      expect(page.edges.map((e: any) => e.node.type)).toEqual([...PAIR, ...PAIR]);
      return page;
    });
    const seenOnline = new Set(firstPair.map((f) => f.id));
    expect(missed.edges.filter((e: any) => seenOnline.has(e.node.id))).toEqual([]);

    // Resubscribing with the same cursor pushes the same four first, then what comes next.
    const back = await subscribe(
      FOLLOW,
      { c: scenario.conferenceId, after: first.cursor },
      'member',
    );
    await expectEventually(() => expect(back.payloads('conferenceFollowUps')).toHaveLength(4));
    // An addressee user follows only what is addressed to its organisation: indexes 13 and 15 are
    // (even resolution numbers went to both ministries), 14 is not (to Минпромторг only).
    const nti = await subscribe(FOLLOW, { c: scenario.conferenceId }, 'addressee', scenario.nti);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await step(13);
    await step(14);
    await step(15);
    const all = await expectEventually(() => {
      const seen = back.payloads('conferenceFollowUps');
      expect(seen).toHaveLength(10);
      return seen;
    });
    expect(all.slice(0, 4).map((f) => [f.id, f.cursor])).toEqual(
      missed.edges.map((e: any) => [e.node.id, e.cursor]),
    );
    expect(all.slice(4).map((f) => f.recommendation.code)).toEqual(
      [13, 13, 14, 14, 15, 15].map((i) => scenario.recommendations[i]!.code),
    );
    const rest = (
      await gql(CATCH_UP, { c: scenario.conferenceId, after: missed.pageInfo.endCursor })
    ).conferenceFollowUps;
    expect(rest.edges.map((e: any) => e.cursor)).toEqual(all.slice(4).map((f) => f.cursor));
    await expectEventually(() =>
      expect(nti.payloads('conferenceFollowUps').map((f) => f.recommendation.code)).toEqual(
        [13, 13, 15, 15].map((i) => scenario.recommendations[i]!.code),
      ),
    );
  });
  it("should read a conference's follow-ups once per change for fifty watchers of one read view, each with a token of its own", async () => {
    const FOLLOW = `subscription($c: ID!) { conferenceFollowUps(conferenceId: $c) { cursor type recommendation { code } } }`;
    const watchers: Awaited<ReturnType<typeof subscribe>>[] = [];
    for (let i = 0; i < 50; i += 1) {
      watchers.push(
        await subscribe(FOLLOW, { c: scenario.conferenceId }, 'member', undefined, `follower-${i}`),
      );
    }
    const r = scenario.recommendations[16]!;
    const report = async (percent: number) => {
      const { version } = (
        await gql(`query($id: ID!) { recommendation(id: $id) { version } }`, { id: r.id })
      ).recommendation;
      await gql(
        `mutation($id: ID!, $v: Int!) { reportRecommendationProgress(id: $id, expectedVersion: $v, input: { text: "Сессия", percent: ${percent}, author: { kind: ORGANIZATION, id: "${scenario.minprom}" } }) { version } }`,
        { id: r.id, v: version },
      );
    };
    // Every watcher is listening once it has heard a change (subscribing is not instant).
    let percent = 20;
    await expectEventually(
      async () => {
        await report(percent++);
        await new Promise((resolve) => setTimeout(resolve, 500));
        for (const watcher of watchers)
          expect(watcher.payloads('conferenceFollowUps').length).toBeGreaterThan(0);
      },
      { timeoutMs: 60_000 },
    );
    // Let the last change reach everyone before counting.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const heard = watchers.map((watcher) => watcher.payloads('conferenceFollowUps').length);
    const before = gw.calls().recommendations!;
    await report(percent);
    await expectEventually(() =>
      watchers.forEach((watcher, i) =>
        expect(watcher.payloads('conferenceFollowUps').slice(heard[i])).toEqual([
          expect.objectContaining({ type: 'PROGRESS_REPORTED', recommendation: { code: r.code } }),
        ]),
      ),
    );
    // The version read and the mutation, then for the one change: a page read and the
    // recommendation's code, once each for all fifty (not fifty of each).
    expect(gw.calls().recommendations! - before).toBeLessThanOrEqual(2 + 4);
    await Promise.all(watchers.map((watcher) => watcher.stop()));
  });
});
