import type { Admin, Kafka } from 'kafkajs';

import type { Logger } from '../logger';
import type { Metrics } from './metrics';

/** A consumer group and the topics it reads. */
export interface WatchedGroup {
  groupId: string;
  topics: string[];
}

/** Lag read from Kafka is reused for this long: scrapes every few seconds cost one read at most. */
const LAG_TTL_MS = 5000;

/**
 * Keeps `kollegia_consumer_lag_messages` for the groups `groups()` names: at a scrape, when the
 * last reading is older than a few seconds, each partition's end offset and the group's committed
 * offset are read with the admin client (a group that committed nothing yet lags from the
 * partition's start). When Kafka cannot be asked, the gauge is emptied rather than left stale.
 */
export function watchConsumerLag(options: {
  metrics: Metrics;
  kafka: Kafka;
  groups: () => WatchedGroup[];
  logger: Logger;
}): { stop(): Promise<void> } {
  const { metrics, logger } = options;
  let admin: Admin | undefined;
  let readAt = 0;
  let reading: Promise<void> | undefined;

  async function read(): Promise<void> {
    admin ??= options.kafka.admin();
    await admin.connect();
    const samples: { group: string; topic: string; partition: string; lag: number }[] = [];
    for (const { groupId, topics } of options.groups()) {
      const committed = await admin.fetchOffsets({ groupId, topics });
      for (const topic of topics) {
        const ends = await admin.fetchTopicOffsets(topic);
        const offsets = committed.find((entry) => entry.topic === topic)?.partitions ?? [];
        for (const { partition, high, low } of ends) {
          const offset = Number(offsets.find((entry) => entry.partition === partition)?.offset);
          const from = Number.isFinite(offset) && offset >= 0 ? offset : Number(low);
          samples.push({
            group: groupId,
            topic,
            partition: String(partition),
            lag: Math.max(0, Number(high) - from),
          });
        }
      }
    }
    metrics.consumerLag.reset();
    for (const { lag, ...labels } of samples) metrics.consumerLag.set(labels, lag);
  }

  const stopWatching = metrics.beforeScrape(() => {
    if (Date.now() - readAt < LAG_TTL_MS) return Promise.resolve();
    reading ??= read()
      .then(
        () => void (readAt = Date.now()),
        (error: unknown) => {
          metrics.consumerLag.reset();
          logger.warn({ err: error }, 'consumer lag not read');
        },
      )
      .finally(() => (reading = undefined));
    return reading;
  });

  return {
    async stop() {
      stopWatching();
      await reading;
      await admin?.disconnect();
    },
  };
}
