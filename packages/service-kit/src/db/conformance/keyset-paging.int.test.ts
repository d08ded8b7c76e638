import { uniqueId } from '@kollegia/testing';
import type mongoose from 'mongoose';

import { useConformanceDatabase } from './conformance-database';

/**
 * The order and position filters of keyset paging, written out as
 * packages/service-kit/src/graphql/paginate.ts writes them: sort by a field then `_id`, and after
 * a cursor `$and: [filter, { $or: [{ f: { $gt: v } }, { f: v, _id: { $gt: id } }] }]`.
 */
const database = useConformanceDatabase('conformance-paging');

interface Row {
  _id: string;
  tenantId: string;
  rank: number;
  at: Date;
  sortName: string;
  kind: string;
}

type SortField = 'rank' | 'at' | 'sortName';

const TOTAL = 250;
const PAGE = 20;
const tenantId = uniqueId('tenant');
// Names as members' sortKey stores them (lower case, ё as е): Cyrillic, Latin, digits, and ties.
const NAMES = [
  'министерство здравоохранения',
  'министерство цифрового развития',
  'минздрав',
  'мэрия москвы',
  'ассоциация юристов',
  'яндекс',
  'елка',
  'аэропорт',
  'acme',
  'zeta labs',
  'álvarez',
  '1c',
  'ооо «ромашка»',
];

const rows: Row[] = Array.from({ length: TOTAL }, (_, i) => ({
  // Ids not in the order of any sort field, so the tie-breaker is visible.
  _id: `row-${String((i * 37) % TOTAL).padStart(3, '0')}`,
  tenantId,
  rank: (i * 7) % 23,
  at: new Date(Date.UTC(2026, 0, 1) + ((i * 11) % 31) * 3_600_000),
  sortName: NAMES[(i * 5) % NAMES.length]!,
  kind: i % 3 === 0 ? 'odd-one' : 'regular',
}));

/** MongoDB's order without collation: numbers and dates by value, strings by UTF-8 bytes. */
function compareValues(a: unknown, b: unknown): number {
  if (typeof a === 'string' && typeof b === 'string') {
    return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
  }
  return Number(a) - Number(b);
}

function expectedOrder(field: SortField, direction: 1 | -1, filter: (row: Row) => boolean) {
  return rows
    .filter(filter)
    .sort((a, b) => direction * (compareValues(a[field], b[field]) || compareValues(a._id, b._id)))
    .map((row) => row._id);
}

/** Walks every page of a keyset query and returns the ids in the order they came. */
async function walk(
  field: SortField,
  direction: 1 | -1,
  filter: mongoose.mongo.Filter<Row>,
): Promise<{ seen: string[]; pages: number[] }> {
  const collection = database().db.collection<Row>('rows');
  const op = direction === 1 ? '$gt' : '$lt';
  const seen: string[] = [];
  const pages: number[] = [];
  let after: Row | undefined;
  for (;;) {
    const position: mongoose.mongo.Filter<Row> | undefined = after && {
      $or: [
        { [field]: { [op]: after[field] } },
        { [field]: after[field], _id: { [op]: after._id } },
      ],
    };
    const page = await collection
      .find(position ? { $and: [filter, position] } : filter)
      .sort({ [field]: direction, _id: direction })
      .limit(PAGE + 1)
      .toArray();
    const shown = page.slice(0, PAGE);
    seen.push(...shown.map((row) => row._id));
    pages.push(shown.length);
    if (page.length <= PAGE) return { seen, pages };
    after = shown.at(-1);
    if (pages.length > TOTAL) throw new Error('paging does not end');
  }
}

beforeAll(async () => {
  const collection = database().db.collection<Row>('rows');
  await collection.insertMany(rows);
  // Another tenant's rows with the same values: the tenant filter must keep them out.
  await collection.insertMany(
    rows.slice(0, 40).map((row) => ({ ...row, _id: `other-${row._id}`, tenantId: 'other' })),
  );
});

describe('keyset paging (packages/service-kit/src/graphql/paginate.ts paginate, services/requests/src/db/request.repository.ts noticesDue, services/recommendations/src/db/recommendation.repository.ts)', () => {
  it.each([
    ['rank', 1],
    ['rank', -1],
    ['at', 1],
    ['at', -1],
    ['sortName', 1],
    ['sortName', -1],
  ] as [SortField, 1 | -1][])(
    'should give every one of 250 documents once, in order, when paging by %s (%d) and _id 20 at a time',
    async (field, direction) => {
      const { seen, pages } = await walk(field, direction, { tenantId });

      expect(seen).toHaveLength(TOTAL);
      expect(new Set(seen).size).toBe(TOTAL);
      expect(seen).toEqual(expectedOrder(field, direction, () => true));
      expect(pages).toEqual([...Array<number>(12).fill(PAGE), TOTAL - 12 * PAGE]);
    },
  );

  it('should keep the filter’s own conditions when the position is nested in $and', async () => {
    const filter: mongoose.mongo.Filter<Row> = {
      tenantId,
      $or: [{ kind: 'odd-one' }, { rank: { $lt: 3 } }],
    };

    const { seen } = await walk('at', -1, filter);

    expect(seen).toEqual(expectedOrder('at', -1, (row) => row.kind === 'odd-one' || row.rank < 3));
  });

  it('should order strings by code point (digits, Latin, accented Latin, Cyrillic) when sorting without collation (services/members/src/db/*.repository.ts sortName)', async () => {
    const sorted = await database()
      .db.collection<Row>('rows')
      .find({ tenantId }, { projection: { sortName: 1 } })
      .sort({ sortName: 1, _id: 1 })
      .toArray();
    const order = sorted
      .map((row) => row.sortName)
      .filter((name, i, list) => i === 0 || list[i - 1] !== name);

    expect(order).toEqual([
      '1c',
      'acme',
      'zeta labs',
      'álvarez',
      'ассоциация юристов',
      'аэропорт',
      'елка',
      'минздрав',
      'министерство здравоохранения',
      'министерство цифрового развития',
      'мэрия москвы',
      'ооо «ромашка»',
      'яндекс',
    ]);
    expect(order).toEqual([...NAMES].sort(compareValues));
  });

  it('should return exactly the first n of the sorted documents when find has a limit', async () => {
    const collection = database().db.collection<Row>('rows');
    const expected = expectedOrder('rank', 1, () => true);

    for (const n of [1, 20, 21, 249, 250, 300]) {
      const page = await collection.find({ tenantId }).sort({ rank: 1, _id: 1 }).limit(n).toArray();
      expect(page.map((row) => row._id)).toEqual(expected.slice(0, n));
    }
  });

  it('should order dates by time and numbers by value when they are sorted', async () => {
    const collection = database().db.collection<Row>('rows');
    const byDate = await collection.find({ tenantId }).sort({ at: 1, _id: 1 }).toArray();
    const byRank = await collection.find({ tenantId }).sort({ rank: -1, _id: -1 }).toArray();

    const times = byDate.map((row) => row.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const ranks = byRank.map((row) => row.rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    // 10 and 9: by value, not as text.
    expect(ranks.indexOf(10)).toBeLessThan(ranks.indexOf(9));
  });
});
