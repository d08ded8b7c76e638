import { Kafka, logLevel } from 'kafkajs';
import { MongoClient } from 'mongodb';

import { portAnswers } from './process';

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

/** The mail catcher is ready when its SMTP port takes connections and its API answers. */
export async function probeMail(smtpPort: number, webUrl: string): Promise<void> {
  if (!(await portAnswers(smtpPort))) throw new Error(`nothing answers on SMTP port ${smtpPort}`);
  const response = await fetch(new URL('api/healthz', webUrl), {
    signal: AbortSignal.timeout(2000),
  });
  if (!response.ok) throw new Error(`${webUrl}api/healthz answered ${response.status}`);
}
