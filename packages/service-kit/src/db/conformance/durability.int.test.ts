import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
  ensureMongoBuild,
  mongoProcess,
  mongoUrl,
  readSettings,
  runningPid,
  startMongo,
  stopProcess,
  type MongoBuild,
  type StackSettings,
} from '@kollegia/local-stack';
import { expectEventually, freePort } from '@kollegia/testing';
import mongoose from 'mongoose';

/**
 * An acknowledged write is in the database file: the embedded engine's launcher commits every
 * change before it answers (infra/local/mongo/src/dev/kollegia/mongo/KollegiaMongo.java,
 * docs/adr/0009). Everything the services do rests on it — above all the outbox, whose events are
 * stored by the same write as the change (docs/adr/0003) and must not vanish with a crash.
 *
 * This kills a database with SIGKILL, so it starts a private one (own state directory and port,
 * the local stack's build) and never touches the shared stack that other test files use at the
 * same time. It always runs against the embedded engine, also when MONGO_URL points at a MongoDB:
 * the engine is what it tests (it needs Java, like the local stack).
 */
interface Written {
  _id: string;
  n: number;
  tags: string[];
  at: Date;
}

let stateDir: string;
let settings: StackSettings;
let build: MongoBuild;

function connect(): Promise<mongoose.mongo.MongoClient> {
  return new mongoose.mongo.MongoClient(mongoUrl(settings), {
    serverSelectionTimeoutMS: 10_000,
  }).connect();
}

beforeAll(async () => {
  stateDir = mkdtempSync(join(tmpdir(), 'kollegia-durability-'));
  settings = readSettings({
    ...process.env,
    KOLLEGIA_STATE_DIR: stateDir,
    KOLLEGIA_MONGO_PORT: String(await freePort()),
    KOLLEGIA_MONGO_HEAP_MB: '256',
    // Both empty: a private local server, not the endpoints the global setup exported.
    KAFKA_BROKERS: '',
    MONGO_URL: '',
  });
  build = await ensureMongoBuild(settings, () => undefined);
  await startMongo(settings, build);
}, 120_000);

afterAll(async () => {
  if (settings) await stopProcess(mongoProcess(settings));
  if (stateDir) rmSync(stateDir, { recursive: true, force: true });
});

describe('durability of acknowledged writes (every write of the kit and the services; the outbox of packages/service-kit/src/outbox/aggregate-writes.ts above all)', () => {
  it('should find every acknowledged write when the server is killed with SIGKILL right after them and started again', async () => {
    const expected = new Map<string, Written>();
    const doc = (i: number): Written => ({
      _id: `w-${String(i).padStart(3, '0')}`,
      n: i,
      tags: [],
      at: new Date(Date.UTC(2026, 0, 1) + i * 1000),
    });
    const client = await connect();
    try {
      const writes = client.db('durability').collection<Written>('writes');
      // Non-unique: the launcher keeps its postings in memory, built again after a restart.
      await writes.createIndex({ tags: 1 });
      // 80 one after the other, 80 at once, 40 in one insertMany.
      for (let i = 0; i < 80; i += 1) {
        await writes.insertOne(doc(i));
        expected.set(doc(i)._id, doc(i));
      }
      await Promise.all(
        Array.from({ length: 80 }, (_, k) =>
          writes.insertOne(doc(80 + k)).then(() => expected.set(doc(80 + k)._id, doc(80 + k))),
        ),
      );
      const batch = Array.from({ length: 40 }, (_, k) => doc(160 + k));
      await writes.insertMany(batch);
      for (const written of batch) expected.set(written._id, written);

      // Updates and deletes, one after the other and at once, the last ones just before the kill.
      for (let i = 0; i < 20; i += 1) {
        await writes.updateOne({ _id: doc(i)._id }, { $inc: { n: 1000 }, $push: { tags: 'seq' } });
        const before = expected.get(doc(i)._id)!;
        expected.set(before._id, { ...before, n: before.n + 1000, tags: ['seq'] });
      }
      await Promise.all(
        Array.from({ length: 40 }, (_, k) =>
          writes.updateOne({ _id: doc(100 + k)._id }, { $set: { tags: ['concurrent'] } }),
        ),
      );
      for (let k = 0; k < 40; k += 1) {
        const before = expected.get(doc(100 + k)._id)!;
        expected.set(before._id, { ...before, tags: ['concurrent'] });
      }
      await Promise.all(
        Array.from({ length: 10 }, (_, k) => writes.deleteOne({ _id: doc(190 + k)._id })),
      );
      for (let k = 0; k < 10; k += 1) expected.delete(doc(190 + k)._id);
      await writes.updateOne({ _id: doc(189)._id }, { $set: { n: -1 } });
      const last = expected.get(doc(189)._id)!;
      expected.set(last._id, { ...last, n: -1 });

      const pid = runningPid(mongoProcess(settings));
      expect(pid).toBeDefined();
      process.kill(pid!, 'SIGKILL');
      await expectEventually(() => expect(runningPid(mongoProcess(settings))).toBeUndefined(), {
        timeoutMs: 20_000,
      });
    } finally {
      await client.close(true);
    }

    await startMongo(settings, build);
    const reopened = await connect();
    try {
      const found = await reopened
        .db('durability')
        .collection<Written>('writes')
        .find()
        .sort({ _id: 1 })
        .toArray();
      expect(found).toHaveLength(190);
      expect(found).toEqual([...expected.values()].sort((a, b) => a._id.localeCompare(b._id)));
      // A query through the non-unique index finds what the writes left (docs/adr/0009).
      const tagged = await reopened
        .db('durability')
        .collection<Written>('writes')
        .find({ tags: 'concurrent' })
        .sort({ _id: 1 })
        .toArray();
      expect(tagged).toHaveLength(40);
      expect(tagged).toEqual(found.filter((written) => written.tags.includes('concurrent')));
    } finally {
      await reopened.close();
    }
  });
});
