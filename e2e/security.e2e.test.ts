import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ROLES } from '@kollegia/service-kit';
import fc from 'fast-check';
import { buildSchema, type GraphQLSchema } from 'graphql';

import { Client, codeOf, inPool, type Reply, type Socket } from './security/client';
import { entityTypes } from './security/entities';
import { OperationFuzzer } from './security/fuzzer';
import { Ledger, type Section } from './security/ledger';
import {
  callerPerson,
  callerSubject,
  COLUMNS,
  EXPECTED_ALLOWED,
  MUTATION_CASES,
  type Column,
  type Directory,
  type MutationCase,
  type Target,
} from './security/mutation-table';
import { idProbes, listProbes, servedSchema } from './security/schema-probes';
import { TokenForge, type Caller } from './security/tokens';
import { today, Workspace, type Ref } from './security/workspace';
import { SUBGRAPHS, System } from './system';
import { gatewayConfigSchema } from '../services/gateway/src/config';

/**
 * The security tier: the system as processes, set up as in production (NODE_ENV=production, a
 * gateway credential the subgraphs demand), attacked from outside — bad tokens on every channel,
 * one tenant reaching for another's data, every role against every mutation, document and
 * transport bombs, oversized inputs, and a fuzzer over the public schema. It counts what it
 * tried and what got through, prints one table, and writes the counts (and the role table) to
 * `$TMPDIR/kollegia-security-tier.json`. Every answer, setup included, is looked at for status
 * 5xx, stack traces and paths, and tenant A's data in anyone else's. docs/security.md says more.
 */
const GATEWAY_SECRET = randomBytes(24).toString('hex');
const PRODUCTION = { NODE_ENV: 'production', GATEWAY_SECRET };
const TENANT_A = 'sec-alpha';
const TENANT_B = 'sec-beta';
const nonce = randomBytes(3).toString('hex');
/** What every text of tenant A carries (lower case, so e-mail addresses carry it too). */
const MARKER_A = `alpha${nonce}`;
const MARKER_B = `beta${nonce}`;
/** Requests at once in the targeted sections (the fuzzer sends twelve). */
const CONCURRENCY = 6;
const FUZZ_OPERATIONS = Number(process.env.SECURITY_FUZZ_OPERATIONS ?? 10_000);
const FUZZ_SUBSCRIPTIONS = 500;
const FUZZ_SEED = Number(process.env.SECURITY_FUZZ_SEED ?? Date.now() % 2 ** 31);
/** Where the counts are written (docs/security.md quotes them). */
const REPORT = process.env.SECURITY_REPORT ?? join(tmpdir(), 'kollegia-security-tier.json');
const MB = 1024 * 1024;
/** The gateway's defaults, which the system runs with. */
const MAX_SUBSCRIPTIONS = gatewayConfigSchema.shape.MAX_SUBSCRIPTIONS_PER_SOCKET.parse(undefined);
const RATE_LIMIT = gatewayConfigSchema.shape.RATE_LIMIT_REQUESTS.parse(undefined);

let system: System;
let forge: TokenForge;
let client: Client;
const ledger = new Ledger();
let schema: GraphQLSchema;
let a: Workspace;
let b: Workspace;
let dirA: Directory;
let dirB: Directory;
/** Every id of tenant A, by the root field that reads it. */
const idsOfA = new Map<string, string[]>();
const sockets: Socket[] = [];

const bearer = (caller: Caller) => forge.bearer(caller);

const errorsOf = (json: any): { message: string; extensions?: Record<string, unknown> }[] =>
  json?.errors ?? [];

/** Runs a section's work, timing it for the summary. */
async function section(name: Section, work: () => Promise<void>): Promise<void> {
  const started = Date.now();
  try {
    await work();
  } finally {
    ledger.timed(name, Date.now() - started);
  }
}

/** What a refusal must look like on the gateway's HTTP: 4xx and a code, no data. */
function refusedOverHttp(reply: Reply, status?: number): string | undefined {
  const problems: string[] = [];
  if (reply.status < 400 || reply.status >= 500) problems.push(`status ${reply.status}`);
  if (status !== undefined && reply.status !== status)
    problems.push(`status ${reply.status}, not ${status}`);
  if (reply.json?.data) problems.push('data in the answer');
  if (!codeOf(reply.json)) problems.push('no code');
  return problems.length ? `${problems.join(', ')}: ${reply.text.slice(0, 200)}` : undefined;
}

const dirFor = async (ws: Workspace): Promise<Directory> => {
  const addressee = await ws.organization({ kind: 'MINISTRY' });
  const other = await ws.organization({ kind: 'AGENCY' });
  const people: Ref[] = [];
  for (let i = 0; i < COLUMNS.length + 2; i++) people.push(await ws.person(addressee.id));
  return { addressee, other, people, community: await ws.community() };
};

beforeAll(async () => {
  system = await System.start('security', {
    env: Object.fromEntries([...SUBGRAPHS, 'gateway'].map((name) => [name, PRODUCTION])),
  });
  forge = new TokenForge(system.signing());
  client = new Client(ledger, system.gatewayUrl);
  a = new Workspace(client, forge, TENANT_A, MARKER_A);
  b = new Workspace(client, forge, TENANT_B, MARKER_B);
  schema = await servedSchema(client, bearer({ tenant: TENANT_A, role: 'admin' }));
  [dirA, dirB] = await Promise.all([dirFor(a), dirFor(b)]);
}, 240_000);

afterAll(async () => {
  for (const socket of sockets) socket.close();
  const crashed = system
    ? system
        .running()
        .filter((p) => !p.alive)
        .map((p) => p.name)
    : [];
  process.stdout.write(`\nSecurity tier (fuzz seed ${FUZZ_SEED})\n${ledger.table(crashed)}\n`);
  // What a crashed process wrote last: the one clue a CI log keeps of why it died.
  for (const name of crashed)
    process.stdout.write(
      `\n${name} died; its last lines:\n${system.logs(name).slice(-40).join('\n')}\n`,
    );
  ledger.write(REPORT, crashed);
  await system?.stop();
});

