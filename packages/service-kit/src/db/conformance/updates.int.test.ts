import { uniqueId } from '@kollegia/testing';

import { useConformanceDatabase } from './conformance-database';

/** Update operators as the kit and the services write them, one document at a time. */
const database = useConformanceDatabase('conformance-updates');

interface Entry {
  eventId: string;
  topic: string;
  key: string;
  value: string;
  createdAt: Date;
}

interface Doc {
  _id: string;
  tenantId: string;
  n?: number;
  last?: number;
  o?: Record<string, number>;
  counts?: Record<string, number>;
  ids?: string[];
  state?: { kind: string; id: string };
  outbox?: Entry[];
  appliedEventIds?: string[];
  shortName?: string;
  dueAt?: Date;
  note?: string;
}

function collection(name: string) {
  return database().db.collection<Doc>(name);
}

function entry(eventId: string, at = 0): Entry {
  return {
    eventId,
    topic: 't.organization',
    key: 'org-1',
    value: JSON.stringify({ id: eventId }),
    createdAt: new Date(Date.UTC(2026, 0, 1, 9, 0, 0, at)),
  };
}

describe('$inc (packages/service-kit/src/outbox/aggregate-writes.ts updateWithEvents version bump, services/recommendations/src/db/counter.repository.ts next, services/requests/src/db/outgoing-number.repository.ts next, services/requests/src/db/deadline-policy.repository.ts replace, services/recommendations/src/db/conference-counts.repository.ts apply)', () => {
  it('should count to 200 when 200 $inc of one document run at once', async () => {
    const counters = collection('inc_update_one');
    const _id = uniqueId('counter');
    await counters.insertOne({ _id, tenantId: 't', n: 0 });

    await Promise.all(
      Array.from({ length: 200 }, () => counters.updateOne({ _id }, { $inc: { n: 1 } })),
    );

    expect((await counters.findOne({ _id }))?.n).toBe(200);
  });

  it('should return each value once when 100 findOneAndUpdate $inc with returnDocument after run at once (outgoing-number.repository.ts next, deadline-policy.repository.ts replace, the state updateWithEvents returns)', async () => {
    const counters = collection('inc_returning_after');
    const _id = uniqueId('counter');
    await counters.insertOne({ _id, tenantId: 't', last: 0 });

    const returned = await Promise.all(
      Array.from({ length: 100 }, () =>
        counters.findOneAndUpdate({ _id }, { $inc: { last: 1 } }, { returnDocument: 'after' }),
      ),
    );

    // Numbers handed out by the counter never repeat (outgoing numbers, policy versions).
    expect(returned.map((doc) => doc?.last).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(
      Array.from({ length: 100 }, (_, i) => i + 1),
    );
    expect((await counters.findOne({ _id }))?.last).toBe(100);
  });

  it('should return each previous value once when 100 findOneAndUpdate $inc with returnDocument before run at once (counter.repository.ts next)', async () => {
    const counters = collection('inc_returning_before');
    const _id = uniqueId('counter');
    await counters.insertOne({ _id, tenantId: 't', last: 0 });

    const returned = await Promise.all(
      Array.from({ length: 100 }, () =>
        counters.findOneAndUpdate(
          { _id, tenantId: 't' },
          { $inc: { last: 3 } },
          { returnDocument: 'before', projection: { last: 1 } },
        ),
      ),
    );

    // Each caller owns the numbers last + 1 … last + 3: the ranges never overlap.
    expect(returned.map((doc) => doc?.last).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(
      Array.from({ length: 100 }, (_, i) => i * 3),
    );
    expect((await counters.findOne({ _id }))?.last).toBe(300);
  });

  it('should move the counts when $inc has dotted paths with negative amounts, creating the missing ones (conference-counts.repository.ts apply)', async () => {
    const docs = collection('inc_dotted');
    const _id = uniqueId('counts');
    await docs.insertOne({ _id, tenantId: 't', counts: { PROPOSED: 2 } });

    await docs.updateOne({ _id }, { $inc: { 'counts.PROPOSED': -1, 'counts.ADOPTED': 1 } });
    await docs.updateOne({ _id }, { $inc: { 'counts.PROPOSED': -1, 'o.x': 5 } });

    expect(await docs.findOne({ _id })).toMatchObject({
      counts: { PROPOSED: 0, ADOPTED: 1 },
      o: { x: 5 },
    });
  });
});

describe('$set of whole objects and arrays (packages/service-kit/src/db/tenant-repository.ts stateUpdate, services/recommendations/src/db/conference-counts.repository.ts apply)', () => {
  it('should replace an object by one with other keys when $set writes the whole object', async () => {
    const docs = collection('set_object_keys');
    const _id = uniqueId('doc');
    await docs.insertOne({ _id, tenantId: 't', o: { a: 1 } });

    await docs.updateOne({ _id }, { $set: { o: { b: 1 } } });

    expect((await docs.findOne({ _id }))?.o).toEqual({ b: 1 });
  });

  it('should store the new keys when $set writes an object whose values equal the old ones under other keys', async () => {
    const docs = collection('set_object_same_values');
    const _id = uniqueId('doc');
    await docs.insertOne({ _id, tenantId: 't', counts: { PROPOSED: 1 }, note: 'before' });

    await docs.updateOne({ _id }, { $set: { counts: { ADOPTED: 1 } } });
    expect((await docs.findOne({ _id }))?.counts).toEqual({ ADOPTED: 1 });

    // The same together with other fields in one update, as stateUpdate writes a whole state.
    await docs.updateOne({ _id }, { $set: { counts: { IN_PROGRESS: 1 }, note: 'after' } });
    expect(await docs.findOne({ _id })).toMatchObject({
      counts: { IN_PROGRESS: 1 },
      note: 'after',
    });
  });

  it('should store the new order when $set writes an array of the same values in another order', async () => {
    const docs = collection('set_array_order');
    const _id = uniqueId('doc');
    await docs.insertOne({ _id, tenantId: 't', ids: ['a', 'b'], state: { kind: 'x', id: '1' } });

    await docs.updateOne({ _id }, { $set: { ids: ['b', 'a'], state: { kind: '1', id: 'x' } } });

    expect(await docs.findOne({ _id })).toMatchObject({
      ids: ['b', 'a'],
      state: { kind: '1', id: 'x' },
    });
  });

  it('should set and keep sibling keys when $set writes dotted paths into an object', async () => {
    const docs = collection('set_dotted');
    const _id = uniqueId('doc');
    await docs.insertOne({ _id, tenantId: 't', counts: { PROPOSED: 2 } });

    await docs.updateOne({ _id }, { $set: { 'counts.PROPOSED': 1, 'counts.ADOPTED': 1 } });

    expect((await docs.findOne({ _id }))?.counts).toEqual({ PROPOSED: 1, ADOPTED: 1 });
  });
});

describe('arrays and field removal (packages/service-kit/src/outbox/relay.ts relayDocument, packages/service-kit/src/outbox/aggregate-writes.ts updateWithEvents, services/roundtables/src/db/roundtable.repository.ts, services/recommendations/src/db/recommendation.repository.ts, services/requests/src/db/request.repository.ts, services/roundtables/src/db/party-name.repository.ts)', () => {
  it('should remove exactly the matching entries when $pull has a condition (relay.ts relayDocument, roundtable.repository.ts pendingStatements, recommendation.repository.ts pendingProjections)', async () => {
    // The relay removes what it sent by event id; entries appended meanwhile (e2, e4) stay.
    const docs = collection('pull_condition');
    const _id = uniqueId('aggregate');
    const outbox = ['e1', 'e2', 'e3', 'e4'].map((id, i) => entry(id, i));
    await docs.insertOne({ _id, tenantId: 't', outbox });

    const result = await docs.updateOne(
      { _id },
      { $pull: { outbox: { eventId: { $in: ['e1', 'e3', 'e9'] } } } },
    );

    expect(result.modifiedCount).toBe(1);
    expect((await docs.findOne({ _id }))?.outbox).toEqual([outbox[1], outbox[3]]);
  });

  it('should remove exactly the entries read and keep those appended meanwhile when $pullAll gets the read entries (no code since the move to $pull; for removing exact entries)', async () => {
    const docs = collection('pull_all');
    const _id = uniqueId('aggregate');
    await docs.insertOne({ _id, tenantId: 't', outbox: [] });
    await docs.updateOne(
      { _id },
      { $push: { outbox: { $each: [entry('e1', 1), entry('e2', 2)] } } },
    );

    // Read the entries, send them, then pull exactly what was read.
    const read = (await docs.findOne({ _id }, { projection: { outbox: 1 } }))?.outbox ?? [];
    await docs.updateOne({ _id }, { $push: { outbox: { $each: [entry('e3', 3)] } } });
    await docs.updateOne({ _id }, { $pullAll: { outbox: read } });

    expect((await docs.findOne({ _id }))?.outbox).toEqual([entry('e3', 3)]);
  });

  it('should remove every copy of each listed value when $pullAll gets strings', async () => {
    const docs = collection('pull_all_strings');
    const _id = uniqueId('doc');
    await docs.insertOne({ _id, tenantId: 't', ids: ['a', 'b', 'a', 'c'] });

    await docs.updateOne({ _id }, { $pullAll: { ids: ['a', 'z'] } });

    expect((await docs.findOne({ _id }))?.ids).toEqual(['b', 'c']);
  });

  it('should append in order when $push has $each, creating the array when it is missing', async () => {
    const docs = collection('push_each');
    const _id = uniqueId('aggregate');
    await docs.insertOne({ _id, tenantId: 't' });

    await docs.updateOne(
      { _id },
      { $push: { outbox: { $each: [entry('e1', 1), entry('e2', 2)] } } },
    );
    await docs.updateOne(
      { _id },
      {
        $push: {
          outbox: { $each: [entry('e3', 3), entry('e4', 4)] },
          appliedEventIds: { $each: ['x'] },
        },
      },
    );
    await docs.updateOne({ _id }, { $push: { outbox: { $each: [] } } });

    const stored = await docs.findOne({ _id });
    expect(stored?.outbox?.map((e) => e.eventId)).toEqual(['e1', 'e2', 'e3', 'e4']);
    expect(stored?.outbox?.[0]?.createdAt).toEqual(entry('e1', 1).createdAt);
    expect(stored?.appliedEventIds).toEqual(['x']);
  });

  it('should remove the fields when $unset names them, whether given 1 or an empty string', async () => {
    const docs = collection('unset');
    const _id = uniqueId('doc');
    await docs.insertOne({
      _id,
      tenantId: 't',
      shortName: 'МИД',
      dueAt: new Date('2026-05-01T00:00:00Z'),
      note: 'kept',
    });

    await docs.updateOne(
      { _id },
      { $set: { note: 'changed' }, $unset: { shortName: '', dueAt: 1, notThere: 1 } },
    );

    expect(await docs.findOne({ _id })).toEqual({ _id, tenantId: 't', note: 'changed' });
    expect(await docs.countDocuments({ _id, shortName: { $exists: true } })).toBe(0);
  });

  it('should apply $set, $unset, $inc and $push together when one findOneAndUpdate carries them all', async () => {
    const docs = collection('combined');
    const _id = uniqueId('aggregate');
    await docs.insertOne({ _id, tenantId: 't', n: 1, shortName: 'x', outbox: [entry('e1')] });

    const after = await docs.findOneAndUpdate(
      { _id, tenantId: 't', n: 1 },
      {
        $set: { note: 'changed', counts: { ADOPTED: 1 } },
        $unset: { shortName: 1 },
        $inc: { n: 1 },
        $push: { outbox: { $each: [entry('e2')] } },
      },
      { returnDocument: 'after' },
    );

    expect(after).toEqual({
      _id,
      tenantId: 't',
      n: 2,
      note: 'changed',
      counts: { ADOPTED: 1 },
      outbox: [entry('e1'), entry('e2')],
    });
  });
});
