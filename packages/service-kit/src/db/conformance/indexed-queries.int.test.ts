import { uniqueId } from '@kollegia/testing';
import type mongoose from 'mongoose';

import { useConformanceDatabase } from './conformance-database';

/**
 * Filters answered through indexes find what a collection scan finds. The embedded engine narrows
 * a query to the documents holding its equality values on an index's leading keys (a non-unique
 * index, or `_id` beside other conditions: KollegiaMongo's EqualityPostings, docs/adr/0009) and
 * applies the whole filter to those; on MongoDB the planner picks the index. The same documents are stored twice, in a collection with
 * indexes like the services' and in one without; every filter must find the same documents in
 * both, also after each kind of write and after indexes are added and dropped. Every list query
 * of the services depends on it (services/*\/src/db/*.model.ts declare the indexes,
 * packages/service-kit/src/graphql/paginate.ts and the repositories' filters use them).
 */
const database = useConformanceDatabase('conformance-indexed');

interface Doc {
  _id: string;
  tenantId: string;
  status?: unknown;
  source?: unknown;
  tags?: (string | string[])[];
  flag?: unknown;
  listKey: string;
  n: number;
}

type Filter = mongoose.mongo.Filter<Doc>;

const t1 = uniqueId('tenant');
const t2 = uniqueId('tenant');
const STATUSES: unknown[] = ['A', 'B', 'C', ['A', 'B'], undefined, null, 1, 'a'];

/** Documents of many shapes: arrays, arrays of subdocuments, nested arrays, other types, gaps. */
function doc(i: number): Doc {
  const status = STATUSES[i % STATUSES.length];
  const sources = [
    { conferenceId: `c${i % 3}` },
    [{ conferenceId: 'c0' }, { conferenceId: `c${(i + 1) % 3}` }],
    undefined,
    { conferenceId: ['c1', 'c2'] },
    'c1',
    { other: 'c1' },
  ];
  const tags = [[`t${i % 4}`, `t${(i + 1) % 4}`], [], [[`t${i % 4}`]]];
  const flags = [true, false, undefined, 'true'];
  const source = sources[i % sources.length];
  const flag = flags[Math.floor(i / 3) % flags.length];
  return {
    _id: `d-${String(i).padStart(3, '0')}`,
    tenantId: i % 5 === 0 ? t2 : t1,
    ...(status !== undefined ? { status } : {}),
    ...(source !== undefined ? { source } : {}),
    ...(i % 11 !== 0 ? { tags: tags[i % tags.length] } : {}),
    ...(flag !== undefined ? { flag } : {}),
    // Not in `_id` order, so a sort is visible.
    listKey: `k${String((i * 37) % 1000).padStart(4, '0')}`,
    n: i,
  };
}

const INDEXES = [
  { tenantId: 1, status: 1, listKey: 1 },
  { tenantId: 1, 'source.conferenceId': 1, listKey: 1, _id: 1 },
  { tenantId: 1, tags: 1 },
  { tenantId: 1, flag: 1, n: 1 },
] as const;

