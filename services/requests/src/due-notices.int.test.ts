import { decodeEvent } from '@kollegia/events';
import { deterministicId, OnceClaims } from '@kollegia/service-kit';
import { collectMessages, expectEventually, type ReceivedMessage } from '@kollegia/testing';

import {
  appealTo,
  dataOf,
  DRAFT,
  EXTEND,
  hexId,
  knowOrganizations,
  REGISTER,
  START,
  startRequests,
  SUBMIT,
  TENANT,
  testClock,
  type Requests,
} from './test/harness';

const MINPROMTORG = hexId();

// Sent on Monday 2 March 2026 (10:00 in Moscow), registered on the 3rd: the answer is due on
// Thursday 2 April, so it is due soon from 28 March and overdue from 3 April (Moscow days).
const REGISTERED_ON = '2026-03-03T09:00:00.000Z';
const SIX_DAYS_BEFORE = '2026-03-27T12:00:00.000Z';
const FIVE_DAYS_BEFORE = '2026-03-28T09:00:00.000Z';
const DUE_DAY_EVENING = '2026-04-02T20:00:00.000Z';
const DAY_AFTER = '2026-04-03T09:00:00.000Z';

type Collector = { messages: ReceivedMessage[]; stop: () => Promise<void> };

async function boot(label: string) {
  const requests = await startRequests(label);
  const topic = await collectMessages(requests.ns.kafkaBrokers, [requests.topic('request')]);
  await knowOrganizations(requests, [
    { id: MINPROMTORG, name: 'Минпромторг России', kind: 'MINISTRY' },
  ]);
  return { requests, topic };
}

/** A request sent at START and registered on 3 March, with the clock left at registration. */
async function registeredRequest(requests: Requests): Promise<string> {
  requests.clock.set(START);
  const drafted = dataOf(await requests.gql(DRAFT, { input: appealTo(MINPROMTORG) })).draftRequest;
  dataOf(await requests.gql(SUBMIT, { id: drafted.id, v: 1 }));
  requests.clock.set(REGISTERED_ON);
  dataOf(
    await requests.gql(REGISTER, {
      id: drafted.id,
      v: 2,
      input: { incomingNumber: 'ВХ-1', registeredOn: '2026-03-03' },
    }),
  );
  return drafted.id as string;
}

/**
 * The request's notices on the topic, one per event id: the outbox publishes at least once (a
 * replica's relay and another's sweep may both send an event before either removes it), and
 * consumers drop the copies by id — what must be unique is the announcement, the event.
 */
function notices(topic: Collector, id: string) {
  const seen = new Set<string>();
  return topic.messages
    .filter((m) => m.key === id)
    .flatMap((m) => {
      const decoded = decodeEvent(m.value);
      return decoded.ok ? [decoded.event] : [];
    })
    .filter((e) => !seen.has(e.id) && Boolean(seen.add(e.id)))
    .filter(
      (e) =>
        e.type === 'kollegia.requests.request.due-soon.v1' ||
        e.type === 'kollegia.requests.request.overdue.v1',
    )
    .map((e) => [e.type.split('.')[3], (e.data as { dueOn: string }).dueOn]);
}

/**
 * Waits for the point where the topic holds the request's latest event (its current version),
 * so every earlier one arrived too (one partition), then expects exactly these notices.
 */
async function expectNotices(
  requests: Requests,
  topic: Collector,
  id: string,
  expected: string[][],
) {
  const stored = await requests.app.runtime.connection
    .collection<{ _id: string; version: number }>('requests')
    .findOne({ _id: id });
  await expectEventually(() =>
    expect(
      topic.messages.some(
        (m) => m.key === id && JSON.parse(m.value ?? '{}').aggregateversion === stored?.version,
      ),
    ).toBe(true),
  );
  expect(notices(topic, id)).toEqual(expected);
}

