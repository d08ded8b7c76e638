/**
 * `npm run bench:gateway` (or `npm run bench -w @kollegia/gateway`): the four subgraphs and the
 * gateway in-process against the local stack (started if needed), in databases and topics of their
 * own (`bench_gateway_<ts>…`, `bench.gateway.<ts>.…`; the databases are dropped afterwards).
 * Measures
 *
 * 1. live latency: N graphql-ws subscribers (one WebSocket and one token each) to `roundtableLive`
 *    of a live round table; K statements recorded one after another through the gateway, timed
 *    from just before the mutation is sent to each subscriber's receipt of that statement. Every
 *    delivery resolves the round table's title from the roundtables subgraph, per event and per
 *    subscriber. Fails unless every subscriber gets every statement exactly once;
 * 2. query throughput through the gateway: two federated queries (roundtables + members), a page of
 *    conferences with their round tables and a round table by id, with C concurrent clients for D
 *    seconds each;
 * 3. the same through `@apollo/gateway` (Elastic License 2.0; a devDependency used by this bench
 *    only, never shipped) over the same supergraph and subgraphs; through the gateway with one token
 *    for all clients (Hive Gateway shares identical in-flight subgraph fetches); and the roundtables
 *    subgraph's part of each query alone, for scale.
 *
 * BENCH_SUBSCRIBERS (1,100,1000), BENCH_STATEMENTS (20 up to 100 subscribers, 5 above),
 * BENCH_CONCURRENCY (16), BENCH_SECONDS (10), BENCH_ROUNDS (2), BENCH_APOLLO=0 (skip it),
 * BENCH_SHARED_TOKEN=1 (one token for all subscribers), BENCH_DELIVERY_TIMEOUT_MS (180000).
 * Numbers go into services/gateway/README.md.
 */
import { mkdtempSync } from 'node:fs';
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
import { devAuth } from '@kollegia/service-kit';
import { waitForDirectory } from '@kollegia/testing';
import { createClient, type Client } from 'graphql-ws';
import mongoose from 'mongoose';
import WebSocket from 'ws';

import { createGateway } from '../app';
import { gatewayConfigSchema } from '../config';
import { readSupergraph, withSubgraphUrls } from '../supergraph';

const SUBSCRIBERS = (process.env.BENCH_SUBSCRIBERS ?? '1,100,1000')
  .split(',')
  .map((value) => Number(value.trim()))
  .filter((value) => Number.isInteger(value) && value > 0);
const STATEMENTS = process.env.BENCH_STATEMENTS ? Number(process.env.BENCH_STATEMENTS) : undefined;
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const APOLLO = process.env.BENCH_APOLLO !== '0';
/**
 * One token for every subscriber instead of one each: the gateway then deduplicates the identical
 * in-flight subgraph fetches that resolve the round table for each subscriber.
 */
const SHARED_TOKEN = process.env.BENCH_SHARED_TOKEN === '1';
/** How long one statement may take to reach every subscriber before the bench fails. */
const DELIVERY_TIMEOUT_MS = Number(process.env.BENCH_DELIVERY_TIMEOUT_MS ?? 180_000);
/** Subscribers that connect at once while a level is being set up. */
const CONNECT_BATCH = 50;

