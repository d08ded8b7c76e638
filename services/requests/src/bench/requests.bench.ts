/**
 * `npm run bench -w @kollegia/requests`: p50/p99 of an addressee's inbox (through HTTP, as the
 * addressee) over 10,000 requests, and how long the due-notice scheduler takes over 10,000 open
 * requests — against the local stack (started if needed). Seeds through the repository layer with
 * decisions of the domain (no events: nothing to relay), in its own database, dropped afterwards.
 * Numbers go into services/requests/README.md; the bytes stored per request also into
 * docs/capacity.md.
 */
import 'reflect-metadata';

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

import { down, up } from '@kollegia/local-stack';
import { devAuth, idleRelay, type OutboxTarget } from '@kollegia/service-kit';
import { bytesPer, storedBytes } from '@kollegia/testing';
import mongoose from 'mongoose';

import { createApp } from '../app';
import { requestsConfigSchema } from '../config';
import type { RequestModel } from '../db/request.model';
import { RequestRepository } from '../db/request.repository';
import { deadlinePolicy } from '../domain/deadline';
import type { Request } from '../domain/request';
import { draftRequest, registerRequest, submitRequest } from '../domain/request-lifecycle';
import { timelineEntries } from '../domain/timeline';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 10_000);
// These defaults kept the bench to about five minutes on FerretDB, where every query but an _id
// lookup scanned (a query took seconds at 10,000 requests); its README figures were taken with
// BENCH_RUNS=30 BENCH_NOTICES=100. The embedded engine runs it in about a minute (docs/adr/0009).
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const WARM_UP = 5;
const ADDRESSEES = 5;
/** How many of the open requests still wait for their due-soon notice when the scheduler runs. */
const NOTICES = Number(process.env.BENCH_NOTICES ?? 20);
const TENANT = 'bench';

// Sent from Monday 2 March 2026 on, 20 seconds apart (10,000 take two and a half days) and
// registered the next day: answers are due on 2, 3 or 6 April (the 4th is a Saturday). On the
// morning of 2 April every one of them is due soon and none overdue; on 10 March none is near.
const SENT_FROM = Date.parse('2026-03-02T07:00:00.000Z');
const BEFORE_HORIZON = new Date('2026-03-10T09:00:00.000Z');
const IN_WINDOW = new Date('2026-04-02T06:00:00.000Z');

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

/** A request as the application would have stored it: drafted, sent and registered. */
function seededRequest(n: number, addresseeId: string): Request {
  const policy = deadlinePolicy();
  const sentAt = new Date(SENT_FROM + n * 20_000);
  const registeredAt = new Date(sentAt.getTime() + 24 * 60 * 60 * 1000);
  const ids = () => new mongoose.Types.ObjectId().toHexString();
  const actor = { subject: 'bench', roles: ['secretary' as const] };
  const drafted = draftRequest(
    {
      addresseeId,
      kind: 'APPEAL',
      subject: `О мерах поддержки участников промышленных кластеров № ${n}`,
      body:
        'Ассоциация кластеров и технопарков просит рассмотреть возможность провести отбор ' +
        'совместных проектов участников промышленных кластеров, включённых в реестр, с ' +
        `финансированием из средств дорожных карт НТИ. Обращение ${n}.`,
    },
    { now: sentAt, tenantId: TENANT, ids },
  ).state;
  const submitted = submitRequest(
    drafted,
    { outgoingNumber: `BENCH-2026/${String(n + 1).padStart(5, '0')}` },
    policy,
    { now: sentAt, ids },
  ).state;
  const registered = registerRequest(
    submitted,
    { incomingNumber: `ВХ-${n}`, registeredOn: registeredAt.toISOString().slice(0, 10) },
    actor,
    policy,
    { now: registeredAt, ids },
  ).state;
  const dueSoon = `ANSWER/${registered.deadline?.dueOn ?? ''}`;
  return {
    ...registered,
    version: 3,
    announced: n % Math.max(1, Math.round(REQUESTS / NOTICES)) === 0 ? {} : { dueSoon },
  };
}

