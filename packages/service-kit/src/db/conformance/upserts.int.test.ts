import { uniqueId } from '@kollegia/testing';
import mongoose from 'mongoose';

import { isDuplicateKey } from '../duplicate-key';
import { errorCode, useConformanceDatabase } from './conformance-database';

/** Upserts: counters created on first use, read models written as of an event's version. */
const database = useConformanceDatabase('conformance-upserts');

interface Counter {
  _id: string;
  tenantId: string;
  last: number;
}

interface Projection {
  _id: string;
  tenantId: string;
  name: string;
  version: number;
}

async function settled<T>(work: Promise<T>[]): Promise<{ values: T[]; errors: unknown[] }> {
  const results = await Promise.allSettled(work);
  return {
    values: results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : [])),
    errors: results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : [])),
  };
}

describe('findOneAndUpdate with upsert and returnDocument after (services/requests/src/db/outgoing-number.repository.ts next, services/requests/src/db/deadline-policy.repository.ts replace)', () => {
  it('should create the document with $setOnInsert on first use and only $inc it afterwards when it upserts', async () => {
    const { connection } = database();
    const counters = connection.model<Counter>(
      'UpsertedCounter',
      new mongoose.Schema<Counter>(
        { _id: String, tenantId: String, last: Number },
        { versionKey: false },
      ),
      'upserted_counters',
    );
    const _id = uniqueId('counter');
    const next = (tenantId: string) =>
      counters
        .findOneAndUpdate(
          { _id },
          { $inc: { last: 1 }, $setOnInsert: { tenantId } },
          { upsert: true, returnDocument: 'after' },
        )
        .lean();

    expect(await next('first')).toEqual({ _id, tenantId: 'first', last: 1 });
    expect(await next('second')).toEqual({ _id, tenantId: 'first', last: 2 });
    expect(await counters.countDocuments({ _id })).toBe(1);
  });

  it('should hand out distinct values and keep one document when 10 upserting $inc race on a new _id', async () => {
    const counters = database().db.collection<Counter>('upsert_inc_race');
    const _id = uniqueId('counter');

    const { values, errors } = await settled(
      Array.from({ length: 10 }, () =>
        counters.findOneAndUpdate(
          { _id },
          { $inc: { last: 1 }, $setOnInsert: { tenantId: 't' } },
          { upsert: true, returnDocument: 'after' },
        ),
      ),
    );

    // MongoDB may refuse a racing upsert with E11000 (the repositories retry it); nothing else.
    expect(errors.map(errorCode)).toEqual(errors.map(() => 11000));
    const handedOut = values.map((doc) => doc?.last);
    expect(new Set(handedOut).size).toBe(values.length);
    expect(await counters.find({ _id }).toArray()).toEqual([
      { _id, tenantId: 't', last: values.length },
    ]);
  });
});

describe('findOneAndUpdate with upsert and returnDocument before (services/recommendations/src/db/counter.repository.ts next)', () => {
  it('should return null when the upsert creates the document and the previous one afterwards', async () => {
    const counters = database().db.collection<Counter>('upsert_before');
    const _id = uniqueId('counter');
    const next = () =>
      counters.findOneAndUpdate(
        { _id, tenantId: 't' },
        { $inc: { last: 2 } },
        { upsert: true, returnDocument: 'before', projection: { last: 1 } },
      );

    expect(await next()).toBeNull();
    expect(await next()).toEqual({ _id, last: 2 });
    expect(await counters.find({ _id }).toArray()).toEqual([{ _id, tenantId: 't', last: 4 }]);
  });

  it('should hand out each range once and keep one document when 10 upserting $inc race on a new _id', async () => {
    const counters = database().db.collection<Counter>('upsert_before_race');
    const _id = uniqueId('counter');

    const { values, errors } = await settled(
      Array.from({ length: 10 }, () =>
        counters.findOneAndUpdate(
          { _id, tenantId: 't' },
          { $inc: { last: 1 } },
          { upsert: true, returnDocument: 'before' },
        ),
      ),
    );

    // The one that created it got null (so 0 before); the rest each a distinct previous value.
    expect(errors.map(errorCode)).toEqual(errors.map(() => 11000));
    const previous = values.map((doc) => doc?.last ?? 0).sort((a, b) => a - b);
    expect(previous).toEqual(Array.from({ length: values.length }, (_, i) => i));
    expect(await counters.find({ _id }).toArray()).toEqual([
      { _id, tenantId: 't', last: values.length },
    ]);
  });
});

