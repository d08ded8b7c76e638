import { decodeEvent, type Aggregate, type KollegiaEvent } from '@kollegia/events';
import {
  inConsumerSpan,
  resilientConsumer,
  tracingOff,
  type Logger,
  type ResilientConsumer,
  type Tracer,
} from '@kollegia/service-kit';
import { MemPubSub } from '@graphql-hive/pubsub';
import type { Kafka } from 'kafkajs';

import { partitionKey, type Positions } from './stream-cursor';

/** One event as live subscribers get it: its keys, not its full payload. */
export interface LiveEvent {
  /** Its place in Kafka, `<aggregate>:<partition>:<offset>`: the same on every gateway, unique. */
  cursor: string;
  /** The partition it came from (`<aggregate>:<partition>`, see stream-cursor.ts) and its offset. */
  partition: string;
  offset: number;
  eventId: string;
  /** The short event name, e.g. `statement-recorded`. */
  type: string;
  occurredAt: string;
  tenantId: string;
  aggregate: string;
  subject: string;
  data: Record<string, unknown>;
  /** When this gateway received it from Kafka (for latency measurements). */
  receivedAt: number;
}

/**
 * The aggregates whose events live subscriptions hear: round tables (roundtableLive),
 * recommendations and requests (their own streams, the addressee inbox and the conference feed,
 * which recommendation events wake), and items under control (a conference's, on its channel).
 * Members' and conferences' own events reach no subscriber, so the gateway does not read their
 * topics.
 */
export const LIVE_AGGREGATES: readonly Aggregate[] = [
  'roundtable',
  'recommendation',
  'request',
  'control-item',
];

/** The live channels an event goes to; subscriptions listen on one channel each. */
export function channelsOf(
  event: Pick<LiveEvent, 'tenantId' | 'aggregate' | 'subject' | 'data'>,
): string[] {
  const { tenantId, aggregate, subject, data } = event;
  const channels = [`${aggregate}/${tenantId}/${subject}`];
  const conferenceId =
    (data.conferenceId as string | undefined) ??
    (data.source as { conferenceId?: string } | undefined)?.conferenceId;
  if (conferenceId && aggregate !== 'conference')
    channels.push(`conference/${tenantId}/${conferenceId}`);
  if (typeof data.recommendationId === 'string') {
    channels.push(`recommendation/${tenantId}/${data.recommendationId}`);
  }
  if (typeof data.addresseeId === 'string')
    channels.push(`addressee/${tenantId}/${data.addresseeId}`);
  return channels;
}

/** A topic's partition as stream cursors name it: topics end with their aggregate's name. */
export function topicPartition(topic: string, partition: number): string {
  return partitionKey(topic.slice(topic.lastIndexOf('.') + 1), partition);
}

export function toLiveEvent(event: KollegiaEvent, partition: string, offset: number): LiveEvent {
  const parts = event.type.split('.');
  return {
    cursor: `${partition}:${offset}`,
    partition,
    offset,
    eventId: event.id,
    type: parts.at(-2) ?? event.type,
    occurredAt: event.time,
    tenantId: event.tenantid,
    aggregate: parts[2] ?? '',
    subject: event.subject,
    data: event.data,
    receivedAt: Date.now(),
  };
}

/**
 * Feeds live subscriptions from Kafka. Each gateway instance reads the live topics in a consumer
 * group of its own, from the latest offset, and fans events out in memory to its own subscribers;
 * what happened before a client subscribed comes from the live history (history.ts).
 */
export class LiveFeed {
  private readonly pubsub = new MemPubSub<Record<string, LiveEvent>>();
  private readonly consumer: ResilientConsumer;
  /** The offset of the last event read from each partition (or before the feed's start). */
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly options: {
      kafka: Kafka;
      topics: string[];
      groupId: string;
      logger: Logger;
      tracer?: Tracer;
    },
  ) {
    const { kafka, topics, groupId, logger, tracer = tracingOff.tracer } = options;
    this.consumer = resilientConsumer({
      kafka,
      logger,
      config: {
        groupId,
        // An idle topic must not delay a follow-up: the broker answers a fetch after at most 50 ms.
        maxWaitTimeInMs: 50,
        allowAutoTopicCreation: false,
      },
      run: async (consumer) => {
        await consumer.subscribe({ topics, fromBeginning: false });
        await consumer.run({
          eachMessage: ({ topic, partition, message }) => {
            const key = topicPartition(topic, partition);
            const offset = Number(message.offset);
            this.note(key, offset);
            const decoded = decodeEvent(message.value);
            // Services dead-letter what does not decode; live watchers simply do not see it.
            if (!decoded.ok) return Promise.resolve();
            const live = toLiveEvent(decoded.event, key, offset);
            // The fan-out to this gateway's subscribers, in the trace of the change it tells.
            return inConsumerSpan(tracer, { topic, partition, groupId }, [decoded.event], () => {
              for (const channel of channelsOf(live)) this.pubsub.publish(channel, live);
              return Promise.resolve();
            });
          },
        });
      },
    });
  }

  get isRunning(): boolean {
    return this.consumer.running;
  }

  private note(key: string, offset: number): void {
    this.seen.set(key, Math.max(offset, this.seen.get(key) ?? -1));
  }

  /**
   * Starts reading from the latest offsets, and notes them as seen: what was published before the
   * feed started is the history's to tell (a resumed stream waits until the history has it).
   */
  async start(): Promise<void> {
    await this.consumer.start();
    const admin = this.options.kafka.admin();
    await admin.connect();
    try {
      for (const topic of this.options.topics) {
        for (const { partition, high } of await admin.fetchTopicOffsets(topic)) {
          this.note(topicPartition(topic, partition), Number(high) - 1);
        }
      }
    } finally {
      await admin.disconnect();
    }
  }

  /**
   * How far this gateway has read the partitions of `aggregates`: an event published later comes
   * after these positions. Taken in the same tick as `listen`, it splits the past (the history's)
   * from what the listener hears.
   */
  positions(aggregates: readonly string[]): Positions {
    return Object.fromEntries(
      [...this.seen].filter(([key]) => aggregates.includes(key.slice(0, key.indexOf(':')))),
    );
  }

  /** Calls `onEvent` for the channel's events from now on; returns the function that stops it. */
  listen(channel: string, onEvent: (event: LiveEvent) => void): () => void {
    // The in-memory pub/sub registers a listener at once and returns its remover (not a promise).
    return this.pubsub.subscribe(channel, onEvent) as () => void;
  }

  async stop(): Promise<void> {
    await this.consumer.stop();
    this.pubsub.dispose();
  }
}
