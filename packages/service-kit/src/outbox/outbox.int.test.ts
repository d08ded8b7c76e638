import { spawn } from 'node:child_process';
import { join } from 'node:path';

import {
  createEvent,
  decodeEvent,
  organizationRegisteredV1,
  organizationUpdatedV1,
  topicName,
} from '@kollegia/events';
import { collectMessages, expectEventually, testNamespace, uniqueId } from '@kollegia/testing';
import mongoose, { type Connection, type Model } from 'mongoose';
import type { Kafka, Producer } from 'kafkajs';

import { createKafka, createProducer, ensureTopics } from '../kafka/client';
import { createLogger } from '../logger';
import { createMetrics } from '../metrics';
import { TenantModel } from '../db/tenant-model';
import { insertWithEvents, updateWithEvents } from './aggregate-writes';
import { outboxSchemaDefinition, type OutboxEntry } from './outbox';
import { createOutboxRelay, idleRelay, type OutboxRelay } from './relay';

interface ProbeDoc {
  _id: string;
  tenantId: string;
  name: string;
  version: number;
  outbox: OutboxEntry[];
}

const ns = testNamespace('outbox');
const logger = createLogger({ service: 'outbox-test', level: 'silent' });
const tenantId = 'tenant-outbox';
const topic = topicName('organization', ns.topicPrefix);

let connection: Connection;
let probes: Model<ProbeDoc>;
let kafka: Kafka;
let producer: Producer;
let relay: OutboxRelay;

function registered(id: string) {
  return createEvent(
    organizationRegisteredV1,
    { subject: id, tenantId, aggregateVersion: 1, correlationId: id, actor: 'test' },
    { ...organizationRegisteredV1.example, id },
  );
}

beforeAll(async () => {
  connection = await mongoose.createConnection(ns.mongoUrl, { dbName: ns.dbName }).asPromise();
  probes = connection.model<ProbeDoc>(
    'Probe',
    new mongoose.Schema<ProbeDoc>({
      _id: String,
      tenantId: String,
      name: String,
      version: Number,
      outbox: outboxSchemaDefinition,
    }),
    'probes',
  );
  kafka = createKafka({ clientId: 'outbox-test', brokers: ns.kafkaBrokers, logger });
  await ensureTopics(kafka, [topic], { partitions: 3, replicationFactor: 1 });
  producer = createProducer(kafka);
  await producer.connect();
  relay = createOutboxRelay({
    producer,
    collections: [probes.collection as never, connection.collection('crash_probes') as never],
    logger,
    sweepIntervalMs: 60_000,
  });
});

afterAll(async () => {
  await relay.stop();
  await producer.disconnect();
  await connection.dropDatabase();
  await connection.close();
});