describe('bad tokens on every channel', () => {
  const QUERY = '{ organizations(first: 1) { totalCount } }';

  it('should refuse every kind of bad token over HTTP POST, GET, SSE, graphql-ws and at each subgraph, and take a good one on each', async () => {
    await section('bad tokens', async () => {
      const cases = [
        ...forge.badTokens(TENANT_A).map((bad) => ({ ...bad, good: false })),
        {
          kind: 'control: a valid token',
          authorization: bearer({ tenant: TENANT_A, role: 'member' }),
          good: true,
        },
      ];
      await inPool(cases, CONCURRENCY, async ({ kind, authorization, good }) => {
        // `accepted`: the channel answered as to a signed-in caller; `refusal`: why the answer
        // is not the refusal it must be (undefined when it is one).
        const judge = (channel: string, accepted: boolean, refusal: string | undefined) =>
          ledger.tried(
            'bad tokens',
            good
              ? accepted
                ? {}
                : { through: `the valid token was refused over ${channel}` }
              : refusal
                ? { through: `${kind} over ${channel}: ${refusal}` }
                : {},
          );
        const post = await client.post(
          `POST ${kind}`,
          client.gatewayUrl,
          { query: QUERY },
          authorization,
        );
        judge('POST', !!post.json?.data?.organizations, refusedOverHttp(post, 401));
        const get = await client.get(`GET ${kind}`, QUERY, {}, authorization);
        judge('GET', !!get.json?.data?.organizations, refusedOverHttp(get, 401));
        const sse = await client.sse(`SSE ${kind}`, { query: QUERY }, authorization);
        judge(
          'SSE',
          /"organizations"/.test(sse.event),
          sse.status === 401 && /UNAUTHENTICATED/.test(sse.event)
            ? undefined
            : `status ${sse.status}: ${sse.event.slice(0, 200)}`,
        );
        const ws = await client.socket(
          `ws ${kind}`,
          authorization === undefined ? {} : { authorization },
        );
        sockets.push(ws);
        const acked = await ws.acknowledged();
        judge(
          'graphql-ws',
          acked,
          !acked && ws.closed?.code === 4401
            ? undefined
            : `acknowledged ${acked}, closed ${JSON.stringify(ws.closed)}`,
        );
        ws.close();
        for (const subgraph of SUBGRAPHS) {
          // With the gateway's credential, as if the caller were past it: a bad token is refused
          // for the whole request; without one, every field that needs a caller is.
          const direct = await client.post(
            `${subgraph} ${kind}`,
            system.url(subgraph),
            { query: subgraphReadOf(subgraph) },
            authorization,
            {
              headers: { 'x-kollegia-gateway': GATEWAY_SECRET },
            },
          );
          const anonymous = authorization === undefined || !/^Bearer \S+$/.test(authorization);
          const refusal = anonymous
            ? codeOf(direct.json) === 'UNAUTHENTICATED' && !hasData(direct.json)
              ? undefined
              : `${direct.status}: ${direct.text.slice(0, 200)}`
            : refusedOverHttp(direct, 401);
          judge(`the ${subgraph} subgraph`, direct.status === 200 && hasData(direct.json), refusal);
        }
      });
      // Past the gateway's credential nothing is answered, whatever the token.
      for (const subgraph of SUBGRAPHS) {
        for (const query of [
          '{ __typename }',
          '{ _service { sdl } }',
          '{ __schema { types { name } } }',
        ]) {
          const reply = await client.post(
            `${subgraph} without the gateway's credential`,
            system.url(subgraph),
            { query },
            bearer({ tenant: TENANT_A, role: 'admin' }),
          );
          ledger.tried('bad tokens', {
            through:
              reply.status === 403 && codeOf(reply.json) === 'FORBIDDEN'
                ? undefined
                : `${subgraph} answered ${query} without the gateway's credential: ${reply.status}`,
          });
        }
      }
    });
    expect(ledger.tally('bad tokens').through).toEqual([]);
  });
});

/** A field of the subgraph that needs a caller. */
function subgraphReadOf(subgraph: string): string {
  return {
    members: '{ organizations(first: 1) { totalCount } }',
    roundtables: '{ conferences(first: 1) { totalCount } }',
    recommendations: '{ recommendations(first: 1) { totalCount } }',
    requests: '{ requests(first: 1) { totalCount } }',
  }[subgraph]!;
}

function hasData(json: any): boolean {
  const data = json?.data;
  return !!data && Object.values(data as Record<string, unknown>).some((value) => value !== null);
}

