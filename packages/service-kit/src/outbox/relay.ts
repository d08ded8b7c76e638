import type { Collection } from 'mongodb';
import type { Producer } from 'kafkajs';

import type { Logger } from '../logger';
import { startPeriodicJob, type PeriodicJob } from '../periodic-job';
import { OUTBOX_FIELD, type OutboxEntry } from './outbox';

// A type alias, not an interface extending Document: the driver's `$pull` typing rejects array
// fields of a schema with an index signature.
type OutboxDocument = {
  _id: string;
  outbox: OutboxEntry[];
};

export interface OutboxRelay {
  /** Publishes a document's pending events now (called right after the write that stored them). */
  notify(collection: string, id: string): Promise<void>;
  /** Publishes every pending event in every registered collection (at start, then periodically). */
  sweep(): Promise<number>;
  start(): Promise<void>;
  /** Stops the periodic sweep and waits for sends under way. */
  stop(): Promise<void>;
}

/**
 * Relays outbox entries to Kafka. Delivery is at least once: an entry is removed only after Kafka
 * acknowledged it (`acks=all`), so a crash in between sends it again and consumers absorb the
 * duplicate by event id.
 *
 * Entries are removed by event id (`$pull` with a condition, atomic on the document), so entries
 * appended meanwhile stay for the next pass. The relay works across tenants by design: it is the
 * infrastructure that empties every aggregate's outbox, addressed by collection and `_id`.
 */
export function createOutboxRelay(options: {
  producer: Producer;
  collections: Collection<OutboxDocument>[];
  logger: Logger;
  sweepIntervalMs: number;
}): OutboxRelay {
  const { producer, logger } = options;
  const byName = new Map(options.collections.map((c) => [c.collectionName, c]));
  // One relay pass per document at a time keeps an aggregate's events in order within this process.
  const inFlight = new Map<string, Promise<void>>();
  let periodicSweep: PeriodicJob | undefined;
  let sweeping: Promise<number> | undefined;

  async function relayDocument(collection: Collection<OutboxDocument>, id: string): Promise<void> {
    const doc = await collection.findOne({ _id: id }, { projection: { [OUTBOX_FIELD]: 1 } });
    const entries = doc?.outbox ?? [];
    if (entries.length === 0) return;
    const byTopic = new Map<string, OutboxEntry[]>();
    for (const entry of entries)
      byTopic.set(entry.topic, [...(byTopic.get(entry.topic) ?? []), entry]);
    await producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic].map(([topic, list]) => ({
        topic,
        messages: list.map((entry) => ({
          key: entry.key,
          value: entry.value,
          headers: { 'content-type': 'application/cloudevents+json' },
        })),
      })),
    });
    await collection.updateOne(
      { _id: id },
      { $pull: { outbox: { eventId: { $in: entries.map((entry) => entry.eventId) } } } },
    );
    logger.debug(
      { collection: collection.collectionName, count: entries.length },
      'outbox relayed',
    );
  }

  function serialised(collection: Collection<OutboxDocument>, id: string): Promise<void> {
    const key = `${collection.collectionName}/${String(id)}`;
    const previous = inFlight.get(key) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => relayDocument(collection, id));
    inFlight.set(key, next);
    return next.finally(() => {
      if (inFlight.get(key) === next) inFlight.delete(key);
    });
  }

  async function sweepOnce(): Promise<number> {
    let relayed = 0;
    for (const collection of byName.values()) {
      const pending = collection.find(
        { [`${OUTBOX_FIELD}.eventId`]: { $exists: true } },
        { projection: { _id: 1 } },
      );
      for await (const doc of pending) {
        try {
          await serialised(collection, doc._id);
          relayed += 1;
        } catch (error) {
          logger.warn({ err: error, collection: collection.collectionName }, 'outbox sweep failed');
        }
      }
    }
    return relayed;
  }

  return {
    async notify(collectionName, id) {
      const collection = byName.get(collectionName);
      if (!collection) throw new Error(`outbox relay does not know collection ${collectionName}`);
      try {
        await serialised(collection, id);
      } catch (error) {
        // The write is committed; the sweep will send it. The caller's change succeeded.
        logger.warn({ err: error, collection: collectionName }, 'outbox relay deferred to sweep');
      }
    },
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
      });
    },
    async stop() {
      await periodicSweep?.stop();
      await sweeping?.catch(() => undefined);
      await Promise.allSettled([...inFlight.values()]);
    },
  };
}
