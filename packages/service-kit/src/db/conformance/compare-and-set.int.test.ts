import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

import { uniqueId } from '@kollegia/testing';
import mongoose from 'mongoose';

import type { RaceMessage, RacedDocument, RaceWin } from './compare-and-set.fixture';
import { useConformanceDatabase } from './conformance-database';

/**
 * The compare-and-set every aggregate change is: `findOneAndUpdate({ _id, tenantId, version })`
 * with `$inc: { version: 1 }` and `$push` of its events. Exactly one writer may win each version,
 * in one process and across processes (replicas of a service).
 */
const database = useConformanceDatabase('conformance-cas');

const FIXTURE = join(__dirname, 'compare-and-set.fixture.ts');
const PROCESSES = 3;
const RACERS_PER_PROCESS = 3;
const TARGET_VERSION = 40;

interface Racer {
  child: ChildProcess;
  ready: Promise<void>;
  done: Promise<Extract<RaceMessage, { kind: 'done' }>>;
}

/** Forks one racing process; `ready` when connected, `done` with its wins once it has exited. */
function forkRacer(name: string, env: Record<string, string>): Racer {
  const child = fork(FIXTURE, [], {
    env: { ...process.env, ...env, PROCESS_NAME: name },
    // The fixture is TypeScript run by Node's type stripping; the warning only says so.
    execArgv: ['--disable-warning=MODULE_TYPELESS_PACKAGE_JSON'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  // 'close', not 'exit': it comes after the IPC channel has delivered every message.
  const exited = new Promise<number | null>((resolve) => child.once('close', resolve));
  const messages: RaceMessage[] = [];
  let readySeen: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (readySeen = resolve));
  child.on('message', (message: RaceMessage) => {
    messages.push(message);
    if (message.kind === 'ready') readySeen();
  });
  const done = exited.then((code) => {
    const report = messages.find((m) => m.kind === 'done');
    if (code !== 0 || !report) {
      throw new Error(`racing process ${name} exited with ${code} without a report (see stderr)`);
    }
    return report;
  });
  // Awaited by the test; this only keeps a failure after an earlier one from going unhandled.
  done.catch(() => undefined);
  return { child, ready: Promise.race([ready, done.then(() => undefined)]), done };
}

describe('compare-and-set on { _id, tenantId, version } across processes (packages/service-kit/src/outbox/aggregate-writes.ts updateWithEvents, TenantRepository.update, with services running as several replicas)', () => {
  const ids = Array.from({ length: 3 }, () => uniqueId('aggregate'));
  let reports: Extract<RaceMessage, { kind: 'done' }>[];
  let wins: RaceWin[];
  const raced = () => database().db.collection<RacedDocument>('raced_across_processes');

  beforeAll(async () => {
    const { ns } = database();
    const tenantId = uniqueId('tenant');
    await raced().insertMany(ids.map((_id) => ({ _id, tenantId, version: 1, log: [] })));
    const racers = Array.from({ length: PROCESSES }, (_, i) =>
      forkRacer(`p${i}`, {
        MONGO_URL: ns.mongoUrl,
        MONGO_DB: ns.dbName,
        COLLECTION: raced().collectionName,
        TENANT_ID: tenantId,
        DOC_IDS: ids.join(','),
        RACERS: String(RACERS_PER_PROCESS),
        TARGET_VERSION: String(TARGET_VERSION),
      }),
    );
    try {
      await Promise.all(racers.map((r) => r.ready));
      for (const racer of racers) racer.child.send('go');
      reports = await Promise.all(racers.map((r) => r.done));
      wins = reports.flatMap((r) => r.wins);
    } finally {
      for (const racer of racers) if (racer.child.exitCode === null) racer.child.kill('SIGKILL');
    }
  });

  it('should let exactly one writer win each version when processes race on the same documents', async () => {
    for (const id of ids) {
      const mine = wins.filter((w) => w.id === id).sort((a, b) => a.version - b.version);
      // One winner per version: versions 2..TARGET, each exactly once.
      expect(mine.map((w) => w.version)).toEqual(
        Array.from({ length: TARGET_VERSION - 1 }, (_, i) => i + 2),
      );
      const stored = await raced().findOne({ _id: id });
      // The final version equals the wins, and the document holds each winner's own push.
      expect(stored?.version).toBe(1 + mine.length);
      expect(stored?.log).toEqual(mine.map(({ by, version }) => ({ by, version })));
    }
    // They did race: writers lost, and more than one process won.
    expect(reports.reduce((sum, r) => sum + r.losses, 0)).toBeGreaterThan(0);
    expect(new Set(wins.map((w) => w.by.split('/')[0])).size).toBeGreaterThan(1);
  });

  it('should return to each winner the document as its own update left it when processes race (the state updateWithEvents returns)', () => {
    const mismatched = wins.filter((w) => w.returned !== w.version);
    expect({ wins: wins.length, mismatched: mismatched.slice(0, 5) }).toEqual({
      wins: wins.length,
      mismatched: [],
    });
  });
});

describe('compare-and-set on { _id, tenantId, version } in one process (packages/service-kit/src/outbox/aggregate-writes.ts updateWithEvents, TenantRepository.update)', () => {
  it('should let exactly one of 20 concurrent writers win a version when they race in one process', async () => {
    const { connection } = database();
    const model = connection.model<RacedDocument>(
      'RacedInProcess',
      new mongoose.Schema<RacedDocument>({
        _id: String,
        tenantId: String,
        version: Number,
        log: [{ _id: false, by: String, version: Number }],
      }),
      'raced_in_process',
    );
    const tenantId = uniqueId('tenant');
    const id = uniqueId('aggregate');
    await model.create({ _id: id, tenantId, version: 1, log: [] });

    for (let version = 1; version <= 5; version += 1) {
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, racer) =>
          model
            .findOneAndUpdate(
              { _id: id, tenantId, version },
              {
                $set: { touchedBy: racer },
                $inc: { version: 1 },
                $push: { log: { $each: [{ by: `r${racer}`, version: version + 1 }] } },
              },
              { returnDocument: 'after', lean: true, strict: false },
            )
            .exec(),
        ),
      );
      const winners = results.flatMap((doc, racer) => (doc ? [{ doc, racer }] : []));
      expect(winners).toHaveLength(1);
      expect(winners[0]?.doc.version).toBe(version + 1);
      expect(winners[0]?.doc.log.at(-1)).toEqual({
        by: `r${winners[0]?.racer}`,
        version: version + 1,
      });
    }
    const stored = await model.findById(id).lean();
    expect(stored?.version).toBe(6);
    expect(stored?.log.map((entry) => entry.version)).toEqual([2, 3, 4, 5, 6]);
  });

  it('should change nothing and return null when the expected version is stale', async () => {
    const { db } = database();
    const collection = db.collection<RacedDocument & { name?: string }>('raced_stale');
    const tenantId = uniqueId('tenant');
    const id = uniqueId('aggregate');
    await collection.insertOne({ _id: id, tenantId, version: 3, log: [], name: 'current' });

    const stale = await collection.findOneAndUpdate(
      { _id: id, tenantId, version: 2 },
      { $set: { name: 'stale' }, $inc: { version: 1 }, $push: { log: { by: 'x', version: 3 } } },
      { returnDocument: 'after' },
    );
    const otherTenant = await collection.findOneAndUpdate(
      { _id: id, tenantId: uniqueId('tenant'), version: 3 },
      { $set: { name: 'other tenant' }, $inc: { version: 1 } },
      { returnDocument: 'after' },
    );

    expect(stale).toBeNull();
    expect(otherTenant).toBeNull();
    expect(await collection.findOne({ _id: id })).toEqual({
      _id: id,
      tenantId,
      version: 3,
      log: [],
      name: 'current',
    });
  });
});

