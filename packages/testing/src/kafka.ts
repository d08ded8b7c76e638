import { decodeEvent, type KollegiaEvent } from '@kollegia/events';
import { Kafka, logLevel, type Consumer, type IHeaders, type KafkaMessage } from 'kafkajs';

import { currentTestRun } from './leftovers';

export interface ReceivedMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
}

function headersOf(headers: IHeaders | undefined): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers ?? {}).map(([name, value]) => [name, String(value)]),
  );
}

/**
 * Reads topics from the beginning into an array, for assertions. Each collector has its own
 * consumer group. `stop()` it in afterAll.
 */
export async function collectMessages(
  brokers: string[],
  topics: string[],
): Promise<{ messages: ReceivedMessage[]; stop: () => Promise<void> }> {
  const kafka = new Kafka({ clientId: 'test-collector', brokers, logLevel: logLevel.NOTHING });
  const consumer: Consumer = kafka.consumer({
    groupId: `t.${currentTestRun()}.test-collector-${Math.random().toString(36).slice(2)}`,
    maxWaitTimeInMs: 100,
  });
  const messages: ReceivedMessage[] = [];
  await consumer.connect();
  await consumer.subscribe({ topics, fromBeginning: true });
  await consumer.run({
    eachMessage: ({
      topic,
      partition,
      message,
    }: {
      topic: string;
      partition: number;
      message: KafkaMessage;
    }) => {
      messages.push({
        topic,
        partition,
        offset: message.offset,
        key: message.key?.toString() ?? null,
        value: message.value?.toString() ?? null,
        headers: headersOf(message.headers),
      });
      return Promise.resolve();
    },
  });
  return { messages, stop: () => consumer.disconnect() };
}

/** Sends raw messages (e.g. malformed ones) to a topic. */
export async function sendRaw(
  brokers: string[],
  topic: string,
  messages: { key?: string; value: string }[],
): Promise<void> {
  const producer = new Kafka({
    clientId: 'test-sender',
    brokers,
    logLevel: logLevel.NOTHING,
  }).producer();
  await producer.connect();
  try {
    await producer.send({ topic, messages });
  } finally {
    await producer.disconnect();
  }
}

/**
 * The decoded events of one aggregate (messages keyed by its id), in the order the topic holds
 * them, each once (a copy the outbox published again has the same id).
 */
export function eventsOf(messages: ReceivedMessage[], key: string): KollegiaEvent[] {
  const seen = new Set<string>();
  return messages
    .filter((m) => m.key === key)
    .map((m) => {
      const decoded = decodeEvent(m.value ?? '');
      if (!decoded.ok) throw new Error(decoded.reason);
      return decoded.event;
    })
    .filter((event) => !seen.has(event.id) && Boolean(seen.add(event.id)));
}