describe('the due-notice scheduler, one instance', () => {
  let requests: Requests;
  let topic: Collector;

  beforeAll(async () => {
    ({ requests, topic } = await boot('notices'));
  });

  afterAll(async () => {
    await topic.stop();
    await requests.stop();
  });

  it('should announce due-soon and overdue once each, at their moments', async () => {
    const id = await registeredRequest(requests);
    requests.clock.set(SIX_DAYS_BEFORE);
    await requests.app.runScheduler();

    requests.clock.set(FIVE_DAYS_BEFORE);
    expect((await requests.app.runScheduler()).announced).toBeGreaterThanOrEqual(1);
    await requests.app.runScheduler();
    requests.clock.set(DUE_DAY_EVENING);
    await requests.app.runScheduler();
    await expectNotices(requests, topic, id, [['due-soon', '2026-04-02']]);

    requests.clock.set(DAY_AFTER);
    await requests.app.runScheduler();
    await requests.app.runScheduler();
    await expectNotices(requests, topic, id, [
      ['due-soon', '2026-04-02'],
      ['overdue', '2026-04-02'],
    ]);

    const request = dataOf(
      await requests.gql(
        `query($id: ID!) { request(id: $id) { overdue daysRemaining body subject timeline { kind note } } }`,
        { id },
      ),
    ).request;
    // The scheduler wrote the whole request back, the letter included.
    expect(request).toMatchObject({
      overdue: true,
      daysRemaining: -1,
      body: appealTo(MINPROMTORG).body,
      subject: appealTo(MINPROMTORG).subject,
    });
    expect(request.timeline.map((t: { kind: string }) => t.kind)).toEqual([
      'DRAFTED',
      'SUBMITTED',
      'REGISTERED',
      'DUE_SOON',
      'OVERDUE',
    ]);
  });

  it('should announce a request nobody registered as overdue at the registration stage', async () => {
    requests.clock.set(START);
    const drafted = dataOf(
      await requests.gql(DRAFT, { input: appealTo(MINPROMTORG) }),
    ).draftRequest;
    dataOf(await requests.gql(SUBMIT, { id: drafted.id, v: 1 }));
    requests.clock.set('2026-03-05T20:00:00.000Z');
    await requests.app.runScheduler();
    requests.clock.set('2026-03-06T09:00:00.000Z');
    await requests.app.runScheduler();
    await requests.app.runScheduler();
    await expectNotices(requests, topic, drafted.id, [['overdue', '2026-03-05']]);
  });

  it('should announce the new deadline again after an extension', async () => {
    const id = await registeredRequest(requests);
    requests.clock.set(FIVE_DAYS_BEFORE);
    await requests.app.runScheduler();
    const version = dataOf(
      await requests.gql(`query($id: ID!) { request(id: $id) { version } }`, { id }),
    ).request.version;
    const extended = dataOf(
      await requests.gql(EXTEND, {
        id,
        v: version,
        input: { days: 10, reason: 'Запрошены материалы у подведомственного института' },
      }),
    ).extendRequestDeadline;
    expect(extended.deadline.dueOn).toBe('2026-04-13');
    requests.clock.set('2026-04-08T09:00:00.000Z');
    await requests.app.runScheduler();
    await expectNotices(requests, topic, id, [
      ['due-soon', '2026-04-02'],
      ['due-soon', '2026-04-13'],
    ]);
  });

  it('should take over a claim whose holder died before announcing, once its lease ran out', async () => {
    const id = await registeredRequest(requests);
    requests.clock.set(FIVE_DAYS_BEFORE);
    // A replica claimed the notice and died before announcing it.
    const dead = new OnceClaims(requests.app.runtime.connection.collection('due_notice_claims'), {
      leaseMs: 60_000,
      owner: 'a-replica-that-died',
    });
    const key = deterministicId(TENANT, id, 'due-soon', 'ANSWER/2026-04-02');
    expect(await dead.claim(key, requests.clock())).toBe(key);
    expect((await requests.app.runScheduler()).announced).toBe(0);
    const untouched = await requests.app.runtime.connection
      .collection<{ _id: string; version: number }>('requests')
      .findOne({ _id: id });
    expect(untouched?.version).toBe(3);

    requests.clock.set('2026-03-28T10:00:00.000Z');
    await requests.app.runScheduler();
    await requests.app.runScheduler();
    await expectNotices(requests, topic, id, [['due-soon', '2026-04-02']]);
  });
});

