import {
  deadLetterTopic,
  encodeEvent,
  organizationRegisteredV1,
  topicName,
  type KollegiaEvent,
} from '@kollegia/events';
import { anEnvelope } from '@kollegia/events/testing';
import {
  collectMessages,
  expectEventually,
  sendRaw,
  testNamespace,
  uniqueId,
} from '@kollegia/testing';
import mongoose, { type Connection } from 'mongoose';
import type { Kafka, Producer } from 'kafkajs';

import { applyOnce } from '../idempotency';
import { createLogger } from '../logger';
import { createKafka, createProducer, ensureTopics } from './client';
import {
  createConsumerRunner,
  NonRetriableError,
  type ConsumerRunner,
  type EventHandlers,
} from './consumer-runner';
import { DEAD_LETTER_HEADERS } from './dead-letter';

const ns = testNamespace('consumer');
const logger = createLogger({ service: 'consumer-test', level: 'silent' });

let connection: Connection;
let kafka: Kafka;
let producer: Producer;
const runners: ConsumerRunner[] = [];

interface Counter {
  _id: string;
  count: number;
  appliedEventIds: string[];
}

beforeAll(async () => {
  connection = await mongoose.createConnection(ns.mongoUrl, { dbName: ns.dbName }).asPromise();
  kafka = createKafka({ clientId: 'consumer-test', brokers: ns.kafkaBrokers, logger });
  producer = createProducer(kafka);
  await producer.connect();
});

afterAll(async () => {
  await Promise.all(runners.map((r) => r.stop()));
  await producer.disconnect();
  await connection.dropDatabase();
  await connection.close();
});

/** Each test gets its own topic, so one test's messages never reach another's consumer. */
async function startRunner(name: string, handlers: EventHandlers) {
  const groupId = `${ns.id}-${name}`;
  const topic = topicName('organization', `${ns.topicPrefix}${name}.`);
  const dlq = deadLetterTopic(groupId, ns.topicPrefix);
  await ensureTopics(kafka, [topic, dlq], { partitions: 1, replicationFactor: 1 });
  const runner = createConsumerRunner({
    kafka,
    producer,
    logger,
    groupId,
    topics: [topic],
    deadLetterTopic: dlq,
    handlers,
    maxAttempts: 3,
    backoffMs: 10,
  });
  await runner.start();
  runners.push(runner);
  return { runner, dlq, topic, groupId };
}

