import type { mongo } from 'mongoose';
import type { Producer } from 'kafkajs';
import type { Tracer } from '@opentelemetry/api';

import type { Logger } from '../logger';
import type { Metrics } from '../metrics';
import { startPeriodicJob, type PeriodicJob } from '../periodic-job';
import { inProducerSpans, tracingOff } from '../tracing';
import { OUTBOX_FIELD, type OutboxEntry } from './outbox';

/** The driver's collection as mongoose ships it (the root `mongodb` may be another copy). */
type Collection<T extends mongo.Document> = mongo.Collection<T>;

// A type alias, not an interface extending Document: the driver's `$pull` typing rejects array
// fields of a schema with an index signature.
type OutboxDocument = {
  _id: string;
  outbox: OutboxEntry[];
};

export interface OutboxRelay {
  /** Publishes a document's pending events now (called right after the write that stored them). */
  notify(collection: string, id: string): Promise<void>;
  /** `notify` for many documents of one collection: one read, one Kafka batch, one write. */
  notifyMany(collection: string, ids: string[]): Promise<void>;
  /** Publishes every pending event in every registered collection (at start, then periodically). */
  sweep(): Promise<number>;
  start(): Promise<void>;
  /** Stops the periodic sweep and waits for sends under way. */
  stop(): Promise<void>;
}

/**
 * A relay that sends nothing, for writes whose events are relayed by someone else (a writer that
 * relays after its read models) or not at all (seeding, tests that look at documents only).
 */
export const idleRelay: OutboxRelay = {
  notify: () => Promise.resolve(),
  notifyMany: () => Promise.resolve(),
  sweep: () => Promise.resolve(0),
  start: () => Promise.resolve(),
  stop: () => Promise.resolve(),
};

/** Documents relayed together: bounds one Kafka request (a few hundred kB at most). */
const RELAY_CHUNK = 100;

/**
 * Relays outbox entries to Kafka. Delivery is at least once: an entry is removed only after Kafka
 * acknowledged it (`acks=all`), so a crash in between sends it again and consumers absorb the
 * duplicate by event id.
 *
 * Entries are removed by event id (`$pull` with a condition, atomic on the document), so entries
 * appended meanwhile stay for the next pass. The relay works across tenants by design: it is the
 * infrastructure that empties every aggregate's outbox, addressed by collection and `_id`.
 *
 * Documents go in chunks: one read of their outboxes, one Kafka batch, one bulk removal, so a
 * consumer that stored a Kafka batch's worth of aggregates publishes them in three round trips.
 */
