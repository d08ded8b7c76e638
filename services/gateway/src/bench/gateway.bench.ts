/**
 * `npm run bench:gateway` (or `npm run bench -w @kollegia/gateway`): the four subgraphs and the
 * gateway in-process against the local stack (started if needed), in databases and topics of their
 * own (`bench_gateway_<ts>…`, `bench.gateway.<ts>.…`; the databases are dropped afterwards).
 * Measures
 *
 * 1. live latency: N graphql-ws subscribers to `roundtableLive`, each on a WebSocket of its own
 *    with a token of its own, in a Node process of their own (`live-subscribers.ts`, its descriptor
 *    limit raised), so that the gateway's event loop serves sockets and nothing else. The tokens
 *    are mixed: staff of two tenants (members, secretaries, admins), each tenant watching a live
 *    round table of its own, plus one refused watcher for every ten (partners of the first tenant,
 *    who see concluded round tables only, and members of the second, both asking for the first's
 *    round table). Per step one statement is recorded in each round table at once, through the
 *    gateway; a delivery is timed from just before its mutation is sent to the subscriber's receipt
 *    (wall clock in both processes). Fails unless every watcher gets every statement of its round
 *    table exactly once, with the round table's title, and nobody gets anything else (leaks), and
 *    every refused watcher is refused. Also counted while statements are delivered: the HTTP
 *    requests the subgraphs receive, the CPU time of this process (gateway and subgraphs) and its
 *    peak resident set size;
 * 1b. catch-up (`catch-up.ts`): a subscriber disconnects, misses 1,000 statements, and resumes with
 *    its cursor through a second gateway instance; timed until it has them all, which must be
 *    exactly the missed ones in order, then the next live one once; and the catch-up query paged
 *    over the same entries;
 * 2. query throughput through the gateway: two federated queries (roundtables + members), a page of
 *    conferences with their round tables and a round table by id, with C concurrent clients for D
 *    seconds each;
 * 3. the same through `@apollo/gateway` (Elastic License 2.0; a devDependency used by this bench
 *    only, never shipped) over the same supergraph and subgraphs; through the gateway with one token
 *    for all clients (Hive Gateway shares identical in-flight subgraph fetches); and the roundtables
 *    subgraph's part of each query alone, for scale.
 *
 * BENCH_SUBSCRIBERS (1,100,1000; 5000 and 10000 work), BENCH_STATEMENTS (steps: 20 up to 100
 * subscribers, 5 above), BENCH_MIXED=0 (every subscriber a member of one tenant, as before),
 * BENCH_SHARED_TOKEN=1 (besides, all one token), BENCH_CLIENT_PROCESSES (1),
 * BENCH_CATCHUP (missed statements, 1000; 0 skips it), BENCH_CONCURRENCY (16), BENCH_SECONDS (10),
 * BENCH_ROUNDS (2), BENCH_APOLLO=0 (skip it), BENCH_DELIVERY_TIMEOUT_MS (180000). Numbers go into services/gateway/README.md.
 */
import { subscribe as onDiagnostics } from 'node:diagnostics_channel';
import { mkdtempSync } from 'node:fs';
import type { Server } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { down, up } from '@kollegia/local-stack';
import { createApp as createMembers, membersConfigSchema } from '@kollegia/members';
import {
  createApp as createRecommendations,
  recommendationsConfigSchema,
} from '@kollegia/recommendations';
import { createApp as createRequests, requestsConfigSchema } from '@kollegia/requests';
import { createApp as createRoundtables, roundtablesConfigSchema } from '@kollegia/roundtables';
import { devAuth, type Role } from '@kollegia/service-kit';
import { waitForDirectory } from '@kollegia/testing';
import mongoose from 'mongoose';

import { createGateway, type Gateway } from '../app';
import { gatewayConfigSchema } from '../config';
import { readSupergraph, withSubgraphUrls } from '../supergraph';
import { measureCatchUp } from './catch-up';
import { wallClock, type Subscriber } from './subscriber-protocol';
import { ownDescriptors, SubscriberProcesses, type Report } from './subscriber-processes';

const SUBSCRIBERS = (process.env.BENCH_SUBSCRIBERS ?? '1,100,1000')
  .split(',')
  .map((value) => Number(value.trim()))
  .filter((value) => Number.isInteger(value) && value > 0);
