import { uniqueId } from '@kollegia/testing';
import type mongoose from 'mongoose';

import { searchTokens } from '../../domain';
import { tokenConditions } from '../tenant-repository';
import { useConformanceDatabase } from './conformance-database';

/** Filters as the repositories build them, counted and found. */
const database = useConformanceDatabase('conformance-queries');

interface Entry {
  eventId: string;
  version: number;
  kind: string;
}

interface Doc {
  _id: string;
  tenantId: string;
  status?: string;
  outbox?: Entry[];
  source?: { conferenceId: string; roundtableId: string };
  searchTokens?: string[];
  appliedEventIds?: string[];
  submittedAt?: Date;
  dueAt?: Date;
  nextNoticeAt?: Date | null;
  settings?: { dueSoonDays?: number; zone?: string };
}

/** The ids of the documents a filter finds, in `_id` order. */
async function ids(name: string, filter: mongoose.mongo.Filter<Doc>): Promise<string[]> {
  const docs = await database()
    .db.collection<Doc>(name)
    .find(filter, { projection: { _id: 1 } })
    .sort({ _id: 1 })
    .toArray();
  return docs.map((doc) => doc._id);
}

describe('filters on arrays of subdocuments', () => {
  const name = 'array_subdocuments';
  const tenantId = uniqueId('tenant');

  beforeAll(async () => {
    await database()
      .db.collection<Doc>(name)
      .insertMany([
        {
          _id: 'a',
          tenantId,
          outbox: [
            { eventId: 'e1', version: 2, kind: 'adopted' },
            { eventId: 'e2', version: 5, kind: 'rejected' },
          ],
          source: { conferenceId: 'c1', roundtableId: 'r1' },
        },
        {
          _id: 'b',
          tenantId,
          outbox: [{ eventId: 'e3', version: 5, kind: 'adopted' }],
          source: { conferenceId: 'c2', roundtableId: 'r1' },
        },
        { _id: 'c', tenantId, outbox: [], source: { conferenceId: 'c1', roundtableId: 'r2' } },
        { _id: 'd', tenantId },
      ]);
  });

  it('should match only documents where one element meets every condition when the filter uses $elemMatch', async () => {
    // Not used yet (FerretDB ignored $elemMatch); docs/adr/0009 allows it now.
    // 'a' has an "adopted" entry and a version-5 entry, but not in the same element.
    expect(
      await ids(name, { tenantId, outbox: { $elemMatch: { kind: 'adopted', version: 5 } } }),
    ).toEqual(['b']);
    expect(
      await ids(name, { tenantId, outbox: { $elemMatch: { version: { $gte: 3, $lt: 6 } } } }),
    ).toEqual(['a', 'b']);
    expect(
      await ids(name, { tenantId, outbox: { $elemMatch: { kind: 'adopted', version: 2 } } }),
    ).toEqual(['a']);
  });

  it('should match a document when any element has the value and no empty array when the dotted filter is $exists (packages/service-kit/src/outbox/relay.ts sweepOnce, services/roundtables/src/db/roundtable.repository.ts, services/recommendations/src/db/recommendation.repository.ts pending projections)', async () => {
    expect(await ids(name, { tenantId, 'outbox.eventId': 'e2' })).toEqual(['a']);
    expect(await ids(name, { tenantId, 'outbox.eventId': { $in: ['e1', 'e3'] } })).toEqual([
      'a',
      'b',
    ]);
    // Without $elemMatch, the conditions may hold in different elements.
    expect(await ids(name, { tenantId, 'outbox.kind': 'adopted', 'outbox.version': 5 })).toEqual([
      'a',
      'b',
    ]);
    // The relay's sweep: documents with pending entries, not those with an empty outbox.
    expect(await ids(name, { tenantId, 'outbox.eventId': { $exists: true } })).toEqual(['a', 'b']);
  });

  it('should match on a subdocument field when the filter names it dotted (services/recommendations/src/db/recommendation.repository.ts source.conferenceId)', async () => {
    expect(await ids(name, { tenantId, 'source.conferenceId': 'c1' })).toEqual(['a', 'c']);
    expect(
      await ids(name, { tenantId, 'source.conferenceId': 'c1', 'source.roundtableId': 'r1' }),
    ).toEqual(['a']);
  });
});

