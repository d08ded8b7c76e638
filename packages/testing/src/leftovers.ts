import { setTimeout as sleep } from 'node:timers/promises';

import { Kafka, logLevel, type Admin } from 'kafkajs';
import mongoose from 'mongoose';

/**
 * Every test file gets its own topics, consumer groups and database in the shared local stack
 * (`testNamespace`). They are named after the test run (`t.<run>.<file>.` and `t_<run>_<file>`, the
 * run being the millisecond it started), so the run's global teardown removes what it made, and the
 * next run's setup removes what a killed run left behind. Without this the broker kept every topic
 * of every run: after a few hundred runs it held 8,000 partitions, took more than 90 s to start and
 * at times stopped answering mid-run.
 */
export const TEST_RUN_VARIABLE = 'KOLLEGIA_TEST_RUN';

/** No test run lasts this long: a run older than this was killed and its leftovers are garbage. */
export const STALE_RUN_MS = 6 * 60 * 60 * 1000;

const RUN_PART = /^t[._](\d{13})[._]/;

/** The run id of this process: set by the jest global setup, inherited by the workers. */
export function currentTestRun(): string {
  const run = process.env[TEST_RUN_VARIABLE];
  if (!run || !/^\d{13}$/.test(run)) {
    throw new Error(
      `${TEST_RUN_VARIABLE} is not set: run integration tests with jest.int.config.js or jest.e2e.config.js`,
    );
  }
  return run;
}

/** Which leftovers to remove: one run's own (at its teardown) or those of runs that are gone. */
export type LeftoverSelection = { run: string } | { staleAt: number };

/**
 * Whether a topic, consumer group or database name is a test leftover of the selection. Names that
 * do not start with `t.`/`t_` are never test names (services use `kollegia…`). Test names without a
 * run id come from before runs were named, so they count as stale.
 */
export function isLeftover(name: string, selection: LeftoverSelection): boolean {
  if (!name.startsWith('t.') && !name.startsWith('t_')) return false;
  const match = RUN_PART.exec(name);
  if ('run' in selection) return match?.[1] === selection.run;
  if (!match) return true;
  return selection.staleAt - Number(match[1]) > STALE_RUN_MS;
}

export interface LeftoverCounts {
  topics: number;
  groups: number;
  databases: number;
}

function chunks<T>(items: T[], size: number): T[][] {
  const result: T[][] = [];
  for (let index = 0; index < items.length; index += size) {
    result.push(items.slice(index, index + size));
  }
  return result;
}

/**
 * After deleting thousands of partitions the broker is busy for a while and a topic created then
 * has no leader ("This server does not host this topic-partition"); tests start only once a probe
 * topic can be created and deleted again.
 */
async function untilTopicsCanBeCreated(admin: Admin, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 0; ; attempt += 1) {
    // A new name each time: a failed attempt may have created the topic without a leader.
    const probe = `t.${Date.now()}.leftovers-probe-${attempt}`;
    try {
      await admin.createTopics({
        topics: [{ topic: probe, numPartitions: 1 }],
        waitForLeaders: true,
      });
      await admin.deleteTopics({ topics: [probe] });
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(1000);
    }
  }
}

/**
 * Calls the broker again while it answers with an error kafkajs marks retriable. `listGroups` has no
 * retry of its own, and a broker that has just started answers it with "The coordinator is loading
 * and hence can't process requests for this group" for a few seconds (it failed a CI run's setup).
 */
async function whileRetriable<T>(call: () => Promise<T>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await call();
    } catch (error) {
      if (!(error as { retriable?: boolean }).retriable || Date.now() > deadline) throw error;
      await sleep(500);
    }
  }
}

/** Deletes the selected test topics and consumer groups from the broker and databases from MongoDB. */
export async function removeTestLeftovers(
  endpoints: { kafkaBrokers: string[]; mongoUrl: string },
  selection: LeftoverSelection,
): Promise<LeftoverCounts> {
  const counts: LeftoverCounts = { topics: 0, groups: 0, databases: 0 };
  const admin = new Kafka({
    clientId: 'test-leftovers',
    brokers: endpoints.kafkaBrokers,
    logLevel: logLevel.NOTHING,
  }).admin();
  await admin.connect();
  try {
    const { groups } = await whileRetriable(() => admin.listGroups());
    const groupIds = groups.map((group) => group.groupId).filter((id) => isLeftover(id, selection));
    for (const batch of chunks(groupIds, 200)) {
      // A group with members still running cannot be deleted; it expires with the broker's retention.
      const results = await admin.deleteGroups(batch).catch(() => []);
      counts.groups += results.filter((result) => !result.error).length;
    }
    const topics = (await whileRetriable(() => admin.listTopics())).filter((topic) =>
      isLeftover(topic, selection),
    );
    for (const batch of chunks(topics, 200)) {
      await admin.deleteTopics({ topics: batch, timeout: 60_000 });
      counts.topics += batch.length;
    }
    if (counts.topics > 0) await untilTopicsCanBeCreated(admin);
  } finally {
    await admin.disconnect();
  }

  const connection = await mongoose.createConnection(endpoints.mongoUrl).asPromise();
  try {
    const { databases } = await connection.db!.admin().listDatabases({ nameOnly: true });
    for (const { name } of databases) {
      if (!isLeftover(name, selection)) continue;
      await connection.useDb(name, { useCache: false }).dropDatabase();
      counts.databases += 1;
    }
  } finally {
    await connection.close();
  }
  return counts;
}
