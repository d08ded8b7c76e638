import {
  collectSubscription,
  sseSubscription,
  expectEventually,
  wsClient,
  type CollectedSubscription,
} from '@kollegia/testing';
import type { Role } from '@kollegia/service-kit';
import type { Client } from 'graphql-ws';
import WebSocket from 'ws';

import { startGateway, TENANT, type GatewayUnderTest } from './test/harness';

let gw: GatewayUnderTest;
const OTHER = 'other-association';
const clients: Client[] = [];

beforeAll(async () => {
  gw = await startGateway('live');
});

afterAll(async () => {
  await Promise.all(clients.map(async (client) => client.dispose()));
  await gw.stop();
});

function data(response: {
  data?: Record<string, any> | null;
  errors?: unknown;
}): Record<string, any> {
  if (response.errors || !response.data) throw new Error(JSON.stringify(response.errors));
  return response.data;
}

/** A live round table in a tenant, through the gateway: ids of the round table, item and speaker. */
async function liveRoundtable(tenant: string, title: string) {
  const person = data(
    await gw.gql(
      `mutation { registerPerson(input: { fullName: "Волостнов Алексей" }) { id } }`,
      {},
      'secretary',
      tenant,
    ),
  ).registerPerson.id as string;
  // The round table may name the moderator once the roundtables service learnt of them.
  await gw.directoriesKnow([{ kind: 'PERSON', id: person }], tenant);
  const conference = data(
    await gw.gql(
      `mutation { scheduleConference(input: { title: "ПромЭнергоVolga2022", kind: FORUM, startsOn: "2022-11-23", endsOn: "2022-11-24", city: "Волгоград", published: true }) { id version } }`,
      {},
      'secretary',
      tenant,
    ),
  ).scheduleConference;
  data(
    await gw.gql(
      `mutation($id: ID!) { openConference(id: $id, expectedVersion: 1) { id } }`,
      { id: conference.id },
      'secretary',
      tenant,
    ),
  );
  let rt = data(
    await gw.gql(
      `mutation($c: ID!, $p: ID!, $t: String!) { scheduleRoundtable(input: { conferenceId: $c, title: $t, format: PANEL_DISCUSSION, startsAt: "2022-11-24T08:00:00Z", moderator: { kind: PERSON, id: $p }, published: true }) { id version } }`,
      { c: conference.id, p: person, t: title },
      'secretary',
      tenant,
    ),
  ).scheduleRoundtable;
  rt = data(
    await gw.gql(
      `mutation($id: ID!, $v: Int!) { setAgenda(roundtableId: $id, expectedVersion: $v, items: [{ title: "Кластерный подход" }]) { id version agenda { id } } }`,
      { id: rt.id, v: rt.version },
      'secretary',
      tenant,
    ),
  ).setAgenda;
  const itemId = rt.agenda[0].id as string;
  rt = data(
    await gw.gql(
      `mutation($id: ID!, $v: Int!) { startRoundtable(id: $id, expectedVersion: $v) { id version } }`,
      { id: rt.id, v: rt.version },
      'secretary',
      tenant,
    ),
  ).startRoundtable;
  rt = data(
    await gw.gql(
      `mutation($id: ID!, $v: Int!, $i: ID!) { openAgendaItem(roundtableId: $id, expectedVersion: $v, agendaItemId: $i) { id version } }`,
      { id: rt.id, v: rt.version, i: itemId },
      'secretary',
      tenant,
    ),
  ).openAgendaItem;
  return { id: rt.id as string, itemId, speaker: person };
}

const WATCH = `subscription($id: ID!) {
  roundtableLive(roundtableId: $id) { cursor type text statementId roundtable { id title status } }
}`;

async function watch(role: 'member' | 'partner' | 'admin', tenant: string, id: string) {
  const client = wsClient(gw.gateway.wsUrl, await gw.token(role, tenant));
  clients.push(client);
  return collectSubscription(client, WATCH, { id });
}

