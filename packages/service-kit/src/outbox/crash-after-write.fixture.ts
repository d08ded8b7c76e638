/**
 * Test fixture (run as a child process by outbox.int.test.ts): stores an aggregate with its event
 * through the real write path, then is killed with SIGKILL at the moment the relay would send —
 * the crash window the outbox exists for. Reads MONGO_URL, MONGO_DB, TOPIC_PREFIX, AGGREGATE_ID,
 * TENANT_ID from the environment.
 */
import { createEvent, organizationRegisteredV1 } from '@kollegia/events';
import mongoose from 'mongoose';

import type { OutboxRelay } from './relay';
import { TenantModel } from '../db/tenant-model';
import { insertWithEvents } from './aggregate-writes';
import { outboxSchemaDefinition, type OutboxEntry } from './outbox';

interface CrashProbe {
  _id: string;
  tenantId: string;
  name: string;
  version: number;
  outbox: OutboxEntry[];
}

async function main(): Promise<void> {
  const env = process.env;
  const id = env.AGGREGATE_ID!;
  const tenantId = env.TENANT_ID!;
  const connection = await mongoose
    .createConnection(env.MONGO_URL!, { dbName: env.MONGO_DB!, autoIndex: false })
    .asPromise();
  const model = connection.model<CrashProbe>(
    'CrashProbe',
    new mongoose.Schema<CrashProbe>({
      _id: String,
      tenantId: String,
      name: String,
      version: Number,
      outbox: outboxSchemaDefinition,
    }),
    'crash_probes',
  );
  const die = () => {
    process.kill(process.pid, 'SIGKILL');
    return new Promise<void>(() => undefined);
  };
  const dieBeforeSend: OutboxRelay = {
    notify: die,
    notifyMany: die,
    sweep: () => Promise.resolve(0),
    start: () => Promise.resolve(),
    stop: () => Promise.resolve(),
  };
  const event = createEvent(
    organizationRegisteredV1,
    { subject: id, tenantId, aggregateVersion: 1, correlationId: id, actor: 'test:crash' },
    { ...organizationRegisteredV1.example, id },
  );
  await insertWithEvents(
    new TenantModel(model),
    { _id: id, tenantId, name: 'crash probe' },
    [event],
    {
      relay: dieBeforeSend,
      topicPrefix: env.TOPIC_PREFIX ?? '',
    },
  );
}

void main();