describe('subdocuments keyed by id (services/recommendations/src/db/conference-counts.repository.ts apply)', () => {
  const name = 'keyed_subdocuments';
  const tenantId = uniqueId('tenant');

  interface Keyed {
    _id: string;
    tenantId: string;
    recommendations?: Record<string, { v: number; s: string }>;
  }

  beforeAll(async () => {
    await database()
      .db.collection<Keyed>(name)
      .insertMany([
        { _id: 'none', tenantId },
        { _id: 'empty', tenantId, recommendations: {} },
        { _id: 'other', tenantId, recommendations: { 'rec-2': { v: 1, s: 'PROPOSED' } } },
        {
          _id: 'counted',
          tenantId,
          recommendations: {
            'rec-1': { v: 3, s: 'ADOPTED' },
            'rec-2': { v: 1, s: 'PROPOSED' },
          },
        },
      ]);
  });

  it('should match the documents without the entry when a dotted path through subdocuments is $exists false, and the one with it at a value', async () => {
    const collection = database().db.collection<Keyed>(name);
    const found = async (filter: mongoose.mongo.Filter<Keyed>) =>
      (
        await collection
          .find({ tenantId, ...filter })
          .sort({ _id: 1 })
          .toArray()
      ).map((d) => d._id);

    expect(await found({ 'recommendations.rec-1.v': { $exists: false } })).toEqual([
      'empty',
      'none',
      'other',
    ]);
    expect(await found({ 'recommendations.rec-1.v': 3 })).toEqual(['counted']);
    expect(await found({ 'recommendations.rec-1.v': 2 })).toEqual([]);
  });

  it('should return only the named entry when the projection names it dotted', async () => {
    const doc = await database()
      .db.collection<Keyed>(name)
      .findOne({ _id: 'counted', tenantId }, { projection: { 'recommendations.rec-1': 1 } });

    expect(doc).toEqual({ _id: 'counted', recommendations: { 'rec-1': { v: 3, s: 'ADOPTED' } } });
  });
});

describe('the count command and find with the repositories’ filters (packages/service-kit/src/graphql/paginate.ts countMatching — every connection’s totalCount, packages/service-kit/src/db/tenant-repository.ts getMany and tokenConditions, packages/service-kit/src/idempotency.ts applyOnce, services/*/src/db/*.repository.ts list filters)', () => {
  const name = 'counted';
  const tenantId = uniqueId('tenant');
  const other = uniqueId('tenant');
  const day = (d: number) => new Date(Date.UTC(2026, 2, d, 12));

  beforeAll(async () => {
    await database()
      .db.collection<Doc>(name)
      .insertMany([
        {
          _id: 'r1',
          tenantId,
          status: 'SENT',
          searchTokens: searchTokens('Министерство цифрового развития', 'Москва'),
          submittedAt: day(1),
          dueAt: day(10),
          appliedEventIds: ['ev-1', 'ev-2'],
        },
        {
          _id: 'r2',
          tenantId,
          status: 'DRAFT',
          searchTokens: searchTokens('Минздрав России', 'C++ и Ёлки'),
          dueAt: day(20),
          appliedEventIds: ['ev-2'],
        },
        {
          _id: 'r3',
          tenantId,
          status: 'ANSWERED',
          searchTokens: searchTokens('Digital ministry'),
          submittedAt: day(5),
          settings: { dueSoonDays: 3 },
        },
        { _id: 'r4', tenantId, status: 'SENT', searchTokens: [], dueAt: day(15) },
        { _id: 'x1', tenantId: other, status: 'SENT', searchTokens: searchTokens('Министерство') },
      ]);
  });

  /** As paginate.ts counts: the `count` command with the filter, checked against `find`. */
  const count = async (filter: mongoose.mongo.Filter<Doc>) => {
    const reply = await database().db.command({ count: name, query: filter });
    expect(reply.n).toBe((await ids(name, filter)).length);
    return reply.n as number;
  };

  it('should count only the tenant’s documents when the filter has the tenant and $in', async () => {
    expect(await count({ tenantId })).toBe(4);
    expect(await count({ tenantId, status: 'SENT' })).toBe(2);
    expect(await count({ tenantId, status: { $in: ['SENT', 'DRAFT'] } })).toBe(3);
    expect(await count({ tenantId, status: { $nin: ['SENT', 'DRAFT'] } })).toBe(1);
    expect(await ids(name, { tenantId, _id: { $in: ['r1', 'r3', 'x1', 'zz'] } })).toEqual([
      'r1',
      'r3',
    ]);
  });

  it('should match a token array when every query word starts some token with a ^ $regex', async () => {
    const search = (text: string) =>
      ids(name, { tenantId, $and: tokenConditions('searchTokens', text) });

    expect(await search('мин')).toEqual(['r1', 'r2']);
    expect(await search('МИН разв')).toEqual(['r1']);
    expect(await search('минист')).toEqual(['r1']);
    expect(await search('Ёлк')).toEqual(['r2']);
    expect(await search('c++')).toEqual(['r2']);
    expect(await search('digi')).toEqual(['r3']);
    // A word inside a token does not match, only a token's beginning.
    expect(await search('стерство')).toEqual([]);
    expect(await search('мин digital')).toEqual([]);
    expect(await count({ tenantId, $and: tokenConditions('searchTokens', 'мин') })).toBe(2);
  });

  it('should match present or absent fields when the filter uses $exists (services/requests/src/db/request.repository.ts submittedAt, nextNoticeAt)', async () => {
    expect(await ids(name, { tenantId, submittedAt: { $exists: true } })).toEqual(['r1', 'r3']);
    expect(await ids(name, { tenantId, dueAt: { $exists: false } })).toEqual(['r3']);
    expect(await ids(name, { tenantId, 'settings.dueSoonDays': { $exists: true } })).toEqual([
      'r3',
    ]);
    expect(await count({ tenantId, submittedAt: { $exists: true } })).toBe(2);
  });

  it('should skip documents whose array holds the value when the filter uses $ne (packages/service-kit/src/idempotency.ts applyOnce)', async () => {
    expect(await ids(name, { tenantId, appliedEventIds: { $ne: 'ev-1' } })).toEqual([
      'r2',
      'r3',
      'r4',
    ]);
    expect(await ids(name, { tenantId, appliedEventIds: { $ne: 'ev-2' } })).toEqual(['r3', 'r4']);
    expect(await ids(name, { tenantId, status: { $ne: 'SENT' } })).toEqual(['r2', 'r3']);
  });

  it('should compare dates when the filter uses $lt, $lte, $gte and $not $lt (services/requests/src/db/request.repository.ts overdue, services/roundtables/src/db/roundtable.repository.ts startsFrom)', async () => {
    expect(await ids(name, { tenantId, dueAt: { $lt: day(15) } })).toEqual(['r1']);
    expect(await ids(name, { tenantId, dueAt: { $lte: day(15) } })).toEqual(['r1', 'r4']);
    expect(await ids(name, { tenantId, dueAt: { $gte: day(15) } })).toEqual(['r2', 'r4']);
    expect(await ids(name, { tenantId, dueAt: { $gte: day(10), $lt: day(20) } })).toEqual([
      'r1',
      'r4',
    ]);
    // "Not overdue": no deadline, or one that has not ended.
    expect(await ids(name, { tenantId, dueAt: { $not: { $lt: day(15) } } })).toEqual([
      'r2',
      'r3',
      'r4',
    ]);
    expect(await count({ tenantId, submittedAt: { $gte: day(2) } })).toBe(1);
  });

  it('should return only the named fields or all but the excluded ones when find has a projection (services/*/src/db/*.repository.ts outbox: 0)', async () => {
    const collection = database().db.collection<Doc>(name);
    expect(
      await collection.findOne({ _id: 'r3' }, { projection: { 'settings.dueSoonDays': 1 } }),
    ).toEqual({ _id: 'r3', settings: { dueSoonDays: 3 } });
    const excluded = await collection.findOne(
      { _id: 'r1' },
      { projection: { searchTokens: 0, appliedEventIds: 0 } },
    );
    expect(Object.keys(excluded ?? {}).sort()).toEqual([
      '_id',
      'dueAt',
      'status',
      'submittedAt',
      'tenantId',
    ]);
  });
});

