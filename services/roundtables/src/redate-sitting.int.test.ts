import {
  collectMessages,
  errorCode,
  expectEventually,
  type ReceivedMessage,
} from '@kollegia/testing';

import { MIGRATION_KEY, MIGRATION_LEASE_MS } from './application/sittings-dated-by-schedule';
import {
  aLiveRoundtable,
  cast,
  CONCLUDE,
  dataOf,
  eventsOf,
  RECORD,
  startRoundtables,
  TENANT,
  type Cast,
  type Roundtables,
} from './test/harness';

let rt: Roundtables;
let collector: { messages: ReceivedMessage[]; stop: () => Promise<void> };

beforeAll(async () => {
  rt = await startRoundtables('redate');
  collector = await collectMessages(rt.ns.kafkaBrokers, [rt.app.runtime.topic('roundtable')]);
});

afterAll(async () => {
  await collector.stop();
  await rt.stop();
});

const FIELDS = `id version status startedAt concludedAt minutesApprovedAt
  agenda { id openedAt closedAt }
  statements(first: 10) { nodes { id sequence revision occurredAt recordedAt } }`;
const RECORD_SITTING = `mutation($input: RecordSittingInput!) { recordSitting(input: $input) { ${FIELDS} } }`;
const REDATE = `mutation($input: RedateSittingInput!) { redateSitting(input: $input) { ${FIELDS} } }`;
const APPROVE = `mutation($id: ID!, $v: Int!, $at: DateTimeISO) { approveMinutes(id: $id, expectedVersion: $v, approvedAt: $at) { id version } }`;
const GET = `query($id: ID!) { roundtable(id: $id) { ${FIELDS} } }`;

/** 10 November 2016 in Moscow. */
const msk = (time: string) => new Date(`2016-11-10T${time}:00+03:00`).toISOString();

/** A sitting typed up from its minutes, 11:00 to 13:00, with statements at 11:30 and 12:00. */
async function recordedSitting(who: Cast) {
  const speaker = { kind: 'PERSON', id: who.speaker };
  return dataOf(
    await rt.gql(RECORD_SITTING, {
      input: {
        title: 'Индустрия 4.0 в ТЭК: кластеры, технопарки и дорожные карты НТИ',
        format: 'ROUND_TABLE',
        moderator: { kind: 'PERSON', id: who.moderator },
        startedAt: msk('11:00'),
        concludedAt: msk('13:00'),
        participants: [{ personId: who.speaker, role: 'SPEAKER' }],
        agenda: [{ title: 'Дорожные карты НТИ' }],
        statements: [
          { speaker, question: 1, text: 'Кластеры готовы.', occurredAt: msk('11:30') },
          { speaker, question: 1, text: 'Нужен отбор проектов.', occurredAt: msk('12:00') },
        ],
      },
    }),
  ).recordSitting;
}

const redatedEvents = (id: string) =>
  eventsOf(collector.messages, id).filter((event) => event.type.endsWith('.redated.v1'));

