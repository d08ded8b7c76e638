/**
 * `npm run bench -w @kollegia/members`: p50/p99 of a filtered organisation search and of a 100-id
 * federation reference lookup, through HTTP, against the local stack (started if needed). Seeds its
 * own database and drops it afterwards. Numbers go into services/members/README.md.
 */
import 'reflect-metadata';

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

import { down, up } from '@kollegia/local-stack';
import { devAuth } from '@kollegia/service-kit';
import mongoose from 'mongoose';

import { createApp } from '../app';
import { membersConfigSchema } from '../config';

const ORGANIZATIONS = Number(process.env.BENCH_ORGANIZATIONS ?? 2000);
const RUNS = Number(process.env.BENCH_RUNS ?? 300);
const WORDS = [
  'кластер',
  'технопарк',
  'завод',
  'инжиниринг',
  'энерго',
  'цифровой',
  'приборостроение',
  'машиностроение',
  'химпром',
  'центр',
];
const SUBDIVISIONS = ['RU-MOW', 'RU-SPE', 'RU-VGG', 'RU-TA', 'RU-SVE', 'RU-NVS'];
const KINDS = ['ENTERPRISE', 'CLUSTER', 'TECHNOPARK', 'COMPETENCE_CENTER', 'UNIVERSITY'];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function timed(runs: number, work: (i: number) => Promise<void>) {
  for (let i = 0; i < Math.min(20, runs); i += 1) await work(i); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await work(i);
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p99: percentile(samples, 99), runs };
}

async function main(): Promise<void> {
  const stack = await up(undefined, (line) => process.stderr.write(`[stack] ${line}\n`));
  const dbName = `bench_members_${Date.now()}`;
  const auth = devAuth(mkdtempSync(join(tmpdir(), 'kollegia-bench-')));
  const app = await createApp(
    membersConfigSchema.parse({
      LOG_LEVEL: 'silent',
      PORT: '0',
      MONGO_URL: stack.mongoUrl,
      MONGO_DB: dbName,
      KAFKA_BROKERS: stack.kafkaBrokers.join(','),
      KAFKA_TOPIC_PREFIX: `bench.${Date.now()}.`,
      KAFKA_TOPIC_PARTITIONS: '1',
      AUTH_DEV_PUBLIC_KEY_FILE: auth.publicKeyFile,
    }),
  );
  const token = await auth.token({ tenant: 'bench', roles: ['secretary'] });
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
    process.stderr.write(`seeding ${ORGANIZATIONS} organisations …\n`);
    const ids: string[] = [];
    const seedStart = performance.now();
    for (let i = 0; i < ORGANIZATIONS; i += 20) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(20, ORGANIZATIONS - i) }, (_, j) => {
          const n = i + j;
          return gql(
            `mutation($input: RegisterOrganizationInput!) { registerOrganization(input: $input) { id } }`,
            {
              input: {
                name: `${WORDS[n % WORDS.length]} ${WORDS[(n * 7) % WORDS.length]} №${n}`,
                kind: KINDS[n % KINDS.length],
                subdivision: SUBDIVISIONS[n % SUBDIVISIONS.length],
                industries: [`industry-${n % 12}`],
              },
            },
          );
        }),
      );
      ids.push(...batch.map((data) => (data.registerOrganization as { id: string }).id));
    }
    const seedSeconds = (performance.now() - seedStart) / 1000;

    const searchQuery = (withCount: boolean) =>
      `query($f: OrganizationFilterInput) { organizations(filter: $f, first: 20) { ${withCount ? 'totalCount' : ''} nodes { id shortName } } }`;
    const searchFilter = (i: number) => ({
      text: `${WORDS[i % WORDS.length]} ${WORDS[(i * 3) % WORDS.length]!.slice(0, 4)}`,
      subdivision: SUBDIVISIONS[i % SUBDIVISIONS.length],
    });
    const searchPage = await timed(RUNS, async (i) => {
      await gql(searchQuery(false), { f: searchFilter(i) });
    });
    const search = await timed(RUNS, async (i) => {
      await gql(searchQuery(true), {
        f: {
          text: `${WORDS[i % WORDS.length]} ${WORDS[(i * 3) % WORDS.length]!.slice(0, 4)}`,
          subdivision: SUBDIVISIONS[i % SUBDIVISIONS.length],
        },
      });
    });
    const references = await timed(RUNS, async (i) => {
      const slice = Array.from({ length: 100 }, (_, k) => ids[(i * 37 + k * 13) % ids.length]);
      await gql(
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Organization { id name } } }`,
        {
          r: slice.map((id) => ({ __typename: 'Organization', id })),
        },
      );
    });

    const line = (label: string, r: { p50: number; p99: number; runs: number }) =>
      `| ${label} | ${r.p50.toFixed(1)} ms | ${r.p99.toFixed(1)} ms | ${r.runs} |`;
    process.stdout.write(
      [
        `members bench: ${ORGANIZATIONS} organisations (seeded through GraphQL in ${seedSeconds.toFixed(1)} s, ${(ORGANIZATIONS / seedSeconds).toFixed(0)}/s), node ${process.version}`,
        '| operation | p50 | p99 | runs |',
        '| --- | --- | --- | --- |',
        line('filtered search (two words + region, first 20)', searchPage),
        line('the same with totalCount', search),
        line('100-id `_entities` reference lookup', references),
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
