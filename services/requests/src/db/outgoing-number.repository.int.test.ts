import { testNamespace, uniqueId } from '@kollegia/testing';
import mongoose, { type Connection } from 'mongoose';

import { numberCounterModel, numberPrefixModel } from './outgoing-number.model';
import { OutgoingNumberRepository } from './outgoing-number.repository';

/** Outgoing-number prefixes, tenant by tenant, and those stored before they named their tenant. */
const ns = testNamespace('outgoing-numbers');
const now = new Date('2026-03-02T07:00:00.000Z');
let connection: Connection;
let numbers: OutgoingNumberRepository;

beforeAll(async () => {
  connection = await mongoose.createConnection(ns.mongoUrl, { dbName: ns.dbName }).asPromise();
  numbers = new OutgoingNumberRepository(
    numberCounterModel(connection),
    numberPrefixModel(connection),
  );
});

afterAll(async () => {
  await connection.dropDatabase();
  await connection.close();
});

describe('OutgoingNumberRepository', () => {
  it('should keep a tenant’s prefix from another tenant', async () => {
    const [a, b] = [uniqueId('tenant'), uniqueId('tenant')];

    await numbers.setPrefix(a, 'АКИТ', now);

    expect(await numbers.prefix(a)).toBe('АКИТ');
    expect(await numbers.prefix(b)).toBeUndefined();
  });

  it('should find a prefix stored without its tenant when the older prefixes got theirs', async () => {
    const tenant = uniqueId('tenant');
    // As prefixes were stored before they named their tenant.
    const stored = connection.collection<{ _id: string; prefix: string; updatedAt: Date }>(
      'number_prefixes',
    );
    await stored.insertOne({ _id: tenant, prefix: 'АКИТ', updatedAt: now });
    expect(await numbers.prefix(tenant)).toBeUndefined();

    await Promise.all([numbers.addTenantToOlderPrefixes(), numbers.addTenantToOlderPrefixes()]);
    await numbers.setPrefix(tenant, 'АКИТ.РФ', now);

    expect(await stored.findOne({ _id: tenant })).toEqual({
      _id: tenant,
      tenantId: tenant,
      prefix: 'АКИТ.РФ',
      updatedAt: now,
    });
  });
});