describe('the due-notice scheduler across a restart and with two instances', () => {
  it('should not repeat a notice after a restart, and announce the next one once', async () => {
    const { requests: first, topic } = await boot('restart');
    try {
      const id = await registeredRequest(first);
      first.clock.set(FIVE_DAYS_BEFORE);
      await first.app.runScheduler();
      await expectNotices(first, topic, id, [['due-soon', '2026-04-02']]);
      await first.stop({ drop: false });

      const clock = testClock(FIVE_DAYS_BEFORE);
      const second = await startRequests('restart', { ns: first.ns, clock });
      try {
        await second.app.runScheduler();
        clock.set(DAY_AFTER);
        await second.app.runScheduler();
        await second.app.runScheduler();
        await expectNotices(second, topic, id, [
          ['due-soon', '2026-04-02'],
          ['overdue', '2026-04-02'],
        ]);
      } finally {
        await second.stop();
      }
    } finally {
      await topic.stop();
    }
  });

  it('should run by itself every SCHEDULER_INTERVAL_MS and stop with the service', async () => {
    const { requests: first, topic } = await boot('timer');
    let id = '';
    try {
      id = await registeredRequest(first);
      await first.stop({ drop: false });
      const second = await startRequests('timer', {
        ns: first.ns,
        clock: testClock(DAY_AFTER),
        schedulerIntervalMs: 1000,
      });
      try {
        await expectEventually(() =>
          expect(notices(topic, id)).toEqual([['overdue', '2026-04-02']]),
        );
      } finally {
        await second.stop();
      }
    } finally {
      await topic.stop();
    }
  });

  it('should announce each notice once when two instances run the scheduler at the same time', async () => {
    const { requests: one, topic } = await boot('twins');
    const clock = testClock(START);
    const two = await startRequests('twins', { ns: one.ns, clock });
    try {
      // One after the other: both move the same clock.
      const ids = [await registeredRequest(one), await registeredRequest(one)];
      for (const at of [FIVE_DAYS_BEFORE, DAY_AFTER]) {
        one.clock.set(at);
        clock.set(at);
        const runs = await Promise.all([
          one.app.runScheduler(),
          two.app.runScheduler(),
          one.app.runScheduler(),
          two.app.runScheduler(),
        ]);
        expect(runs.reduce((sum, run) => sum + run.announced, 0)).toBe(ids.length);
      }
      for (const id of ids) {
        await expectNotices(one, topic, id, [
          ['due-soon', '2026-04-02'],
          ['overdue', '2026-04-02'],
        ]);
      }
    } finally {
      await two.stop({ drop: false });
      await topic.stop();
      await one.stop();
    }
  });
});