describe('reads racing writes (packages/service-kit/src/db/tenant-repository.ts get and getForChange, whose state the next compare-and-set is computed from; packages/service-kit/src/outbox/relay.ts relayDocument, which pulls exactly the entries it read)', () => {
  it('should return each document as one whole write left it when reads race concurrent writes', async () => {
    interface Counted {
      _id: string;
      tenantId: string;
      version: number;
      a: number;
      b: number;
      items: string[];
    }
    const collection = database().db.collection<Counted>('read_while_written');
    const _id = uniqueId('aggregate');
    await collection.insertOne({ _id, tenantId: 't', version: 1, a: 0, b: 0, items: [] });

    let writing = true;
    const writers = Promise.all(
      Array.from({ length: 4 }, async (_, w) => {
        for (let i = 0; i < 50; i += 1) {
          await collection.updateOne(
            { _id },
            { $inc: { version: 1, a: 1, b: 1 }, $push: { items: `w${w}-${i}` } },
          );
        }
      }),
    ).finally(() => (writing = false));
    const torn: Counted[] = [];
    let reads = 0;
    const readers = Array.from({ length: 4 }, async () => {
      while (writing) {
        const doc = await collection.findOne({ _id });
        reads += 1;
        // One write changes all four together: a read sees all of it or none of it.
        if (!doc || doc.a !== doc.b || doc.version !== doc.a + 1 || doc.items.length !== doc.a) {
          if (doc) torn.push(doc);
        }
      }
    });
    await Promise.all([writers, ...readers]);

    expect(reads).toBeGreaterThan(0);
    expect(torn.slice(0, 3)).toEqual([]);
    expect(await collection.findOne({ _id })).toMatchObject({ version: 201, a: 200, b: 200 });
  });
});

