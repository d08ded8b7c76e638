import { Kafka, logLevel } from 'kafkajs';
import { MongoClient } from 'mongodb';

/** Kafka is ready when a kafkajs admin client can connect and list topics. */
export async function probeKafka(brokers: string[]): Promise<void> {
  const admin = new Kafka({
    clientId: 'kollegia-stack-probe',
    brokers,
    logLevel: logLevel.NOTHING,
    connectionTimeout: 1000,
    requestTimeout: 2000,
    retry: { retries: 0 },
  }).admin();
  try {
    await admin.connect();
    await admin.listTopics();
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

/** The database is ready when it answers a MongoDB `ping`. */
export async function probeMongo(url: string): Promise<void> {
  const client = new MongoClient(url, { serverSelectionTimeoutMS: 1500, connectTimeoutMS: 1500 });
  try {
    await client.connect();
    await client.db('admin').command({ ping: 1 });
  } finally {
    await client.close().catch(() => undefined);
  }
}