describe('roundtableLive', () => {
  it('should push every statement of a live round table, with the round table resolved, to its tenant only', async () => {
    const mine = await liveRoundtable(TENANT, 'Панельная дискуссия Сбера');
    const theirs = await liveRoundtable(OTHER, 'Чужая дискуссия');

    const watcher = await watch('member', TENANT, mine.id);
    const neighbour = await watch('admin', OTHER, theirs.id);
    const intruder = await watch('admin', OTHER, mine.id);
    const partner = await watch('partner', TENANT, mine.id);

    // A refused subscription ends with its errors; the allowed ones are set up by then too.
    const refusal = (watcher: { received: unknown[] }) => JSON.stringify(watcher.received);
    await expectEventually(() => {
      expect(refusal(intruder)).toMatch(/FORBIDDEN/);
      expect(refusal(partner)).toMatch(/FORBIDDEN/);
    });

    const statements = Array.from({ length: 200 }, (_, i) => ({
      speaker: { kind: 'PERSON', id: mine.speaker },
      agendaItemId: mine.itemId,
      text: `Реплика ${i + 1}`,
    }));
    for (let i = 0; i < statements.length; i += 50) {
      data(
        await gw.gql(
          `mutation($id: ID!, $s: [RecordStatementInput!]!) { recordStatements(roundtableId: $id, statements: $s) { id } }`,
          { id: mine.id, s: statements.slice(i, i + 50) },
        ),
      );
    }

    const events = await expectEventually(
      () => {
        const recorded = watcher
          .payloads('roundtableLive')
          .filter((e) => e.type === 'STATEMENT_RECORDED');
        expect(recorded).toHaveLength(200);
        return recorded;
      },
      { timeoutMs: 30_000 },
    );
    expect(events.map((e) => e.text)).toEqual(statements.map((s) => s.text));
    expect(events[0]).toMatchObject({
      roundtable: { id: mine.id, title: 'Панельная дискуссия Сбера', status: 'LIVE' },
    });
    expect(new Set(events.map((e) => e.cursor)).size).toBe(200);

    // Nobody outside the tenant heard any of it. The neighbour may hear its own round table: the
    // opening of its agenda item reaches the gateway through Kafka, possibly after it subscribed.
    expect(neighbour.received.filter((r) => r.errors)).toEqual([]);
    expect(
      neighbour.payloads('roundtableLive').filter((e) => e.roundtable?.id !== theirs.id),
    ).toEqual([]);
    expect(refusal(neighbour)).not.toContain('Реплика');
    expect(intruder.received).toHaveLength(1);
    expect(intruder.received[0]).toMatchObject({ errors: [{ extensions: { code: 'FORBIDDEN' } }] });
    expect(refusal(intruder)).not.toContain('Реплика');
    // Partners see concluded round tables only, so they may not watch a live one.
    expect(partner.received).toHaveLength(1);
    expect(refusal(partner)).not.toContain('Реплика');
  });

  it('should resolve the round table once per read view for a thousand subscribers of mixed roles and tenants, and leak nothing', async () => {
    const mine = await liveRoundtable(TENANT, 'Тысяча наблюдателей');
    const theirs = await liveRoundtable(OTHER, 'Чужая тысяча');
    // 900 staff of three roles on our round table, 90 members of another association on theirs,
    // 10 of its admins trying ours. Every subscriber has a token of its own (its own subject), so
    // no two subgraph requests are alike unless the gateway shares them.
    const roles = ['admin', 'secretary', 'member'] as const;
    const subscribe = async (role: Role, tenant: string, id: string, index: number) => {
      const client = wsClient(
        gw.gateway.wsUrl,
        await gw.token(role, tenant, undefined, `watcher-${tenant}-${index}`),
      );
      clients.push(client);
      return collectSubscription(client, WATCH, { id });
    };
    const ours: CollectedSubscription<unknown>[] = [];
    const others: CollectedSubscription<unknown>[] = [];
    const intruders: CollectedSubscription<unknown>[] = [];
    for (let i = 0; i < 1000; i += 1) {
      if (i < 900) ours.push(await subscribe(roles[i % 3]!, TENANT, mine.id, i));
      else if (i < 990) others.push(await subscribe('member', OTHER, theirs.id, i));
      else intruders.push(await subscribe('admin', OTHER, mine.id, i));
    }
    const record = (
      rt: { id: string; itemId: string; speaker: string },
      text: string,
      tenant: string,
    ) =>
      gw
        .gql(
          `mutation($id: ID!, $s: [RecordStatementInput!]!) { recordStatements(roundtableId: $id, statements: $s) { id } }`,
          {
            id: rt.id,
            s: [{ speaker: { kind: 'PERSON', id: rt.speaker }, agendaItemId: rt.itemId, text }],
          },
          'secretary',
          tenant,
        )
        .then(data);
    const texts = (watcher: CollectedSubscription<unknown>) =>
      watcher.payloads('roundtableLive').map((event) => event.text as string);

    // Subscriptions are set up when each has heard a first statement.
    let warmUps = 0;
    await expectEventually(
      async () => {
        warmUps += 1;
        await record(mine, `Разминка ${warmUps}`, TENANT);
        await record(theirs, `Разминка ${warmUps}`, OTHER);
        await new Promise((resolve) => setTimeout(resolve, 500));
        for (const watcher of [...ours, ...others])
          expect(texts(watcher).length).toBeGreaterThan(0);
      },
      { timeoutMs: 120_000 },
    );
    const before = gw.calls();
    for (let i = 1; i <= 5; i += 1) await record(mine, `Наша реплика ${i}`, TENANT);
    for (let i = 1; i <= 2; i += 1) await record(theirs, `Их реплика ${i}`, OTHER);
    const said = (prefix: string, watcher: CollectedSubscription<unknown>) =>
      texts(watcher).filter((text) => text.startsWith(prefix));
    await expectEventually(
      () => {
        for (const watcher of ours) expect(said('Наша', watcher)).toHaveLength(5);
        for (const watcher of others) expect(said('Их', watcher)).toHaveLength(2);
      },
      { timeoutMs: 120_000 },
    );
    const delta = gw.calls().roundtables! - before.roundtables!;

    // Each statement: one mutation, plus one round-table read per read view that watches it —
    // three (admin, secretary, member) for ours, one for theirs; not one per subscriber (4,680).
    expect(delta).toBeLessThanOrEqual(7 + 5 * 3 + 2 * 1);
    for (const watcher of ours) {
      const events = watcher
        .payloads('roundtableLive')
        .filter((event) => event.type === 'STATEMENT_RECORDED');
      expect(said('Наша', watcher)).toEqual([1, 2, 3, 4, 5].map((i) => `Наша реплика ${i}`));
      expect(new Set(events.map((event) => event.cursor)).size).toBe(events.length);
      expect(events.every((event) => event.roundtable.title === 'Тысяча наблюдателей')).toBe(true);
      expect(texts(watcher).some((text) => text.startsWith('Их'))).toBe(false);
    }
    for (const watcher of others) {
      expect(said('Их', watcher)).toEqual(['Их реплика 1', 'Их реплика 2']);
      expect(texts(watcher).some((text) => text.startsWith('Наша'))).toBe(false);
      expect(
        watcher
          .payloads('roundtableLive')
          .every((event) => event.roundtable.title === 'Чужая тысяча'),
      ).toBe(true);
    }
    for (const watcher of intruders) {
      expect(watcher.received).toHaveLength(1);
      expect(watcher.received[0]).toMatchObject({
        errors: [{ extensions: { code: 'FORBIDDEN' } }],
      });
    }
    for (const watcher of [...ours, ...others, ...intruders]) watcher.dispose();
  }, 300_000);

  it('should close a graphql-ws client that does not keep up with 1013, and keep serving the others', async () => {
    const rt = await liveRoundtable(TENANT, 'Медленный читатель');
    const replica = await gw.replica({ MAX_SOCKET_BUFFER_BYTES: String(64 * 1024) });
    const keepingUp = collectSubscription(
      wsClient(replica.wsUrl, await gw.token('member')),
      WATCH,
      { id: rt.id },
    );
    // A client that subscribes, then stops reading: what the gateway sends it piles up.
    const slow = new WebSocket(replica.wsUrl, 'graphql-transport-ws');
    const closed = new Promise<{ code: number; reason: string }>((resolve) =>
      slow.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    );
    let nexts = 0;
    slow.on('message', (raw: Buffer) => {
      const message = JSON.parse(raw.toString()) as { type: string };
      // 25 subscriptions to the same round table: 25 copies of every statement to send.
      if (message.type === 'connection_ack') {
        for (let id = 1; id <= 25; id += 1) {
          slow.send(
            JSON.stringify({
              id: String(id),
              type: 'subscribe',
              payload: { query: WATCH, variables: { id: rt.id } },
            }),
          );
        }
      }
      if (message.type === 'next') nexts += 1;
    });
    const token = await gw.token('member', TENANT, undefined, 'slow-reader');
    await new Promise((resolve) => slow.once('open', resolve));
    slow.send(
      JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }),
    );

    // Both subscribed: each has heard a first statement.
    const say = (texts: string[]) =>
      gw
        .gql(
          `mutation($id: ID!, $s: [RecordStatementInput!]!) { recordStatements(roundtableId: $id, statements: $s) { id } }`,
          {
            id: rt.id,
            s: texts.map((text) => ({
              speaker: { kind: 'PERSON', id: rt.speaker },
              agendaItemId: rt.itemId,
              text,
            })),
          },
        )
        .then(data);
    await expectEventually(async () => {
      await say(['Проверка связи']);
      expect(nexts).toBeGreaterThan(0);
      expect(keepingUp.payloads('roundtableLive').length).toBeGreaterThan(0);
    });
    slow.pause();
    // 150 statements of about 30 KB each, 25 times over: 110 MB, far more than the kernel's socket
    // buffers hold (here up to 32 MB received and 4 MB sent).
    const long = (i: number) => `${i} ${'Кластерная политика '.repeat(750)}`;
    for (let i = 0; i < 150; i += 6) await say(Array.from({ length: 6 }, (_, k) => long(i + k)));
    await expectEventually(
      () =>
        expect(
          keepingUp.payloads('roundtableLive').filter((event) => event.text.length > 1000),
        ).toHaveLength(150),
      { timeoutMs: 60_000 },
    );

    slow.resume();
    expect(await closed).toEqual({
      code: 1013,
      reason: `too slow: more than ${64 * 1024} bytes waiting to be sent`,
    });
    expect(nexts).toBeLessThan(25 * 150);
    keepingUp.dispose();
  }, 120_000);

  it('should stream the same events over SSE', async () => {
    const rt = await liveRoundtable(TENANT, 'Для SSE');
    const sse = await sseSubscription(
      gw.gateway.url,
      WATCH,
      { id: rt.id },
      await gw.token('member'),
    );
    expect(sse.contentType).toMatch(/text\/event-stream/);
    // The stream is open once the server answered with headers; now speak.
    await expectEventually(
      async () => {
        data(
          await gw.gql(
            `mutation($id: ID!, $s: RecordStatementInput!) { recordStatement(roundtableId: $id, input: $s) { id } }`,
            {
              id: rt.id,
              s: {
                speaker: { kind: 'PERSON', id: rt.speaker },
                agendaItemId: rt.itemId,
                text: 'Через SSE',
              },
            },
          ),
        );
        expect(sse.payloads('roundtableLive').map((event) => event.text)).toContain('Через SSE');
      },
      { timeoutMs: 15_000, intervalMs: 1000 },
    );
    expect(sse.text()).toMatch(/event: next/);
    await sse.stop();
  });
});