describe('tenant isolation', () => {
  beforeAll(async () => {
    // Tenant A: a directory, a conference with a concluded and a live round table, addressed
    // recommendations and requests in several states, all through the API.
    const [x, y] = [dirA.addressee.id, dirA.other.id];
    const hidden = await a.organization({ published: false });
    await a.membership(dirA.community.id, x);
    const conference = await a.conference('OPEN', [x]);
    await a.roundtable({
      moderator: dirA.people[0]!.id,
      status: 'CONCLUDED',
      conferenceId: conference.id,
      participants: [dirA.people[1]!.id],
      addresseeIds: [x, hidden.id],
    });
    await a.roundtable({
      moderator: dirA.people[0]!.id,
      status: 'LIVE',
      conferenceId: conference.id,
      addresseeIds: [y],
    });
    await a.recommendation({ addresseeIds: [x, y], status: 'ADOPTED' });
    await a.recommendation({ addresseeIds: [x] });
    await a.request({ addresseeId: x, status: 'REGISTERED' });
    await a.request({ addresseeId: x, status: 'SUBMITTED' });
    await a.request({ addresseeId: y });
    await harvestA();
    // Tenant B's own data, so that its answers are not all empty.
    await b.conference('OPEN', [dirB.addressee.id]);
    await b.recommendation({ addresseeIds: [dirB.addressee.id], status: 'PROPOSED' });
    await b.request({ addresseeId: dirB.addressee.id, status: 'SUBMITTED' });
  }, 180_000);

  it("should show tenant B nothing of tenant A through any root field that takes an id, any filter, or an addressee token naming A's organisations", async () => {
    await section('cross-tenant reads', async () => {
      const ids = [...new Set([...idsOfA.values()].flat())];
      const probes = idProbes(schema);
      // Several users of B, so that B's rate limit per user is not what refuses them.
      const asB = (i: number) =>
        bearer({ tenant: TENANT_B, role: 'admin', sub: `cross-tenant-${i % 8}` });
      const attempts = probes.flatMap((probe) => ids.map((id) => ({ probe, id })));
      await inPool(attempts, CONCURRENCY, async ({ probe, id }, i) => {
        const before = ledger.leaks.length;
        await client.post(
          `B ${probe.label}`,
          client.gatewayUrl,
          { query: probe.query, variables: { id } },
          asB(i),
          { tenant: TENANT_B },
        );
        ledger.tried(
          'cross-tenant reads',
          ledger.leaks.length > before ? { through: `${probe.label} with ${id}` } : {},
        );
      });
      // An addressee token of tenant B that names an organisation of tenant A, and B's partner.
      const lists = listProbes(schema);
      const callers: Caller[] = [
        ...(idsOfA.get('organization') ?? []).map((org): Caller => ({
          tenant: TENANT_B,
          role: 'addressee',
          org,
        })),
        { tenant: TENANT_B, role: 'partner' },
      ];
      await inPool(
        callers.flatMap((caller) => lists.map((probe) => ({ caller, probe }))),
        CONCURRENCY,
        async ({ caller, probe }) => {
          const before = ledger.leaks.length;
          await client.post(
            `B ${caller.role} ${probe.label}`,
            client.gatewayUrl,
            { query: probe.query },
            bearer(caller),
            { tenant: TENANT_B },
          );
          ledger.tried(
            'cross-tenant reads',
            ledger.leaks.length > before
              ? { through: `${caller.role} (org ${caller.org}) ${probe.label}` }
              : {},
          );
        },
      );
      // `_entities` straight at each subgraph (with the gateway's credential): every id of A
      // as every entity type the subgraph resolves.
      for (const subgraph of SUBGRAPHS) {
        await inPool(entityTypes(subgraph), 2, async ({ typename, selection }) => {
          const representations = ids.map((id) => ({ __typename: typename, id }));
          const reply = await client.post(
            `B _entities ${subgraph} ${typename}`,
            system.url(subgraph),
            {
              query: `query($r: [_Any!]!) { _entities(representations: $r) { __typename ${selection} } }`,
              variables: { r: representations },
            },
            asB(0),
            { tenant: TENANT_B, headers: { 'x-kollegia-gateway': GATEWAY_SECRET } },
          );
          const entities: unknown[] = reply.json?.data?._entities ?? [];
          representations.forEach((representation, i) => {
            const shown = JSON.stringify(entities[i] ?? null);
            ledger.tried(
              'cross-tenant reads',
              shown.includes(MARKER_A)
                ? {
                    through: `_entities ${subgraph} ${typename} ${representation.id}: ${shown.slice(0, 200)}`,
                  }
                : {},
            );
          });
        });
      }
    });
    expect(ledger.tally('cross-tenant reads').tried).toBeGreaterThanOrEqual(500);
    expect(ledger.tally('cross-tenant reads').through).toEqual([]);
    expect(ledger.leaks).toEqual([]);
  });

  it("should refuse tenant B every mutation on tenant A's data, and every reference to it, changing nothing of A", async () => {
    await section('cross-tenant writes', async () => {
      const asB = bearer({ tenant: TENANT_B, role: 'admin', sub: 'cross-tenant-writer' });
      await inPool(MUTATION_CASES, CONCURRENCY, async (mutationCase) => {
        // A target in A in the state the mutation needs: it would succeed for A's own admin.
        const target = await mutationCase.target(a, dirA);
        const before = target.watch ? await a.version(...target.watch) : undefined;
        const call = mutationCase.call(target, before ?? 1, 0, b);
        const reply = await client.post(
          `B ${mutationCase.mutation}`,
          client.gatewayUrl,
          call,
          asB,
          { tenant: TENANT_B },
        );
        const after = target.watch ? await a.version(...target.watch) : undefined;
        const referencesA = Object.values(target.ids).length > 0;
        const accepted = !!reply.json?.data?.[mutationCase.mutation];
        const problem =
          after !== before
            ? `A's ${target.watch![0]} changed (version ${before} → ${after})`
            : accepted && referencesA
              ? `accepted with A's ids ${JSON.stringify(target.ids)}`
              : undefined;
        // What B wrote of A's ids into its own data is B's to see again.
        if (accepted) for (const id of Object.values(target.ids)) ledger.forgive(id);
        ledger.tried(
          'cross-tenant writes',
          problem
            ? { through: `${mutationCase.mutation}: ${problem}: ${reply.text.slice(0, 200)}` }
            : {},
        );
      });
    });
    expect(ledger.tally('cross-tenant writes').through).toEqual([]);
  });

  it("should refuse tenant B subscriptions to tenant A's round tables, recommendations, requests and conferences, and deliver none of A's events to B", async () => {
    await section('cross-tenant subscriptions', async () => {
      const [roundtable] = idsOfA.get('roundtable')!;
      const [recommendation] = idsOfA.get('recommendation')!;
      const requests = idsOfA.get('request')!;
      const [conference] = idsOfA.get('conference')!;
      const watches = [
        ...idsOfA.get('roundtable')!.map((id) => ({
          query: `subscription($id: ID!) { roundtableLive(roundtableId: $id) { type text roundtable { title } } }`,
          id,
        })),
        ...idsOfA.get('recommendation')!.map((id) => ({
          query: `subscription($id: ID!) { recommendationChanged(id: $id) { type recommendation { title } } }`,
          id,
        })),
        ...requests.map((id) => ({
          query: `subscription($id: ID!) { requestChanged(id: $id) { type request { subject } } }`,
          id,
        })),
        ...idsOfA.get('conference')!.map((id) => ({
          query: `subscription($id: ID!) { conferenceFollowUps(conferenceId: $id) { type data } }`,
          id,
        })),
      ];
      expect([roundtable, recommendation, conference].every(Boolean)).toBe(true);
      const ws = await client.socket(
        'B subscriptions',
        { authorization: bearer({ tenant: TENANT_B, role: 'admin' }) },
        TENANT_B,
      );
      sockets.push(ws);
      expect(await ws.acknowledged()).toBe(true);
      for (const [i, watch] of watches.entries()) {
        ws.subscribe(`w${i}`, watch.query, { id: watch.id });
        const frame = await ws.first(`w${i}`);
        // A refusal is an `error` frame, or a result with the error and no data.
        const errors = frame?.type === 'error' ? frame.payload : frame?.payload?.errors;
        const refused =
          !frame?.payload?.data &&
          ['FORBIDDEN', 'NOT_FOUND'].includes(errors?.[0]?.extensions?.code);
        ledger.tried(
          'cross-tenant subscriptions',
          refused
            ? {}
            : {
                through: `graphql-ws ${watch.query.slice(0, 60)} ${watch.id}: ${JSON.stringify(frame)}`,
              },
        );
        const sse = await client.sse(
          `B SSE ${watch.id}`,
          { query: watch.query, variables: { id: watch.id } },
          bearer({ tenant: TENANT_B, role: 'admin' }),
          TENANT_B,
        );
        ledger.tried(
          'cross-tenant subscriptions',
          /FORBIDDEN|NOT_FOUND/.test(sse.event)
            ? {}
            : {
                through: `SSE ${watch.query.slice(0, 60)} ${watch.id}: ${sse.event.slice(0, 200)}`,
              },
        );
      }
      // B's addressee claiming A's organisation watches its inbox while A's own addressee of that
      // organisation watches hers; A registers a request sent to it: only A's watcher hears.
      const org = dirA.addressee.id;
      const inboxB = await client.socket(
        'B inbox',
        { authorization: bearer({ tenant: TENANT_B, role: 'addressee', org }) },
        TENANT_B,
      );
      const inboxA = await client.socket(
        'A inbox',
        { authorization: bearer({ tenant: TENANT_A, role: 'addressee', org }) },
        TENANT_A,
      );
      sockets.push(inboxB, inboxA);
      expect(await inboxB.acknowledged()).toBe(true);
      expect(await inboxA.acknowledged()).toBe(true);
      const INBOX = 'subscription { addresseeInbox { type status request { id subject } } }';
      inboxB.subscribe('inbox', INBOX);
      inboxA.subscribe('inbox', INBOX);
      const submitted = await a.request({ addresseeId: org, status: 'SUBMITTED' });
      // The gateway may have been subscribed after the event went by: register it then.
      await a.data(
        `mutation($id: ID!, $v: Int!, $i: RegisterRequestInput!) { registerRequest(id: $id, expectedVersion: $v, input: $i) { id } }`,
        {
          id: submitted.id,
          v: submitted.version,
          i: { incomingNumber: a.name('ВХ'), registeredOn: today() },
        },
      );
      await inboxA.until(() =>
        inboxA
          .of('inbox')
          .some(
            (frame) =>
              frame.type === 'next' &&
              frame.payload?.data?.addresseeInbox?.request?.id === submitted.id,
          ),
      );
      expect(inboxA.of('inbox').some((frame) => frame.payload?.data?.addresseeInbox)).toBe(true);
      const heardByB = inboxB.of('inbox').filter((frame) => frame.payload?.data);
      ledger.tried(
        'cross-tenant subscriptions',
        heardByB.length
          ? { through: `B's inbox for A's organisation heard ${JSON.stringify(heardByB[0])}` }
          : {},
      );
    });
    expect(ledger.tally('cross-tenant subscriptions').through).toEqual([]);
    expect(ledger.leaks).toEqual([]);
  });
});