describe('compare-and-set by other fields than version', () => {
  it('should let exactly one of 10 concurrent replaceOne match when they replace at the same version, and match a missing version with $exists false (services/requests/src/db/request-facts.repository.ts compareAndSet)', async () => {
    interface Facts {
      _id: string;
      tenantId: string;
      version?: number;
      by: string;
    }
    const facts = database().db.collection<Facts>('replaced_at_version');
    const _id = uniqueId('facts');
    await facts.insertOne({ _id, tenantId: 't', by: 'before versions' });

    const fromUnversioned = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        facts.replaceOne(
          { _id, tenantId: 't', version: { $exists: false } },
          { tenantId: 't', version: 1, by: `r${i}` },
        ),
      ),
    );
    const atVersion1 = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        facts.replaceOne(
          { _id, tenantId: 't', version: 1 },
          { tenantId: 't', version: 2, by: `s${i}` },
        ),
      ),
    );

    const first = fromUnversioned.findIndex((r) => r.matchedCount === 1);
    const second = atVersion1.findIndex((r) => r.matchedCount === 1);
    expect(fromUnversioned.filter((r) => r.matchedCount === 1)).toHaveLength(1);
    expect(atVersion1.filter((r) => r.matchedCount === 1)).toHaveLength(1);
    expect(first).toBeGreaterThanOrEqual(0);
    expect(await facts.findOne({ _id })).toEqual({
      _id,
      tenantId: 't',
      version: 2,
      by: `s${second}`,
    });
  });

  it('should let exactly one of 10 concurrent updates match when they guard on a nested field, absent or at a value (services/recommendations/src/db/conference-counts.repository.ts apply)', async () => {
    interface Counts {
      _id: string;
      tenantId: string;
      recommendations: Record<string, { v: number; s: string }>;
      all: Record<string, number>;
    }
    const counts = database().db.collection<Counts>('guarded_nested');
    const _id = uniqueId('counts');
    await counts.insertOne({ _id, tenantId: 't', recommendations: {}, all: {} });
    const entry = 'recommendations.rec-1';
    const count = (guard: object, v: number, s: string, inc: Record<string, number>) =>
      counts.updateOne(
        { _id, tenantId: 't', ...guard },
        { $set: { [entry]: { v, s } }, $inc: inc },
      );

    const firstCounts = await Promise.all(
      Array.from({ length: 10 }, () =>
        count({ [`${entry}.v`]: { $exists: false } }, 1, 'PROPOSED', { 'all.PROPOSED': 1 }),
      ),
    );
    const moves = await Promise.all(
      Array.from({ length: 10 }, () =>
        count({ [`${entry}.v`]: 1 }, 2, 'ADOPTED', { 'all.PROPOSED': -1, 'all.ADOPTED': 1 }),
      ),
    );

    expect(firstCounts.filter((r) => r.matchedCount === 1)).toHaveLength(1);
    expect(moves.filter((r) => r.matchedCount === 1)).toHaveLength(1);
    expect(await counts.findOne({ _id })).toEqual({
      _id,
      tenantId: 't',
      recommendations: { 'rec-1': { v: 2, s: 'ADOPTED' } },
      all: { PROPOSED: 0, ADOPTED: 1 },
    });
  });
});