describe('the outbox', () => {
  it('should deliver a valid CloudEvent to the aggregate topic when a change commits', async () => {
    const id = uniqueId('org');
    const collector = await collectMessages(ns.kafkaBrokers, [topic]);
    try {
      await insertWithEvents(
        new TenantModel(probes),
        { _id: id, tenantId, name: 'a' },
        [registered(id)],
        {
          relay,
          topicPrefix: ns.topicPrefix,
        },
      );

      const message = await expectEventually(() => {
        const found = collector.messages.find((m) => m.key === id);
        expect(found).toBeDefined();
        return found!;
      });
      const decoded = decodeEvent(message.value);
      expect(decoded.ok).toBe(true);
      if (!decoded.ok) return;
      expect(decoded.event).toMatchObject({
        specversion: '1.0',
        type: 'kollegia.members.organization.registered.v1',
        subject: id,
        tenantid: tenantId,
        aggregateversion: 1,
        data: { id, name: organizationRegisteredV1.example.name },
      });
      expect(message.headers['content-type']).toBe('application/cloudevents+json');
      await expectEventually(async () => {
        const stored = await probes.findById(id).lean();
        expect(stored?.outbox).toEqual([]);
      });
    } finally {
      await collector.stop();
    }
  });

  it('should publish an aggregate’s events in version order when changes follow each other', async () => {
    const id = uniqueId('org');
    const collector = await collectMessages(ns.kafkaBrokers, [topic]);
    try {
      const target = { relay, topicPrefix: ns.topicPrefix };
      await insertWithEvents(
        new TenantModel(probes),
        { _id: id, tenantId, name: 'v1' },
        [registered(id)],
        target,
      );
      for (let version = 1; version <= 4; version += 1) {
        const event = createEvent(
          organizationUpdatedV1,
          {
            subject: id,
            tenantId,
            aggregateVersion: version + 1,
            correlationId: id,
            actor: 'test',
          },
          { ...organizationUpdatedV1.example, id },
        );
        await updateWithEvents(
          new TenantModel(probes),
          { tenantId, id, expectedVersion: version, what: 'probe' },
          { $set: { name: `v${version + 1}` } },
          [event],
          target,
        );
      }
      const versions = await expectEventually(() => {
        const mine = collector.messages.filter((m) => m.key === id);
        expect(mine).toHaveLength(5);
        return mine.map((m) => JSON.parse(m.value!).aggregateversion as number);
      });
      expect(versions).toEqual([1, 2, 3, 4, 5]);
    } finally {
      await collector.stop();
    }
  });

  it('should publish the events of many documents, over several chunks, when notified of them together', async () => {
    const ids = Array.from({ length: 230 }, () => uniqueId('org'));
    const collector = await collectMessages(ns.kafkaBrokers, [topic]);
    try {
      // Stored without relaying, as a writer that relays after its read models does.
      const quiet = { relay: idleRelay, topicPrefix: ns.topicPrefix };
      for (const id of ids)
        await insertWithEvents(
          new TenantModel(probes),
          { _id: id, tenantId, name: id },
          [registered(id)],
          quiet,
        );
      await relay.notifyMany(probes.collection.collectionName, [...ids, uniqueId('missing')]);

      const mine = new Set(ids);
      const keys = await expectEventually(() => {
        const sent = collector.messages.filter((m) => mine.has(m.key!)).map((m) => m.key);
        expect(sent).toHaveLength(ids.length);
        return sent;
      });
      expect(new Set(keys).size).toBe(keys.length);
      const left = await probes.countDocuments({
        _id: { $in: ids },
        'outbox.0': { $exists: true },
      });
      expect(left).toBe(0);
    } finally {
      await collector.stop();
    }
  });

  it('should refuse a stale expectedVersion with CONFLICT and store nothing', async () => {
    const id = uniqueId('org');
    const target = { relay, topicPrefix: ns.topicPrefix };
    await insertWithEvents(
      new TenantModel(probes),
      { _id: id, tenantId, name: 'v1' },
      [registered(id)],
      target,
    );
    const event = createEvent(
      organizationUpdatedV1,
      { subject: id, tenantId, aggregateVersion: 2, correlationId: id, actor: 'test' },
      { ...organizationUpdatedV1.example, id },
    );
    await updateWithEvents(
      new TenantModel(probes),
      { tenantId, id, expectedVersion: 1, what: 'probe' },
      { $set: { name: 'first' } },
      [event],
      target,
    );
    await expect(
      updateWithEvents(
        new TenantModel(probes),
        { tenantId, id, expectedVersion: 1, what: 'probe' },
        { $set: { name: 'second' } },
        [event],
        target,
      ),
    ).rejects.toMatchObject({ code: 'CONFLICT', details: { currentVersion: 2 } });
    await expect(
      updateWithEvents(
        new TenantModel(probes),
        { tenantId: 'another-tenant', id, expectedVersion: 2, what: 'probe' },
        { $set: { name: 'third' } },
        [event],
        target,
      ),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const stored = await probes.findById(id).lean();
    expect(stored).toMatchObject({ name: 'first', version: 2 });
  });

  it('should deliver the event after a restart when the process was killed between the write and the send', async () => {
    const id = uniqueId('org');
    const child = spawn(
      process.execPath,
      [join(__dirname, '../../dist/outbox/crash-after-write.fixture.js')],
      {
        env: {
          ...process.env,
          MONGO_DB: ns.dbName,
          TOPIC_PREFIX: ns.topicPrefix,
          AGGREGATE_ID: id,
          TENANT_ID: tenantId,
        },
        stdio: 'inherit',
      },
    );
    const signal = await new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, sig) => resolve(sig)),
    );
    expect(signal).toBe('SIGKILL');

    // The change and its event were stored together; nothing reached Kafka.
    const crashProbes = connection.collection<{ _id: string; outbox: OutboxEntry[] }>(
      'crash_probes',
    );
    const stored = await crashProbes.findOne({ _id: id });
    expect(stored?.outbox).toHaveLength(1);

    const collector = await collectMessages(ns.kafkaBrokers, [topic]);
    try {
      // "Restart": a fresh relay sweeps what the dead process left behind.
      const restarted = createOutboxRelay({
        producer,
        collections: [crashProbes],
        logger,
        sweepIntervalMs: 60_000,
      });
      await restarted.start();
      await restarted.stop();
      const delivered = await expectEventually(() => {
        const mine = collector.messages.filter((m) => m.key === id);
        expect(mine).toHaveLength(1);
        return mine[0]!;
      });
      expect(JSON.parse(delivered.value!).id).toBe(stored!.outbox[0]!.eventId);
      expect((await crashProbes.findOne({ _id: id }))?.outbox).toEqual([]);
    } finally {
      await collector.stop();
    }
  });
});

