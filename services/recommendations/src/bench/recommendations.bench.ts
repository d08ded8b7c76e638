/**
 * `npm run bench -w @kollegia/recommendations`: how fast round table conclusions are consumed
 * (recommendations created with their events, timeline and counts), how fast the same events are
 * consumed again (a replay, which must create nothing), and p50/p99 of the filtered
 * recommendations query, through HTTP, against the local stack (started if needed). Seeds its own
 * database and topics and drops the database afterwards. Numbers go into the README.
 *
 * BENCH_EVENTS (default 100; the storage issue's scale is 2,000) concluded round tables of
 * BENCH_RESOLUTIONS (default 5) resolutions are consumed and then replayed: timed from the send
 * until the last event is applied in full (noted in `applied_conclusions`, which the consumer
 * writes last), and until the outbox relay has published every event. The query is then timed
 * over BENCH_QUERY_SIZE (default 5,000) recommendations, the ones not created by consuming
 * inserted directly (the query does not care how they came).
 *
 * For the capacity plan (docs/capacity.md) it also reports the CPU time of this process (the
 * service: consumer, relay, its Kafka client) per event consumed, and, after the replay, the bytes
 * stored per recommendation: the BSON size of every document of every collection (recommendations,
 * timeline, counts, notes of applied events…) divided by the recommendations. Indexes come on top.
 */
import 'reflect-metadata';

import { mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

import {
  createEvent,
  encodeEvent,
  roundtableConcludedV1,
  type ResolutionSnapshot,
} from '@kollegia/events';
import { down, up } from '@kollegia/local-stack';
import { deterministicId, devAuth } from '@kollegia/service-kit';
import { bytesPer, storedBytes } from '@kollegia/testing';
import mongoose from 'mongoose';

import { createApp } from '../app';
import { formatCode } from '../application/codes';
import { appliedConclusionModel } from '../db/applied-conclusion.model';
import { AppliedConclusionRepository } from '../db/applied-conclusion.repository';
import { recommendationsConfigSchema } from '../config';
import { recommendationDocument } from '../db/recommendation.repository';
import { createFromResolution } from '../domain/recommendation-lifecycle';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 100);
const RESOLUTIONS = Number(process.env.BENCH_RESOLUTIONS ?? 5);
const QUERY_SIZE = Number(process.env.BENCH_QUERY_SIZE ?? 5000);
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const CONFERENCES = 50;
const TENANT = 'bench';
const CONCLUDED_AT = '2016-11-10T13:10:00+03:00';
// The kinds that become recommendations (a CONTROL_ITEM becomes an item under control, not benched).
const KINDS = ['RECOMMENDATION', 'QUESTION_TO_REGULATOR'] as const;
const WORDS = [
  'кластер',
  'технопарк',
  'импортозамещение',
  'цифровизация',
  'экспорт',
  'энергетика',
  'оборонный',
  'молодёжный',
  'инжиниринг',
  'программное',
];
const ORGS = Array.from({ length: 12 }, (_, i) => `org-${i}`);

type Concluded = ReturnType<typeof concludedEvent>;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

function resolutionsOf(n: number): ResolutionSnapshot[] {
  return Array.from({ length: RESOLUTIONS }, (_, r) => ({
    id: `bench-res-${n}-${r}`,
    kind: KINDS[(n + r) % KINDS.length]!,
    text: `Рекомендация ${n}.${r}: ${WORDS[(n + r) % WORDS.length]} и ${WORDS[(n * 7 + r) % WORDS.length]} — предложить меры поддержки.`,
    addresseeIds: [ORGS[(n + r) % ORGS.length]!],
    responsible: { kind: 'ORGANIZATION', id: ORGS[(n * 3 + r) % ORGS.length]! },
    dueDate: `2017-0${1 + ((n + r) % 9)}-15`,
    status: 'ADOPTED',
  }));
}

function concludedEvent(n: number) {
  const roundtableId = `bench-rt-${n}`;
  return createEvent(
    roundtableConcludedV1,
    {
      subject: roundtableId,
      tenantId: TENANT,
      aggregateVersion: 5,
      correlationId: `bench-${n}`,
      actor: 'system:bench',
    },
    {
      id: roundtableId,
      conferenceId: `bench-conf-${n % CONFERENCES}`,
      published: true,
      title: `Круглый стол ${n}`,
      format: 'ROUND_TABLE',
      concludedAt: CONCLUDED_AT,
      agenda: [],
      resolutions: resolutionsOf(n),
      statementCount: 10,
    },
  );
}