/** Reads every id of tenant A, by type, and guards them (and A's marker) from other tenants. */
async function harvestA(): Promise<void> {
  const lists: [string, string][] = [
    ['organization', '{ organizations(first: 100) { nodes { id } } }'],
    ['person', '{ people(first: 100) { nodes { id } } }'],
    [
      'community',
      '{ communities(first: 10) { nodes { id members(first: 10) { nodes { id } } } } }',
    ],
    ['conference', '{ conferences(first: 100) { nodes { id } } }'],
    [
      'roundtable',
      '{ roundtables(first: 20) { nodes { id agenda { id } participants { id } resolutions { id } } } }',
    ],
    ['recommendation', '{ recommendations(first: 100) { nodes { id } } }'],
    ['request', '{ requests(first: 100) { nodes { id } } }'],
  ];
  const all: string[] = [];
  for (const [field, query] of lists) {
    const data = await a.data(query);
    const root = Object.values(data)[0] as { nodes: Record<string, unknown>[] };
    idsOfA.set(
      field,
      root.nodes.map((node) => node.id as string),
    );
    JSON.stringify(data, (key, value: unknown) => {
      if (key === 'id' && typeof value === 'string') all.push(value);
      return value;
    });
  }
  const members = (await a.data(lists[2]![1])).communities.nodes.flatMap(
    (c: { members: { nodes: { id: string }[] } }) => c.members.nodes.map((m) => m.id),
  );
  idsOfA.set('membership', members);
  ledger.guard(TENANT_A, [MARKER_A, ...all]);
}

describe('every role against every mutation', () => {
  it('should cover every mutation of the public API', () => {
    const api = buildSchema(
      readFileSync(join(__dirname, '..', 'infra', 'supergraph', 'api.graphql'), 'utf8'),
    );
    const mutations = Object.keys(api.getMutationType()!.getFields()).sort();
    expect(Object.keys(EXPECTED_ALLOWED).sort()).toEqual(mutations);
    expect(MUTATION_CASES.map((c) => c.mutation).sort()).toEqual(mutations);
  });

  it('should allow exactly what the table allows, and refuse the rest changing nothing', async () => {
    const table = new Map<string, Record<Column, string>>();
    await section('roles × mutations', async () => {
      await inPool(MUTATION_CASES, CONCURRENCY, async (mutationCase) => {
        table.set(mutationCase.mutation, await checkRow(mutationCase));
      });
    });
    ledger.note(
      'roles',
      Object.fromEntries(MUTATION_CASES.map((c) => [c.mutation, table.get(c.mutation)])),
    );
    expect(ledger.tally('roles × mutations').through).toEqual([]);
  });
});

