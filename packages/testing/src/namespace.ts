import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';

import { currentTestRun } from './leftovers';

/** A test file's own corner of the shared stack: its database and its topic prefix. */
export interface TestNamespace {
  id: string;
  dbName: string;
  topicPrefix: string;
  kafkaBrokers: string[];
  mongoUrl: string;
}

/** Call once per test file. Needs the environment that the jest global setup provides. */
export function testNamespace(label: string): TestNamespace {
  const brokers = process.env.KAFKA_BROKERS;
  const mongoUrl = process.env.MONGO_URL;
  if (!brokers || !mongoUrl) {
    throw new Error(
      'KAFKA_BROKERS and MONGO_URL are not set: run integration tests with jest.int.config.js',
    );
  }
  const run = currentTestRun();
  const id = `${label
    .replace(/[^a-z0-9]/gi, '')
    .slice(0, 20)
    .toLowerCase()}${randomBytes(4).toString('hex')}`;
  return {
    id,
    // Named after the run so that its teardown (or a later run) can remove them: see leftovers.ts.
    dbName: `t_${run}_${id}`,
    topicPrefix: `t.${run}.${id}.`,
    kafkaBrokers: brokers.split(','),
    mongoUrl,
  };
}

/** A unique id for test data. */
export function uniqueId(prefix = 'id'): string {
  return `${prefix}-${randomBytes(6).toString('hex')}`;
}

/** A TCP port free on loopback now, for a test's own server. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}
