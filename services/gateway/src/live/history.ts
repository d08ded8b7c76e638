import { setTimeout as sleep } from 'node:timers/promises';

import { decodeEvent } from '@kollegia/events';
import {
  resilientConsumer,
  startPeriodicJob,
  type Logger,
  type Metrics,
  type PeriodicJob,
  type ResilientConsumer,
} from '@kollegia/service-kit';
import { GraphQLError } from 'graphql';
import type { Kafka } from 'kafkajs';
import type { Connection } from 'mongoose';

import { channelsOf, toLiveEvent, topicPartition, type LiveEvent } from './live-feed';
import { isAfter, type Positions } from './stream-cursor';

/** One live event as kept for catch-up, under its place in Kafka. */
interface StoredEvent {
  /** `<aggregate>:<partition>:<offset>`: a redelivered message is the same document. */
  _id: string;
  partition: string;
  offset: number;
  channels: string[];
  event: Omit<LiveEvent, 'receivedAt'>;
  storedAt: Date;
}

/** How far the history has been written in one partition: every offset up to `offset` is in. */
interface StoredThrough {
  _id: string;
  offset: number;
}

function historyBehind(): GraphQLError {
  return new GraphQLError('the live history is behind; try again in a moment', {
    extensions: { code: 'SERVICE_UNAVAILABLE' },
  });
}

/**
 * The live events of the last days, kept in the gateway's database so that a client can resume a
 * stream after a cursor (docs/adr/0013-resumable-live-streams.md). Every gateway replica runs the writer in one shared
 * consumer group with committed offsets, so each event is written once (again after a crash: the
 * write is idempotent) and events published while every gateway was down are written when one
 * comes back. The live feed itself stays a group per process from the latest offset.
 */
export class LiveHistory {
  private readonly events;
  private readonly progress;
  private readonly consumer: ResilientConsumer;
  private sweep: PeriodicJob | undefined;

  constructor(
    private readonly options: {
      connection: Connection;
      kafka: Kafka;
      topics: string[];
      groupId: string;
      retentionMs: number;
      logger: Logger;
      /** The retention sweep's runs are counted. */
      metrics: Metrics;
    },
  ) {
    this.events = options.connection.collection<StoredEvent>('live_events');
    this.progress = options.connection.collection<StoredThrough>('live_history_progress');
    this.consumer = resilientConsumer({
      kafka: options.kafka,
      logger: options.logger,
      config: {
        groupId: options.groupId,
        maxWaitTimeInMs: 50,
        allowAutoTopicCreation: false,
        // A writer that crashed holds its partitions until its session times out, and resumed
        // streams wait for the history meanwhile: 10 s (the broker's minimum is 6 s), not 30.
        sessionTimeout: 10_000,
        heartbeatInterval: 1_000,
      },
      run: async (consumer) => {
        await consumer.subscribe({ topics: options.topics, fromBeginning: true });
        await consumer.run({
          eachBatch: async ({ batch }) => {
            const key = topicPartition(batch.topic, batch.partition);
            const stored: StoredEvent[] = [];
            for (const message of batch.messages) {
              const decoded = decodeEvent(message.value);
              // What does not decode reaches no live subscriber either (the services dead-letter it).
              if (!decoded.ok) continue;
              const { receivedAt: _, ...event } = toLiveEvent(
                decoded.event,
                key,
                Number(message.offset),
              );
              stored.push({
                _id: `${event.partition}:${event.offset}`,
                partition: event.partition,
                offset: event.offset,
                channels: channelsOf(event),
                event,
                storedAt: new Date(),
              });
            }
            if (stored.length > 0) {
              await this.events.bulkWrite(
                stored.map((document) => ({
                  updateOne: {
                    filter: { _id: document._id },
                    update: { $setOnInsert: document },
                    upsert: true,
                  },
                })),
                { ordered: false },
              );
            }
            const last = batch.messages.at(-1);
            if (last) {
              await this.progress.updateOne(
                { _id: key },
                { $max: { offset: Number(last.offset) } },
                { upsert: true },
              );
            }
          },
        });
      },
    });
  }

  async start(): Promise<void> {
    // Serve the catch-up reads on MongoDB (the embedded engine scans, ADR 0009).
    await this.events.createIndex({ channels: 1, partition: 1, offset: 1 });
    await this.events.createIndex({ storedAt: 1 });
    await this.consumer.start();
    this.sweep = startPeriodicJob({
      name: 'live history retention',
      intervalMs: Math.min(this.options.retentionMs, 60 * 60 * 1000),
      run: () =>
        this.events.deleteMany({
          storedAt: { $lt: new Date(Date.now() - this.options.retentionMs) },
        }),
      logger: this.options.logger,
      metrics: this.options.metrics,
    });
  }

  get isRunning(): boolean {
    return this.consumer.running;
  }

  /**
   * Waits until every event up to `positions` is written: within moments while a writer runs,
   * within the session timeout and a rebalance when the gateway that wrote them crashed.
   */
  async waitUntilStored(positions: Positions, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const through = new Map(
        (await this.progress.find({}).toArray()).map((entry) => [entry._id, entry.offset]),
      );
      if (Object.entries(positions).every(([key, offset]) => (through.get(key) ?? -1) >= offset)) {
        return;
      }
      if (Date.now() > deadline) throw historyBehind();
      await sleep(50);
    }
  }

  /**
   * Up to `limit` events of a channel after `after`, from the partitions of `aggregates`: each
   * partition's in its order, the partitions interleaved by when the events happened.
   */
  async after(
    channel: string,
    aggregates: readonly string[],
    after: Positions,
    limit: number,
  ): Promise<{ events: LiveEvent[]; hasMore: boolean }> {
    const partitions = (await this.progress.find({}).toArray())
      .map((entry) => entry._id)
      .filter((key) => aggregates.includes(key.split(':')[0]!));
    const heads = await Promise.all(
      partitions.map((partition) =>
        this.events
          .find({ channels: channel, partition, offset: { $gt: after[partition] ?? -1 } })
          .sort({ offset: 1 })
          .limit(limit + 1)
          .toArray(),
      ),
    );
    const events: LiveEvent[] = [];
    const next = heads.map(() => 0);
    while (events.length < limit + 1) {
      let pick = -1;
      for (let index = 0; index < heads.length; index += 1) {
        const candidate = heads[index]![next[index]!];
        if (!candidate) continue;
        const best = pick < 0 ? undefined : heads[pick]![next[pick]!];
        if (!best || candidate.event.occurredAt < best.event.occurredAt) pick = index;
      }
      if (pick < 0) break;
      const { event } = heads[pick]![next[pick]!]!;
      next[pick]! += 1;
      if (isAfter(after, event.partition, event.offset)) events.push({ ...event, receivedAt: 0 });
    }
    return { events: events.slice(0, limit), hasMore: events.length > limit };
  }

  async stop(): Promise<void> {
    await this.sweep?.stop();
    await this.consumer.stop();
  }
}
