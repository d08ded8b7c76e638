import { uniqueId } from '@kollegia/testing';
import mongoose, { type Connection } from 'mongoose';

import { insertIgnoringDuplicates, isDuplicateKey } from '../duplicate-key';
import { errorCode, useConformanceDatabase } from './conformance-database';

/** Unique and compound indexes as the services declare them and build them at boot. */
const database = useConformanceDatabase('conformance-indexes');

interface Aggregate {
  _id: string;
  tenantId: string;
  version: number;
  code: string;
  searchTokens: string[];
  outbox: { eventId: string }[];
}

/** The indexes of an aggregate collection, after services/*\/src/db/*.model.ts. */
function aggregateSchema(): mongoose.Schema<Aggregate> {
  const schema = new mongoose.Schema<Aggregate>(
    {
      _id: String,
      tenantId: { type: String, required: true },
      version: { type: Number, required: true },
      code: { type: String, required: true },
      searchTokens: { type: [String], default: [] },
      outbox: { type: [{ _id: false, eventId: String }], default: [] },
    },
    { versionKey: false },
  );
  // a code once per tenant (services/recommendations/src/db/recommendation.model.ts)
  schema.index({ tenantId: 1, code: 1 }, { unique: true });
  // read one aggregate of a tenant, and its compare-and-set (db/aggregate-indexes.ts)
  schema.index({ _id: 1, tenantId: 1 }, { unique: true });
  schema.index({ _id: 1, tenantId: 1, version: 1 }, { unique: true });
  // token search and the relay's sweep (non-unique: declared for MongoDB)
  schema.index({ tenantId: 1, searchTokens: 1 });
  schema.index({ 'outbox.eventId': 1 });
  return schema;
}

const EXPECTED_INDEXES = [
  { name: '_id_', key: { _id: 1 } },
  { name: 'tenantId_1_code_1', key: { tenantId: 1, code: 1 }, unique: true },
  { name: '_id_1_tenantId_1', key: { _id: 1, tenantId: 1 }, unique: true },
  { name: '_id_1_tenantId_1_version_1', key: { _id: 1, tenantId: 1, version: 1 }, unique: true },
  { name: 'tenantId_1_searchTokens_1', key: { tenantId: 1, searchTokens: 1 } },
  { name: 'outbox.eventId_1', key: { 'outbox.eventId': 1 } },
];

/** An aggregate model, typed as mongoose types it (with the `id` virtual). */
function aggregateModel(connection: Connection, collection: string) {
  return connection.model('Aggregate', aggregateSchema(), collection);
}