/** Calls one mutation as every column: the refused ones first, on one target, then the allowed. */
async function checkRow(mutationCase: MutationCase): Promise<Record<Column, string>> {
  const allowed = EXPECTED_ALLOWED[mutationCase.mutation]!;
  const row = {} as Record<Column, string>;
  const caller = (column: Column) =>
    bearer({
      tenant: TENANT_A,
      role: column === 'other addressee' ? 'addressee' : column,
      sub: callerSubject(column),
      // The others act as themselves (an endorsement) as the directory person they are.
      ...(column === 'addressee'
        ? { org: dirA.addressee.id }
        : column === 'other addressee'
          ? { org: dirA.other.id }
          : { person: callerPerson(column, dirA) }),
    });
  let shared: Target | undefined;
  const targetFor = async (fresh: boolean) => {
    if (fresh && mutationCase.targets === 'fresh') return mutationCase.target(a, dirA);
    shared ??= await mutationCase.target(a, dirA);
    return shared;
  };
  const ordered = [
    ...COLUMNS.filter((c) => !allowed.includes(c)),
    ...COLUMNS.filter((c) => allowed.includes(c)),
  ];
  for (const [index, column] of ordered.entries()) {
    const allow = allowed.includes(column);
    const target = await targetFor(allow);
    const before = target.watch ? await a.version(...target.watch) : undefined;
    const call = mutationCase.call(target, before ?? 1, index, a);
    const reply = await client.post(
      `${column} ${mutationCase.mutation}`,
      client.gatewayUrl,
      call,
      caller(column),
      { tenant: TENANT_A },
    );
    const code = codeOf(reply.json);
    const result = reply.json?.data?.[mutationCase.mutation];
    if (allow) {
      row[column] = result ? 'allowed' : `REFUSED ${code}`;
      ledger.tried(
        'roles × mutations',
        result
          ? {}
          : {
              through: `${column} ${mutationCase.mutation}: the table allows it, answered ${reply.text.slice(0, 300)}`,
            },
      );
    } else {
      const after = target.watch ? await a.version(...target.watch) : undefined;
      const refused = !result && (code === 'FORBIDDEN' || code === 'NOT_FOUND') && after === before;
      row[column] = refused ? `refused (${code})` : `ALLOWED`;
      ledger.tried(
        'roles × mutations',
        refused
          ? {}
          : {
              through: `${column} ${mutationCase.mutation}: the table refuses it, answered ${reply.status} ${reply.text.slice(0, 300)} (version ${before} → ${after})`,
            },
      );
    }
  }
  return row;
}

