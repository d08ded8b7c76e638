import { testNamespace } from '@kollegia/testing';
import mongoose, { type Connection, type Model } from 'mongoose';

import { pageRequest, toConnection, type ConnectionShape } from './graphql/connection';
import { paginate } from './graphql/paginate';
import { TenantModel } from './db/tenant-model';

/**
 * The kit's keyset pagination (`paginate`, `toConnection`) against the database the tests run on —
 * the embedded MongoDB-wire engine (mongo-java-server, H2) locally, MongoDB when MONGO_URL points
 * at one — through the mongoose version the project uses. The database semantics underneath
 * (unique indexes, upserts, compare-and-set, sort order) are proven by the conformance suite,
 * db/conformance.
 */
interface Item {
  _id: string;
  tenantId: string;
  name: string;
  rank: number;
  version: number;
  createdAt: Date;
}

const ns = testNamespace('mongo');
let connection: Connection;
let items: Model<Item>;

beforeAll(async () => {
  connection = await mongoose
    .createConnection(ns.mongoUrl, { dbName: ns.dbName, autoIndex: false })
    .asPromise();
  const schema = new mongoose.Schema<Item>({
    _id: String,
    tenantId: { type: String, required: true },
    name: { type: String, required: true },
    rank: Number,
    version: Number,
    createdAt: Date,
  });
  // unique per tenant: the query "find by name in tenant" and the duplicate check
  schema.index({ tenantId: 1, name: 1 }, { unique: true });
  // compound: tenant-scoped listing ordered by rank (keyset pagination)
  schema.index({ tenantId: 1, rank: 1, _id: 1 });
  items = connection.model<Item>('Item', schema, 'items');
  await items.syncIndexes();
});

afterAll(async () => {
  await connection.dropDatabase();
  await connection.close();
});

describe('paginate on the test database', () => {
  it('should count and page 250 documents by keyset with no gaps or repeats', async () => {
    const docs = Array.from({ length: 250 }, (_, i) => ({
      _id: `page-${String(i).padStart(3, '0')}`,
      tenantId: 'paged',
      name: `n${i}`,
      rank: i % 17, // many ties: the _id tie-breaker must hold
      version: 1,
    }));
    await items.insertMany(docs);
    expect(await items.countDocuments({ tenantId: 'paged' })).toBe(250);

    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const page: ConnectionShape<Item> = toConnection(
        await paginate(
          new TenantModel(items),
          'paged',
          {},
          'rank',
          1,
          pageRequest({ first: 40, after }),
        ),
      );
      expect(await page.totalCount).toBe(250);
      seen.push(...page.nodes.map((n) => n._id));
      pages += 1;
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(pages).toBe(7);
    expect(seen).toHaveLength(250);
    expect(new Set(seen).size).toBe(250);
    const expected = [...docs].sort((a, b) => a.rank - b.rank || a._id.localeCompare(b._id));
    expect(seen).toEqual(expected.map((d) => d._id));
  });

  it('should keep a filter’s own $or and $and when paging with a cursor', async () => {
    const filter = {
      tenantId: 'paged',
      $or: [{ rank: 1 }, { rank: 2 }],
      $and: [{ name: { $regex: '^n1' } }],
    };
    const expected = await items.find(filter).sort({ rank: 1, _id: 1 }).lean();
    expect(expected.length).toBeGreaterThan(4);
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: ConnectionShape<Item> = toConnection(
        await paginate(
          new TenantModel(items),
          'paged',
          filter,
          'rank',
          1,
          pageRequest({ first: 4, after }),
        ),
      );
      seen.push(...page.nodes.map((n) => n._id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(expected.map((d) => d._id));
  });

  it('should page by a date field descending', async () => {
    const base = Date.UTC(2026, 0, 1);
    await items.insertMany(
      Array.from({ length: 30 }, (_, i) => ({
        _id: `date-${String(i).padStart(2, '0')}`,
        tenantId: 'dated',
        name: `d${i}`,
        rank: 0,
        version: 1,
        createdAt: new Date(base + (i % 10) * 60_000),
      })),
    );
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: ConnectionShape<Item> = toConnection(
        await paginate(
          new TenantModel(items),
          'dated',
          {},
          'createdAt',
          -1,
          pageRequest({ first: 7, after }),
        ),
      );
      seen.push(...page.nodes.map((n) => n._id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(30);
    expect(seen.slice(0, 3)).toEqual(['date-29', 'date-19', 'date-09']);
  });
});
