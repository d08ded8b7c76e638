import { cpSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { decodeEvent, topicName } from '@kollegia/events';
import { organizationUpdated } from '@kollegia/events/testing';
import {
  backupDatabases,
  BackupError,
  collectionFile,
  MANIFEST_FILE,
  replayConsumerGroups,
  restoreBackup,
} from '@kollegia/local-stack';
import { toOutboxEntries, type OutboxEntry } from '@kollegia/service-kit';
import { collectMessages, errorCode, expectEventually, testNamespace } from '@kollegia/testing';
import { Kafka, logLevel } from 'kafkajs';
import mongoose, { type Connection } from 'mongoose';

import { dataOf, REGISTER_ORG, startMembers, TENANT, type Members } from './test/harness';

// The backup, restore and replay commands (infra/local/src/backup, `npm run backup|restore|replay`)
// against the running stack's embedded database, on data the members service wrote, and its Kafka.

const ns = testNamespace('backup');
const backups = mkdtempSync(join(tmpdir(), 'kollegia-backup-'));
let members: Members | undefined;
let db: Connection;

beforeAll(async () => {
  db = await mongoose.createConnection(ns.mongoUrl, { dbName: ns.dbName }).asPromise();
});

afterAll(async () => {
  await members?.stop({ drop: false });
  await db.dropDatabase();
  await db.close();
  rmSync(backups, { recursive: true, force: true });
});

const UPDATE = `mutation($id: ID!, $v: Int!, $input: UpdateOrganizationInput!) {
  updateOrganization(id: $id, expectedVersion: $v, input: $input) { version description }
}`;

/** Every collection's documents (BSON types kept) and indexes, to compare before and after. */
async function snapshot() {
  const names = (await db.db!.listCollections({}, { nameOnly: true }).toArray())
    .map((c) => c.name)
    .sort();
  const collections: Record<string, { documents: unknown[]; indexes: unknown[] }> = {};
  for (const name of names) {
    const collection = db.db!.collection(name);
    collections[name] = {
      documents: await collection.find({}, { promoteValues: false }).sort({ _id: 1 }).toArray(),
      indexes: (await collection.listIndexes().toArray()).sort((a, b) =>
        String(a.name).localeCompare(String(b.name)),
      ),
    };
  }
  return collections;
}

const restore = (dir: string, force = false) =>
  restoreBackup({ mongoUrl: ns.mongoUrl, dir, databases: [ns.dbName], force });

describe('backup and restore of a service database', () => {
  const dir = join(backups, 'first');
  let orgId: string;
  let before: Awaited<ReturnType<typeof snapshot>>;
  let pendingEventId: string;

  it('should give back every document, version, pending event and index when a dropped database is restored', async () => {
    members = await startMembers('backup', { ns });
    const org = dataOf(
      await members.gql(REGISTER_ORG, {
        input: {
          name: 'Ассоциация кластеров и технопарков',
          kind: 'ASSOCIATION',
          region: 'RU-MOW',
        },
      }),
    ).registerOrganization;
    orgId = org.id;
    await members.gql(REGISTER_ORG, {
      input: { name: 'Минпромторг России', kind: 'MINISTRY', region: 'RU-MOW' },
    });
    expect(
      dataOf(await members.gql(UPDATE, { id: orgId, v: 1, input: { description: 'Союз' } }))
        .updateOrganization,
    ).toEqual({ version: 2, description: 'Союз' });
    await members.stop({ drop: false });
    members = undefined;

    // What a crash between a write and its relay leaves (ADR 0003): the change and its event in
    // the document, not yet in Kafka.
    const pending = organizationUpdated({
      subject: orgId,
      tenantid: TENANT,
      aggregateversion: 3,
    });
    pendingEventId = pending.id;
    // The fields this write touches (the organisation's own are the members service's model).
    const organizations = db.db!.collection<{
      _id: string;
      tenantId: string;
      description?: string;
      version: number;
      outbox: OutboxEntry[];
    }>('organizations');
    await organizations.updateOne(
      { _id: orgId, tenantId: TENANT },
      {
        $set: { description: 'Союз кластеров' },
        $inc: { version: 1 },
        $push: { outbox: { $each: toOutboxEntries([pending], ns.topicPrefix) } },
      },
    );
    before = await snapshot();

    const manifest = await backupDatabases({ mongoUrl: ns.mongoUrl, dir, databases: [ns.dbName] });
    expect(manifest.databases.map((d) => d.name)).toEqual([ns.dbName]);
    await db.dropDatabase();
    expect(await snapshot()).toEqual({});

    await restore(dir);
    expect(await snapshot()).toEqual(before);
    expect(before['organizations']?.indexes.length).toBeGreaterThan(3);
  });

  it('should relay the restored pending event and keep writing at the restored versions when the service starts on the restored database', async () => {
    const messages = await collectMessages(ns.kafkaBrokers, [
      topicName('organization', ns.topicPrefix),
    ]);
    try {
      members = await startMembers('backup', { ns });
      await expectEventually(() =>
        expect(
          messages.messages
            .map((m) => decodeEvent(m.value))
            .some((decoded) => decoded.ok && decoded.event.id === pendingEventId),
        ).toBe(true),
      );
    } finally {
      await messages.stop();
    }
    const read = dataOf(
      await members.gql(`query($id: ID!) { organization(id: $id) { version description } }`, {
        id: orgId,
      }),
    ).organization;
    expect(read).toEqual({ version: 3, description: 'Союз кластеров' });
    expect(
      dataOf(
        await members.gql(UPDATE, { id: orgId, v: 3, input: { description: 'Союз ассоциаций' } }),
      ).updateOrganization,
    ).toEqual({ version: 4, description: 'Союз ассоциаций' });
    expect(
      errorCode(await members.gql(UPDATE, { id: orgId, v: 3, input: { description: 'Позже' } })),
    ).toBe('CONFLICT');
  });

  it('should refuse to restore over a database that holds documents and change nothing, unless forced', async () => {
    const current = await snapshot();
    await expect(restore(dir)).rejects.toThrow(BackupError);
    await expect(restore(dir)).rejects.toThrow(/hold documents: .*--force/);
    expect(await snapshot()).toEqual(current);

    await members!.stop({ drop: false });
    members = undefined;
    await restore(dir, true);
    expect(await snapshot()).toEqual(before);
  });

  it('should refuse a backup that is incomplete, damaged or of an unknown format, even with --force, and change nothing', async () => {
    const current = await snapshot();
    const damaged = (label: string, damage: (copy: string) => void) => {
      const copy = join(backups, label);
      cpSync(dir, copy, { recursive: true });
      damage(copy);
      return copy;
    };
    const organizations = collectionFile(ns.dbName, 'organizations');
    const cases: [string, (copy: string) => void, RegExp][] = [
      ['unfinished', (copy) => rmSync(join(copy, MANIFEST_FILE)), /no manifest\.json/],
      [
        'future',
        (copy) => {
          const manifest = JSON.parse(readFileSync(join(copy, MANIFEST_FILE), 'utf8')) as object;
          writeFileSync(join(copy, MANIFEST_FILE), JSON.stringify({ ...manifest, version: 99 }));
        },
        /version 99, expected kollegia-database-backup version 1/,
      ],
      ['truncated', (copy) => truncateSync(join(copy, organizations), 100), /damaged/],
      ['missing', (copy) => rmSync(join(copy, organizations)), /organizations\.bson is missing/],
    ];
    for (const [label, damage, reason] of cases) {
      await expect(restore(damaged(label, damage), true)).rejects.toThrow(reason);
    }
    expect(await snapshot()).toEqual(current);
  });
});

describe('replay of consumer groups after one service database is restored', () => {
  const kafka = new Kafka({
    clientId: 'test-replay',
    brokers: ns.kafkaBrokers,
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  const topic = `${ns.topicPrefix}replay`;
  const group = (name: string) => `${ns.topicPrefix}replay.${name}`;
  const hour = 60 * 60 * 1000;
  // Within the broker's retention (7 days by default): a segment whose newest event is older is
  // deleted at the next retention check (every 5 minutes), and the events a replay looks for are gone.
  const t0 = Date.now() - 6 * hour;
  const offsetOf = async (groupId: string) =>
    (await admin.fetchOffsets({ groupId, topics: [topic] }))[0]?.partitions[0]?.offset;

  beforeAll(async () => {
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
    const producer = kafka.producer();
    await producer.connect();
    // Four events an hour apart (their own timestamps, which is what a replay by time goes by).
    await producer.send({
      topic,
      messages: [0, 1, 2, 3].map((i) => ({
        value: `event ${i}`,
        timestamp: String(t0 + i * hour),
      })),
    });
    await producer.disconnect();
  });

  afterAll(() => admin.disconnect());

  it('should move a stopped group back to the first event since the time, and a group behind it not at all', async () => {
    await admin.setOffsets({
      groupId: group('done'),
      topic,
      partitions: [{ partition: 0, offset: '4' }],
    });
    await admin.setOffsets({
      groupId: group('behind'),
      topic,
      partitions: [{ partition: 0, offset: '1' }],
    });
    await replayConsumerGroups({
      kafkaBrokers: ns.kafkaBrokers,
      groups: [group('done'), group('behind')],
      since: new Date(t0 + 2 * hour),
    });
    expect(await offsetOf(group('done'))).toBe('2');
    expect(await offsetOf(group('behind'))).toBe('1');
  });

  it('should refuse, changing nothing, while a group has running consumers or when a group has read nothing', async () => {
    await admin.setOffsets({
      groupId: group('idle'),
      topic,
      partitions: [{ partition: 0, offset: '4' }],
    });
    const consumer = kafka.consumer({ groupId: group('running') });
    await consumer.connect();
    try {
      await consumer.subscribe({ topics: [topic], fromBeginning: true });
      await consumer.run({ eachMessage: () => Promise.resolve() });
      await expectEventually(async () =>
        expect((await admin.describeGroups([group('running')])).groups[0]?.members).toHaveLength(1),
      );
      const replay = (groups: string[]) =>
        replayConsumerGroups({ kafkaBrokers: ns.kafkaBrokers, groups, since: new Date(t0) });
      await expect(replay([group('idle'), group('running')])).rejects.toThrow(
        /replay\.running \(1 consumers\) is running: stop its service first; nothing was changed/,
      );
      await expect(replay([group('idle'), group('never')])).rejects.toThrow(/has read nothing/);
      expect(await offsetOf(group('idle'))).toBe('4');
    } finally {
      await consumer.disconnect();
    }
  });
});