describe('bombs and oversized inputs', () => {
  const admin = () => bearer({ tenant: TENANT_A, role: 'admin', sub: 'bombs' });
  const refuse = async (
    what: Section,
    label: string,
    body: unknown,
    expectation: (reply: Reply) => string | undefined,
  ) => {
    const reply = await client.post(label, client.gatewayUrl, body, admin(), { tenant: TENANT_A });
    const problem = expectation(reply);
    ledger.tried(what, problem ? { through: `${label}: ${problem}` } : {});
  };
  const limit = (pattern: RegExp) => (reply: Reply) => {
    const refused = refusedOverHttp(reply, 400);
    if (refused) return refused;
    return pattern.test(errorsOf(reply.json)[0]?.message ?? '')
      ? undefined
      : `message ${reply.text.slice(0, 200)}`;
  };
  const badInput = (field: string) => (reply: Reply) => {
    const error = errorsOf(reply.json)[0];
    if (reply.status >= 500) return `status ${reply.status}`;
    if (error?.extensions?.code !== 'BAD_USER_INPUT')
      return `not BAD_USER_INPUT: ${reply.text.slice(0, 200)}`;
    const named = error.extensions.field;
    if (typeof named !== 'string' || !named.includes(field))
      return `field ${JSON.stringify(named)}`;
    return undefined;
  };

  it('should refuse document bombs with a 4xx that says what was exceeded', async () => {
    await section('bombs', async () => {
      const many = (n: number, field: (i: number) => string) =>
        Array.from({ length: n }, (_, i) => field(i)).join(' ');
      await refuse(
        'bombs',
        '30 aliased __schema',
        { query: `{ ${many(30, (i) => `s${i}: __schema { types { name fields { name } } }`)} }` },
        limit(/__schema/),
      );
      await refuse(
        'bombs',
        'deep nesting',
        { query: `{ organizations { nodes { ${'parent { '.repeat(40)}id${' }'.repeat(40)} } } }` },
        limit(/depth/i),
      );
      await refuse(
        'bombs',
        'alias flood',
        { query: `{ ${many(500, (i) => `a${i}: __typename`)} }` },
        limit(/limit/i),
      );
      await refuse(
        'bombs',
        '40 aliases',
        { query: `{ ${many(40, (i) => `a${i}: outgoingNumberPrefix`)} }` },
        limit(/Aliases limit of \d+ exceeded, found 40/),
      );
      await refuse(
        'bombs',
        'cost bomb',
        {
          query:
            '{ organizations(first: 100) { nodes { children(first: 100) { nodes { people(first: 100) { nodes { id fullName } } } } } } }',
        },
        limit(/cost limit of \d+ exceeded, found \d+; the fields that cost most: organizations/),
      );
      await refuse(
        'bombs',
        'fragment fan-out',
        {
          query: `query { ...F0 } ${many(12, (i) => `fragment F${i} on Query { ${i < 11 ? `a: organizations(first: 100) { nodes { id } } ...F${i + 1}` : 'outgoingNumberPrefix'} }`)}`,
        },
        (reply) => (reply.status >= 500 ? `status ${reply.status}` : undefined),
      );
      await refuse(
        'bombs',
        'token flood',
        { query: `{ ${'__typename '.repeat(4000)}}` },
        limit(/Token limit/),
      );
      await refuse(
        'bombs',
        'directive flood',
        { query: `{ __typename ${'@include(if: true) '.repeat(1500)}}` },
        limit(/Token limit|limit/),
      );
      await refuse(
        'bombs',
        'huge query text',
        { query: `{ __typename } # ${'x'.repeat(400_000)}` },
        (reply) => refusedOverHttp(reply, 413),
      );
      await refuse(
        'bombs',
        'batched operations',
        [{ query: '{ __typename }' }, { query: '{ __typename }' }],
        (reply) => refusedOverHttp(reply, 400),
      );
      // Introspection is for the workspace's people, not for partners, in production.
      const partner = await client.post(
        'partner __schema',
        client.gatewayUrl,
        { query: '{ __schema { queryType { name } } }' },
        bearer({ tenant: TENANT_A, role: 'partner' }),
        { tenant: TENANT_A },
      );
      ledger.tried(
        'bombs',
        refusedOverHttp(partner, 403)
          ? { through: `partner introspection: ${partner.status} ${partner.text.slice(0, 200)}` }
          : {},
      );
      // A subgraph applies the same limits to whoever reaches it with the credential.
      for (const subgraph of SUBGRAPHS) {
        const reply = await client.post(
          `${subgraph} deep`,
          system.url(subgraph),
          { query: `{ __typename ${'@include(if: true) '.repeat(4000)}}` },
          admin(),
          { headers: { 'x-kollegia-gateway': GATEWAY_SECRET }, tenant: TENANT_A },
        );
        ledger.tried(
          'bombs',
          reply.status === 400
            ? {}
            : { through: `${subgraph} token flood: ${reply.status} ${reply.text.slice(0, 200)}` },
        );
      }
      // graphql-ws: a 5 MB connection_init is refused unread; 200 subscriptions on one socket.
      const huge = await client.socket(
        '5 MB connection_init',
        JSON.stringify({
          type: 'connection_init',
          payload: { authorization: admin(), padding: 'x'.repeat(5 * MB) },
        }),
      );
      sockets.push(huge);
      await huge.until(() => false, 30_000);
      ledger.tried(
        'bombs',
        huge.closed?.code === 1009
          ? {}
          : { through: `5 MB connection_init: ${JSON.stringify(huge.closed)}` },
      );
      const ws = await client.socket(
        '200 subscriptions',
        { authorization: bearer({ tenant: TENANT_A, role: 'addressee', org: dirA.addressee.id }) },
        TENANT_A,
      );
      sockets.push(ws);
      expect(await ws.acknowledged()).toBe(true);
      for (let i = 0; i < 200; i++)
        ws.subscribe(`s${i}`, 'subscription { addresseeInbox { type } }');
      // Those over the limit are refused at once; the others keep running (no frame).
      await ws.until(
        () => ws.frames.filter((f) => f.type === 'error').length >= 200 - MAX_SUBSCRIPTIONS,
        30_000,
      );
      const refusedSubs = ws.frames.filter(
        (f) => f.type === 'error' && f.payload?.[0]?.extensions?.code === 'BAD_REQUEST',
      ).length;
      ledger.tried(
        'bombs',
        refusedSubs === 200 - MAX_SUBSCRIPTIONS && ws.open
          ? {}
          : {
              through: `200 subscriptions on one socket: ${refusedSubs} refused, socket ${ws.open ? 'open' : 'closed'}`,
            },
      );
      ws.close();
    });
    expect(ledger.tally('bombs').through).toEqual([]);
  });

  it('should refuse oversized and malformed inputs with BAD_USER_INPUT naming the field, before any work', async () => {
    await section('oversized inputs', async () => {
      const text = (n: number, c = 'я') => c.repeat(n);
      await refuse(
        'oversized inputs',
        '200 KB filter.text',
        {
          query: 'query($t: String) { organizations(filter: { text: $t }) { totalCount } }',
          variables: { t: text(200_000, 'x') },
        },
        badInput('text'),
      );
      await refuse(
        'oversized inputs',
        '201-character search',
        {
          query: 'query($t: String) { people(filter: { text: $t }) { totalCount } }',
          variables: { t: text(201) },
        },
        badInput('text'),
      );
      await refuse(
        'oversized inputs',
        '100,000-character name',
        {
          query:
            'mutation($n: String!) { registerOrganization(input: { name: $n, kind: OTHER, region: "RU-MOW" }) { id } }',
          variables: { n: text(100_000) },
        },
        badInput('name'),
      );
      await refuse(
        'oversized inputs',
        '2,001-character id',
        {
          query: 'query($id: ID!) { organization(id: $id) { id } }',
          variables: { id: text(2_001, 'f') },
        },
        badInput('id'),
      );
      await refuse(
        'oversized inputs',
        '25,000-character statement',
        {
          query:
            'mutation($id: ID!, $p: ID!, $s: String!) { recordStatement(roundtableId: $id, input: { speaker: { kind: PERSON, id: $p }, text: $s }) { id } }',
          variables: { id: idsOfA.get('roundtable')![0], p: dirA.people[0]!.id, s: text(25_000) },
        },
        badInput('text'),
      );
      await refuse(
        'oversized inputs',
        'page of 1,000',
        { query: '{ organizations(first: 1000) { totalCount } }' },
        badInput('first'),
      );
      await refuse(
        'oversized inputs',
        'name of NUL characters',
        {
          query:
            'mutation($n: String!) { registerOrganization(input: { name: $n, kind: OTHER, region: "RU-MOW" }) { id } }',
          variables: { n: '\u0000\u0000\u0000' },
        },
        badInput('name'),
      );
      await refuse(
        'oversized inputs',
        'name of zero-width characters',
        {
          query: 'mutation($n: String!) { registerPerson(input: { fullName: $n }) { id } }',
          variables: { n: '\u200b\u200c\u200d' },
        },
        badInput('fullName'),
      );
      await refuse(
        'oversized inputs',
        'name with a bidirectional override',
        {
          query: 'mutation($n: String!) { registerPerson(input: { fullName: $n }) { id } }',
          variables: { n: 'Иванов\u202eвонавИ' },
        },
        badInput('fullName'),
      );
      await refuse(
        'oversized inputs',
        'year 0000',
        {
          query:
            'mutation($d: String!) { scheduleConference(input: { title: "Конференция", kind: FORUM, startsOn: $d, endsOn: $d, city: "Москва" }) { id } }',
          variables: { d: '0000-01-01' },
        },
        badInput('startsOn'),
      );
      await refuse(
        'oversized inputs',
        '101 statements at once',
        {
          query:
            'mutation($id: ID!, $s: [RecordStatementInput!]!) { recordStatements(roundtableId: $id, statements: $s) { id } }',
          variables: {
            id: idsOfA.get('roundtable')![0],
            s: Array.from({ length: 101 }, () => ({
              speaker: { kind: 'PERSON', id: dirA.people[0]!.id },
              text: 'Реплика',
            })),
          },
        },
        badInput(''),
      );
      await refuse(
        'oversized inputs',
        '10,000 industries',
        {
          query:
            'mutation($i: [String!]) { registerOrganization(input: { name: "Организация", kind: OTHER, region: "RU-MOW", industries: $i }) { id } }',
          variables: { i: Array.from({ length: 10_000 }, (_, i) => `отрасль ${i}`) },
        },
        badInput('industries'),
      );
      // A subgraph answers malformed or oversized JSON as JSON with a code, never Express's page.
      for (const subgraph of SUBGRAPHS) {
        for (const [label, body, status] of [
          ['malformed JSON', '{"query": ', 400],
          [
            '2 MB body',
            JSON.stringify({ query: '{ __typename }', variables: { x: 'y'.repeat(2 * MB) } }),
            413,
          ],
        ] as const) {
          const reply = await client.post(
            `${subgraph} ${label}`,
            system.url(subgraph),
            body,
            admin(),
            { headers: { 'x-kollegia-gateway': GATEWAY_SECRET }, tenant: TENANT_A },
          );
          ledger.tried(
            'oversized inputs',
            refusedOverHttp(reply, status)
              ? { through: `${subgraph} ${label}: ${reply.status} ${reply.text.slice(0, 200)}` }
              : {},
          );
        }
      }
    });
    expect(ledger.tally('oversized inputs').through).toEqual([]);
  });

  it("should check Host, origin and CSRF, send security headers, not echo a hostile request id, close a socket when its token expires, and limit a caller's rate", async () => {
    await section('transport', async () => {
      const q = JSON.stringify({ query: '{ __typename }' });
      const rebinding = await client.rawHost('Host: evil.example', 'evil.example', q);
      ledger.tried(
        'transport',
        rebinding.status === 403
          ? {}
          : { through: `Host evil.example answered ${rebinding.status}` },
      );
      const origin = await client.post('Origin evil', client.gatewayUrl, q, admin(), {
        headers: { origin: 'https://evil.example' },
      });
      ledger.tried(
        'transport',
        origin.status === 403
          ? {}
          : { through: `Origin https://evil.example answered ${origin.status}` },
      );
      const csrf = await client.http(
        'GET without the CSRF header',
        `${client.gatewayUrl}?query=${encodeURIComponent('{ __typename }')}`,
        { method: 'GET', headers: { authorization: admin() } },
      );
      ledger.tried(
        'transport',
        csrf.status >= 400 && csrf.status < 500
          ? {}
          : { through: `GET without x-graphql-csrf answered ${csrf.status}` },
      );
      const malformed = await client.post(
        'malformed JSON',
        client.gatewayUrl,
        '{"query": ',
        admin(),
      );
      ledger.tried(
        'transport',
        refusedOverHttp(malformed, 400)
          ? { through: `malformed JSON: ${malformed.text.slice(0, 200)}` }
          : {},
      );
      const hostileId = '<script>alert(1)</script>\r\nx-evil: 1';
      const echoed = await client.post('hostile x-request-id', client.gatewayUrl, q, admin(), {
        headers: { 'x-request-id': encodeURIComponent(hostileId) },
      });
      const id = echoed.headers.get('x-request-id') ?? '';
      ledger.tried(
        'transport',
        /^[\w.:-]{1,128}$/.test(id) && !id.includes('script')
          ? {}
          : { through: `x-request-id echoed as ${id}` },
      );
      for (const header of [
        'content-security-policy',
        'x-content-type-options',
        'x-frame-options',
        'referrer-policy',
      ]) {
        ledger.tried('transport', echoed.headers.get(header) ? {} : { through: `no ${header}` });
      }
      const foreign = await client.socket(
        'graphql-ws from another origin',
        { authorization: admin() },
        TENANT_A,
        'https://evil.example',
      );
      sockets.push(foreign);
      ledger.tried(
        'transport',
        (foreign.closed?.code ?? 0) < 0
          ? {}
          : { through: `graphql-ws from https://evil.example: ${JSON.stringify(foreign.closed)}` },
      );
      // A socket lives no longer than its token: closed with 4401 when it expires.
      const claims = forge.claims({ tenant: TENANT_A, role: 'member' });
      const shortLived = await client.socket('expiring token', {
        authorization: `Bearer ${forge.jwt({ ...claims, exp: (claims.iat as number) + 2 })}`,
      });
      sockets.push(shortLived);
      const opened = await shortLived.acknowledged();
      await shortLived.until(() => false, 30_000);
      ledger.tried(
        'transport',
        opened && shortLived.closed?.code === 4401
          ? {}
          : {
              through: `a socket outlived its token: acknowledged ${opened}, ${JSON.stringify(shortLived.closed)}`,
            },
      );
      // One caller past the rate limit is refused with 429 and Retry-After. Twice the limit, at
      // most, spans two windows: one of them holds more than the limit.
      const caller = bearer({ tenant: TENANT_A, role: 'member', sub: 'rate-limited' });
      let limited: Reply | undefined;
      let sent = 0;
      await inPool(Array.from({ length: 2 * RATE_LIMIT + 1 }), 12, async () => {
        if (limited) return;
        sent += 1;
        const reply = await client.post(
          'rate limit',
          client.gatewayUrl,
          { query: '{ __typename }' },
          caller,
        );
        if (reply.status === 429) limited ??= reply;
      });
      ledger.tried(
        'transport',
        limited &&
          codeOf(limited.json) === 'TOO_MANY_REQUESTS' &&
          limited.headers.get('retry-after')
          ? {}
          : {
              through: `${sent} operations of one caller, none refused with 429 TOO_MANY_REQUESTS and Retry-After`,
            },
      );
    });
    expect(ledger.tally('transport').through).toEqual([]);
  });
});

