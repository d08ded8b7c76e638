import { uniqueId } from '@kollegia/testing';

import { isDuplicateKey } from '../duplicate-key';
import { useConformanceDatabase } from './conformance-database';

/** Numbers taken in order by the entries themselves: the conference feed's (timeline) append. */
const database = useConformanceDatabase('conformance-ordered-numbers');

interface Entry {
  _id: string;
  tenantId: string;
  n: number;
}

interface Counter {
  _id: string;
  tenantId: string;
  last: number;
}

describe('ordered inserts under a unique number (services/recommendations/src/db/timeline.repository.ts append)', () => {
  it('should store the documents before the first taken number, none after it, and name its position when insertMany is ordered', async () => {
    const collection = database().db.collection<Entry>(uniqueId('entries'));
    await collection.createIndex({ tenantId: 1, n: 1 }, { unique: true });
    const tenantId = uniqueId('tenant');
    await collection.insertOne({ _id: 'other-3', tenantId, n: 3 });
    const failure = await collection
      .insertMany(
        [1, 2, 3, 4].map((n) => ({ _id: `mine-${n}`, tenantId, n })),
        { ordered: true },
      )
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(isDuplicateKey(failure)).toBe(true);
    expect(
      (failure as { writeErrors: { index: number }[] }).writeErrors.map((e) => e.index),
    ).toEqual([2]);
    const stored = await collection.find({ tenantId }).sort({ n: 1 }).toArray();
    expect(stored.map((doc) => doc._id)).toEqual(['mine-1', 'mine-2', 'other-3']);
  });

  it('should keep the highest value when $max upserts race (services/recommendations/src/db/counter.repository.ts raiseTo)', async () => {
    const collection = database().db.collection<Counter>(uniqueId('counters'));
    const tenantId = uniqueId('tenant');
    const raise = (value: number) =>
      collection
        .updateOne({ _id: 'feed', tenantId }, { $max: { last: value } }, { upsert: true })
        .catch((error: unknown) => {
          // Two first raises both upserting: the loser's retry raises the stored one.
          if (!isDuplicateKey(error)) throw error;
          return collection.updateOne({ _id: 'feed', tenantId }, { $max: { last: value } });
        });
    await Promise.all([5, 9, 2, 7, 9, 1].map(raise));
    expect(await collection.findOne({ _id: 'feed' })).toEqual({ _id: 'feed', tenantId, last: 9 });
    await raise(4);
    expect((await collection.findOne({ _id: 'feed' }))?.last).toBe(9);
  });
});