export function createOutboxRelay(options: {
  producer: Producer;
  collections: Collection<OutboxDocument>[];
  logger: Logger;
  sweepIntervalMs: number;
  /** The sweep sets the outbox's depth and the age of its oldest entry, and its runs count. */
  metrics?: Metrics;
  /** Sends each traced entry in a PRODUCER span of the trace it was written in. */
  tracer?: Tracer;
}): OutboxRelay {
  const { producer, logger, tracer = tracingOff.tracer } = options;
  const byName = new Map(options.collections.map((c) => [c.collectionName, c]));
  // One relay pass per document at a time keeps an aggregate's events in order within this process.
  const inFlight = new Map<string, Promise<void>>();
  let periodicSweep: PeriodicJob | undefined;
  let sweeping: Promise<number> | undefined;

  async function relayDocuments(
    collection: Collection<OutboxDocument>,
    ids: string[],
  ): Promise<void> {
    const docs = await collection
      .find({ _id: { $in: ids } }, { projection: { [OUTBOX_FIELD]: 1 } })
      .toArray();
    const relayed = docs.filter((doc) => (doc.outbox ?? []).length > 0);
    if (relayed.length === 0) return;
    const byTopic = new Map<string, OutboxEntry[]>();
    for (const entry of relayed.flatMap((doc) => doc.outbox))
      byTopic.set(entry.topic, [...(byTopic.get(entry.topic) ?? []), entry]);
    await inProducerSpans(tracer, [...byTopic.values()].flat(), () =>
      producer.sendBatch({
        acks: -1,
        topicMessages: [...byTopic].map(([topic, list]) => ({
          topic,
          messages: list.map((entry) => ({
            key: entry.key,
            value: entry.value,
            headers: { 'content-type': 'application/cloudevents+json' },
          })),
        })),
      }),
    );
    await collection.bulkWrite(
      relayed.map((doc) => ({
        updateOne: {
          filter: { _id: doc._id },
          update: {
            $pull: { outbox: { eventId: { $in: doc.outbox.map((entry) => entry.eventId) } } },
          },
        },
      })),
      { ordered: false },
    );
    logger.debug(
      { collection: collection.collectionName, documents: relayed.length },
      'outbox relayed',
    );
  }

  /** Relays after any pass under way for the same documents, in chunks. */
  async function serialised(collection: Collection<OutboxDocument>, ids: string[]): Promise<void> {
    for (let start = 0; start < ids.length; start += RELAY_CHUNK) {
      const chunk = [...new Set(ids.slice(start, start + RELAY_CHUNK))];
      const keys = chunk.map((id) => `${collection.collectionName}/${String(id)}`);
      const previous = Promise.allSettled(
        keys.map((key) => inFlight.get(key) ?? Promise.resolve()),
      );
      const next = previous.then(() => relayDocuments(collection, chunk));
      for (const key of keys) inFlight.set(key, next);
      try {
        await next;
      } finally {
        for (const key of keys) if (inFlight.get(key) === next) inFlight.delete(key);
      }
    }
  }

  async function sweepOnce(): Promise<number> {
    let relayed = 0;
    for (const collection of byName.values()) {
      const pending = collection.find(
        { [`${OUTBOX_FIELD}.eventId`]: { $exists: true } },
        { projection: { _id: 1, [`${OUTBOX_FIELD}.createdAt`]: 1 } },
      );
      const ids: string[] = [];
      // The backlog is measured here, where the relay reads it anyway, not by a scan per scrape.
      let entries = 0;
      let oldest: number | undefined;
      for await (const doc of pending) {
        ids.push(doc._id);
        for (const entry of doc.outbox ?? []) {
          entries += 1;
          oldest = Math.min(oldest ?? Infinity, new Date(entry.createdAt).getTime());
        }
      }
      const labels = { collection: collection.collectionName };
      options.metrics?.outboxPending.set(labels, entries);
      options.metrics?.outboxOldestAge.set(
        labels,
        oldest === undefined ? 0 : (Date.now() - oldest) / 1000,
      );
      for (let start = 0; start < ids.length; start += RELAY_CHUNK) {
        const chunk = ids.slice(start, start + RELAY_CHUNK);
        try {
          await serialised(collection, chunk);
          relayed += chunk.length;
        } catch (error) {
          logger.warn({ err: error, collection: collection.collectionName }, 'outbox sweep failed');
        }
      }
    }
    return relayed;
  }

  async function notifyMany(collectionName: string, ids: string[]): Promise<void> {
    const collection = byName.get(collectionName);
    if (!collection) throw new Error(`outbox relay does not know collection ${collectionName}`);
    try {
      await serialised(collection, ids);
    } catch (error) {
      // The writes are committed; the sweep will send them. The caller's change succeeded.
      logger.warn({ err: error, collection: collectionName }, 'outbox relay deferred to sweep');
    }
  }

  return {
    notify: (collectionName, id) => notifyMany(collectionName, [id]),
    notifyMany,
    sweep() {
      sweeping ??= sweepOnce().finally(() => (sweeping = undefined));
      return sweeping;
    },
    async start() {
      await this.sweep();
      periodicSweep = startPeriodicJob({
        name: 'outbox sweep',
        intervalMs: options.sweepIntervalMs,
        run: () => this.sweep(),
        logger,
        metrics: options.metrics,
      });
    },
    async stop() {
      await periodicSweep?.stop();
      await sweeping?.catch(() => undefined);
      await Promise.allSettled([...inFlight.values()]);
    },
  };
}