describe('the fuzzer', () => {
  it(`should answer ${FUZZ_OPERATIONS} generated operations with a 4xx or a GraphQL answer with codes, and no leak, stack or 5xx`, async () => {
    await harvestA();
    const ids = [...new Set([...idsOfA.values()].flat()), dirB.addressee.id, dirB.people[0]!.id];
    const callers: string[] = [];
    const tenants = [TENANT_A, TENANT_B, 'sec-gamma'];
    const orgs = [dirA.addressee.id, dirA.other.id, dirB.addressee.id, 'no-such-organisation'];
    const tenantOf: string[] = [];
    // Random roles, tenants, organisations and subjects (many, so the rate limit per caller is
    // not what answers), and a few bad tokens.
    const bad = forge.badTokens(TENANT_B);
    fc.sample(
      fc.tuple(
        fc.constantFrom(...tenants),
        fc.constantFrom(...ROLES),
        fc.constantFrom(...orgs),
        fc.nat(400),
      ),
      { numRuns: 300, seed: FUZZ_SEED },
    ).forEach(([tenant, role, org, sub]) => {
      callers.push(
        bearer({ tenant, role, sub: `fuzz-${sub}`, ...(role === 'addressee' ? { org } : {}) }),
      );
      tenantOf.push(tenant);
    });
    for (const token of bad.slice(0, 10)) {
      callers.push(token.authorization ?? '');
      tenantOf.push(TENANT_B);
    }
    const fuzzer = new OperationFuzzer(schema, ids, callers.length);
    const operations = fc.sample(fuzzer.operations(), {
      numRuns: FUZZ_OPERATIONS,
      seed: FUZZ_SEED,
    });
    await section('fuzzer', async () => {
      await inPool(operations, 12, async (operation) => {
        const reply = await client.post(
          `fuzz ${operation.kind}`,
          client.gatewayUrl,
          { query: operation.query, variables: operation.variables },
          callers[operation.caller] || undefined,
          { tenant: tenantOf[operation.caller] },
        );
        const problem = malformed(reply);
        ledger.tried(
          'fuzzer',
          problem === undefined
            ? {}
            : {
                through: `${problem} — ${operation.kind}: ${reply.status} ${reply.text.slice(0, 200)} ← ${operation.query.slice(0, 200)}`,
              },
        );
      });
      // Subscriptions over graphql-ws, a few sockets, each operation completed once answered.
      const subscriptions = fc.sample(fuzzer.subscriptions(), {
        numRuns: FUZZ_SUBSCRIPTIONS,
        seed: FUZZ_SEED,
      });
      const perSocket = 25;
      await inPool(
        Array.from({ length: Math.ceil(subscriptions.length / perSocket) }, (_, i) =>
          subscriptions.slice(i * perSocket, (i + 1) * perSocket),
        ),
        4,
        async (batch) => {
          const caller = batch[0]!.caller % (callers.length - bad.length);
          const ws = await client.socket(
            'fuzz graphql-ws',
            { authorization: callers[caller] },
            tenantOf[caller],
          );
          sockets.push(ws);
          if (!(await ws.acknowledged()))
            throw new Error(`fuzz socket refused: ${JSON.stringify(ws.closed)}`);
          for (const [i, operation] of batch.entries()) {
            ws.subscribe(`f${i}`, operation.query, operation.variables);
            ledger.tried('fuzzer');
          }
          // Refusals come at once; accepted ones wait for events that do not come: the socket
          // ends them once the others are answered.
          await ws.until(() => batch.every((_, i) => ws.of(`f${i}`).length > 0), 2_000);
          ws.close();
        },
      );
    });
    expect(ledger.tally('fuzzer').tried).toBeGreaterThanOrEqual(FUZZ_OPERATIONS);
    expect(ledger.tally('fuzzer').through).toEqual([]);
  }, 300_000);
});