describe('redateSitting', () => {
  it('should move the sitting, its questions and statements in proportion, and announce it', async () => {
    const who = await cast(rt);
    const sitting = await recordedSitting(who);
    expect(sitting.agenda[0]).toMatchObject({ openedAt: msk('11:30'), closedAt: msk('12:00') });

    // It sat from 10:00 to 11:00: half as long.
    const redated = dataOf(
      await rt.gql(REDATE, {
        input: {
          id: sitting.id,
          expectedVersion: sitting.version,
          startedAt: '2016-11-10T10:00:00+03:00',
          concludedAt: '2016-11-10T11:00:00+03:00',
        },
      }),
    ).redateSitting;

    expect(redated).toMatchObject({
      version: sitting.version + 1,
      status: 'CONCLUDED',
      startedAt: msk('10:00'),
      concludedAt: msk('11:00'),
      agenda: [{ openedAt: msk('10:15'), closedAt: msk('10:30') }],
    });
    const read = dataOf(await rt.gql(GET, { id: sitting.id })).roundtable;
    expect(
      read.statements.nodes.map((s: Record<string, unknown>) => [s.occurredAt, s.revision]),
    ).toEqual([
      [msk('10:15'), 1],
      [msk('10:30'), 1],
    ]);
    // When they were entered stays.
    expect(read.statements.nodes.map((s: { recordedAt: string }) => s.recordedAt)).toEqual(
      sitting.statements.nodes.map((s: { recordedAt: string }) => s.recordedAt),
    );

    const [event] = await expectEventually(() => {
      const found = redatedEvents(sitting.id);
      expect(found).toHaveLength(1);
      return found;
    });
    expect(event).toMatchObject({
      tenantid: TENANT,
      aggregateversion: sitting.version + 1,
      data: {
        id: sitting.id,
        title: 'Индустрия 4.0 в ТЭК: кластеры, технопарки и дорожные карты НТИ',
        startedAt: msk('10:00'),
        concludedAt: msk('11:00'),
        previousStartedAt: msk('11:00'),
        previousConcludedAt: msk('13:00'),
      },
    });
  });

  it('should refuse a live sitting, future times, a stale version and approved minutes, changing nothing', async () => {
    const who = await cast(rt);
    const { roundtable: live } = await aLiveRoundtable(rt, { who });
    const span = { startedAt: msk('10:00'), concludedAt: msk('11:00') };

    const notConcluded = await rt.gql(REDATE, {
      input: { id: live.id, expectedVersion: live.version, ...span },
    });
    expect(errorCode(notConcluded)).toBe('CONFLICT');
    expect(notConcluded.errors?.[0]).toMatchObject({
      message: 'a LIVE round table cannot be redated (status LIVE)',
      extensions: { currentState: 'LIVE' },
    });

    const sitting = await recordedSitting(who);
    const future = new Date(Date.now() + 60 * 60 * 1000).toISOString();
    const inTheFuture = await rt.gql(REDATE, {
      input: { id: sitting.id, expectedVersion: 1, startedAt: msk('10:00'), concludedAt: future },
    });
    expect(errorCode(inTheFuture)).toBe('BAD_USER_INPUT');
    expect(inTheFuture.errors?.[0]).toMatchObject({ extensions: { field: 'concludedAt' } });

    const backwards = await rt.gql(REDATE, {
      input: {
        id: sitting.id,
        expectedVersion: 1,
        startedAt: msk('11:00'),
        concludedAt: msk('10:00'),
      },
    });
    expect(errorCode(backwards)).toBe('BAD_USER_INPUT');

    const stale = await rt.gql(REDATE, { input: { id: sitting.id, expectedVersion: 7, ...span } });
    expect(errorCode(stale)).toBe('CONFLICT');
    expect(stale.errors?.[0]).toMatchObject({ extensions: { field: 'expectedVersion' } });

    const partner = await rt.gql(
      REDATE,
      { input: { id: sitting.id, expectedVersion: 1, ...span } },
      { role: 'partner' },
    );
    expect(errorCode(partner)).toBe('FORBIDDEN');

    const approved = dataOf(
      await rt.gql(APPROVE, { id: sitting.id, v: 1, at: '2016-11-15T12:00:00+03:00' }),
    ).approveMinutes;
    const afterApproval = await rt.gql(REDATE, {
      input: { id: sitting.id, expectedVersion: approved.version, ...span },
    });
    expect(errorCode(afterApproval)).toBe('CONFLICT');
    expect(afterApproval.errors?.[0]).toMatchObject({
      message: `the minutes of round table ${sitting.id} are APPROVED and cannot be redated (status APPROVED)`,
      extensions: { currentState: 'APPROVED' },
    });

    const unchanged = dataOf(await rt.gql(GET, { id: sitting.id })).roundtable;
    expect(unchanged).toMatchObject({
      version: approved.version,
      startedAt: msk('11:00'),
      concludedAt: msk('13:00'),
    });
    expect(unchanged.statements.nodes).toEqual(sitting.statements.nodes);
    expect(dataOf(await rt.gql(GET, { id: live.id })).roundtable.version).toBe(live.version);
    expect(redatedEvents(sitting.id)).toEqual([]);
    expect(redatedEvents(live.id)).toEqual([]);
  });
});