describe('updateOne with upsert (services/requests/src/db/addressee.repository.ts record, services/roundtables/src/db/party-name.repository.ts, services/requests/src/db/request-facts.repository.ts listAddressee, services/requests/src/db/deadline-policy.repository.ts)', () => {
  it('should leave one document when 10 updateOne upserts race on one _id', async () => {
    const projections = database().db.collection<Projection>('upsert_race');
    const _id = uniqueId('addressee');

    const { values, errors } = await settled(
      Array.from({ length: 10 }, (_, i) =>
        projections.updateOne(
          { _id },
          { $set: { tenantId: 't', name: `name ${i}`, version: 1 } },
          { upsert: true },
        ),
      ),
    );

    expect(errors.map(errorCode)).toEqual(errors.map(() => 11000));
    expect(values.filter((r) => r.upsertedCount === 1)).toHaveLength(1);
    const stored = await projections.find({ _id }).toArray();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ tenantId: 't', version: 1 });
  });

  it('should refuse with E11000 and change nothing when the filter misses a stored _id (an older version arrives)', async () => {
    const projections = database().db.collection<Projection>('upsert_older_version');
    const _id = uniqueId('addressee');
    await projections.insertOne({ _id, tenantId: 't', name: 'as of version 5', version: 5 });

    const older = projections.updateOne(
      { _id, version: { $lte: 3 } },
      { $set: { tenantId: 't', name: 'as of version 3', version: 3 } },
      { upsert: true },
    );

    const error: unknown = await older.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(errorCode(error)).toBe(11000);
    expect(isDuplicateKey(error)).toBe(true);
    expect(await projections.find({ _id }).toArray()).toEqual([
      { _id, tenantId: 't', name: 'as of version 5', version: 5 },
    ]);
  });

  it('should update when the filter matches the stored version and insert when nothing is stored', async () => {
    const projections = database().db.collection<Projection>('upsert_newer_version');
    const _id = uniqueId('addressee');
    const record = (version: number) =>
      projections.updateOne(
        { _id, version: { $lte: version } },
        { $set: { tenantId: 't', name: `as of version ${version}`, version } },
        { upsert: true },
      );

    expect(await record(2)).toMatchObject({ upsertedCount: 1, modifiedCount: 0 });
    expect(await record(4)).toMatchObject({ upsertedCount: 0, modifiedCount: 1 });
    expect(await record(4)).toMatchObject({ upsertedCount: 0, matchedCount: 1, modifiedCount: 0 });
    expect(await projections.findOne({ _id })).toEqual({
      _id,
      tenantId: 't',
      name: 'as of version 4',
      version: 4,
    });
  });

  it('should insert once and never overwrite when $setOnInsert upserts race', async () => {
    const listed = database().db.collection<{ _id: string; tenantId: string; since: Date }>(
      'upsert_set_on_insert',
    );
    const _id = uniqueId('listed');

    const { errors } = await settled(
      Array.from({ length: 10 }, (_, i) =>
        listed.updateOne(
          { _id },
          { $setOnInsert: { tenantId: 't', since: new Date(Date.UTC(2026, 0, 1 + i)) } },
          { upsert: true },
        ),
      ),
    );
    const first = await listed.findOne({ _id });
    await listed.updateOne(
      { _id },
      { $setOnInsert: { tenantId: 'later', since: new Date(0) } },
      { upsert: true },
    );

    expect(errors.map(errorCode)).toEqual(errors.map(() => 11000));
    expect(await listed.find({ _id }).toArray()).toEqual([first]);
  });
});
