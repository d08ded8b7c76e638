import { keptForever } from '@kollegia/events';
import {
  ConfigResourceTypes,
  ConfigSource,
  Kafka,
  Partitioners,
  type Admin,
  type ITopicConfig,
  type Producer,
} from 'kafkajs';

import { kafkaLogCreator, type Logger } from '../logger';

export function createKafka(options: {
  clientId: string;
  brokers: string[];
  logger: Logger;
}): Kafka {
  return new Kafka({
    clientId: options.clientId,
    brokers: options.brokers,
    logCreator: kafkaLogCreator(options.logger.child({ component: 'kafkajs' })),
    retry: { initialRetryTime: 200, retries: 8 },
  });
}

/**
 * The producer every service uses: idempotent (no duplicates from its own retries), `acks=all`
 * on every send, and one request in flight so a retry cannot reorder an aggregate's events.
 * It retries without limit (what idempotence requires): while Kafka is away, sends wait and the
 * outbox keeps the events; nothing is dropped.
 */
export function createProducer(kafka: Kafka): Producer {
  return kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    retry: { retries: Number.MAX_SAFE_INTEGER, initialRetryTime: 200, maxRetryTime: 5000 },
    allowAutoTopicCreation: false,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
}

/**
 * Waits until every partition of the topics has a leader. kafkajs' own `waitForLeaders` gives up
 * on the first "does not host this topic-partition" a busy broker answers while the topic is
 * still being created (seen when four services and the gateway start together), so this polls.
 */
async function waitForLeaders(admin: Admin, topics: string[], timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const { topics: found } = await admin.fetchTopicMetadata({ topics });
      const ready = found.every(
        (topic) => topic.partitions.length > 0 && topic.partitions.every((p) => p.leader >= 0),
      );
      if (ready && found.length === topics.length) return;
    } catch (error) {
      if (!(error as { retriable?: boolean }).retriable || Date.now() > deadline) throw error;
    }
    if (Date.now() > deadline) throw new Error(`topics without leaders: ${topics.join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The topic setting that keeps a topic's events forever; see `keptForever` in @kollegia/events. */
const KEEP_FOREVER = { name: 'retention.ms', value: '-1' };

/**
 * Creates the topics that do not exist yet (idempotent; safe from several processes at once). The
 * topics whose events are kept forever get `retention.ms=-1`, also when they exist already with
 * the broker's retention (created before the rule, or by hand).
 */
export async function ensureTopics(
  kafka: Kafka,
  topics: string[],
  options: { partitions: number; replicationFactor: number; topicPrefix?: string },
): Promise<void> {
  const forever = (topic: string) => keptForever(topic, options.topicPrefix);
  const admin: Admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const wanted = [...new Set(topics)];
    const missing: ITopicConfig[] = wanted
      .filter((topic) => !existing.has(topic))
      .map((topic) => ({
        topic,
        numPartitions: options.partitions,
        replicationFactor: options.replicationFactor,
        ...(forever(topic) ? { configEntries: [KEEP_FOREVER] } : {}),
      }));
    await keepForever(
      admin,
      wanted.filter((topic) => existing.has(topic) && forever(topic)),
    );
    if (missing.length === 0) return;
    try {
      await admin.createTopics({ topics: missing, waitForLeaders: false });
    } catch (error) {
      // Another process created them between listTopics and createTopics.
      if ((error as { type?: string }).type !== 'TOPIC_ALREADY_EXISTS') throw error;
    }
    await waitForLeaders(
      admin,
      missing.map((t) => t.topic),
    );
  } finally {
    await admin.disconnect();
  }
}

/**
 * Sets `retention.ms=-1` on the existing topics that do not have it yet. kafkajs has only the
 * non-incremental alterConfigs, which replaces a topic's own settings: the ones set on the topic
 * (by an operator, say) are sent again with it.
 */
async function keepForever(admin: Admin, topics: string[]): Promise<void> {
  if (topics.length === 0) return;
  const { resources } = await admin.describeConfigs({
    resources: topics.map((name) => ({ type: ConfigResourceTypes.TOPIC, name })),
    includeSynonyms: false,
  });
  const changes = resources.flatMap((resource) => {
    const own = resource.configEntries.filter(
      (entry) => entry.configSource === ConfigSource.TOPIC_CONFIG && entry.configValue !== null,
    );
    const kept = own.some(
      (entry) => entry.configName === KEEP_FOREVER.name && entry.configValue === KEEP_FOREVER.value,
    );
    if (kept) return [];
    const others = own
      .filter((entry) => entry.configName !== KEEP_FOREVER.name)
      .map((entry) => ({ name: entry.configName, value: entry.configValue }));
    return [
      {
        type: ConfigResourceTypes.TOPIC,
        name: resource.resourceName,
        configEntries: [...others, KEEP_FOREVER],
      },
    ];
  });
  if (changes.length > 0) await admin.alterConfigs({ validateOnly: false, resources: changes });
}