async function main(): Promise<void> {
  const stack = await up(undefined, (line) => process.stderr.write(`[stack] ${line}\n`));
  const dbName = `bench_requests_${Date.now()}`;
  const auth = devAuth(mkdtempSync(join(tmpdir(), 'kollegia-bench-')));
  let now = IN_WINDOW;
  const app = await createApp(
    requestsConfigSchema.parse({
      LOG_LEVEL: 'silent',
      PORT: '0',
      MONGO_URL: stack.mongoUrl,
      MONGO_DB: dbName,
      KAFKA_BROKERS: stack.kafkaBrokers.join(','),
      KAFKA_TOPIC_PREFIX: `bench.${Date.now()}.`,
      KAFKA_TOPIC_PARTITIONS: '1',
      AUTH_DEV_PUBLIC_KEY_FILE: auth.publicKeyFile,
      SCHEDULER_INTERVAL_MS: '3600000',
      // The relay's periodic sweep is a full scan on the embedded database (see the README):
      // seeding writes no events and the announcements are relayed right after their writes, so
      // it only adds noise.
      OUTBOX_SWEEP_INTERVAL_MS: '600000',
    }),
    { clock: () => now },
  );
  const addressees = Array.from({ length: ADDRESSEES }, () =>
    new mongoose.Types.ObjectId().toHexString(),
  );
  const inboxOwner = addressees[0]!;
  const token = await auth.token({ tenant: TENANT, roles: ['addressee'], org: inboxOwner });
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
    // Seeding writes no events, so the relay has nothing to do.
    const quiet: OutboxTarget = { topicPrefix: '', relay: idleRelay };
    const repository = new RequestRepository(
      app.runtime.connection.model('Request') as unknown as RequestModel,
      quiet,
    );
    process.stderr.write(`seeding ${REQUESTS} registered requests …\n`);
    const seedStart = performance.now();
    const CONCURRENCY = 20;
    for (let i = 0; i < REQUESTS; i += CONCURRENCY) {
      await Promise.all(
        Array.from({ length: Math.min(CONCURRENCY, REQUESTS - i) }, (_, j) => {
          const n = i + j;
          const state = seededRequest(n, addressees[n % ADDRESSEES]!);
          const lines = timelineEntries(
            state,
            [{ kind: 'drafted' }, { kind: 'submitted' }, { kind: 'registered' }],
            'bench',
            state.createdAt,
          );
          return repository.create(state, [], lines);
        }),
      );
    }
    const seedSeconds = (performance.now() - seedStart) / 1000;

    process.stderr.write(`timing the inbox (${RUNS} runs) …\n`);
    const inboxQuery = `query($after: String) { inbox(first: 20, after: $after) { nodes { id outgoingNumber subject status dueAt daysRemaining } pageInfo { endCursor hasNextPage } } }`;
    // Cursors of a few pages deep into the inbox, to time keyset paging too.
    const cursors: (string | null)[] = [null];
    for (let page = 0; page < 5; page += 1) {
      const data = (await gql(inboxQuery, { after: cursors.at(-1) })).inbox as {
        pageInfo: { endCursor: string | null };
      };
      cursors.push(data.pageInfo.endCursor);
    }
    const samples: number[] = [];
    for (let i = 0; i < RUNS + WARM_UP; i += 1) {
      const start = performance.now();
      await gql(inboxQuery, { after: cursors[i % cursors.length] ?? null });
      if (i >= WARM_UP) samples.push(performance.now() - start);
    }
    samples.sort((a, b) => a - b);

    const timedRun = async (at: Date) => {
      now = at;
      const start = performance.now();
      const run = await app.runScheduler();
      return { ...run, ms: performance.now() - start };
    };
    process.stderr.write('timing the scheduler …\n');
    const beforeHorizon = await timedRun(BEFORE_HORIZON);
    const announcing = await timedRun(IN_WINDOW);
    const steady = await timedRun(new Date(IN_WINDOW.getTime() + 60_000));

    const inboxSize = Math.ceil(REQUESTS / ADDRESSEES);
    const stored = await storedBytes(app.runtime.connection.db!);
    process.stdout.write(
      [
        `requests bench: ${REQUESTS} registered requests to ${ADDRESSEES} addressees (seeded through the repository in ${seedSeconds.toFixed(1)} s, ${(REQUESTS / seedSeconds).toFixed(0)}/s), node ${process.version}`,
        '| operation | p50 | p99 | runs |',
        '| --- | --- | --- | --- |',
        `| inbox of one addressee (${inboxSize} requests), first: 20, pages 1–6 | ${ms(percentile(samples, 50))} | ${ms(percentile(samples, 99))} | ${RUNS} |`,
        '',
        '| scheduler run | requests read | notices announced | time |',
        '| --- | --- | --- | --- |',
        `| before any deadline is near | ${beforeHorizon.read} | ${beforeHorizon.announced} | ${ms(beforeHorizon.ms)} |`,
        `| in the due-soon window, ${NOTICES} not yet announced | ${announcing.read} | ${announcing.announced} | ${ms(announcing.ms)} |`,
        `| the next run (all announced) | ${steady.read} | ${steady.announced} | ${ms(steady.ms)} |`,
        '',
        `stored (BSON, without indexes): ${bytesPer('request', REQUESTS, stored)}`,
        `repeat with: BENCH_REQUESTS=${REQUESTS} npm run bench -w @kollegia/requests`,
        '',
      ].join('\n'),
    );
  } finally {
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