describe('the migration of sittings recorded after they were held', () => {
  it('should redate old-shaped sittings onto their schedule once, taking over a dead claim, and leave the rest', async () => {
    const who = await cast(rt);
    // A sitting recorded with happened times: started and concluded now, days after its 2016
    // schedule, with a statement said now. It bears what only the new record writes.
    const { roundtable: live } = await aLiveRoundtable(rt, { who });
    dataOf(
      await rt.gql(RECORD, {
        id: live.id,
        input: { speaker: { kind: 'PERSON', id: who.speaker }, text: 'Сказано сейчас.' },
      }),
    );
    const current = dataOf(await rt.gql(GET, { id: live.id })).roundtable;
    const kept = dataOf(
      await rt.gql(CONCLUDE, { id: live.id, v: current.version }),
    ).concludeRoundtable;

    // The demo's 2016 energy round table as the old API stored it, typed up ten minutes ago:
    // every moment the server's, no statement with when it was said.
    const typedFrom = Date.now() - 10 * 60 * 1000;
    const minute = (n: number) => new Date(typedFrom + n * 60 * 1000);
    const oldId = `rt-old-${who.moderator}`;
    const db = rt.app.runtime.connection;
    await db.collection<{ _id: string; [field: string]: unknown }>('roundtables').insertOne({
      _id: oldId,
      tenantId: TENANT,
      version: 9,
      title: 'Индустрия 4.0 в ТЭК: кластеры, технопарки и дорожные карты НТИ',
      format: 'ROUND_TABLE',
      startsAt: new Date('2016-11-10T10:00:00+03:00'),
      endsAt: new Date('2016-11-10T12:00:00+03:00'),
      moderator: { kind: 'PERSON', id: who.moderator },
      published: true,
      status: 'CONCLUDED',
      participants: [{ id: 'p-1', personId: who.speaker, role: 'SPEAKER', attendance: 'ATTENDED' }],
      agenda: [{ id: 'q-1', title: 'Дорожные карты НТИ', status: 'DISCUSSED' }],
      resolutions: [],
      statementCount: 3,
      lastStatementSequence: 3,
      startedAt: minute(0),
      concludedAt: minute(8),
      searchTokens: [],
      partyIds: [who.moderator, who.speaker],
      organizerIds: [],
      pendingStatements: [],
      createdAt: minute(-1),
      updatedAt: minute(8),
      outbox: [],
    });
    await db.collection<{ _id: string; [field: string]: unknown }>('statements').insertMany(
      [2, 4, 6].map((at, index) => ({
        _id: `${oldId}-s${index + 1}`,
        tenantId: TENANT,
        roundtableId: oldId,
        sequence: index + 1,
        speaker: { kind: 'PERSON', id: who.speaker },
        agendaItemId: 'q-1',
        text: `Реплика ${index + 1}`,
        recordedAt: minute(at),
      })),
    );
    // A deployment where a replica died running the migration, longer ago than the lease.
    const claims = db.collection<{ _id: string; [field: string]: unknown }>(
      'roundtable_migrations',
    );
    await claims.deleteMany({});
    await claims.insertOne({
      _id: MIGRATION_KEY,
      claimKey: MIGRATION_KEY,
      attempt: 0,
      owner: 'roundtables-dead',
      claimedAt: new Date(Date.now() - MIGRATION_LEASE_MS - 60_000),
      state: 'claimed',
    });

    // Another replica starts on that database and takes the migration over.
    const replica = await startRoundtables('redate', { ns: rt.ns });
    try {
      const moved = dataOf(await rt.gql(GET, { id: oldId })).roundtable;
      // 8 minutes onto 2 hours: 2, 4 and 6 minutes in are 30, 60 and 90 minutes in.
      expect(moved).toMatchObject({
        version: 10,
        startedAt: msk('10:00'),
        concludedAt: msk('12:00'),
        agenda: [{ id: 'q-1', openedAt: null, closedAt: null }],
      });
      expect(
        moved.statements.nodes.map((s: Record<string, unknown>) => [s.occurredAt, s.recordedAt]),
      ).toEqual([
        [msk('10:30'), minute(2).toISOString()],
        [msk('11:00'), minute(4).toISOString()],
        [msk('11:30'), minute(6).toISOString()],
      ]);
      const [event] = await expectEventually(() => {
        const found = redatedEvents(oldId);
        expect(found).toHaveLength(1);
        return found;
      });
      expect(event).toMatchObject({
        aggregateversion: 10,
        data: {
          startedAt: msk('10:00'),
          concludedAt: msk('12:00'),
          previousStartedAt: minute(0).toISOString(),
          previousConcludedAt: minute(8).toISOString(),
        },
      });
      expect(dataOf(await rt.gql(GET, { id: live.id })).roundtable.version).toBe(kept.version);
      expect(redatedEvents(live.id)).toEqual([]);

      // Done: another start, or another call, does nothing.
      expect(await replica.app.useCases.datedBySchedule.run(new Date())).toBe(0);
      expect(await rt.app.useCases.datedBySchedule.run(new Date())).toBe(0);
      expect(
        await claims
          .find({}, { projection: { _id: 1, state: 1 } })
          .sort({ _id: 1 })
          .toArray(),
      ).toEqual([
        { _id: MIGRATION_KEY, state: 'claimed' },
        { _id: `${MIGRATION_KEY}~1`, state: 'done' },
      ]);
      expect(dataOf(await rt.gql(GET, { id: oldId })).roundtable.version).toBe(10);
    } finally {
      await replica.stop({ drop: false });
    }
  });
});