const STATEMENTS = process.env.BENCH_STATEMENTS ? Number(process.env.BENCH_STATEMENTS) : undefined;
/** Statements a subscriber misses while disconnected, then catches up on; 0: not measured. */
const CATCHUP = Number(process.env.BENCH_CATCHUP ?? 1000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const APOLLO = process.env.BENCH_APOLLO !== '0';
/**
 * One token for every subscriber instead of one each: the gateway then deduplicates the identical
 * in-flight subgraph fetches that resolve the round table for each subscriber.
 */
const SHARED_TOKEN = process.env.BENCH_SHARED_TOKEN === '1';
/** Mixed roles and tenants (else every subscriber a member of the first tenant). */
const MIXED = process.env.BENCH_MIXED !== '0' && !SHARED_TOKEN;
const CLIENT_PROCESSES = Number(process.env.BENCH_CLIENT_PROCESSES ?? 1);
/** How long one statement may take to reach every subscriber before the bench fails. */
const DELIVERY_TIMEOUT_MS = Number(process.env.BENCH_DELIVERY_TIMEOUT_MS ?? 180_000);
/** Subscribers that connect at once (per subscriber process) while a level is being set up. */
const CONNECT_BATCH = 50;

/** The two tenants of the live part, each with a live round table of its own per level. */
const LIVE_TENANTS = { A: 'bench-live', B: 'bench-live-b' } as const;
type Side = keyof typeof LIVE_TENANTS;
const SIDES: Side[] = ['A', 'B'];
const QUERY_TENANT = 'bench';

/**
 * Watcher `i` of a level, mixed: staff of both tenants (the roles that may watch a live round
 * table), seven of every ten of tenant A.
 */
const MIX: { side: Side; role: Role }[] = [
  { side: 'A', role: 'member' },
  { side: 'A', role: 'secretary' },
  { side: 'A', role: 'member' },
  { side: 'A', role: 'admin' },
  { side: 'A', role: 'member' },
  { side: 'A', role: 'secretary' },
  { side: 'A', role: 'member' },
  { side: 'B', role: 'member' },
  { side: 'B', role: 'secretary' },
  { side: 'B', role: 'member' },
];
/**
 * Refused watcher `j`, one for every ten, both asking for A's live round table: a partner of A
 * (partners see concluded round tables only) and a member of B (another tenant's).
 */
const REFUSED: { side: Side; role: Role }[] = [
  { side: 'A', role: 'partner' },
  { side: 'B', role: 'member' },
];
const watcherAt = (i: number): { side: Side; role: Role } =>
  MIXED ? MIX[i % MIX.length]! : { side: 'A', role: 'member' };
const refusedAt = (n: number) => (MIXED ? Math.ceil(n / 10) : 0);

const FEDERATED_QUERY = `query Bench {
  conferences(first: 10) {
    nodes { title roundtables { nodes { title moderator { ... on Person { fullName } } } } }
  }
}`;
/** The first half of the same plan: what the gateway asks the roundtables subgraph. */
const ROUNDTABLES_HALF = `query Bench {
  conferences(first: 10) {
    nodes { title roundtables { nodes { title moderator { __typename ... on Person { id } } } } }
  }
}`;
const LIGHT_QUERY = `query Light($id: ID!) {
  roundtable(id: $id) { title moderator { ... on Person { fullName } } }
}`;
const LIGHT_HALF = `query Light($id: ID!) {
  roundtable(id: $id) { title moderator { __typename ... on Person { id } } }
}`;
const WATCH = `subscription($id: ID!) {
  roundtableLive(roundtableId: $id) { cursor type text roundtable { title } }
}`;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
const log = (line: string) => process.stderr.write(`${line}\n`);

interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: unknown[];
}

interface Versioned {
  id: string;
  version: number;
}

async function post(url: string, query: string, variables: object, token: string) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as GraphQLBody };
}

/** The command that repeats this run: the bench's settings as they were given. */
const reproduce = () =>
  [
    ...Object.entries(process.env)
      .filter(([name]) => name.startsWith('BENCH_'))
      .map(([name, value]) => `${name}=${value}`),
    'npm run bench -w @kollegia/gateway',
  ].join(' ');

/**
 * HTTP requests received by each server of this process, by port: Node announces every request
 * on this channel, so the subgraphs are counted without touching them.
 */
const requestsByPort = new Map<number, number>();
onDiagnostics('http.server.request.start', (message) => {
  const address = (message as { server: Server }).server.address();
  if (address && typeof address === 'object')
    requestsByPort.set(address.port, (requestsByPort.get(address.port) ?? 0) + 1);
});

interface Watcher {
  /** The round table it may watch; none: it asks for one it may not, and must be refused. */
  watches?: Side;
  asks: Side;
}

interface Level {
  plan: Watcher[];
  titles: Record<Side, string>;
  /** Each statement's round table, warm-ups included. */
  recorded: Map<string, Side>;
  /** The measured statements: the wall-clock time just before each one's mutation was sent. */
  sent: Map<string, number>;
}