async function main(): Promise<void> {
  const stack = await up(undefined, (line) => process.stderr.write(`[stack] ${line}\n`));
  const stamp = Date.now();
  const dbName = `bench_recommendations_${stamp}`;
  const auth = devAuth(mkdtempSync(join(tmpdir(), 'kollegia-bench-')));
  const config = recommendationsConfigSchema.parse({
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    PORT: '0',
    MONGO_URL: stack.mongoUrl,
    MONGO_DB: dbName,
    KAFKA_BROKERS: stack.kafkaBrokers.join(','),
    KAFKA_TOPIC_PREFIX: `bench.${stamp}.`,
    KAFKA_TOPIC_PARTITIONS: '1',
    AUTH_DEV_PUBLIC_KEY_FILE: auth.publicKeyFile,
    FOLLOW_UP_INTERVAL_MS: '3600000',
    // The safety-net sweeps scan the whole collection on the embedded engine (their filters have
    // no equality an index can narrow, docs/adr/0009): every ten minutes, not every few seconds, so
    // they do not land in what is measured (a run of 2,000 events takes a minute or two).
    OUTBOX_SWEEP_INTERVAL_MS: '600000',
    READ_MODEL_SWEEP_INTERVAL_MS: '600000',
  });
  const app = await createApp(config);
  const token = await auth.token({ tenant: TENANT, roles: ['member'] });
  const recommendations = app.runtime.connection.collection('recommendations');
  const appliedConclusions = new AppliedConclusionRepository(
    appliedConclusionModel(app.runtime.connection),
  );
  const admin = app.runtime.kafka.admin();
  await admin.connect();
  const topic = app.runtime.topic('roundtable');
  const events = Array.from({ length: EVENTS }, (_, n) => concludedEvent(n));

  async function send(batch: Concluded[]) {
    for (let i = 0; i < batch.length; i += 200) {
      await app.runtime.producer.send({
        topic,
        acks: -1,
        messages: batch.slice(i, i + 200).map((event) => encodeEvent(event)),
      });
    }
  }

  /**
   * Whether an event was applied in full: its recommendations, their events in the outbox, their
   * timeline and counts, and the note that it was applied (written last). One partition, in
   * order: every event before it was applied too. Read by `_id`, as the consumer reads the notes.
   */
  const applied = async (event: Concluded) =>
    (await appliedConclusions.appliedOf([{ tenantId: TENANT, eventId: event.id }])).size > 0;
  /**
   * How many events the outbox relay has published (it runs behind the consumer): the topic's
   * length. At least once, so a copy sent twice could end the wait a moment early; a scan for
   * documents with an outbox would load the whole collection every time.
   */
  const publishedEvents = async () =>
    (await admin.fetchTopicOffsets(app.runtime.topic('recommendation'))).reduce(
      (sum, partition) => sum + Number(partition.high) - Number(partition.low),
      0,
    );

  /** Sends events and waits until they are applied, then until `published` events are out. */
  async function consume(label: string, batch: Concluded[], published: number) {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    await send(batch);
    while (!(await applied(batch.at(-1)!))) await sleep(50);
    const seconds = (performance.now() - start) / 1000;
    const cpu = process.cpuUsage(cpuStart);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    while ((await publishedEvents()) < published) await sleep(250);
    const relayed = (performance.now() - start) / 1000;
    process.stderr.write(
      `${label}: ${batch.length} events applied in ${seconds.toFixed(1)} s, their events published after ${relayed.toFixed(1)} s\n`,
    );
    return {
      seconds,
      relayed,
      cpuMs,
      events: batch.length,
      resolutions: batch.length * RESOLUTIONS,
    };
  }

  /**
   * Reads the count until it settles: FerretDB's counts lagged writes by a moment. The embedded
   * engine answers after the write is applied, so this now returns at the first read; kept as a
   * cheap guard for other servers (MONGO_URL).
   */
  async function settledCount(expected: number) {
    let count = -1;
    for (let i = 0; i < 40 && count !== expected; i += 1) {
      count = (await recommendations.find({}, { projection: { _id: 1 } }).toArray()).length;
      if (count !== expected) await sleep(250);
    }
    return count;
  }

  const gql = async (query: string, variables: Record<string, unknown>) => {
    const response = await fetch(app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { errors?: unknown; data?: Record<string, unknown> };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data!;
  };

  try {
    const consumed = await consume('consuming', events, EVENTS * RESOLUTIONS);

    // The replay: every event again, then a new one; once that is in, the replay was consumed.
    const marker = concludedEvent(EVENTS);
    const replayed = await consume('replaying', [...events, marker], (EVENTS + 1) * RESOLUTIONS);
    const expected = (EVENTS + 1) * RESOLUTIONS;
    const total = await settledCount(expected);
    if (total !== expected) throw new Error(`expected ${expected} recommendations, found ${total}`);
    const stored = await storedBytes(app.runtime.connection.db!);

    // Up to QUERY_SIZE, inserted directly: the query does not care how they came.
    const followUps = { timeZone: config.FOLLOW_UP_TIME_ZONE, dueSoonDays: 14 };
    for (let n = EVENTS + 1, made = total; made < QUERY_SIZE; n += 1) {
      const docs = resolutionsOf(n).map((resolution, r) => {
        const { state } = createFromResolution(
          {
            code: formatCode('2015', n * RESOLUTIONS + r),
            conferenceId: `bench-conf-${n % CONFERENCES}`,
            roundtableId: `bench-rt-${n}`,
            meetingDate: '2015-11-10',
            published: true,
            resolution,
          },
          {
            tenantId: TENANT,
            now: new Date(CONCLUDED_AT),
            ids: () => deterministicId(`bench-rt-${n}`, resolution.id),
          },
        );
        return { ...recommendationDocument(state, followUps), outbox: [], pendingProjections: [] };
      });
      await recommendations.insertMany(docs as never[]);
      made += docs.length;
    }
    const queried = await settledCount(Math.max(QUERY_SIZE, total));

    const query = (withCount: boolean) =>
      `query($f: RecommendationFilterInput) { recommendations(filter: $f, first: 20) { ${withCount ? 'totalCount' : ''} nodes { id code title status } } }`;
    const filter = (i: number) => ({
      conferenceId: `bench-conf-${i % CONFERENCES}`,
      status: ['PROPOSED'],
      text: WORDS[i % WORDS.length]!.slice(0, 5),
    });
    async function timed(withCount: boolean) {
      for (let i = 0; i < 5; i += 1) await gql(query(withCount), { f: filter(i) }); // warm-up
      const samples: number[] = [];
      for (let i = 0; i < RUNS; i += 1) {
        const start = performance.now();
        await gql(query(withCount), { f: filter(i) });
        samples.push(performance.now() - start);
      }
      samples.sort((a, b) => a - b);
      return `p50 ${percentile(samples, 50).toFixed(0)} ms, p99 ${percentile(samples, 99).toFixed(0)} ms`;
    }
    const page = await timed(false);
    const counted = await timed(true);

    type Phase = Awaited<ReturnType<typeof consume>>;
    const rate = (r: Phase) =>
      `${(r.events / r.seconds).toFixed(1)} events/s (${(r.resolutions / r.seconds).toFixed(0)} resolutions/s); all published after ${r.relayed.toFixed(1)} s`;
    const cpu = (r: Phase) =>
      `${(r.cpuMs / r.events).toFixed(1)} ms per event, ${(r.cpuMs / r.resolutions).toFixed(2)} ms per resolution`;
    process.stdout.write(
      [
        `recommendations bench: ${EVENTS} concluded round tables × ${RESOLUTIONS} resolutions, node ${process.version}, load average ${loadavg()[0]!.toFixed(1)}`,
        `repeat with: BENCH_EVENTS=${EVENTS} BENCH_RESOLUTIONS=${RESOLUTIONS} npm run bench -w @kollegia/recommendations`,
        '| what | result |',
        '| --- | --- |',
        `| consuming ${EVENTS} events, creating ${EVENTS * RESOLUTIONS} recommendations (events, timeline, counts) | ${rate(consumed)} |`,
        `| replaying them (+1 new): ${(EVENTS + 1) * RESOLUTIONS} resolutions, nothing created twice | ${rate(replayed)} |`,
        `| the service's CPU, consuming | ${cpu(consumed)} |`,
        `| the service's CPU, replaying | ${cpu(replayed)} |`,
        `| stored (BSON, without indexes) | ${bytesPer('recommendation', total, stored)} |`,
        `| filtered query over ${queried} recommendations (conference + status + word, first 20), ${RUNS} runs | ${page} |`,
        `| the same with totalCount | ${counted} |`,
        '',
      ].join('\n'),
    );
  } finally {
    await admin.disconnect();
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