const LIVE_TENANT = 'bench-live';
const QUERY_TENANT = 'bench';

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
  const gateway = await createGateway(
    gatewayConfigSchema.parse({
      ...common,
      MONGO_DB: databases[4],
      SUBGRAPH_URLS: overrides.join(','),
      // The bench's clients are few callers sending as fast as they can: no rate limit.
      RATE_LIMIT_REQUESTS: '0',
    }),
  );
  log(
    `booted four subgraphs and the gateway in ${((performance.now() - startedAt) / 1000).toFixed(1)} s`,
  );

  const tokens = {
    secretary: await auth.token({ tenant: LIVE_TENANT, roles: ['secretary'], sub: 'bench-sec' }),
    query: await auth.token({ tenant: QUERY_TENANT, roles: ['member'], sub: 'bench-reader' }),
    querySecretary: await auth.token({ tenant: QUERY_TENANT, roles: ['secretary'] }),
  };
  // Each subscriber and each query client is a person of its own (its own token), as in real use;
  // Hive Gateway deduplicates identical in-flight subgraph fetches, headers included.
  const memberTokens = await Promise.all(
    Array.from({ length: SHARED_TOKEN ? 1 : Math.max(...SUBSCRIBERS) }, (_, i) =>
      auth.token({ tenant: LIVE_TENANT, roles: ['member'], sub: `bench-member-${i}` }),
    ),
  );
  const memberToken = (i: number) => memberTokens[i % memberTokens.length]!;
  const readers = await Promise.all(
    Array.from({ length: CONCURRENCY }, (_, i) =>
      auth.token({ tenant: QUERY_TENANT, roles: ['member'], sub: `bench-reader-${i}` }),
    ),
  );
  const gql = async <T = Record<string, unknown>>(
    query: string,
    variables: object = {},
    token = tokens.secretary,
  ): Promise<T> => {
    const { body } = await post(gateway.url, query, variables, token);
    if (body.errors?.length || !body.data) throw new Error(JSON.stringify(body.errors));
    return body.data as T;
  };

  const clients: Client[] = [];
  let apollo: ApolloServer | undefined;
  const out: string[] = [];

  try {
    // ---- 1. Live latency ------------------------------------------------------------------------
    /** A live round table with an open agenda question, through the gateway. */
    const liveRoundtable = async (title: string) => {
      const person = (
        await gql<{ registerPerson: { id: string } }>(
          `mutation { registerPerson(input: { fullName: "Волостнов Алексей" }) { id } }`,
        )
      ).registerPerson.id;
      // A round table names its moderator once the roundtables service learnt of them.
      await waitForDirectory([roundtables], [{ tenant: LIVE_TENANT, kind: 'PERSON', id: person }]);
      const conference = (
        await gql<{ scheduleConference: Versioned }>(
          `mutation { scheduleConference(input: { title: "ПромЭнергоVolga2022", kind: FORUM, startsOn: "2022-11-23", endsOn: "2022-11-24", city: "Волгоград", published: true }) { id version } }`,
        )
      ).scheduleConference;
      await gql(`mutation($id: ID!) { openConference(id: $id, expectedVersion: 1) { id } }`, {
        id: conference.id,
      });
      const scheduled = (
        await gql<{ scheduleRoundtable: Versioned }>(
          `mutation($c: ID!, $p: ID!, $t: String!) { scheduleRoundtable(input: { conferenceId: $c, title: $t, format: PANEL_DISCUSSION, startsAt: "2022-11-24T08:00:00Z", moderator: { kind: PERSON, id: $p }, published: true }) { id version } }`,
          { c: conference.id, p: person, t: title },
        )
      ).scheduleRoundtable;
      const withAgenda = (
        await gql<{ setAgenda: Versioned & { agenda: { id: string }[] } }>(
          `mutation($id: ID!, $v: Int!) { setAgenda(roundtableId: $id, expectedVersion: $v, items: [{ title: "Кластерный подход" }]) { id version agenda { id } } }`,
          { id: scheduled.id, v: scheduled.version },
        )
      ).setAgenda;
      const itemId = withAgenda.agenda[0]!.id;
      const started = (
        await gql<{ startRoundtable: Versioned }>(
          `mutation($id: ID!, $v: Int!) { startRoundtable(id: $id, expectedVersion: $v) { id version } }`,
          { id: withAgenda.id, v: withAgenda.version },
        )
      ).startRoundtable;
      await gql(
        `mutation($id: ID!, $v: Int!, $i: ID!) { openAgendaItem(roundtableId: $id, expectedVersion: $v, agendaItemId: $i) { id } }`,
        { id: started.id, v: started.version, i: itemId },
      );
      return { id: started.id, itemId, speaker: person };
    };

    out.push(
      `gateway bench, node ${process.version}, ${new Date().toISOString()}, load average at start ${load()}`,
      '',
      `### Live: \`roundtableLive\`, each subscriber its own WebSocket and ${SHARED_TOKEN ? 'all one token' : 'its own token'}; the round table's title resolved from the roundtables subgraph per event and subscriber`,
      '',
      '| subscribers | statements | deliveries | p50 | p99 | max | last subscriber, p50 (max) | mutation response p50 | subscribe time | load after |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    );
    for (const n of SUBSCRIBERS) {
      const k = STATEMENTS ?? (n <= 100 ? 20 : 5);
      const title = `Замер на ${n} подписчиков`;
      const rt = await liveRoundtable(title);
      const record = (text: string) =>
        gql(
          `mutation($id: ID!, $s: RecordStatementInput!) { recordStatement(roundtableId: $id, input: $s) { id } }`,
          {
            id: rt.id,
            s: { speaker: { kind: 'PERSON', id: rt.speaker }, agendaItemId: rt.itemId, text },
          },
        );

      // Arrival times by statement text, one entry per (subscriber, delivery).
      const arrivals = new Map<string, number[]>();
      const perSubscriber: Map<string, number>[] = [];
      const problems: string[] = [];
      let waiter: { text: string; count: number; resolve: () => void } | undefined;
      const level: Client[] = [];
      const subscribeStart = performance.now();
      for (let from = 0; from < n; from += CONNECT_BATCH) {
        await Promise.all(
          Array.from({ length: Math.min(CONNECT_BATCH, n - from) }, (_, j) => {
            const index = from + j;
            const seen = new Map<string, number>();
            perSubscriber.push(seen);
            return new Promise<void>((resolve, reject) => {
              const client = createClient({
                url: gateway.wsUrl,
                webSocketImpl: WebSocket,
                retryAttempts: 0,
                lazy: false,
                connectionParams: { authorization: `Bearer ${memberToken(index)}` },
                on: { connected: () => resolve(), closed: () => reject(new Error('closed')) },
              });
              level.push(client);
              clients.push(client);
              client.subscribe(
                { query: WATCH, variables: { id: rt.id } },
                {
                  next: (value) => {
                    const at = performance.now();
                    const event = (value as GraphQLBody).data?.roundtableLive as
                      | { type: string; text: string | null; roundtable: { title: string } | null }
                      | undefined;
                    if ((value as GraphQLBody).errors || !event) {
                      problems.push(`subscriber ${index}: ${JSON.stringify(value).slice(0, 300)}`);
                      return;
                    }
                    if (event.type !== 'statement-recorded' || !event.text) return;
                    if (event.roundtable?.title !== title) {
                      problems.push(
                        `subscriber ${index}: round table ${JSON.stringify(event.roundtable)}`,
                      );
                    }
                    seen.set(event.text, (seen.get(event.text) ?? 0) + 1);
                    const times = arrivals.get(event.text) ?? [];
                    times.push(at);
                    arrivals.set(event.text, times);
                    if (waiter?.text === event.text && times.length >= waiter.count)
                      waiter.resolve();
                  },
                  error: (error) => problems.push(`subscriber ${index}: ${JSON.stringify(error)}`),
                  complete: () => undefined,
                },
              );
            });
          }),
        );
      }
      const until = (text: string, count: number, timeoutMs: number) =>
        new Promise<boolean>((resolve) => {
          if ((arrivals.get(text)?.length ?? 0) >= count) return resolve(true);
          const timer = setTimeout(() => {
            waiter = undefined;
            resolve(false);
          }, timeoutMs);
          waiter = {
            text,
            count,
            resolve: () => {
              clearTimeout(timer);
              waiter = undefined;
              resolve(true);
            },
          };
        });

      // graphql-ws does not acknowledge a subscription: speak until every subscriber hears.
      for (let attempt = 1; ; attempt += 1) {
        const text = `Проверка связи ${attempt}`;
        await record(text);
        const everyone = await until(text, n, 5_000 + n * 20);
        if (problems.length)
          throw new Error(`subscriptions failed:\n${problems.slice(0, 10).join('\n')}`);
        if (everyone) break;
        if (performance.now() - subscribeStart > 300_000) {
          throw new Error(
            `${n} subscribers: only ${arrivals.get(text)?.length ?? 0} heard a warm-up`,
          );
        }
      }
      const subscribeSeconds = (performance.now() - subscribeStart) / 1000;
      log(`${n} subscribers ready in ${subscribeSeconds.toFixed(1)} s; recording ${k} statements`);

      const deliveries: number[] = [];
      const last: number[] = [];
      const responses: number[] = [];
      for (let i = 1; i <= k; i += 1) {
        const text = `Реплика ${i} из ${k}: кластерам нужны свои инженеры и свои решения.`;
        const start = performance.now();
        await record(text);
        responses.push(performance.now() - start);
        if (!(await until(text, n, DELIVERY_TIMEOUT_MS))) {
          throw new Error(
            `${n} subscribers: statement ${i} reached ${arrivals.get(text)?.length ?? 0} in ${DELIVERY_TIMEOUT_MS} ms`,
          );
        }
        const times = arrivals.get(text)!.map((at) => at - start);
        deliveries.push(...times);
        last.push(Math.max(...times));
      }
      // Every subscriber got every statement, once.
      await new Promise((resolve) => setTimeout(resolve, 500));
      if (problems.length)
        throw new Error(`subscriptions failed:\n${problems.slice(0, 10).join('\n')}`);
      for (const [index, seen] of perSubscriber.entries()) {
        for (let i = 1; i <= k; i += 1) {
          const text = `Реплика ${i} из ${k}: кластерам нужны свои инженеры и свои решения.`;
          if (seen.get(text) !== 1) {
            throw new Error(`subscriber ${index} got statement ${i} ${seen.get(text) ?? 0} times`);
          }
        }
      }
      if (deliveries.length !== n * k)
        throw new Error(`${deliveries.length} deliveries, not ${n * k}`);
      deliveries.sort((a, b) => a - b);
      last.sort((a, b) => a - b);
      responses.sort((a, b) => a - b);
      out.push(
        `| ${n} | ${k} | ${deliveries.length} | ${ms(percentile(deliveries, 50))} | ${ms(percentile(deliveries, 99))} | ${ms(deliveries.at(-1)!)} | ${ms(percentile(last, 50))} (${ms(last.at(-1)!)}) | ${ms(percentile(responses, 50))} | ${subscribeSeconds.toFixed(1)} s | ${load()} |`,
      );
      log(out.at(-1)!);
      await Promise.all(level.map(async (client) => client.dispose()));
      clients.splice(0, clients.length);
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
    out.push('', `load average at the end ${load()}`, '');
    process.stdout.write(out.join('\n'));
  } finally {
    await Promise.all(clients.map(async (client) => client.dispose()));
    await apollo?.stop();
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