describe('the due-notice scheduler reads only the requests with a notice due', () => {
  // Each test boots its own instance, in its own database: a run's counts are of every request.
  async function withRequests(
    label: string,
    test: (requests: Requests, topic: Collector) => Promise<void>,
  ) {
    const { requests, topic } = await boot(label);
    try {
      await test(requests, topic);
    } finally {
      await topic.stop();
      await requests.stop();
    }
  }

  it('should not read a request before its notice is due, and read it once when it is', () =>
    withRequests('reads', async (requests, topic) => {
      // A draft has no deadline running: it is never read.
      dataOf(await requests.gql(DRAFT, { input: appealTo(MINPROMTORG) }));
      const id = await registeredRequest(requests);

      requests.clock.set(SIX_DAYS_BEFORE);
      expect(await requests.app.runScheduler()).toEqual({ read: 0, announced: 0 });
      requests.clock.set(FIVE_DAYS_BEFORE);
      expect(await requests.app.runScheduler()).toEqual({ read: 1, announced: 1 });
      expect(await requests.app.runScheduler()).toEqual({ read: 0, announced: 0 });
      requests.clock.set(DUE_DAY_EVENING);
      expect(await requests.app.runScheduler()).toEqual({ read: 0, announced: 0 });
      requests.clock.set(DAY_AFTER);
      expect(await requests.app.runScheduler()).toEqual({ read: 1, announced: 1 });
      // Announced overdue: nothing remains, however late it gets.
      requests.clock.set('2026-06-01T09:00:00.000Z');
      expect(await requests.app.runScheduler()).toEqual({ read: 0, announced: 0 });
      await expectNotices(requests, topic, id, [
        ['due-soon', '2026-04-02'],
        ['overdue', '2026-04-02'],
      ]);
    }));

  it('should read an extended request only when a notice of its new deadline is due', () =>
    withRequests('extended', async (requests, topic) => {
      const id = await registeredRequest(requests);
      requests.clock.set(FIVE_DAYS_BEFORE);
      expect(await requests.app.runScheduler()).toEqual({ read: 1, announced: 1 });
      const { version } = dataOf(
        await requests.gql(`query($id: ID!) { request(id: $id) { version } }`, { id }),
      ).request;
      dataOf(
        await requests.gql(EXTEND, {
          id,
          v: version,
          input: { days: 10, reason: 'Запрошены материалы у подведомственного института' },
        }),
      );

      // Past the old deadline, before the new one (13 April) is due soon (from the 8th).
      requests.clock.set(DAY_AFTER);
      expect(await requests.app.runScheduler()).toEqual({ read: 0, announced: 0 });
      requests.clock.set('2026-04-07T20:00:00.000Z');
      expect(await requests.app.runScheduler()).toEqual({ read: 0, announced: 0 });
      requests.clock.set('2026-04-08T09:00:00.000Z');
      expect(await requests.app.runScheduler()).toEqual({ read: 1, announced: 1 });
      await expectNotices(requests, topic, id, [
        ['due-soon', '2026-04-02'],
        ['due-soon', '2026-04-13'],
      ]);
    }));

  it("should look once at a request stored before requests kept their notices' moment, and give it its policy's lead", () =>
    withRequests('legacy', async (requests, topic) => {
      const id = await registeredRequest(requests);
      const stored = requests.app.runtime.connection.collection<{ _id: string }>('requests');
      // As the service stored it before: no lead, no moment (but a flag, read no more).
      await stored.updateOne(
        { _id: id },
        { $unset: { dueSoonDays: 1, nextNoticeAt: 1 }, $set: { noticesDone: false } },
      );
      dataOf(
        await requests.gql(
          `mutation { setDeadlinePolicy(input: { dueSoonDays: 2 }) { dueSoonDays } }`,
          {},
          { role: 'admin' },
        ),
      );

      requests.clock.set(SIX_DAYS_BEFORE);
      expect(await requests.app.runScheduler()).toEqual({ read: 1, announced: 0 });
      const looked = await stored.findOne({ _id: id });
      // Due soon two days before 2 April: from 31 March in Moscow. Nothing a reader sees changed.
      expect(looked).toMatchObject({
        version: 3,
        dueSoonDays: 2,
        nextNoticeAt: new Date('2026-03-30T21:00:00.000Z'),
      });
      expect(await requests.app.runScheduler()).toEqual({ read: 0, announced: 0 });

      requests.clock.set(FIVE_DAYS_BEFORE);
      expect(await requests.app.runScheduler()).toEqual({ read: 0, announced: 0 });
      requests.clock.set('2026-03-31T09:00:00.000Z');
      expect(await requests.app.runScheduler()).toEqual({ read: 1, announced: 1 });
      await expectNotices(requests, topic, id, [['due-soon', '2026-04-02']]);
    }));
});
