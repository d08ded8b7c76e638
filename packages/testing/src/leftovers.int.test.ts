import { Kafka, logLevel } from 'kafkajs';
import mongoose from 'mongoose';

import { currentTestRun, removeTestLeftovers, STALE_RUN_MS } from './leftovers';
import { testNamespace } from './namespace';

const ns = testNamespace('leftovers');
const kafka = new Kafka({
  clientId: 'leftovers-test',
  brokers: ns.kafkaBrokers,
  logLevel: logLevel.NOTHING,
});
const admin = kafka.admin();
let connection: mongoose.Connection;

// Names of two other, made-up runs: one killed long ago, one still running (started a minute ago).
const now = Date.now();
const killed = String(now - STALE_RUN_MS - 60_000);
const running = String(now - 60_000);
const names = (run: string) => ({
  topic: `t.${run}.leftovers.kollegia.members.person`,
  db: `t_${run}_leftovers`,
});

async function databases(): Promise<string[]> {
  const { databases: list } = await connection.db!.admin().listDatabases({ nameOnly: true });
  return list.map((database) => database.name);
}

beforeAll(async () => {
  await admin.connect();
  connection = await mongoose.createConnection(ns.mongoUrl).asPromise();
  for (const run of [killed, running]) {
    await admin.createTopics({
      topics: [{ topic: names(run).topic, numPartitions: 1 }],
      waitForLeaders: true,
    });
    await connection
      .useDb(names(run).db, { useCache: false })
      .collection('things')
      .insertOne({ run });
  }
});

afterAll(async () => {
  await removeTestLeftovers(ns, { run: running });
  await admin.disconnect();
  await connection.close();
});

describe('removeTestLeftovers on the real broker and database', () => {
  it("removes a killed run's topics and databases and keeps those of a run still going", async () => {
    const removed = await removeTestLeftovers(ns, { staleAt: Date.now() });

    expect(removed.topics).toBeGreaterThanOrEqual(1);
    expect(removed.databases).toBeGreaterThanOrEqual(1);
    const topics = await admin.listTopics();
    expect(topics).not.toContain(names(killed).topic);
    expect(topics).toContain(names(running).topic);
    expect(await databases()).not.toContain(names(killed).db);
    expect(await databases()).toContain(names(running).db);
  });

  it("removes exactly one run's names when asked for that run", async () => {
    const mine = `${ns.topicPrefix}kollegia.members.person`;
    await admin.createTopics({ topics: [{ topic: mine, numPartitions: 1 }], waitForLeaders: true });
    await connection
      .useDb(ns.dbName, { useCache: false })
      .collection('things')
      .insertOne({ mine: true });

    await removeTestLeftovers(ns, { run: running });

    const topics = await admin.listTopics();
    expect(topics).not.toContain(names(running).topic);
    expect(topics).toContain(mine);
    expect(await databases()).not.toContain(names(running).db);
    expect(await databases()).toContain(ns.dbName);
    expect(ns.topicPrefix.startsWith(`t.${currentTestRun()}.`)).toBe(true);
  });
});