describe('an addressee token that names no organisation', () => {
  const WATCH_REQUEST = `subscription($id: ID!) { requestChanged(id: $id) { type request { id } } }`;

  /** A request sent to a new organisation of the tenant: what such a token would have seen. */
  async function sentRequest() {
    const organization = data(
      await gw.gql(
        `mutation { registerOrganization(input: { name: "Комитет Госдумы по промышленности", kind: PARLIAMENTARY_COMMITTEE, region: "RU-MOW", published: true }) { id } }`,
      ),
    ).registerOrganization.id as string;
    // The requests service learns of the organisation from members' events.
    const drafted = await expectEventually(
      async () =>
        data(
          await gw.gql(
            `mutation($input: DraftRequestInput!) { draftRequest(input: $input) { id version } }`,
            {
              input: {
                addresseeId: organization,
                kind: 'APPEAL',
                subject: 'О мерах поддержки промышленных кластеров',
                body: 'Ассоциация просит рассмотреть меры поддержки промышленных кластеров.',
              },
            },
          ),
        ).draftRequest,
    );
    data(
      await gw.gql(
        `mutation($id: ID!, $v: Int!) { submitRequest(id: $id, expectedVersion: $v) { id } }`,
        { id: drafted.id, v: drafted.version },
      ),
    );
    return { organization, id: drafted.id as string };
  }

  it('should be refused over HTTP, SSE and graphql-ws before the requests subgraph hears of it', async () => {
    const request = await sentRequest();
    // The addressee's own user, whose token names it, does see the request.
    const seen = await gw.gql(
      `query($id: ID!) { request(id: $id) { id } }`,
      { id: request.id },
      'addressee',
      TENANT,
      request.organization,
    );
    expect(data(seen).request).toEqual({ id: request.id });

    const noOrg = await gw.auth.token({ tenant: TENANT, roles: ['addressee'] });
    const before = gw.calls().requests;
    const post = (body: object, accept: string) =>
      fetch(gw.gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept, authorization: `Bearer ${noOrg}` },
        body: JSON.stringify(body),
      });
    const overHttp = await post(
      {
        query: `query($id: ID!) { request(id: $id) { id } requests(first: 100) { nodes { id } } }`,
        variables: { id: request.id },
      },
      'application/json',
    );
    expect(overHttp.status).toBe(401);
    expect(await overHttp.json()).toMatchObject({
      errors: [{ extensions: { code: 'UNAUTHENTICATED' } }],
    });
    const overSse = await post(
      { query: WATCH_REQUEST, variables: { id: request.id } },
      'text/event-stream',
    );
    expect({ status: overSse.status, body: await overSse.text() }).toEqual({
      status: 401,
      body: expect.stringContaining('UNAUTHENTICATED') as string,
    });
    const client = wsClient(gw.gateway.wsUrl, noOrg);
    clients.push(client);
    const watcher = collectSubscription(client, WATCH_REQUEST, { id: request.id });
    await expectEventually(() =>
      expect(watcher.errors).toEqual([expect.objectContaining({ code: 4401 })]),
    );
    expect(watcher.received).toEqual([]);
    expect(gw.calls().requests).toBe(before);
  });
});