/** What the subscribers received, judged against what each may see. */
function judge(level: Level, report: Report) {
  const problems: string[] = [];
  const counts = new Map<string, number>();
  const latencies: number[] = [];
  const untilLast = new Map<string, number>();
  let leaks = 0;
  for (const [index, type, text, title, at] of report.receipts) {
    const watcher = level.plan[index]!;
    const of = type === 'STATEMENT_RECORDED' && text ? level.recorded.get(text) : undefined;
    if (
      !watcher.watches ||
      title !== level.titles[watcher.watches] ||
      (of !== undefined && of !== watcher.watches)
    ) {
      leaks += 1;
      problems.push(
        `subscriber ${index} (${watcher.watches ? `watching ${watcher.watches}` : 'refused'}) got ${type} ${JSON.stringify(text)} of ${JSON.stringify(title)}`,
      );
      continue;
    }
    if (of === undefined || !text) continue;
    const key = `${index}: ${text}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    const start = level.sent.get(text);
    if (start === undefined) continue; // a warm-up
    latencies.push(at - start);
    untilLast.set(text, Math.max(untilLast.get(text) ?? 0, at - start));
  }
  let delivered = 0;
  for (const [key, count] of counts) {
    if (count > 1) problems.push(`subscriber ${key}: received ${count} times`);
    if (level.sent.has(key.slice(key.indexOf(': ') + 2))) delivered += 1;
  }
  const errors = new Map<number, string[]>();
  for (const [index, error] of report.errors)
    errors.set(index, [...(errors.get(index) ?? []), error]);
  let refused = 0;
  level.plan.forEach((watcher, index) => {
    const got = errors.get(index) ?? [];
    if (!watcher.watches && got.length === 1 && got[0]!.includes('FORBIDDEN')) refused += 1;
    else if (got.length) problems.push(`subscriber ${index}: ${got.join('; ')}`);
    else if (!watcher.watches) problems.push(`subscriber ${index}: not refused`);
  });
  for (const [index, code] of report.closed)
    problems.push(`subscriber ${index}: its socket was closed (${code})`);
  return {
    delivered,
    leaks,
    refused,
    problems,
    latencies: latencies.sort((a, b) => a - b),
    untilLast: [...untilLast.values()].sort((a, b) => a - b),
  };
}

async function main(): Promise<void> {
  const stack = await up(undefined, (line) => log(`[stack] ${line}`));
  const stamp = Date.now();
  const dbName = `bench_gateway_${stamp}`;
  const databases = [
    `${dbName}_mem`,
    `${dbName}_rt`,
    `${dbName}_rec`,
    `${dbName}_req`,
    `${dbName}_gw`,
  ];
  const auth = devAuth(mkdtempSync(join(tmpdir(), 'kollegia-bench-')));
  // LOG_LEVEL is passed in the configs only: Hive Gateway reads the variable itself and rejects
  // 'silent', so it must not be set in the environment.
  const common = {
    LOG_LEVEL: 'silent',
    PORT: '0',
    MONGO_URL: stack.mongoUrl,
    KAFKA_BROKERS: stack.kafkaBrokers.join(','),
    KAFKA_TOPIC_PREFIX: `bench.gateway.${stamp}.`,
    KAFKA_TOPIC_PARTITIONS: '1',
    AUTH_DEV_PUBLIC_KEY_FILE: auth.publicKeyFile,
  };
  const startedAt = performance.now();
  const members = await createMembers(
    membersConfigSchema.parse({ ...common, MONGO_DB: `${dbName}_mem` }),
  );
  const roundtables = await createRoundtables(
    roundtablesConfigSchema.parse({ ...common, MONGO_DB: databases[1] }),
  );
  const recommendations = await createRecommendations(
    recommendationsConfigSchema.parse({ ...common, MONGO_DB: databases[2] }),
  );
  const requests = await createRequests(
    requestsConfigSchema.parse({ ...common, MONGO_DB: databases[3] }),
  );
  const subgraphs = {
    members: members.url,
    roundtables: roundtables.url,
    recommendations: recommendations.url,
    requests: requests.url,
  };
  const overrides = Object.entries(subgraphs).map(([name, url]) => `${name}=${url}`);
  const gatewayEnv = {
    ...common,
    MONGO_DB: databases[4],
    SUBGRAPH_URLS: overrides.join(','),
    // The bench's clients are few callers sending as fast as they can: no rate limit.
    RATE_LIMIT_REQUESTS: '0',
  };
  const gateway = await createGateway(gatewayConfigSchema.parse(gatewayEnv));
  /** A replica for the catch-up part: same database, its own live feed. */
  let replica: Gateway | undefined;
  log(
    `booted four subgraphs and the gateway in ${((performance.now() - startedAt) / 1000).toFixed(1)} s`,
  );

  const tokens = {
    secretary: {
      A: await auth.token({ tenant: LIVE_TENANTS.A, roles: ['secretary'], sub: 'bench-sec' }),
      B: await auth.token({ tenant: LIVE_TENANTS.B, roles: ['secretary'], sub: 'bench-sec' }),
    },
    query: await auth.token({ tenant: QUERY_TENANT, roles: ['member'], sub: 'bench-reader' }),
    querySecretary: await auth.token({ tenant: QUERY_TENANT, roles: ['secretary'] }),
  };
  // Each subscriber and each query client is a person of its own (its own token), as in real use;
  // Hive Gateway deduplicates identical in-flight subgraph fetches, headers included.
  const most = Math.max(...SUBSCRIBERS);
  const watcherTokens = await Promise.all(
    Array.from({ length: SHARED_TOKEN ? 1 : most }, (_, i) => {
      const { side, role } = watcherAt(i);
      return auth.token({ tenant: LIVE_TENANTS[side], roles: [role], sub: `bench-${role}-${i}` });
    }),
  );
  const refusedTokens = await Promise.all(
    Array.from({ length: refusedAt(most) }, (_, j) => {
      const { side, role } = REFUSED[j % REFUSED.length]!;
      return auth.token({ tenant: LIVE_TENANTS[side], roles: [role], sub: `bench-${role}-r${j}` });
    }),
  );
  const readers = await Promise.all(
    Array.from({ length: CONCURRENCY }, (_, i) =>
      auth.token({ tenant: QUERY_TENANT, roles: ['member'], sub: `bench-reader-${i}` }),
    ),
  );
  const gql = async <T = Record<string, unknown>>(
    query: string,
    variables: object = {},
    token = tokens.secretary.A,
  ): Promise<T> => {
    const { body } = await post(gateway.url, query, variables, token);
    if (body.errors?.length || !body.data) throw new Error(JSON.stringify(body.errors));
    return body.data as T;
  };

  const own = ownDescriptors();
  const subscribers = await SubscriberProcesses.spawn(CLIENT_PROCESSES);
  let apollo: ApolloServer | undefined;
  const out: string[] = [];
  const failures: string[] = [];

  try {
    // ---- 1. Live latency ------------------------------------------------------------------------
    const descriptors = `descriptors (soft/hard): this process ${own.text}, the subscribers' ${subscribers.descriptors.join(', ')}`;
    log(descriptors);
    const sockets = Math.max(...SUBSCRIBERS.map((n) => n + refusedAt(n)));
    // The gateway holds one descriptor per subscriber's socket, besides its own few hundred.
    if (own.soft < sockets + 500) {
      throw new Error(
        `this process may open ${own.soft} descriptors, too few for ${sockets} sockets: raise its \`ulimit -n\` (\`npm run bench\` raises it to the hard limit)`,
      );
    }

    /** A live round table of one tenant with an open agenda question, through the gateway. */
    const liveRoundtable = async (side: Side, title: string) => {
      const token = tokens.secretary[side];
      const person = (
        await gql<{ registerPerson: { id: string } }>(
          `mutation { registerPerson(input: { fullName: "Волостнов Алексей" }) { id } }`,
          {},
          token,
        )
      ).registerPerson.id;
      // A round table names its moderator once the roundtables service learnt of them.
      await waitForDirectory(
        [roundtables],
        [{ tenant: LIVE_TENANTS[side], kind: 'PERSON', id: person }],
      );
      const conference = (
        await gql<{ scheduleConference: Versioned }>(
          `mutation { scheduleConference(input: { title: "ПромЭнергоVolga2022", kind: FORUM, startsOn: "2022-11-23", endsOn: "2022-11-24", city: "Волгоград", published: true }) { id version } }`,
          {},
          token,
        )
      ).scheduleConference;
      await gql(
        `mutation($id: ID!) { openConference(id: $id, expectedVersion: 1) { id } }`,
        { id: conference.id },
        token,
      );
      const scheduled = (
        await gql<{ scheduleRoundtable: Versioned }>(
          `mutation($c: ID!, $p: ID!, $t: String!) { scheduleRoundtable(input: { conferenceId: $c, title: $t, format: PANEL_DISCUSSION, startsAt: "2022-11-24T08:00:00Z", moderator: { kind: PERSON, id: $p }, published: true }) { id version } }`,
          { c: conference.id, p: person, t: title },
          token,
        )
      ).scheduleRoundtable;
      const withAgenda = (
        await gql<{ setAgenda: Versioned & { agenda: { id: string }[] } }>(
          `mutation($id: ID!, $v: Int!) { setAgenda(roundtableId: $id, expectedVersion: $v, items: [{ title: "Кластерный подход" }]) { id version agenda { id } } }`,
          { id: scheduled.id, v: scheduled.version },
          token,
        )
      ).setAgenda;
      const itemId = withAgenda.agenda[0]!.id;
      const started = (
        await gql<{ startRoundtable: Versioned }>(
          `mutation($id: ID!, $v: Int!) { startRoundtable(id: $id, expectedVersion: $v) { id version } }`,
          { id: withAgenda.id, v: withAgenda.version },
          token,
        )
      ).startRoundtable;
      await gql(
        `mutation($id: ID!, $v: Int!, $i: ID!) { openAgendaItem(roundtableId: $id, expectedVersion: $v, agendaItemId: $i) { id } }`,
        { id: started.id, v: started.version, i: itemId },
        token,
      );
      return { id: started.id, itemId, speaker: person };
    };
    const subgraphPorts = Object.entries(subgraphs).map(
      ([name, url]) => [name, Number(new URL(url).port)] as const,
    );
    const subgraphCounts = () =>
      subgraphPorts.map(([name, port]) => [name, requestsByPort.get(port) ?? 0] as const);

    out.push(
      `gateway bench, node ${process.version}, ${new Date().toISOString()}, load average at start ${load()}`,
      '',
      `reproduce: \`${reproduce()}\``,
      '',
      descriptors,
      '',
      `### Live: \`roundtableLive\`, each subscriber its own WebSocket and ${SHARED_TOKEN ? 'all one token' : 'its own token'}, ${MIXED ? 'mixed roles and two tenants, each watching its own round table, one refused watcher per ten' : 'all members of one tenant'}; subscribers in ${CLIENT_PROCESSES} process(es) of their own; one statement per round table per step`,
      '',
      'RSS and CPU are of the process that runs the gateway and the four subgraphs together; CPU per statement is its CPU time while the statements were recorded and delivered, divided by the statements. Subgraph requests per statement include the `recordStatement` mutation itself (one to roundtables).',
      '',
      '| subscribers | watching A / B | refused | statements | delivered / expected | leaks | p50 | p99 | max | until the last, p50 (max) | mutation response p50 | subgraph requests per statement | RSS, peak | CPU per statement | subscribe time | load after |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    );
    for (const n of SUBSCRIBERS) {
      const k = STATEMENTS ?? (n <= 100 ? 20 : 5);
      const titles = {
        A: `Замер на ${n} подписчиков`,
        B: `Замер на ${n} подписчиков, вторая ассоциация`,
      };
      const rts = {
        A: await liveRoundtable('A', titles.A),
        B: await liveRoundtable('B', titles.B),
      };
      const refused = refusedAt(n);
      const plan: Watcher[] = Array.from({ length: n + refused }, (_, i) => {
        if (i >= n) return { asks: 'A' };
        const { side } = watcherAt(i);
        return { watches: side, asks: side };
      });
      const watchers = {
        A: plan.filter((one) => one.watches === 'A').length,
        B: plan.filter((one) => one.watches === 'B').length,
      };
      const level: Level = { plan, titles, recorded: new Map(), sent: new Map() };
      const record = async (side: Side, text: string) => {
        level.recorded.set(text, side);
        const rt = rts[side];
        await gql(
          `mutation($id: ID!, $s: RecordStatementInput!) { recordStatement(roundtableId: $id, input: $s) { id } }`,
          {
            id: rt.id,
            s: { speaker: { kind: 'PERSON', id: rt.speaker }, agendaItemId: rt.itemId, text },
          },
          tokens.secretary[side],
        );
      };
      const heardByAll = (texts: Record<Side, string>) =>
        SIDES.every((side) => (subscribers.heard.get(texts[side]) ?? 0) >= watchers[side]);
      /** Every watcher has the step's statement, or an error instead of it (judged later). */
      const stepDone = (texts: Record<Side, string>, errorsBefore: number) =>
        SIDES.reduce((sum, side) => sum + (subscribers.heard.get(texts[side]) ?? 0), 0) +
          subscribers.errors -
          errorsBefore >=
        watchers.A + watchers.B;

      let rss = process.memoryUsage.rss();
      const sampler = setInterval(() => {
        rss = Math.max(rss, process.memoryUsage.rss());
      }, 200);
      const subscribeStart = performance.now();
      await subscribers.subscribe(
        gateway.wsUrl,
        WATCH,
        plan.map((watcher, index): Subscriber => ({
          index,
          token:
            index < n ? watcherTokens[index % watcherTokens.length]! : refusedTokens[index - n]!,
          roundtableId: rts[watcher.asks].id,
        })),
        CONNECT_BATCH,
      );

      // graphql-ws does not acknowledge a subscription: speak until every watcher hears (and
      // every refused one has been told).
      for (let attempt = 1; ; attempt += 1) {
        const texts = {
          A: `Проверка связи ${attempt}`,
          B: `Проверка связи ${attempt}, вторая ассоциация`,
        };
        await Promise.all(SIDES.map((side) => record(side, texts[side])));
        const everyone = await subscribers.until(
          () => heardByAll(texts) && subscribers.errors >= refused,
          5_000 + n * 20,
        );
        if (everyone) break;
        // Delivery errors are judged with the rest; refusals come with the warm-ups.
        if (performance.now() - subscribeStart > 300_000) {
          const { problems } = judge(level, await subscribers.report());
          throw new Error(
            `${n} subscribers: not all subscribed:\n${problems.slice(0, 10).join('\n')}`,
          );
        }
      }
      const subscribeSeconds = (performance.now() - subscribeStart) / 1000;
      log(
        `${n} subscribers (${watchers.A} + ${watchers.B} watching, ${refused} refused) ready in ${subscribeSeconds.toFixed(1)} s; ${k} steps`,
      );

      const responses: number[] = [];
      const cpu = process.cpuUsage();
      const requestsBefore = subgraphCounts();
      for (let i = 1; i <= k; i += 1) {
        const errorsBefore = subscribers.errors;
        const texts = {
          A: `Реплика ${i} из ${k}: кластерам нужны свои инженеры и свои решения.`,
          B: `Реплика ${i} из ${k}, вторая ассоциация: нужны свои решения.`,
        };
        await Promise.all(
          SIDES.map(async (side) => {
            level.sent.set(texts[side], wallClock());
            const start = performance.now();
            await record(side, texts[side]);
            responses.push(performance.now() - start);
          }),
        );
        if (!(await subscribers.until(() => stepDone(texts, errorsBefore), DELIVERY_TIMEOUT_MS))) {
          failures.push(
            `${n} subscribers: step ${i} reached ${SIDES.map((side) => `${subscribers.heard.get(texts[side]) ?? 0} of ${watchers[side]}`).join(' and ')} in ${DELIVERY_TIMEOUT_MS} ms; later steps skipped`,
          );
          break;
        }
      }
      const cpuUsed = process.cpuUsage(cpu);
      const requests = subgraphCounts().map(
        ([name, count], i) => [name, count - requestsBefore[i]![1]] as const,
      );
      // Late duplicates, if any, arrive within this.
      await new Promise((resolve) => setTimeout(resolve, 500));
      const report = await subscribers.report();
      clearInterval(sampler);
      await subscribers.close();

      const statements = level.sent.size;
      const expected = (watchers.A + watchers.B) * k;
      const result = judge(level, report);
      if (result.delivered !== expected)
        result.problems.push(`${result.delivered} of ${expected} deliveries`);
      failures.push(
        ...result.problems.slice(0, 10).map((problem) => `${n} subscribers: ${problem}`),
      );
      const total = requests.reduce((sum, [, count]) => sum + count, 0);
      const perStatement = (count: number) => (count / statements).toFixed(1);
      const { latencies, untilLast } = result;
      responses.sort((a, b) => a - b);
      out.push(
        `| ${n} | ${watchers.A} / ${watchers.B} | ${result.refused} of ${refused} | ${statements} | ${result.delivered} / ${expected} | ${result.leaks} | ${ms(percentile(latencies, 50))} | ${ms(percentile(latencies, 99))} | ${ms(latencies.at(-1) ?? NaN)} | ${ms(percentile(untilLast, 50))} (${ms(untilLast.at(-1) ?? NaN)}) | ${ms(percentile(responses, 50))} | ${perStatement(total)} (${requests
          .filter(([, count]) => count > 0)
          .map(([name, count]) => `${name} ${perStatement(count)}`)
          .join(
            ', ',
          )}) | ${(rss / 2 ** 20).toFixed(0)} MiB | ${ms((cpuUsed.user + cpuUsed.system) / 1000 / statements)} | ${subscribeSeconds.toFixed(1)} s | ${load()} |`,
      );
      log(out.at(-1)!);
      log(
        `  subscriber process(es) RSS ${report.rss.map((bytes) => `${(bytes / 2 ** 20).toFixed(0)} MiB`).join(', ')}`,
      );
    }
    // ---- 1b. Catch-up after a reconnect --------------------------------------------------------
    if (CATCHUP > 0) {
      replica = await createGateway(
        gatewayConfigSchema.parse({ ...gatewayEnv, GATEWAY_INSTANCE: 'bench-replica' }),
      );
      const rt = await liveRoundtable('A', `Замер догонки ${CATCHUP} пропущенных`);
      const r = await measureCatchUp({
        count: CATCHUP,
        roundtableId: rt.id,
        token: watcherTokens[0]!,
        first: gateway,
        second: replica,
        record: async (texts) => {
          await gql(
            `mutation($id: ID!, $s: [RecordStatementInput!]!) { recordStatements(roundtableId: $id, statements: $s) { id } }`,
            {
              id: rt.id,
              s: texts.map((text) => ({
                speaker: { kind: 'PERSON', id: rt.speaker },
                agendaItemId: rt.itemId,
                text,
              })),
            },
          );
        },
        ask: gql,
        timeoutMs: DELIVERY_TIMEOUT_MS,
      });
      await replica.stop();
      failures.push(...r.problems.map((problem) => `catch-up: ${problem}`));
      out.push(
        '',
        `### Catch-up: a \`roundtableLive\` subscriber misses ${CATCHUP} statements (recorded through the gateway in ${r.recordCalls} \`recordStatements\` calls, ${ms(r.recordMs)}), then resubscribes with \`after:\` its last cursor through a second gateway instance; the catch-up query \`roundtableLiveAfter(first: 500)\` pages over the same entries through the first`,
        '',
        '| missed | resubscribed → first entry | → all of them | received, in order | then the live one | query pages | query, each page | query, all | same nodes and cursors | load after |',
        '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
        `| ${r.expected} | ${ms(r.firstMs)} | ${ms(r.allMs)} | ${r.received} / ${r.expected}, ${r.inOrder ? 'yes' : '**no**'} | ${r.liveReceived === 1 ? 'once' : `**${r.liveReceived} times**`} | ${r.pages} | ${r.pageMs.map(ms).join(', ')} | ${ms(r.queryMs)} | ${r.querySame ? 'yes' : '**no**'} | ${load()} |`,
      );
      log(out.at(-1)!);
    }

    // ---- 2. and 3. Query throughput -------------------------------------------------------------
    log('seeding 12 conferences × 3 round tables with moderators …');
    const people: string[] = [];
    let lastRoundtable = '';
    for (let i = 0; i < 6; i += 1) {
      const data = await gql<{ registerPerson: { id: string } }>(
        `mutation($n: String!) { registerPerson(input: { fullName: $n }) { id } }`,
        { n: `Участник Замера ${i + 1}` },
        tokens.querySecretary,
      );
      people.push(data.registerPerson.id);
    }
    await waitForDirectory(
      [roundtables],
      people.map((id) => ({ tenant: QUERY_TENANT, kind: 'PERSON' as const, id })),
    );
    for (let c = 0; c < 12; c += 1) {
      const day = String(c + 1).padStart(2, '0');
      const conference = (
        await gql<{ scheduleConference: { id: string } }>(
          `mutation($t: String!, $d: String!) { scheduleConference(input: { title: $t, kind: FORUM, startsOn: $d, endsOn: $d, city: "Казань", published: true }) { id } }`,
          { t: `Форум ${c + 1}`, d: `2025-03-${day}` },
          tokens.querySecretary,
        )
      ).scheduleConference;
      for (let r = 0; r < 3; r += 1) {
        const scheduled = await gql<{ scheduleRoundtable: { id: string } }>(
          `mutation($c: ID!, $p: ID!, $t: String!, $at: DateTimeISO!) { scheduleRoundtable(input: { conferenceId: $c, title: $t, format: ROUND_TABLE, startsAt: $at, moderator: { kind: PERSON, id: $p }, published: true }) { id } }`,
          {
            c: conference.id,
            p: people[(c + r) % people.length],
            t: `Круглый стол ${c + 1}.${r + 1}`,
            at: `2025-03-${day}T0${r + 7}:00:00Z`,
          },
          tokens.querySecretary,
        );
        lastRoundtable = scheduled.scheduleRoundtable.id;
      }
    }
    const expected = await gql<{
      conferences: { nodes: { roundtables: { nodes: { moderator: { fullName?: string } }[] } }[] };
    }>(FEDERATED_QUERY, {}, tokens.query);
    const conferences = expected.conferences.nodes;
    const names = conferences.flatMap((c) => c.roundtables.nodes.map((r) => r.moderator.fullName));
    if (conferences.length !== 10 || names.length !== 30 || names.some((name) => !name)) {
      throw new Error(`unexpected answer: ${JSON.stringify(expected).slice(0, 500)}`);
    }
    const lightVariables = { id: lastRoundtable };
    const light = await gql<{ roundtable: { moderator: { fullName?: string } } }>(
      LIGHT_QUERY,
      lightVariables,
      tokens.query,
    );
    if (!light.roundtable.moderator.fullName) {
      throw new Error(`unexpected answer: ${JSON.stringify(light)}`);
    }

    interface Workload {
      title: string;
      query: string;
      variables: object;
      /** What every answer through a gateway must be. */
      expected: string;
      /** The roundtables subgraph's part of the plan, asked of it directly. */
      half: string;
    }
    const workloads: Workload[] = [
      {
        title: `\`${FEDERATED_QUERY.replace(/\s+/g, ' ').replace('query Bench ', '')}\` (10 conferences × 3 round tables, moderators' names from members)`,
        query: FEDERATED_QUERY,
        variables: {},
        expected: JSON.stringify(expected),
        half: ROUNDTABLES_HALF,
      },
      {
        title: `\`${LIGHT_QUERY.replace(/\s+/g, ' ').replace('query Light($id: ID!) ', '')}\` (one round table by id, its moderator's name from members)`,
        query: LIGHT_QUERY,
        variables: lightVariables,
        expected: JSON.stringify(light),
        half: LIGHT_HALF,
      },
    ];

    interface Target {
      label: string;
      url: string;
      /** The roundtables subgraph itself: asked the workload's half, answers not compared. */
      subgraph?: boolean;
      /** All clients with one token (else one each). */
      shared?: boolean;
    }
    const targets: Target[] = [{ label: 'Hive Gateway (this service)', url: gateway.url }];
    if (APOLLO) {
      const supergraphSdl = withSubgraphUrls(readSupergraph(), overrides);
      const quiet = {
        debug: () => undefined,
        info: () => undefined,
        warn: (message: unknown) => log(`[apollo] ${String(message)}`),
        error: (message: unknown) => log(`[apollo] ${String(message)}`),
      };
      const apolloGateway = new ApolloGateway({
        supergraphSdl,
        logger: quiet,
        buildService: ({ url }) =>
          new RemoteGraphQLDataSource<{ authorization?: string }>({
            url,
            willSendRequest({ request, context }) {
              const { authorization } = context as { authorization?: string };
              if (authorization) request.http?.headers.set('authorization', authorization);
            },
          }),
      });
      apollo = new ApolloServer<{ authorization?: string }>({
        gateway: apolloGateway,
        logger: quiet,
      });
      const { url } = await startStandaloneServer(apollo, {
        listen: { port: 0, host: '127.0.0.1' },
        context: ({ req }) => Promise.resolve({ authorization: req.headers.authorization }),
      });
      for (const workload of workloads) {
        const check = await post(url, workload.query, workload.variables, tokens.query);
        if (JSON.stringify(check.body.data) !== workload.expected) {
          throw new Error(
            `@apollo/gateway answered differently: ${JSON.stringify(check.body).slice(0, 500)}`,
          );
        }
      }
      targets.push({ label: '@apollo/gateway 2 + Apollo Server 5', url });
    }
    targets.push({
      label: 'Hive Gateway, all clients one token (identical in-flight subgraph fetches shared)',
      url: gateway.url,
      shared: true,
    });
    targets.push({
      label: 'the roundtables subgraph alone (its part of the plan, no names)',
      url: roundtables.url,
      subgraph: true,
    });

    const throughput = async (workload: Workload, target: Target, seconds: number) => {
      const query = target.subgraph ? workload.half : workload.query;
      const latencies: number[] = [];
      let errors = 0;
      const firstErrors: string[] = [];
      const deadline = performance.now() + seconds * 1000;
      const started = performance.now();
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async (_, client) => {
          const token = target.shared ? tokens.query : readers[client]!;
          while (performance.now() < deadline) {
            const start = performance.now();
            try {
              const { status, body } = await post(target.url, query, workload.variables, token);
              const ok =
                status === 200 &&
                !body.errors &&
                (target.subgraph || JSON.stringify(body.data) === workload.expected);
              if (!ok) {
                errors += 1;
                if (firstErrors.length < 3)
                  firstErrors.push(`${status} ${JSON.stringify(body).slice(0, 300)}`);
              }
            } catch (error) {
              errors += 1;
              if (firstErrors.length < 3) firstErrors.push(String(error));
            }
            latencies.push(performance.now() - start);
          }
        }),
      );
      const elapsed = (performance.now() - started) / 1000;
      latencies.sort((a, b) => a - b);
      return { requests: latencies.length, elapsed, latencies, errors, firstErrors };
    };

    for (const workload of workloads) {
      out.push(
        '',
        `### Query throughput: ${workload.title}; ${CONCURRENCY} concurrent clients (each its own token unless said), ${SECONDS} s each after ${Math.min(2, SECONDS)} s of warm-up`,
        '',
        '| round | through | requests/s | p50 | p99 | requests | errors | load after |',
        '| --- | --- | --- | --- | --- | --- | --- | --- |',
      );
      for (let round = 1; round <= ROUNDS; round += 1) {
        for (const target of targets) {
          await throughput(workload, target, Math.min(2, SECONDS)); // warm-up
          const r = await throughput(workload, target, SECONDS);
          out.push(
            `| ${round} | ${target.label} | ${(r.requests / r.elapsed).toFixed(1)} | ${ms(percentile(r.latencies, 50))} | ${ms(percentile(r.latencies, 99))} | ${r.requests} | ${r.errors} | ${load()} |`,
          );
          log(out.at(-1)!);
          for (const error of r.firstErrors) log(`  error: ${error}`);
        }
      }
    }
    out.push('', `load average at the end ${load()}`, '', `reproduce: \`${reproduce()}\``, '');
    if (failures.length) {
      out.push('**Failed:**', '', ...failures.map((failure) => `- ${failure}`), '');
      process.exitCode = 1;
    }
    process.stdout.write(out.join('\n'));
  } finally {
    subscribers.kill();
    await apollo?.stop();
    await replica?.stop();
    await gateway.stop();
    await Promise.all([
      members.stop(),
      roundtables.stop(),
      recommendations.stop(),
      requests.stop(),
    ]);
    try {
      for (const name of databases) {
        const connection = await mongoose
          .createConnection(stack.mongoUrl, { dbName: name, serverSelectionTimeoutMS: 10_000 })
          .asPromise();
        await connection.dropDatabase();
        await connection.close();
      }
    } catch (error) {
      log(`could not drop ${databases.join(', ')}: ${(error as Error).message}`);
      process.exitCode = 1;
    }
    if (stack.started) await down();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${String((error as Error).stack ?? error)}\n`);
  process.exit(1);
});