describe('the outbox backlog', () => {
  it('should be measured by the sweep: pending entries and the age of the oldest, then none', async () => {
    // The driver's collection (the relay's type), not mongoose's wrapper of it.
    const backlog = connection.db!.collection<{ _id: string; outbox: OutboxEntry[] }>(
      'backlog_probes',
    );
    const id = uniqueId('org');
    const entry = (minutesAgo: number) => ({
      eventId: uniqueId('evt'),
      topic,
      key: id,
      value: JSON.stringify({ left: 'behind' }),
      createdAt: new Date(Date.now() - minutesAgo * 60_000),
    });
    // Written, but never relayed right after (a process that died in between).
    await backlog.insertOne({ _id: id, outbox: [entry(2), entry(1)] });
    const metrics = createMetrics('outbox-test');
    const measured = createOutboxRelay({
      producer,
      collections: [backlog],
      logger,
      sweepIntervalMs: 60_000,
      metrics,
    });
    const gauges = async () => ({
      pending: (await metrics.outboxPending.get()).values[0],
      age: (await metrics.outboxOldestAge.get()).values[0],
    });

    await measured.sweep();
    const first = await gauges();
    expect(first.pending).toMatchObject({ labels: { collection: 'backlog_probes' }, value: 2 });
    expect(first.age?.value).toBeGreaterThanOrEqual(120);

    await measured.sweep();
    const second = await gauges();
    expect(second.pending?.value).toBe(0);
    expect(second.age?.value).toBeLessThan(1);
    await measured.stop();
  });
});

describe('concurrent changes to one aggregate', () => {
  it('should let exactly one of many changes at the same expectedVersion win', async () => {
    const id = uniqueId('org');
    const target = { relay, topicPrefix: ns.topicPrefix };
    await insertWithEvents(
      new TenantModel(probes),
      { _id: id, tenantId, name: 'v1' },
      [registered(id)],
      target,
    );
    const attempts = Array.from({ length: 20 }, (_, i) =>
      updateWithEvents(
        new TenantModel(probes),
        { tenantId, id, expectedVersion: 1, what: 'probe' },
        { $set: { name: `writer-${i}` } },
        [
          createEvent(
            organizationUpdatedV1,
            { subject: id, tenantId, aggregateVersion: 2, correlationId: id, actor: 'test' },
            { ...organizationUpdatedV1.example, id },
          ),
        ],
        target,
      ),
    );
    const results = await Promise.allSettled(attempts);
    const winners = results.filter((r) => r.status === 'fulfilled');
    expect(winners).toHaveLength(1);
    expect(
      results
        .filter((r) => r.status === 'rejected')
        .map((r) => (r.reason as { code: string }).code),
    ).toEqual(Array(19).fill('CONFLICT'));
    await expectEventually(async () => {
      const stored = await probes.findById(id).lean();
      expect(stored).toMatchObject({ version: 2, outbox: [] });
    });
  });
});
