import { connectMongo, createLogger } from '@kollegia/service-kit';
import { dropDatabase, testNamespace } from '@kollegia/testing';
import type { Connection } from 'mongoose';

import { OidcEntryAdapter, sweepExpired } from './db/oidc-adapter';
import { oidcEntryModel, type OidcEntryModel } from './db/oidc-entry.model';

const ns = testNamespace('oidc-entries');
let connection: Connection;
let entries: OidcEntryModel;
let now = new Date('2026-12-07T10:00:00Z');
const clock = () => now;
const later = (seconds: number) => (now = new Date(now.getTime() + seconds * 1000));

beforeAll(async () => {
  connection = await connectMongo(
    ns.mongoUrl,
    ns.dbName,
    createLogger({ service: 'test', level: 'silent' }),
  );
  entries = oidcEntryModel(connection);
  await entries.syncIndexes();
});

afterAll(async () => {
  await connection.close();
  await dropDatabase(ns.mongoUrl, ns.dbName);
});

describe("the provider's records", () => {
  it('should be found until they expire, then be gone and deleted, whatever the engine does with TTL', async () => {
    const sessions = new OidcEntryAdapter('Session', entries, clock);
    await sessions.upsert('s1', { uid: 'u1', accountId: 'a1' }, 60);
    await expect(sessions.find('s1')).resolves.toEqual({ uid: 'u1', accountId: 'a1' });
    await expect(sessions.findByUid('u1')).resolves.toEqual({ uid: 'u1', accountId: 'a1' });
    // Another kind with the same id is another record.
    await expect(new OidcEntryAdapter('Grant', entries, clock).find('s1')).resolves.toBeUndefined();

    later(61);
    await expect(sessions.findByUid('u1')).resolves.toBeUndefined();
    await expect(sessions.find('s1')).resolves.toBeUndefined();
    await expect(entries.countDocuments({ _id: 'Session:s1' })).resolves.toBe(0);
  });

  it('should be swept once expired, the live ones kept', async () => {
    const codes = new OidcEntryAdapter('AuthorizationCode', entries, clock);
    await codes.upsert('old', { grantId: 'g-old' }, 10);
    await codes.upsert('new', { grantId: 'g-new' }, 600);
    later(11);
    await expect(sweepExpired(entries, clock())).resolves.toBe(1);
    await expect(codes.find('new')).resolves.toEqual({ grantId: 'g-new' });
  });

  it('should mark a used one consumed, and revoke every record of a grant', async () => {
    const codes = new OidcEntryAdapter('AuthorizationCode', entries, clock);
    const tokens = new OidcEntryAdapter('RefreshToken', entries, clock);
    await codes.upsert('c1', { grantId: 'g1' }, 60);
    await tokens.upsert('r1', { grantId: 'g1' }, 600);
    await codes.consume('c1');
    await expect(codes.find('c1')).resolves.toEqual({
      grantId: 'g1',
      consumed: Math.floor(now.getTime() / 1000),
    });
    await tokens.revokeByGrantId('g1');
    await expect(codes.find('c1')).resolves.toBeUndefined();
    await expect(tokens.find('r1')).resolves.toBeUndefined();
  });
});
