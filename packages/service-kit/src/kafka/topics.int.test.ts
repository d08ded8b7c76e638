import { topicName } from '@kollegia/events';
import { testNamespace } from '@kollegia/testing';
import { ConfigResourceTypes, type Admin, type Kafka } from 'kafkajs';

import { createLogger } from '../logger';
import { createKafka, ensureTopics } from './client';

const ns = testNamespace('topics');
const logger = createLogger({ service: 'topics-test', level: 'silent' });
const options = { partitions: 1, replicationFactor: 1, topicPrefix: ns.topicPrefix };

let kafka: Kafka;
let admin: Admin;

beforeAll(async () => {
  kafka = createKafka({ clientId: 'topics-test', brokers: ns.kafkaBrokers, logger });
  admin = kafka.admin();
  await admin.connect();
});

afterAll(async () => {
  await admin.disconnect();
});

/** A setting of the topic's own (set on the topic), or undefined when it has the broker's. */
async function ownSetting(topic: string, name: string): Promise<string | undefined> {
  const { resources } = await admin.describeConfigs({
    resources: [{ type: ConfigResourceTypes.TOPIC, name: topic }],
    includeSynonyms: false,
  });
  const entry = resources[0]!.configEntries.find((e) => e.configName === name);
  return entry && !entry.isDefault ? entry.configValue : undefined;
}

const ownRetention = (topic: string) => ownSetting(topic, 'retention.ms');

describe('ensureTopics on the real broker', () => {
  it('should create the directory topics with their events kept forever and the others with the broker’s retention', async () => {
    const organizations = topicName('organization', ns.topicPrefix);
    const people = topicName('person', ns.topicPrefix);
    const roundtables = topicName('roundtable', ns.topicPrefix);

    await ensureTopics(kafka, [organizations, people, roundtables], options);

    expect(await ownRetention(organizations)).toBe('-1');
    expect(await ownRetention(people)).toBe('-1');
    expect(await ownRetention(roundtables)).toBeUndefined();
  });

  it('should keep forever a directory topic that exists with an expiry, keeping its other settings', async () => {
    const prefix = `${ns.topicPrefix}old.`;
    const organizations = topicName('organization', prefix);
    await admin.createTopics({
      topics: [
        {
          topic: organizations,
          numPartitions: 1,
          configEntries: [
            { name: 'retention.ms', value: '604800000' },
            { name: 'max.message.bytes', value: '2000000' },
          ],
        },
      ],
      waitForLeaders: true,
    });

    await ensureTopics(kafka, [organizations], { ...options, topicPrefix: prefix });

    expect(await ownRetention(organizations)).toBe('-1');
    expect(await ownSetting(organizations, 'max.message.bytes')).toBe('2000000');
  });
});
