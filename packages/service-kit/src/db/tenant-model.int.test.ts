import { testNamespace } from '@kollegia/testing';
import mongoose, { Schema, type Connection, type Model } from 'mongoose';

import { acrossTenants, TenantModel } from './tenant-model';

/** One tenant's view of a collection, against the database the tests run on. */
const ns = testNamespace('tenant-model');
let connection: Connection;

interface Note {
  _id: string;
  tenantId: string;
  topic: string;
  n: number;
}

let model: Model<Note>;
let a: TenantModel<Note>;
let b: TenantModel<Note>;

const ids = (docs: { _id: string }[]) => docs.map((doc) => doc._id).sort();

beforeAll(async () => {
  connection = await mongoose.createConnection(ns.mongoUrl, { dbName: ns.dbName }).asPromise();
  model = connection.model<Note>(
    'Note',
    new Schema<Note>(
      { _id: String, tenantId: String, topic: String, n: Number },
      { versionKey: false },
    ),
  );
  a = new TenantModel(model);
  b = new TenantModel(model);
  await model.insertMany([
    { _id: 'a1', tenantId: 'A', topic: 'x', n: 1 },
    { _id: 'a2', tenantId: 'A', topic: 'y', n: 2 },
    { _id: 'b1', tenantId: 'B', topic: 'x', n: 1 },
  ]);
});

afterAll(async () => {
  await connection.dropDatabase();
  await connection.close();
});

describe('TenantModel', () => {
  it('should read, count and aggregate only the tenant’s documents', async () => {
    expect(ids(await a.find('A', { topic: 'x' }).lean())).toEqual(['a1']);
    expect(ids(await b.find('B').lean())).toEqual(['b1']);
    expect(await a.findById('B', 'a1').lean()).toBeNull();
    expect(await a.countDocuments('A')).toBe(2);
    expect(
      await a.aggregate<{ _id: null; total: number }>('A', [
        { $group: { _id: null, total: { $sum: '$n' } } },
      ]),
    ).toEqual([{ _id: null, total: 3 }]);
  });

  it('should keep its tenant over a tenantId the filter names', async () => {
    expect(ids(await a.find('A', { tenantId: 'B' }).lean())).toEqual(['a1', 'a2']);
    expect(await a.countDocuments('A', { tenantId: 'B', topic: 'x' })).toBe(1);
  });

  it('should change and delete only the tenant’s documents', async () => {
    expect((await a.updateMany('B', { topic: 'y' }, { $inc: { n: 10 } })).modifiedCount).toBe(0);
    expect((await a.updateMany('A', { topic: 'x' }, { $inc: { n: 10 } })).modifiedCount).toBe(1);
    expect((await model.findById('b1').lean())?.n).toBe(1);
    expect((await b.deleteMany('B', { _id: 'a2' })).deletedCount).toBe(0);
    expect(await model.countDocuments()).toBe(3);
  });

  it('should scope every operation of a bulk write and stamp inserts with the tenant', async () => {
    await a.bulkWrite('A', [
      { insertOne: { document: { _id: 'a3', tenantId: 'B', topic: 'z', n: 3 } } },
      { updateOne: { filter: { _id: 'b1' }, update: { $set: { topic: 'taken' } } } },
      { deleteOne: { filter: { _id: 'b1' } } },
    ]);
    expect(await model.findById('a3').lean()).toMatchObject({ tenantId: 'A' });
    expect(await model.findById('b1').lean()).toMatchObject({ tenantId: 'B', topic: 'x' });
  });

  it('should insert only what is new, stamped with the tenant, when it inserts ignoring duplicates', async () => {
    await a.insertIgnoringDuplicates('A', [
      { _id: 'a1', topic: 'again', n: 0 },
      { _id: 'a4', tenantId: 'B', topic: 'w', n: 4 },
    ]);
    expect(await model.findById('a1').lean()).toMatchObject({ topic: 'x' });
    expect(await model.findById('a4').lean()).toMatchObject({ tenantId: 'A', topic: 'w' });
  });

  it('should upsert and replace only within the tenant, E11000 when the filter misses a stored _id', async () => {
    await expect(
      a.upsertOne('A', { _id: 'b1' }, { $set: { topic: 'taken' } }),
    ).rejects.toMatchObject({
      code: 11000,
    });
    await a.upsertOne('A', { _id: 'a5', n: { $lt: 1 } }, { $set: { topic: 'v', n: 5 } });
    expect(await model.findById('a5').lean()).toMatchObject({ tenantId: 'A', topic: 'v', n: 5 });
    expect((await b.replaceOne('B', { _id: 'a5' }, { topic: 'stolen', n: 0 })).matchedCount).toBe(
      0,
    );
    expect((await a.replaceOne('A', { _id: 'a5', n: 5 }, { topic: 'u', n: 6 })).matchedCount).toBe(
      1,
    );
    expect(await model.findById('a5').lean()).toEqual({
      _id: 'a5',
      tenantId: 'A',
      topic: 'u',
      n: 6,
    });
  });

  it('should see every tenant only through acrossTenants', async () => {
    expect(ids(await acrossTenants(a).find({ topic: 'x' }).lean())).toEqual(['a1', 'b1']);
  });
});
