import { testNamespace } from '@kollegia/testing';
import mongoose, { type Connection } from 'mongoose';

import { OnceClaims } from './once-claims';

/** Once-only claims against the database the tests run on (the embedded engine locally). */
const ns = testNamespace('claims');
let connection: Connection;

beforeAll(async () => {
  connection = await mongoose.createConnection(ns.mongoUrl, { dbName: ns.dbName }).asPromise();
});

afterAll(async () => {
  await connection.dropDatabase();
  await connection.close();
});

const LEASE = 60_000;
const T0 = new Date('2026-03-01T09:00:00.000Z');
const later = (ms: number) => new Date(T0.getTime() + ms);

function replicas(collection: string, count: number): OnceClaims[] {
  return Array.from(
    { length: count },
    (_, i) =>
      new OnceClaims(connection.collection(collection), { leaseMs: LEASE, owner: `replica-${i}` }),
  );
}

describe('OnceClaims', () => {
  it('should give a key to exactly one of twenty replicas claiming it at once', async () => {
    const all = replicas('claims_race', 20);
    const won = await Promise.all(all.map((claims) => claims.claim('notice-1', T0)));
    expect(won.filter(Boolean)).toEqual(['notice-1']);
  });

  it('should not give a completed key again, even after the lease', async () => {
    const [a, b] = replicas('claims_done', 2);
    const id = await a!.claim('notice-2', T0, { requestId: 'r-2' });
    expect(id).toBe('notice-2');
    await a!.complete(id!);
    expect(await b!.claim('notice-2', later(LEASE * 10))).toBeUndefined();
    const stored = await connection.collection('claims_done').findOne({ _id: 'notice-2' as never });
    expect(stored).toMatchObject({ requestId: 'r-2', owner: 'replica-0', state: 'done' });
  });

  it('should give a released key to the next claim, once', async () => {
    const [a, ...others] = replicas('claims_released', 6);
    const id = await a!.claim('notice-3', T0);
    await a!.release(id!);
    const won = await Promise.all(others.map((claims) => claims.claim('notice-3', later(1000))));
    expect(won.filter(Boolean)).toEqual(['notice-3~1']);
  });

  it('should leave a held key alone within its lease and let one replica take it over after', async () => {
    const [dead, ...others] = replicas('claims_lease', 11);
    expect(await dead!.claim('notice-4', T0)).toBe('notice-4');
    const within = await Promise.all(others.map((c) => c.claim('notice-4', later(LEASE - 1))));
    expect(within.filter(Boolean)).toEqual([]);
    const after = await Promise.all(others.map((c) => c.claim('notice-4', later(LEASE))));
    expect(after.filter(Boolean)).toEqual(['notice-4~1']);
    // The second holder dies too: the third attempt goes to one replica once its lease ran out.
    const third = await Promise.all(others.map((c) => c.claim('notice-4', later(3 * LEASE))));
    expect(third.filter(Boolean)).toEqual(['notice-4~2']);
  });
  it('should run work once: not again once done, again after it threw', async () => {
    const [a, b] = replicas('claims_once', 2);
    const failing = jest.fn(() => Promise.reject(new Error('the database went away')));
    const work = jest.fn((claimId: string) => Promise.resolve(`did it as ${claimId}`));

    await expect(a!.once('migration:x', T0, failing)).rejects.toThrow('the database went away');
    const result = await b!.once('migration:x', later(1), work);
    const again = await a!.once('migration:x', later(LEASE * 10), work);

    expect(result).toBe('did it as migration:x~1');
    expect(again).toBeUndefined();
    expect(work).toHaveBeenCalledTimes(1);
    expect(
      await connection
        .collection('claims_once')
        .find({}, { projection: { _id: 1, state: 1 } })
        .sort({ _id: 1 })
        .toArray(),
    ).toEqual([
      { _id: 'migration:x', state: 'released' },
      { _id: 'migration:x~1', state: 'done' },
    ]);
  });
});
