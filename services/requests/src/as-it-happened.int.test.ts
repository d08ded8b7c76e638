import { decodeEvent } from '@kollegia/events';
import { collectMessages, expectEventually, type ReceivedMessage } from '@kollegia/testing';

import {
  appealTo,
  dataOf,
  DRAFT,
  hexId,
  knowOrganizations,
  REGISTER,
  REQUEST_FIELDS,
  startRequests,
  type Requests,
} from './test/harness';

const MINPROMTORG = hexId();
const BELARUS_MINISTRY = hexId();

/** The day the past requests are entered: Monday 7 December 2026, 13:00 in Moscow. */
const ENTERED = '2026-12-07T10:00:00.000Z';

const SUBMIT_SENT = `mutation($id: ID!, $v: Int!, $sentAt: DateTimeISO) {
  submitRequest(id: $id, expectedVersion: $v, sentAt: $sentAt) { ${REQUEST_FIELDS} submittedAt }
}`;

describe('requests entered as they happened', () => {
  let requests: Requests;
  let topic: { messages: ReceivedMessage[]; stop: () => Promise<void> };

  beforeAll(async () => {
    requests = await startRequests('as-it-happened');
    topic = await collectMessages(requests.ns.kafkaBrokers, [requests.topic('request')]);
    await knowOrganizations(requests, [
      { id: MINPROMTORG, name: 'Минпромторг России', kind: 'MINISTRY' },
      {
        id: BELARUS_MINISTRY,
        name: 'Министерство промышленности Республики Беларусь',
        kind: 'MINISTRY',
        country: 'BY',
      },
    ]);
  });

  afterAll(async () => {
    await topic.stop();
    await requests.stop();
  });

  async function draft(addresseeId: string): Promise<string> {
    return dataOf(await requests.gql(DRAFT, { input: appealTo(addresseeId) })).draftRequest.id;
  }

  it('should show a request sent and registered in 2016 overdue without announcing it', async () => {
    requests.clock.set(ENTERED);
    const id = await draft(MINPROMTORG);
    const sent = dataOf(
      await requests.gql(SUBMIT_SENT, { id, v: 1, sentAt: '2016-11-14T10:00:00+03:00' }),
    ).submitRequest;
    expect(sent).toMatchObject({
      status: 'SUBMITTED',
      outgoingNumber: expect.stringMatching(/-2016\/\d+$/),
      submittedAt: '2016-11-14T07:00:00.000Z',
      deadline: { stage: 'REGISTRATION', dueOn: '2016-11-17' },
      overdue: true,
    });

    const registered = dataOf(
      await requests.gql(REGISTER, {
        id,
        v: 2,
        input: { incomingNumber: 'ВХ-48811/16', registeredOn: '2016-11-16' },
      }),
    ).registerRequest;
    expect(registered).toMatchObject({
      status: 'REGISTERED',
      registeredOn: '2016-11-16',
      registeredOnTime: true,
      deadline: { stage: 'ANSWER', dueOn: '2016-12-16' },
      overdue: true,
      daysRemaining: -3643,
    });

    // The scheduler finds nothing to announce, now or later: the deadline had passed when entered.
    expect(await requests.app.runScheduler()).toEqual({ read: 0, announced: 0 });
    requests.clock.advanceDays(1);
    expect((await requests.app.runScheduler()).announced).toBe(0);
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
    const events = topic.messages
      .filter((m) => m.key === id)
      .flatMap((m) => {
        const decoded = decodeEvent(m.value);
        return decoded.ok ? [decoded.event] : [];
      });
    expect(new Set(events.map((e) => e.type.split('.')[3]))).toEqual(
      new Set(['drafted', 'submitted', 'registered']),
    );
    const submitted = events.find((e) => e.type.endsWith('.submitted.v1'));
    expect(submitted?.data).toMatchObject({
      submittedAt: new Date(ENTERED).toISOString(),
      sentAt: '2016-11-14T07:00:00.000Z',
    });
    expect(submitted?.time).toBe(new Date(ENTERED).toISOString());
  });

  it('should refuse a sending time in the future and change nothing', async () => {
    requests.clock.set(ENTERED);
    const id = await draft(MINPROMTORG);

    const result = await requests.gql(SUBMIT_SENT, { id, v: 1, sentAt: '2026-12-09T10:00:00Z' });

    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'sentAt',
    });
    const request = dataOf(
      await requests.gql(`query($id: ID!) { request(id: $id) { status version } }`, { id }),
    ).request;
    expect(request).toEqual({ status: 'DRAFT', version: 1 });
  });

  it('should give a Belarusian addressee the Belarusian procedure and calendar', async () => {
    requests.clock.set(ENTERED);
    const id = await draft(BELARUS_MINISTRY);

    // Sent on Friday 3 April 2026: one day to register, moved off the weekend to Monday 6 April.
    const sent = dataOf(
      await requests.gql(SUBMIT_SENT, { id, v: 1, sentAt: '2026-04-03T10:00:00+03:00' }),
    ).submitRequest;
    expect(sent.deadline).toMatchObject({ stage: 'REGISTRATION', dueOn: '2026-04-06' });

    // Registered on Monday 6 April: fifteen days end on Tuesday 21 April, Radunitsa, so the 22nd.
    const registered = dataOf(
      await requests.gql(REGISTER, {
        id,
        v: 2,
        input: { incomingNumber: '01-12/771', registeredOn: '2026-04-06' },
      }),
    ).registerRequest;
    expect(registered.deadline).toMatchObject({
      stage: 'ANSWER',
      dueOn: '2026-04-22',
      dueAt: '2026-04-22T20:59:59.999Z',
    });

    const policy = dataOf(
      await requests.gql(
        `query { deadlinePolicy(country: "BY") { jurisdiction law registrationDays answerDays maxExtensionDays timeZone } }`,
      ),
    ).deadlinePolicy;
    expect(policy).toMatchObject({
      jurisdiction: 'BY',
      registrationDays: 1,
      answerDays: 15,
      maxExtensionDays: 16,
      timeZone: 'Europe/Minsk',
    });
    expect(policy.law).toContain('300-З');
  });
});