async function listedIndexes(model: ReturnType<typeof aggregateModel>) {
  const indexes = (await model.listIndexes()) as { name: string; key: object; unique?: boolean }[];
  return indexes
    .map(({ name, key, unique }) => ({ name, key, ...(unique ? { unique } : {}) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

function sortedByName<T extends { name: string }>(list: T[]): T[] {
  return [...list].sort((a, b) => a.name.localeCompare(b.name));
}

function aggregate(tenantId: string, code: string, id = uniqueId('agg')): Aggregate {
  return { _id: id, tenantId, version: 1, code, searchTokens: [], outbox: [] };
}

let aggregates: ReturnType<typeof aggregateModel>;
/** The same collection through the driver, as the kit's writes use it (`model.collection`). */
const raw = () => database().db.collection<Aggregate>('aggregates');

beforeAll(async () => {
  aggregates = aggregateModel(database().connection, 'aggregates');
  await aggregates.syncIndexes();
});

describe('indexes built at boot (services/*/src/app.ts syncIndexes)', () => {
  it('should list every declared index with its keys and uniqueness when syncIndexes has run', async () => {
    expect(await listedIndexes(aggregates)).toEqual(sortedByName(EXPECTED_INDEXES));
  });

  it('should find nothing to drop or create when syncIndexes runs again (the next boot)', async () => {
    expect(await aggregates.syncIndexes()).toEqual([]);
    expect(await aggregates.diffIndexes()).toEqual({ toDrop: [], toCreate: [] });
  });

  it('should succeed on every connection and leave the indexes listed when four connections sync the same schema at once while another inserts (replicas starting together)', async () => {
    const { ns } = database();
    const collection = `synced_at_once_${uniqueId('c').replace(/-/g, '_')}`;
    const connections: Connection[] = await Promise.all(
      Array.from({ length: 5 }, () =>
        mongoose.createConnection(ns.mongoUrl, { dbName: ns.dbName, autoIndex: false }).asPromise(),
      ),
    );
    try {
      const [writer, ...replicas] = connections;
      const models = replicas.map((c) => aggregateModel(c, collection));
      const tenantId = uniqueId('tenant');
      const inserts = Array.from({ length: 60 }, (_, i) =>
        writer!.db!.collection<Aggregate>(collection).insertOne(aggregate(tenantId, `C-${i}`)),
      );

      const synced = await Promise.allSettled([
        ...models.map((model) => model.syncIndexes()),
        ...inserts,
      ]);

      expect(synced.filter((r) => r.status === 'rejected')).toEqual([]);
      for (const model of models) {
        expect(await listedIndexes(model)).toEqual(sortedByName(EXPECTED_INDEXES));
      }
      expect(await models[0]!.countDocuments({ tenantId })).toBe(60);
      // The unique index holds over what was inserted meanwhile.
      await expect(models[1]!.create(aggregate(tenantId, 'C-7'))).rejects.toMatchObject({
        code: 11000,
      });
    } finally {
      await Promise.all(connections.map((c) => c.close()));
    }
  });
});

describe('unique indexes (packages/service-kit/src/db/duplicate-key.ts isDuplicateKey, insertIfAbsent, insertIgnoringDuplicates; packages/service-kit/src/db/once-claims.ts OnceClaims; packages/service-kit/src/outbox/aggregate-writes.ts insertWithEvents)', () => {
  it('should refuse a second document with a unique key with E11000 when it is inserted, in the same tenant only', async () => {
    const tenantId = uniqueId('tenant');
    await aggregates.create(aggregate(tenantId, 'R-1'));

    const byModel: unknown = await aggregates.create(aggregate(tenantId, 'R-1')).then(
      () => undefined,
      (e: unknown) => e,
    );
    const byDriver: unknown = await raw()
      .insertOne(aggregate(tenantId, 'R-1'))
      .then(
        () => undefined,
        (e: unknown) => e,
      );

    expect(errorCode(byModel)).toBe(11000);
    expect(errorCode(byDriver)).toBe(11000);
    expect(isDuplicateKey(byDriver)).toBe(true);
    await expect(aggregates.create(aggregate(uniqueId('tenant'), 'R-1'))).resolves.toBeDefined();
    expect(await aggregates.countDocuments({ tenantId })).toBe(1);
  });

  it('should refuse a second document with the same _id with E11000 when it is inserted (OnceClaims, insertWithEvents)', async () => {
    const first = aggregate(uniqueId('tenant'), uniqueId('code'));
    await raw().insertOne(first);

    const error: unknown = await raw()
      .insertOne({ ...first, code: uniqueId('code') })
      .then(
        () => undefined,
        (e: unknown) => e,
      );

    expect(errorCode(error)).toBe(11000);
    expect(await aggregates.findById(first._id).lean()).toEqual(first);
  });

  it('should refuse with E11000 and leave the document unchanged when an update breaks a unique index (services/requests/src/application/requests.ts submit)', async () => {
    const tenantId = uniqueId('tenant');
    await aggregates.create(aggregate(tenantId, 'N-1'));
    const second = aggregate(tenantId, 'N-2');
    await aggregates.create(second);

    const byUpdateOne: unknown = await raw()
      .updateOne({ _id: second._id }, { $set: { code: 'N-1' } })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    // The compare-and-set of a change, which must not bump the version or keep its events.
    const byChange: unknown = await aggregates
      .findOneAndUpdate(
        { _id: second._id, tenantId, version: 1 },
        {
          $set: { code: 'N-1', searchTokens: ['changed'] },
          $inc: { version: 1 },
          $push: { outbox: { $each: [{ eventId: 'e-1' }] } },
        },
        { returnDocument: 'after' },
      )
      .exec()
      .then(
        () => undefined,
        (e: unknown) => e,
      );

    expect(errorCode(byUpdateOne)).toBe(11000);
    expect(errorCode(byChange)).toBe(11000);
    expect(isDuplicateKey(byChange)).toBe(true);
    expect(await aggregates.findById(second._id).lean()).toEqual(second);
  });

  it('should insert the rest and report E11000 for each duplicate when insertMany is unordered', async () => {
    const tenantId = uniqueId('tenant');
    const stored = [aggregate(tenantId, 'S-1'), aggregate(tenantId, 'S-2')];
    await aggregates.insertMany(stored);
    const fresh = Array.from({ length: 6 }, (_, i) => aggregate(tenantId, `F-${i}`));
    const batch = [
      fresh[0]!,
      stored[0]!, // the same _id as a stored one
      fresh[1]!,
      fresh[2]!,
      { ...fresh[0]!, code: 'F-x' }, // the same _id earlier in the batch
      fresh[3]!,
      aggregate(tenantId, 'S-2'), // the same code as a stored one
      fresh[4]!,
      stored[1]!,
      fresh[5]!,
    ];

    const error: unknown = await raw()
      .insertMany(batch, { ordered: false })
      .then(
        () => undefined,
        (e: unknown) => e,
      );

    expect(error).toBeInstanceOf(mongoose.mongo.MongoBulkWriteError);
    const bulk = error as InstanceType<typeof mongoose.mongo.MongoBulkWriteError>;
    const writeErrors = [bulk.writeErrors].flat();
    expect(writeErrors.map((e) => [e.index, e.code])).toEqual([
      [1, 11000],
      [4, 11000],
      [6, 11000],
      [8, 11000],
    ]);
    expect(isDuplicateKey(error)).toBe(true);
    const found = await aggregates.find({ tenantId }).lean();
    expect(sortedById(found)).toEqual(sortedById([...stored, ...fresh]));
  });

  it('should insert the new documents and not throw when insertIgnoringDuplicates meets stored ones (services/roundtables/src/db/statement.repository.ts, services/recommendations/src/db/timeline.repository.ts)', async () => {
    const tenantId = uniqueId('tenant');
    const stored = aggregate(tenantId, 'T-1');
    await raw().insertOne(stored);
    const added = aggregate(tenantId, 'T-2');

    // One duplicate (the driver reports it as a single error) and then two.
    await insertIgnoringDuplicates(raw(), [stored, added]);
    await insertIgnoringDuplicates(raw(), [added, stored]);

    expect(sortedById(await aggregates.find({ tenantId }).lean())).toEqual(
      sortedById([stored, added]),
    );
  });

  it('should change the document when findOneAndUpdate filters by exactly the keys of the compound unique index { _id, tenantId, version } (packages/service-kit/src/db/aggregate-indexes.ts aggregateKeyIndexes, updateWithEvents)', async () => {
    const tenantId = uniqueId('tenant');
    const doc = aggregate(tenantId, 'V-1');
    await aggregates.create(doc);

    const changed = await aggregates
      .findOneAndUpdate(
        { _id: doc._id, tenantId, version: 1 },
        { $set: { code: 'V-2' }, $inc: { version: 1 } },
        { returnDocument: 'after' },
      )
      .lean();
    const stale = await aggregates
      .findOneAndUpdate(
        { _id: doc._id, tenantId, version: 1 },
        { $set: { code: 'V-3' }, $inc: { version: 1 } },
        { returnDocument: 'after' },
      )
      .lean();

    expect(changed).toEqual({ ...doc, code: 'V-2', version: 2 });
    expect(stale).toBeNull();
    expect(await aggregates.findOne({ _id: doc._id, tenantId, version: 2 }).lean()).toEqual(
      changed,
    );
  });
});

function sortedById<T extends { _id: string }>(docs: T[]): T[] {
  return [...docs].sort((a, b) => a._id.localeCompare(b._id));
}