/**
 * What is wrong with a fuzzed answer, if anything: it must be a 4xx or a GraphQL answer, every
 * error with a code, and no error suggesting names ("Did you mean …"), which would map the schema
 * for a caller who may not see it.
 */
function malformed(reply: Reply): string | undefined {
  if (reply.status >= 500) return `status ${reply.status}`;
  if (!reply.json) return 'not JSON';
  const errors = errorsOf(reply.json);
  // graphql-js suggests `Did you mean "x"?` or `Did you mean the enum value "X"?` (its lexer's
  // "did you mean to use a double quote" names nothing).
  if (errors.some((error) => /did you mean (?:the [a-z ]+ )?"/i.test(error.message)))
    return 'suggests names';
  if (reply.status >= 400 && errors.length === 0) return 'a refusal without an error';
  if (reply.status < 400 && !('data' in reply.json) && errors.length === 0)
    return 'no data, no error';
  if (errors.some((error) => typeof error.extensions?.code !== 'string'))
    return 'an error without a code';
  return undefined;
}

describe('the whole run', () => {
  it('should have no answer with status 5xx, no stack trace or path, no leak, and every process alive', () => {
    expect(ledger.serverErrors).toEqual([]);
    expect(ledger.internals).toEqual([]);
    expect(ledger.leaks).toEqual([]);
    expect(system.running().filter((p) => !p.alive)).toEqual([]);
  });
});