/** Filters as the repositories write them, and shapes around them; `empty` ones match nothing. */
const FILTERS: { name: string; filter: Filter; empty?: boolean }[] = [
  { name: 'the tenant', filter: { tenantId: t1 } },
  { name: 'a value', filter: { tenantId: t1, status: 'A' } },
  { name: '$eq', filter: { tenantId: t1, status: { $eq: 'B' } } },
  { name: '$in', filter: { tenantId: t1, status: { $in: ['A', 'C'] } } },
  { name: 'inside $and', filter: { $and: [{ tenantId: t1 }, { status: 'A' }] } },
  {
    name: 'nested $and with a dotted path',
    filter: {
      tenantId: t1,
      $and: [{ $and: [{ 'source.conferenceId': 'c1' }] }, { status: { $in: ['A', 'B'] } }],
    },
  },
  {
    name: 'keyset position',
    filter: {
      $and: [
        { tenantId: t1, status: { $in: ['A', 'B'] } },
        { $or: [{ listKey: { $gt: 'k0400' } }, { listKey: 'k0400', _id: { $gt: 'd-000' } }] },
      ],
    },
  },
  { name: 'an array element', filter: { tenantId: t1, tags: 't1' } },
  { name: 'an array of subdocuments', filter: { tenantId: t1, 'source.conferenceId': 'c0' } },
  { name: 'an array in a subdocument', filter: { tenantId: t1, 'source.conferenceId': 'c2' } },
  { name: 'a boolean', filter: { tenantId: t1, flag: true } },
  { name: 'a boolean, not its string', filter: { tenantId: t1, flag: 'true' } },
  { name: 'a string, not a number', filter: { tenantId: t1, status: 1 } },
  { name: 'case', filter: { tenantId: t1, status: 'a' } },
  { name: 'null', filter: { tenantId: t1, status: null } },
  { name: 'a value no document holds', filter: { tenantId: t1, status: 'Z' }, empty: true },
  { name: 'another tenant', filter: { tenantId: t2, status: 'A' } },
  { name: 'two tenants', filter: { tenantId: { $in: [t1, t2] }, status: 'C' } },
  { name: 'beside $or', filter: { tenantId: t1, $or: [{ status: 'A' }, { flag: false }] } },
  { name: '$ne', filter: { tenantId: t1, status: { $ne: 'A' } } },
  { name: '$nin', filter: { tenantId: t1, status: { $nin: ['A', 'B'] } } },
  { name: '$exists', filter: { tenantId: t1, tags: { $exists: true } } },
  { name: 'a regular expression', filter: { tenantId: t1, tags: { $regex: '^t[12]' } } },
  { name: 'not the leading key', filter: { status: 'B', flag: true } },
  {
    name: 'two prefixes',
    filter: {
      tenantId: t1,
      status: { $in: ['A', 'B', 'E'] },
      'source.conferenceId': 'c1',
      flag: { $in: [true, false] },
    },
  },
  {
    name: 'ids of the tenant (getMany)',
    filter: { tenantId: t1, _id: { $in: ['d-001', 'd-002', 'd-005', 'd-998'] } },
  },
  { name: 'an id and a value', filter: { _id: 'd-004', n: 4 } },
  { name: 'an id and another value', filter: { _id: 'd-004', n: 5 }, empty: true },
  { name: 'a value twice', filter: { tenantId: t1, $and: [{ tags: 't0' }, { tags: 't1' }] } },
];

const indexed = () => database().db.collection<Doc>('indexed');
const plain = () => database().db.collection<Doc>('plain');

/** What a filter finds in a collection: every id, a sorted page, and the `count` command. */
async function answers(collection: mongoose.mongo.Collection<Doc>, filter: Filter) {
  const all = await collection.find(filter, { projection: { _id: 1 } }).toArray();
  const page = await collection
    .find(filter)
    .sort({ listKey: 1, _id: 1 })
    .skip(2)
    .limit(5)
    .toArray();
  const counted = await database().db.command({ count: collection.collectionName, query: filter });
  return {
    ids: all.map((d) => d._id).sort(),
    page,
    count: counted.n as number,
  };
}

/** Every filter finds the same in both collections (and something, unless it is `empty`). */
async function expectSameAnswers(filters = FILTERS) {
  for (const { name, filter, empty } of filters) {
    const expected = await answers(plain(), filter);
    expect({ name, ...(await answers(indexed(), filter)) }).toEqual({ name, ...expected });
    expect({ name, count: expected.count }).toEqual({ name, count: expected.ids.length });
    expect({ name, found: expected.ids.length > 0 }).toEqual({ name, found: !empty });
  }
}

/** The same write to both collections. */
async function inBoth(write: (collection: mongoose.mongo.Collection<Doc>) => Promise<unknown>) {
  await write(indexed());
  await write(plain());
}

