import { decodeEvent, type Aggregate, type KollegiaEvent } from '@kollegia/events';
import { resilientConsumer, type Logger, type ResilientConsumer } from '@kollegia/service-kit';
import { MemPubSub } from '@graphql-hive/pubsub';
import type { Kafka } from 'kafkajs';

/** One event as live subscribers get it: its keys, not its full payload. */
export interface LiveEvent {
  /** Where this event stands in its stream; stable across gateways (`<aggregate version>:<event id>`). */
  cursor: string;
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
 * The aggregates whose events live subscriptions hear: round tables (roundtableLive), and
 * recommendations and requests (their own streams, the addressee inbox and the conference feed,
 * which recommendation events wake). Members' and conferences' own events reach no subscriber, so
 * the gateway does not read their topics.
 */
export const LIVE_AGGREGATES: readonly Aggregate[] = ['roundtable', 'recommendation', 'request'];

/** The live channels an event goes to; subscriptions listen on one channel each. */
export function channelsOf(event: LiveEvent): string[] {
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

function toLiveEvent(event: KollegiaEvent): LiveEvent {
  const parts = event.type.split('.');
  return {
    cursor: `${event.aggregateversion}:${event.id}`,
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
 * Feeds live subscriptions from Kafka. Each gateway instance reads every event in a consumer
 * group of its own, from the latest offset (history is the services' business: clients catch up
 * through cursor queries), and fans events out in memory to its own subscribers.
 */
export class LiveFeed {
  private readonly pubsub = new MemPubSub<Record<string, LiveEvent>>();
  private readonly consumer: ResilientConsumer;

  constructor(options: { kafka: Kafka; topics: string[]; groupId: string; logger: Logger }) {
    const { kafka, topics, groupId, logger } = options;
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
          eachMessage: ({ message }) => {
            const decoded = decodeEvent(message.value);
            // Services dead-letter what does not decode; live watchers simply do not see it.
            if (!decoded.ok) return Promise.resolve();
            const live = toLiveEvent(decoded.event);
            for (const channel of channelsOf(live)) this.pubsub.publish(channel, live);
            return Promise.resolve();
          },
        });
      },
    });
  }

  get isRunning(): boolean {
    return this.consumer.running;
  }

  start(): Promise<void> {
    return this.consumer.start();
  }

  /** The channel's events from the first read on. */
  subscribe(channel: string): AsyncIterable<LiveEvent> {
    return this.pubsub.subscribe(channel);
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