describe('the consumer runner', () => {
  it('should apply an event once when it is delivered three times', async () => {
    const counters = connection.collection<Counter>('counters');
    const counterId = uniqueId('counter');
    await counters.insertOne({ _id: counterId, count: 0, appliedEventIds: [] });
    const seen: string[] = [];
    const { topic } = await startRunner('once', {
      'kollegia.members.organization.registered.v1': async (event) => {
        seen.push(event.id);
        await counters.updateOne(
          ...applyOnce(event.id, { _id: counterId }, { $inc: { count: 1 } }),
        );
      },
    });

    const event = anEnvelope(organizationRegisteredV1);
    const { key, value } = encodeEvent(event);
    await sendRaw(ns.kafkaBrokers, topic, [
      { key, value },
      { key, value },
      { key, value },
    ]);

    await expectEventually(() => expect(seen).toHaveLength(3));
    const counter = await counters.findOne({ _id: counterId });
    expect(counter?.count).toBe(1);
    expect(counter?.appliedEventIds).toEqual([event.id]);
  });

  it('should dead-letter a malformed message with its reason and origin and go on with the next', async () => {
    const handled: KollegiaEvent[] = [];
    const { dlq, topic, groupId } = await startRunner('dlq', {
      'kollegia.members.organization.registered.v1': async (event) => {
        handled.push(event);
      },
    });
    const dead = await collectMessages(ns.kafkaBrokers, [dlq]);
    try {
      const good = anEnvelope(organizationRegisteredV1);
      const badData = { ...anEnvelope(organizationRegisteredV1), data: { id: 'x', name: '' } };
      await sendRaw(ns.kafkaBrokers, topic, [
        { key: 'bad-json', value: '{not json' },
        { key: 'bad-data', value: JSON.stringify(badData) },
        { key: good.subject, value: encodeEvent(good).value },
      ]);

      await expectEventually(() => expect(handled.map((e) => e.id)).toContain(good.id));
      const letters = await expectEventually(() => {
        expect(dead.messages).toHaveLength(2);
        return dead.messages;
      });
      const byKey = Object.fromEntries(letters.map((m) => [m.key, m]));
      expect(byKey['bad-json']?.value).toBe('{not json');
      expect(byKey['bad-json']?.headers[DEAD_LETTER_HEADERS.reason]).toMatch(
        /^invalid event: invalid JSON/,
      );
      expect(byKey['bad-data']?.headers[DEAD_LETTER_HEADERS.reason]).toMatch(
        /invalid data .*data\.name/,
      );
      for (const letter of letters) {
        expect(letter.headers[DEAD_LETTER_HEADERS.originTopic]).toBe(topic);
        expect(letter.headers[DEAD_LETTER_HEADERS.originPartition]).toBe('0');
        expect(letter.headers[DEAD_LETTER_HEADERS.originOffset]).toMatch(/^\d+$/);
        expect(letter.headers[DEAD_LETTER_HEADERS.consumerGroup]).toBe(groupId);
      }
    } finally {
      await dead.stop();
    }
  });

  it('should retry a failing handler and dead-letter the event when it keeps failing', async () => {
    const attempts = new Map<string, number>();
    const poison = anEnvelope(organizationRegisteredV1);
    const flaky = anEnvelope(organizationRegisteredV1);
    const permanent = anEnvelope(organizationRegisteredV1);
    const after = anEnvelope(organizationRegisteredV1);
    const done: string[] = [];
    const { dlq, topic } = await startRunner('retry', {
      'kollegia.members.organization.registered.v1': async (event) => {
        const n = (attempts.get(event.id) ?? 0) + 1;
        attempts.set(event.id, n);
        if (event.id === poison.id) throw new Error('database says no');
        if (event.id === flaky.id && n < 2) throw new Error('transient');
        if (event.id === permanent.id) throw new NonRetriableError('contradicts the state');
        done.push(event.id);
      },
    });
    const dead = await collectMessages(ns.kafkaBrokers, [dlq]);
    try {
      await sendRaw(
        ns.kafkaBrokers,
        topic,
        [poison, flaky, permanent, after].map((e) => ({
          key: e.subject,
          value: encodeEvent(e).value,
        })),
      );
      await expectEventually(() =>
        expect(done).toEqual(expect.arrayContaining([flaky.id, after.id])),
      );
      const letters = await expectEventually(() => {
        expect(dead.messages).toHaveLength(2);
        return dead.messages;
      });
      expect(attempts.get(poison.id)).toBe(3);
      expect(attempts.get(flaky.id)).toBe(2);
      expect(attempts.get(permanent.id)).toBe(1);
      const reasons = Object.fromEntries(
        letters.map((m) => [JSON.parse(m.value!).id, m.headers[DEAD_LETTER_HEADERS.reason]]),
      );
      expect(reasons[poison.id]).toBe('handler failed: Error: database says no');
      expect(reasons[permanent.id]).toBe(
        'handler failed: NonRetriableError: contradicts the state',
      );
    } finally {
      await dead.stop();
    }
  });

  it('should hand the consecutive events of a batch handler to it together, and dead-letter a malformed one alone', async () => {
    const batches: string[][] = [];
    const one: string[] = [];
    const { dlq, topic } = await startRunner('batch', {
      'kollegia.members.organization.registered.v1': {
        each: async (event) => {
          one.push(event.id);
        },
        batch: async (events) => {
          batches.push(events.map((event) => event.id));
        },
      },
    });
    const dead = await collectMessages(ns.kafkaBrokers, [dlq]);
    try {
      const [a, b, c] = [0, 1, 2].map(() => anEnvelope(organizationRegisteredV1));
      // One send: the four arrive in one Kafka batch.
      await sendRaw(ns.kafkaBrokers, topic, [
        { key: a!.subject, value: encodeEvent(a!).value },
        { key: 'bad-json', value: '{not json' },
        { key: b!.subject, value: encodeEvent(b!).value },
        { key: c!.subject, value: encodeEvent(c!).value },
      ]);

      await expectEventually(() => expect(dead.messages).toHaveLength(1));
      await expectEventually(() => expect(batches.flat()).toHaveLength(3));
      expect(batches).toEqual([[a!.id, b!.id, c!.id]]);
      expect(one).toEqual([]);
      expect(dead.messages[0]!.key).toBe('bad-json');
      expect(dead.messages[0]!.headers[DEAD_LETTER_HEADERS.reason]).toMatch(/^invalid event/);
    } finally {
      await dead.stop();
    }
  });

  it('should handle the events of a failing batch one by one, dead-letter the poison one and apply the rest', async () => {
    const [before, poison, after] = [0, 1, 2].map(() => anEnvelope(organizationRegisteredV1));
    const batches: string[][] = [];
    const applied: string[] = [];
    const { dlq, topic } = await startRunner('poison', {
      'kollegia.members.organization.registered.v1': {
        each: async (event) => {
          if (event.id === poison!.id) throw new NonRetriableError('contradicts the state');
          applied.push(event.id);
        },
        batch: async (events) => {
          batches.push(events.map((event) => event.id));
          if (events.some((event) => event.id === poison!.id)) throw new Error('bulk write failed');
          applied.push(...events.map((event) => event.id));
        },
      },
    });
    const dead = await collectMessages(ns.kafkaBrokers, [dlq]);
    try {
      await sendRaw(
        ns.kafkaBrokers,
        topic,
        [before!, poison!, after!].map((e) => ({ key: e.subject, value: encodeEvent(e).value })),
      );

      await expectEventually(() => expect(dead.messages).toHaveLength(1));
      await expectEventually(() => expect(applied).toEqual([before!.id, after!.id]));
      expect(batches).toEqual([[before!.id, poison!.id, after!.id]]);
      expect(JSON.parse(dead.messages[0]!.value!).id).toBe(poison!.id);
      expect(dead.messages[0]!.headers[DEAD_LETTER_HEADERS.reason]).toBe(
        'handler failed: NonRetriableError: contradicts the state',
      );
    } finally {
      await dead.stop();
    }
  });

  it('should leave a batch that was not applied to the next member of the group', async () => {
    const events = [0, 1].map(() => anEnvelope(organizationRegisteredV1));
    let entered!: () => void;
    const inBatch = new Promise<void>((resolve) => (entered = resolve));
    let interrupt!: (error: Error) => void;
    const interrupted = new Promise<never>((_, reject) => (interrupt = reject));
    const first = await startRunner('handover', {
      'kollegia.members.organization.registered.v1': {
        each: () => interrupted,
        batch: () => {
          entered();
          return interrupted;
        },
      },
    });
    await sendRaw(
      ns.kafkaBrokers,
      first.topic,
      events.map((e) => ({ key: e.subject, value: encodeEvent(e).value })),
    );
    await inBatch;

    // Stopping while the batch is being applied: its write fails, so nothing is committed.
    const stopped = first.runner.stop();
    interrupt(new Error('the database went away'));
    await stopped;

    const applied: string[] = [];
    await startRunner('handover', {
      'kollegia.members.organization.registered.v1': {
        each: async (event) => {
          applied.push(event.id);
        },
        batch: async (batch) => {
          applied.push(...batch.map((event) => event.id));
        },
      },
    });
    await expectEventually(() => expect(applied).toEqual(events.map((e) => e.id)));
  });
});