beforeAll(async () => {
  for (const keys of INDEXES) await indexed().createIndex(keys);
  const docs = Array.from({ length: 240 }, (_, i) => doc(i));
  await inBoth((c) => c.insertMany(docs.map((d) => ({ ...d }))));
});

describe('queries through non-unique indexes (every list query of the services: services/*/src/db/*.repository.ts filters, packages/service-kit/src/graphql/paginate.ts)', () => {
  it('should find, page and count what a scan finds when the filter has equality conditions on indexed keys', async () => {
    await expectSameAnswers();
  });

  it('should find what a scan finds when documents changed after they were indexed (every update of the kit and the services)', async () => {
    const first = (filter: Filter) => indexed().findOne(filter, { sort: { listKey: 1 } });
    const target = await first({ tenantId: t1, status: 'A' });
    await inBoth((c) => c.updateOne({ _id: target!._id }, { $set: { status: 'B' } }));
    await inBoth((c) => c.updateMany({ tenantId: t1, status: 'C' }, { $set: { status: 'D' } }));
    await inBoth((c) => c.updateMany({ tenantId: t1, tags: 't1' }, { $push: { tags: 't9' } }));
    await inBoth((c) => c.updateMany({ tenantId: t1, tags: 't2' }, { $pull: { tags: 't2' } }));
    await inBoth((c) =>
      c.updateMany({ tenantId: t1, flag: false }, { $set: { flag: true, status: 'E' } }),
    );
    await inBoth((c) => c.updateOne({ _id: 'd-013' }, { $unset: { status: '' } }));
    await inBoth((c) =>
      c.replaceOne(
        { _id: 'd-017' },
        { tenantId: t1, status: 'F', source: [{ conferenceId: 'c8' }], listKey: 'k9999', n: 17 },
      ),
    );
    await inBoth((c) =>
      c.findOneAndUpdate(
        { tenantId: t1, status: 'A' },
        { $set: { source: { conferenceId: 'c7' } } },
        { sort: { listKey: 1 } },
      ),
    );
    await inBoth((c) => c.deleteMany({ tenantId: t1, status: 'B', flag: true }));
    await inBoth((c) =>
      c.updateOne(
        { _id: 'up-1', tenantId: t1 },
        { $set: { status: 'G', tags: ['t9'] }, $setOnInsert: { listKey: 'k0001', n: -1 } },
        { upsert: true },
      ),
    );
    await inBoth((c) =>
      c.insertMany([
        { ...doc(401), status: 'H' },
        { ...doc(402), flag: true },
      ]),
    );

    await expectSameAnswers([
      ...FILTERS,
      { name: 'a value set by update', filter: { tenantId: t1, status: 'D' } },
      { name: 'a value set by updateMany', filter: { tenantId: t1, status: 'E', flag: true } },
      { name: 'an element pushed', filter: { tenantId: t1, tags: 't9' } },
      { name: 'an element pulled', filter: { tenantId: t1, tags: 't2' } },
      { name: 'a replaced document', filter: { tenantId: t1, 'source.conferenceId': 'c8' } },
      { name: 'a findOneAndUpdate', filter: { tenantId: t1, 'source.conferenceId': 'c7' } },
      { name: 'an upsert', filter: { tenantId: t1, status: 'G' } },
      { name: 'an insert', filter: { tenantId: t1, status: { $in: ['H', 'Z'] } } },
      { name: 'the replaced value', filter: { tenantId: t1, status: 'F' } },
    ]);
  });

  it('should find what a scan finds when an index is dropped and another is built over stored documents (services/*/src/app.ts syncIndexes)', async () => {
    await indexed().dropIndex('tenantId_1_tags_1');
    await expectSameAnswers();

    await indexed().createIndex({ tags: 1, status: 1 });
    await expectSameAnswers([
      ...FILTERS,
      { name: 'a new index', filter: { tags: 't0', status: { $in: ['A', 'C'] } } },
      { name: 'a new index, one key', filter: { tags: 't3' } },
    ]);
  });
});
