/**
 * `npm run bench -w @kollegia/roundtables`: how long a statement takes from the mutation to its
 * event on the topic (p50/p99 over a few hundred), the size and generation time of the minutes
 * of a round table with 5,000 statements, and how many requests a second this subgraph serves for
 * its part of the conference page (the query the gateway sends it; BENCH_CONCURRENCY clients, 16,
 * for BENCH_SECONDS, 10) — through HTTP, against the local stack (started if needed). Uses its
 * own database and topics and drops the database afterwards. Numbers go into
 * services/roundtables/README.md.
 */
import 'reflect-metadata';

import { mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

import { renderHtml, renderMarkdown } from '@kollegia/documents';
import { down, up } from '@kollegia/local-stack';
import { devAuth, NameBook } from '@kollegia/service-kit';
import {
  announceMembers,
  bytesPer,
  organizationAnnounced,
  personAnnounced,
  publishEvents,
  storedBytes,
  type TestNamespace,
} from '@kollegia/testing';
import mongoose from 'mongoose';

import { createApp } from '../app';
import { roundtablesConfigSchema } from '../config';
import { roundtableMinutes } from '../documents/minutes';

const RUNS = Number(process.env.BENCH_RUNS ?? 300);
const STATEMENTS = Number(process.env.BENCH_STATEMENTS ?? 5000);
const DOCUMENT_RUNS = 5;
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

/** What the gateway asks this subgraph for the conference page (services/gateway/src/bench). */
const CONFERENCE_PAGE = `query Bench {
  conferences(first: 10) {
    nodes { title roundtables { nodes { title moderator { __typename ... on Person { id } } } } }
  }
}`;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');

async function main(): Promise<void> {
  const stack = await up(undefined, (line) => process.stderr.write(`[stack] ${line}\n`));
  const dbName = `bench_roundtables_${Date.now()}`;
  const topicPrefix = `bench.${Date.now()}.`;
  const auth = devAuth(mkdtempSync(join(tmpdir(), 'kollegia-bench-')));
  const app = await createApp(
    roundtablesConfigSchema.parse({
      LOG_LEVEL: 'silent',
      PORT: '0',
      MONGO_URL: stack.mongoUrl,
      MONGO_DB: dbName,
      KAFKA_BROKERS: stack.kafkaBrokers.join(','),
      KAFKA_TOPIC_PREFIX: topicPrefix,
      KAFKA_TOPIC_PARTITIONS: '1',
      AUTH_DEV_PUBLIC_KEY_FILE: auth.publicKeyFile,
    }),
  );
  const token = await auth.token({ tenant: 'bench', roles: ['secretary'] });
  const gql = async (query: string, variables: Record<string, unknown>, as = token) => {
    const response = await fetch(app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${as}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { errors?: unknown; data?: Record<string, unknown> };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data!;
  };

  // Statement events as they arrive on the topic, by statement id.
  const seen = new Map<string, number>();
  const waiting = new Map<string, () => void>();
  const consumer = app.runtime.kafka.consumer({
    groupId: `bench-${Date.now()}`,
    maxWaitTimeInMs: 10,
  });
  await consumer.connect();
  await consumer.subscribe({ topics: [app.runtime.topic('roundtable')], fromBeginning: true });
  await consumer.run({
    eachMessage: ({ message }) => {
      const event = JSON.parse(message.value?.toString() ?? '{}') as {
        data?: { statement?: { id: string } };
      };
      const id = event.data?.statement?.id;
      if (id) {
        seen.set(id, performance.now());
        waiting.get(id)?.();
      }
      return Promise.resolve();
    },
  });
  const seenOnTopic = (id: string) =>
    seen.has(id) ? Promise.resolve() : new Promise<void>((resolve) => waiting.set(id, resolve));

  try {
    // The members the round tables name, announced as members would: references are checked.
    await announceMembers(
      {
        app,
        publish: (events) =>
          publishEvents({ kafkaBrokers: stack.kafkaBrokers, topicPrefix } as TestNamespace, events),
      },
      [
        ...['bench-moderator', 'bench-speaker'].map((id) =>
          personAnnounced({ id, fullName: id, tenant: 'bench' }),
        ),
        organizationAnnounced({ id: 'bench-org', name: 'bench-org', tenant: 'bench' }),
        ...Array.from({ length: 6 }, (_, i) =>
          personAnnounced({
            id: `bench-person-${i}`,
            fullName: `bench-person-${i}`,
            tenant: 'bench-page',
          }),
        ),
      ],
    );

    const live = async (title: string) => {
      let r = (
        await gql(
          `mutation($input: ScheduleRoundtableInput!) { scheduleRoundtable(input: $input) { id version } }`,
          {
            input: {
              title,
              format: 'ROUND_TABLE',
              startsAt: '2016-11-10T08:00:00Z',
              moderator: { kind: 'PERSON', id: 'bench-moderator' },
            },
          },
        )
      ).scheduleRoundtable as { id: string; version: number };
      for (const [query, name] of [
        [
          `mutation($id: ID!, $v: Int!) { registerParticipant(roundtableId: $id, expectedVersion: $v, input: { personId: "bench-speaker", organizationId: "bench-org", role: SPEAKER }) { id version } }`,
          'registerParticipant',
        ],
        [
          `mutation($id: ID!, $v: Int!) { startRoundtable(id: $id, expectedVersion: $v) { id version } }`,
          'startRoundtable',
        ],
      ] as const) {
        r = (await gql(query, { id: r.id, v: r.version }))[name] as typeof r;
      }
      return r;
    };
    const speaker = { kind: 'PERSON', id: 'bench-speaker' };
    const text =
      'Кластерам нужны свои решения и свои инженеры, а проекты под них стоит включать в дорожные карты НТИ; иначе отрасль окажется в «мягкой ловушке» зарубежных технологий.';

    // 1. One statement at a time: mutation → response, and mutation → event on the topic.
    const sitting = await live('Замер: выступления');
    const responded: number[] = [];
    const announced: number[] = [];
    for (let i = 0; i < RUNS + 20; i += 1) {
      const start = performance.now();
      const data = await gql(
        `mutation($id: ID!, $input: RecordStatementInput!) { recordStatement(roundtableId: $id, input: $input) { id } }`,
        { id: sitting.id, input: { speaker, text: `${i + 1}. ${text}` } },
      );
      const answered = performance.now();
      const id = (data.recordStatement as { id: string }).id;
      await seenOnTopic(id);
      if (i < 20) continue; // warm-up
      responded.push(answered - start);
      announced.push(seen.get(id)! - start);
    }
    responded.sort((a, b) => a - b);
    announced.sort((a, b) => a - b);

    // 2. A round table with 5,000 statements: its minutes.
    const long = await live('Замер: протокол на 5000 выступлений');
    const seedStart = performance.now();
    for (let from = 0; from < STATEMENTS; from += 100) {
      await gql(
        `mutation($id: ID!, $s: [RecordStatementInput!]!) { recordStatements(roundtableId: $id, statements: $s) { id } }`,
        {
          id: long.id,
          s: Array.from({ length: Math.min(100, STATEMENTS - from) }, (_, i) => ({
            speaker,
            text: `${from + i + 1}. ${text}`,
          })),
        },
      );
    }
    const seedSeconds = (performance.now() - seedStart) / 1000;
    const { roundtable } = (await gql(`query($id: ID!) { roundtable(id: $id) { version } }`, {
      id: long.id,
    })) as { roundtable: { version: number } };
    await gql(
      `mutation($id: ID!, $v: Int!) { concludeRoundtable(id: $id, expectedVersion: $v) { id } }`,
      {
        id: long.id,
        v: roundtable.version,
      },
    );
    const queried: number[] = [];
    let sizes = { markdown: 0, html: 0 };
    for (let i = 0; i < DOCUMENT_RUNS; i += 1) {
      const start = performance.now();
      const data = await gql(`query($id: ID!) { roundtableMinutes(id: $id) { markdown html } }`, {
        id: long.id,
      });
      queried.push(performance.now() - start);
      const minutes = data.roundtableMinutes as { markdown: string; html: string };
      sizes = {
        markdown: Buffer.byteLength(minutes.markdown),
        html: Buffer.byteLength(minutes.html),
      };
    }
    queried.sort((a, b) => a - b);
    // The rendering alone, from data already in memory.
    const context = {
      identity: { subject: 'bench', tenantId: 'bench', roles: ['secretary' as const] },
      now: new Date(),
      correlationId: 'bench',
    };
    const state = (await app.useCases.roundtables.find(context, long.id))!;
    const statements = await app.useCases.statements.all(state);
    const rendered: number[] = [];
    for (let i = 0; i < DOCUMENT_RUNS; i += 1) {
      const start = performance.now();
      const document = roundtableMinutes({
        roundtable: state,
        statements,
        names: new NameBook([]),
        timeZone: 'Europe/Moscow',
      });
      renderMarkdown(document);
      renderHtml(document);
      rendered.push(performance.now() - start);
    }
    rendered.sort((a, b) => a - b);

    // 3. The conference page's part: 12 conferences × 3 round tables, in a tenant of its own;
    // every client a reader with its own token, as through the gateway.
    const organizer = await auth.token({ tenant: 'bench-page', roles: ['secretary'] });
    for (let c = 0; c < 12; c += 1) {
      const day = `2025-03-${String(c + 1).padStart(2, '0')}`;
      const { scheduleConference } = (await gql(
        `mutation($t: String!, $d: String!) { scheduleConference(input: { title: $t, kind: FORUM, startsOn: $d, endsOn: $d, city: "Казань", published: true }) { id } }`,
        { t: `Форум ${c + 1}`, d: day },
        organizer,
      )) as { scheduleConference: { id: string } };
      for (let r = 0; r < 3; r += 1) {
        await gql(
          `mutation($c: ID!, $p: ID!, $t: String!, $at: DateTimeISO!) { scheduleRoundtable(input: { conferenceId: $c, title: $t, format: ROUND_TABLE, startsAt: $at, moderator: { kind: PERSON, id: $p }, published: true }) { id } }`,
          {
            c: scheduleConference.id,
            p: `bench-person-${(c + r) % 6}`,
            t: `Круглый стол ${c + 1}.${r + 1}`,
            at: `${day}T0${r + 7}:00:00Z`,
          },
          organizer,
        );
      }
    }
    const readers = await Promise.all(
      Array.from({ length: CONCURRENCY }, (_, i) =>
        auth.token({ tenant: 'bench-page', roles: ['member'], sub: `bench-reader-${i}` }),
      ),
    );
    const page = (await gql(CONFERENCE_PAGE, {}, readers[0])) as {
      conferences: { nodes: { roundtables: { nodes: unknown[] } }[] };
    };
    if (page.conferences.nodes.flatMap((c) => c.roundtables.nodes).length !== 30) {
      throw new Error(`unexpected page: ${JSON.stringify(page).slice(0, 300)}`);
    }
    const expected = JSON.stringify(page);
    const serve = async (seconds: number) => {
      const latencies: number[] = [];
      let wrong = 0;
      const deadline = performance.now() + seconds * 1000;
      const started = performance.now();
      await Promise.all(
        readers.map(async (reader) => {
          while (performance.now() < deadline) {
            const start = performance.now();
            const answer = JSON.stringify(await gql(CONFERENCE_PAGE, {}, reader));
            latencies.push(performance.now() - start);
            if (answer !== expected) wrong += 1;
          }
        }),
      );
      if (wrong > 0) throw new Error(`${wrong} answers differed from the first`);
      latencies.sort((a, b) => a - b);
      return { perSecond: latencies.length / ((performance.now() - started) / 1000), latencies };
    };
    await serve(Math.min(2, SECONDS)); // warm-up
    const loadBefore = load();
    const served = await serve(SECONDS);

    const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
    const stored = await storedBytes(app.runtime.connection.db!);
    const storedStatements = stored.find((c) => c.name === 'statements')!.documents;
    process.stdout.write(
      [
        `roundtables bench, node ${process.version}`,
        '| measure | p50 | p99 | runs |',
        '| --- | --- | --- | --- |',
        `| recordStatement: mutation → response | ${ms(percentile(responded, 50))} | ${ms(percentile(responded, 99))} | ${responded.length} |`,
        `| recordStatement: mutation → \`statement-recorded\` on the topic | ${ms(percentile(announced, 50))} | ${ms(percentile(announced, 99))} | ${announced.length} |`,
        `| roundtableMinutes, ${STATEMENTS} statements, through HTTP | ${ms(percentile(queried, 50))} | ${ms(queried.at(-1)!)} (max) | ${DOCUMENT_RUNS} |`,
        `| minutes rendering alone (Markdown + HTML, data in memory) | ${ms(percentile(rendered, 50))} | ${ms(rendered.at(-1)!)} (max) | ${DOCUMENT_RUNS} |`,
        '',
        `minutes of ${STATEMENTS} statements: Markdown ${kb(sizes.markdown)}, HTML ${kb(sizes.html)}; seeded through recordStatements (100 per call) in ${seedSeconds.toFixed(1)} s (${(STATEMENTS / seedSeconds).toFixed(0)}/s)`,
        '',
        `conference page's part (10 conferences × 3 round tables), ${CONCURRENCY} clients, ${SECONDS} s: ${served.perSecond.toFixed(1)} requests/s, p50 ${ms(percentile(served.latencies, 50))}, p99 ${ms(percentile(served.latencies, 99))}, ${served.latencies.length} requests; load average ${loadBefore} before, ${load()} after`,
        '',
        `stored (BSON, without indexes; conferences and round tables included): ${bytesPer('statement', storedStatements, stored)}`,
        `repeat with: BENCH_STATEMENTS=${STATEMENTS} npm run bench -w @kollegia/roundtables`,
        '',
      ].join('\n'),
    );
  } finally {
    await consumer.disconnect();
    await app.stop();
    const connection = await mongoose.createConnection(stack.mongoUrl, { dbName }).asPromise();
    await connection.dropDatabase();
    await connection.close();
    if (stack.started) await down();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${String((error as Error).stack ?? error)}\n`);
  process.exit(1);
});