describe('what is due, across tenants', () => {
  const name = 'notices_due';
  const now = new Date('2026-03-02T07:00:00Z');
  const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000);

  beforeAll(async () => {
    await database()
      .db.collection<Doc>(name)
      .insertMany([
        { _id: 'past', tenantId: 't1', status: 'REGISTERED', nextNoticeAt: at(-60) },
        { _id: 'now', tenantId: 't2', status: 'SUBMITTED', nextNoticeAt: now },
        { _id: 'later', tenantId: 't1', status: 'REGISTERED', nextNoticeAt: at(1) },
        { _id: 'none-left', tenantId: 't1', status: 'REGISTERED', nextNoticeAt: null },
        { _id: 'closed', tenantId: 't2', status: 'CLOSED', nextNoticeAt: null },
        { _id: 'old-open', tenantId: 't1', status: 'SUBMITTED' },
        { _id: 'old-draft', tenantId: 't2', status: 'DRAFT' },
      ]);
  });

  it('should find due moments and open documents without one, never a null moment, when the filter is $or of $lte and $exists: false (services/requests/src/db/request.repository.ts noticesDue)', async () => {
    const due = {
      $or: [
        { nextNoticeAt: { $lte: now } },
        { nextNoticeAt: { $exists: false }, status: { $in: ['SUBMITTED', 'REGISTERED'] } },
      ],
    };
    expect(await ids(name, due)).toEqual(['now', 'old-open', 'past']);
    // Paged by `_id` after the last one read.
    expect(await ids(name, { ...due, _id: { $gt: 'now' } })).toEqual(['old-open', 'past']);
    expect(await ids(name, { nextNoticeAt: { $lte: at(10) } })).toEqual(['later', 'now', 'past']);
  });
});