describe('resuming a stream after a cursor', () => {
  const FOLLOW = `subscription($id: ID!, $after: String) {
    roundtableLive(roundtableId: $id, after: $after) { cursor eventId type text roundtable { title } }
  }`;
  const AFTER = `query($id: ID!, $after: String, $first: Int) {
    roundtableLiveAfter(roundtableId: $id, after: $after, first: $first) {
      nodes { cursor eventId type text roundtable { title } } endCursor hasNextPage
    }
  }`;

  /** Records statements through `url` (a gateway, or the roundtables subgraph with `headers`). */
  async function say(
    rt: { id: string; itemId: string; speaker: string },
    texts: string[],
    url = gw.gateway.url,
    headers: Record<string, string> = {},
  ) {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await gw.token('secretary')}`,
        ...headers,
      },
      body: JSON.stringify({
        query: `mutation($id: ID!, $s: [RecordStatementInput!]!) { recordStatements(roundtableId: $id, statements: $s) { id } }`,
        variables: {
          id: rt.id,
          s: texts.map((text) => ({
            speaker: { kind: 'PERSON', id: rt.speaker },
            agendaItemId: rt.itemId,
            text,
          })),
        },
      }),
    });
    data((await response.json()) as { data?: Record<string, any> | null; errors?: unknown });
  }

  /** Subscribes through `wsUrl`; resolves once the stream is known to be live (it heard a probe). */
  async function follow(
    wsUrl: string,
    rt: { id: string; itemId: string; speaker: string },
    after?: string,
  ) {
    const client = wsClient(wsUrl, await gw.token('member'));
    clients.push(client);
    const watcher = collectSubscription(client, FOLLOW, { id: rt.id, after });
    const statements = () =>
      watcher
        .payloads('roundtableLive')
        .filter((event) => event.type === 'STATEMENT_RECORDED')
        .map((event) => event as Record<string, any>);
    return { watcher, client, statements, texts: () => statements().map((event) => event.text) };
  }

  it('should give a client that reconnects to another gateway every missed statement once, in order, then the live ones — the same as the catch-up query', async () => {
    const rt = await liveRoundtable(TENANT, 'Возобновление');
    const replica = await gw.replica();
    const first = await follow(gw.gateway.wsUrl, rt);
    await expectEventually(async () => {
      await say(rt, ['Проверка']);
      expect(first.texts().length).toBeGreaterThan(0);
    });
    await say(rt, ['До 1', 'До 2']);
    await expectEventually(() => expect(first.texts().slice(-2)).toEqual(['До 1', 'До 2']));
    const cursor = first.statements().at(-1)!.cursor as string;
    first.watcher.dispose();
    await first.client.dispose();

    const missed = ['Без него 1', 'Без него 2', 'Без него 3', 'Без него 4', 'Без него 5'];
    await say(rt, missed);
    const back = await follow(replica.wsUrl, rt, cursor);
    await expectEventually(() => expect(back.texts()).toEqual(missed), { timeoutMs: 20_000 });
    await say(rt, ['После']);
    await expectEventually(() => expect(back.texts()).toEqual([...missed, 'После']));
    // Nothing comes twice, and every event names the round table.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(back.texts()).toEqual([...missed, 'После']);
    expect(back.statements().every((event) => event.roundtable.title === 'Возобновление')).toBe(
      true,
    );

    // The catch-up query from the same cursor: the same entries with the same cursors.
    const page = data(
      await gw.gql(AFTER, { id: rt.id, after: cursor, first: 100 }, 'member'),
    ).roundtableLiveAfter;
    const stream = back.statements().map((event) => [event.cursor, event.eventId, event.text]);
    expect(page.nodes.map((node: any) => [node.cursor, node.eventId, node.text])).toEqual(stream);
    expect(page).toMatchObject({ endCursor: stream.at(-1)![0], hasNextPage: false });
    // Paged two at a time it is the same list.
    const paged: unknown[] = [];
    for (let after: string = cursor, more = true; more;) {
      const next = data(
        await gw.gql(AFTER, { id: rt.id, after, first: 2 }, 'member'),
      ).roundtableLiveAfter;
      paged.push(...next.nodes.map((node: any) => [node.cursor, node.eventId, node.text]));
      after = next.endCursor;
      more = next.hasNextPage;
    }
    expect(paged).toEqual(stream);
  });

  it('should refuse a cursor no stream gave and a page size out of range, as bad input', async () => {
    const rt = await liveRoundtable(TENANT, 'Плохой курсор');
    for (const [after, first] of [
      ['not-a-cursor', 10],
      [`k1.${Buffer.from('{"a":1}').toString('base64url')}`, 10],
      [undefined, 0],
      [undefined, 501],
    ] as const) {
      const answer = await gw.gql(AFTER, { id: rt.id, after, first }, 'member');
      expect(answer.errors).toEqual([
        expect.objectContaining({
          extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
        }),
      ]);
    }
    const watcher = collectSubscription(
      wsClient(gw.gateway.wsUrl, await gw.token('member')),
      FOLLOW,
      { id: rt.id, after: 'not-a-cursor' },
    );
    await expectEventually(() =>
      expect(JSON.stringify([watcher.received, watcher.errors])).toMatch(/BAD_USER_INPUT/),
    );
  });

  it('should refuse the catch-up of a round table the caller may not watch', async () => {
    const theirs = await liveRoundtable(OTHER, 'Чужая история');
    const answer = await gw.gql(AFTER, { id: theirs.id }, 'admin', TENANT);
    expect(answer.errors).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN' }) }),
    ]);
  });

  // Last in the file: it stops the harness's gateway.
  it('should resume after every gateway was down, from the history written when one came back', async () => {
    const rt = await liveRoundtable(TENANT, 'После простоя');
    const before = await follow(gw.gateway.wsUrl, rt);
    await expectEventually(async () => {
      await say(rt, ['Проверка']);
      expect(before.texts().length).toBeGreaterThan(0);
    });
    await say(rt, ['Перед остановкой']);
    await expectEventually(() => expect(before.texts().at(-1)).toBe('Перед остановкой'));
    const cursor = before.statements().at(-1)!.cursor as string;
    before.watcher.dispose();
    await before.client.dispose();
    await gw.gateway.stop();

    // No gateway runs: the statements go straight to the roundtables subgraph.
    const whileDown = ['Без шлюза 1', 'Без шлюза 2', 'Без шлюза 3'];
    await say(rt, whileDown, gw.roundtables.url, gw.asGateway);
    const restarted = await gw.replica();
    const back = await follow(restarted.wsUrl, rt, cursor);
    await expectEventually(() => expect(back.texts()).toEqual(whileDown), { timeoutMs: 30_000 });
  });
});
