import { decodeEvent } from '@kollegia/events';
import {
  collectMessages,
  errorCode,
  expectEventually,
  type ReceivedMessage,
} from '@kollegia/testing';

import {
  announceMembers,
  ANSWER,
  appealTo,
  CLOSE,
  dataOf,
  DRAFT,
  EXTEND,
  hexId,
  knowOrganizations,
  personAnnounced,
  REGISTER,
  startRequests,
  SUBMIT,
  TENANT,
  WITHDRAW,
  type Requests,
} from './test/harness';

let requests: Requests;
let topic: { messages: ReceivedMessage[]; stop: () => Promise<void> };
const MINPROMTORG = hexId();
const NTI_OFFICE = hexId();

beforeAll(async () => {
  requests = await startRequests('flow');
  topic = await collectMessages(requests.ns.kafkaBrokers, [requests.topic('request')]);
  await knowOrganizations(requests, [
    { id: MINPROMTORG, name: 'Минпромторг России', kind: 'MINISTRY' },
    { id: NTI_OFFICE, name: 'Проектный офис НТИ', kind: 'PROJECT_OFFICE' },
  ]);
  await announceMembers(requests, [
    personAnnounced({ id: 'person-president', fullName: 'Президент ассоциации' }),
  ]);
});

afterAll(async () => {
  await topic.stop();
  await requests.stop();
});

function eventsOf(id: string) {
  return topic.messages
    .filter((m) => m.key === id)
    .map((m) => {
      const decoded = decodeEvent(m.value);
      if (!decoded.ok) throw new Error(decoded.reason);
      return decoded.event;
    });
}

const asMinistry = { role: 'addressee' as const, org: MINPROMTORG };

async function draft(addresseeId = MINPROMTORG, overrides: Record<string, unknown> = {}) {
  return dataOf(await requests.gql(DRAFT, { input: appealTo(addresseeId, overrides) }))
    .draftRequest;
}

describe('a request from draft to close', () => {
  it('should go submit → register (as the addressee) → answer → close and announce each step', async () => {
    const drafted = await draft(MINPROMTORG, {
      signatory: { kind: 'PERSON', id: 'person-president' },
    });
    expect(drafted).toMatchObject({
      version: 1,
      status: 'DRAFT',
      outgoingNumber: null,
      dueAt: null,
      dayCount: null,
      overdue: false,
      addressee: { id: MINPROMTORG },
      signatory: { __typename: 'Person', id: 'person-president' },
    });

    // Monday 2 March 2026, 10:00 in Moscow: registration is due within three days.
    const submitted = dataOf(await requests.gql(SUBMIT, { id: drafted.id, v: 1 })).submitRequest;
    expect(submitted).toMatchObject({
      version: 2,
      status: 'SUBMITTED',
      outgoingNumber: expect.stringMatching(/^AKIT-2026\/\d{3}$/),
      deadline: { stage: 'REGISTRATION', dueOn: '2026-03-05' },
      dueAt: '2026-03-05T20:59:59.999Z',
      daysRemaining: 3,
      dayCount: 'CALENDAR',
      overdue: false,
    });

    requests.clock.advanceDays(1);
    const registered = dataOf(
      await requests.gql(
        REGISTER,
        {
          id: drafted.id,
          v: 2,
          input: { incomingNumber: 'ВХ-1205/26', registeredOn: '2026-03-03' },
        },
        asMinistry,
      ),
    ).registerRequest;
    expect(registered).toMatchObject({
      version: 3,
      status: 'REGISTERED',
      incomingNumber: 'ВХ-1205/26',
      registeredOnTime: true,
      // Thirty days from 3 March end on Thursday 2 April.
      deadline: { stage: 'ANSWER', dueOn: '2026-04-02' },
      daysRemaining: 30,
    });

    requests.clock.advanceDays(10);
    const answered = dataOf(
      await requests.gql(
        ANSWER,
        {
          id: drafted.id,
          v: 3,
          input: {
            text: 'Минпромторг России поддерживает предложение и включит отбор в план на 2026 год.',
            outcome: 'ACCEPTED',
            document: { number: '12-4821/01', date: '2026-03-13' },
          },
        },
        asMinistry,
      ),
    ).answerRequest;
    expect(answered).toMatchObject({
      version: 4,
      status: 'ANSWERED',
      answer: { outcome: 'ACCEPTED', onTime: true, document: { number: '12-4821/01' } },
      dueAt: null,
      overdue: false,
    });

    const closed = dataOf(
      await requests.gql(CLOSE, { id: drafted.id, v: 4, note: 'Перечень проектов направлен' }),
    ).closeRequest;
    expect(closed).toMatchObject({ version: 5, status: 'CLOSED' });

    const events = await expectEventually(() => {
      const list = eventsOf(drafted.id);
      expect(list).toHaveLength(5);
      return list;
    });
    expect(events.map((e) => [e.type, e.aggregateversion])).toEqual([
      ['kollegia.requests.request.drafted.v1', 1],
      ['kollegia.requests.request.submitted.v1', 2],
      ['kollegia.requests.request.registered.v1', 3],
      ['kollegia.requests.request.answered.v1', 4],
      ['kollegia.requests.request.closed.v1', 5],
    ]);
    expect(events[1]).toMatchObject({
      tenantid: TENANT,
      actor: 'user-secretary',
      data: {
        addresseeId: MINPROMTORG,
        outgoingNumber: submitted.outgoingNumber,
        dueOn: '2026-03-05',
        status: 'SUBMITTED',
      },
    });
    expect(events[2]).toMatchObject({
      actor: `user-addressee-${MINPROMTORG}`,
      data: { incomingNumber: 'ВХ-1205/26', registeredOn: '2026-03-03', dueOn: '2026-04-02' },
    });
    expect(events[3]?.data).toMatchObject({
      answer: { outcome: 'ACCEPTED' },
      onTime: true,
    });

    const timeline = dataOf(
      await requests.gql(
        `query($id: ID!) { request(id: $id) { timeline { kind version actor } } }`,
        {
          id: drafted.id,
        },
      ),
    ).request.timeline;
    expect(timeline.map((t: { kind: string; version: number }) => [t.kind, t.version])).toEqual([
      ['DRAFTED', 1],
      ['SUBMITTED', 2],
      ['REGISTERED', 3],
      ['ANSWERED', 4],
      ['CLOSED', 5],
    ]);
  });

  it('should refuse an illegal transition with CONFLICT naming the state, and a stale version', async () => {
    const drafted = await draft();
    const early = await requests.gql(REGISTER, {
      id: drafted.id,
      v: 1,
      input: { incomingNumber: '1', registeredOn: '2026-03-02' },
    });
    expect(errorCode(early)).toBe('CONFLICT');
    expect(early.errors?.[0]?.extensions?.currentState).toBe('DRAFT');
    expect(early.errors?.[0]?.message).toMatch(/DRAFT/);

    const close = await requests.gql(CLOSE, { id: drafted.id, v: 1 });
    expect(errorCode(close)).toBe('CONFLICT');

    dataOf(await requests.gql(SUBMIT, { id: drafted.id, v: 1 }));
    const stale = await requests.gql(SUBMIT, { id: drafted.id, v: 1 });
    expect(errorCode(stale)).toBe('CONFLICT');
    expect(stale.errors?.[0]?.extensions).toMatchObject({
      field: 'expectedVersion',
      currentVersion: 2,
    });
    const again = await requests.gql(SUBMIT, { id: drafted.id, v: 2 });
    expect(errorCode(again)).toBe('CONFLICT');
    expect(again.errors?.[0]?.extensions?.currentState).toBe('SUBMITTED');

    const withdrawn = dataOf(
      await requests.gql(WITHDRAW, { id: drafted.id, v: 2, reason: 'Вопрос решён на совещании' }),
    ).withdrawRequest;
    expect(withdrawn).toMatchObject({ status: 'WITHDRAWN', dueAt: null, overdue: false });
    const answer = await requests.gql(ANSWER, {
      id: drafted.id,
      v: 3,
      input: { text: 'Поздно', outcome: 'DECLINED' },
    });
    expect(errorCode(answer)).toBe('CONFLICT');
    expect(answer.errors?.[0]?.extensions?.currentState).toBe('WITHDRAWN');
  });

  it('should give concurrent submissions distinct outgoing numbers, findable by number', async () => {
    const drafts = await Promise.all(Array.from({ length: 6 }, () => draft(NTI_OFFICE)));
    const submitted = await Promise.all(
      drafts.map(async (d) => dataOf(await requests.gql(SUBMIT, { id: d.id, v: 1 })).submitRequest),
    );
    const numbers = submitted.map((s) => s.outgoingNumber as string);
    expect(new Set(numbers).size).toBe(6);
    const found = dataOf(
      await requests.gql(
        `query($n: String!) { requestByOutgoingNumber(outgoingNumber: $n) { id outgoingNumber } }`,
        { n: numbers[3] },
      ),
    ).requestByOutgoingNumber;
    expect(found).toEqual({ id: submitted[3].id, outgoingNumber: numbers[3] });
  });

  it('should skip a number already taken when the counter lost an increment (two replicas)', async () => {
    const first = await draft();
    const taken = dataOf(await requests.gql(SUBMIT, { id: first.id, v: 1 })).submitRequest;
    const sequence = Number(String(taken.outgoingNumber).split('/')[1]);
    // What a lost $inc across processes looks like: the counter falls behind the numbers given.
    await requests.app.runtime.connection
      .collection('number_counters')
      .updateOne({ _id: `${TENANT}/2026` as never }, { $set: { last: sequence - 1 } });
    const second = await draft();
    const next = dataOf(await requests.gql(SUBMIT, { id: second.id, v: 1 })).submitRequest;
    expect(next.outgoingNumber).not.toBe(taken.outgoingNumber);
    expect(Number(String(next.outgoingNumber).split('/')[1])).toBe(sequence + 1);
  });

  it('should number with the prefix an admin set', async () => {
    expect(
      dataOf(
        await requests.gql(
          `mutation { setOutgoingNumberPrefix(prefix: "АКИТ") }`,
          {},
          { role: 'admin' },
        ),
      ).setOutgoingNumberPrefix,
    ).toBe('АКИТ');
    const drafted = await draft();
    const submitted = dataOf(await requests.gql(SUBMIT, { id: drafted.id, v: 1 })).submitRequest;
    expect(submitted.outgoingNumber).toMatch(/^АКИТ-2026\/\d{3}$/);
  });

  it('should extend the answer deadline once, within the policy, with a reason', async () => {
    const drafted = await draft();
    dataOf(await requests.gql(SUBMIT, { id: drafted.id, v: 1 }));
    const registered = dataOf(
      await requests.gql(REGISTER, {
        id: drafted.id,
        v: 2,
        input: {
          incomingNumber: 'ВХ-77',
          registeredOn: requests.clock().toISOString().slice(0, 10),
        },
      }),
    ).registerRequest;
    const extended = dataOf(
      await requests.gql(
        EXTEND,
        { id: drafted.id, v: 3, input: { days: 30, reason: 'Нужна позиция Минэкономразвития' } },
        asMinistry,
      ),
    ).extendRequestDeadline;
    expect(extended.extension).toMatchObject({
      days: 30,
      previous: { dueOn: registered.deadline.dueOn },
    });
    expect(extended.deadline.dueOn > registered.deadline.dueOn).toBe(true);
    await expectEventually(() =>
      expect(eventsOf(drafted.id).map((e) => e.type)).toContain(
        'kollegia.requests.request.deadline-extended.v1',
      ),
    );
  });

  it('should find requests by status, addressee, text and overdue', async () => {
    const subject = 'О поддержке молодёжного технологического предпринимательства';
    const drafted = await draft(NTI_OFFICE, { subject });
    const list = async (filter: Record<string, unknown>) =>
      dataOf(
        await requests.gql(
          `query($f: RequestFilterInput) { requests(filter: $f, first: 100) { totalCount nodes { id } } }`,
          { f: filter },
        ),
      ).requests.nodes.map((n: { id: string }) => n.id);
    expect(await list({ text: 'молодежного предпр' })).toEqual([drafted.id]);
    expect(await list({ text: 'молодежного', status: 'SUBMITTED' })).toEqual([]);
    expect(await list({ addresseeId: NTI_OFFICE, status: 'DRAFT' })).toContain(drafted.id);
    dataOf(await requests.gql(SUBMIT, { id: drafted.id, v: 1 }));
    expect(await list({ overdue: true, text: 'молодежного' })).toEqual([]);
    expect(await list({ overdue: false, text: 'молодежного' })).toEqual([drafted.id]);
    requests.clock.advanceDays(10);
    try {
      expect(await list({ overdue: true, text: 'молодежного' })).toEqual([drafted.id]);
      expect(await list({ overdue: false, text: 'молодежного' })).toEqual([]);
      expect(
        await list({ dueBefore: requests.clock().toISOString(), addresseeId: NTI_OFFICE }),
      ).toContain(drafted.id);
    } finally {
      requests.clock.advanceDays(-10);
    }
  });

  it('should say that a request sent under a working-day policy counts its days left in working days', async () => {
    const university = hexId();
    await knowOrganizations(requests, [
      { id: university, name: 'Университет ИТМО', kind: 'UNIVERSITY' },
    ]);
    dataOf(
      await requests.gql(
        `mutation { setDeadlinePolicy(addresseeKind: UNIVERSITY, input: { dayCount: WORKING, registrationDays: 5 }) { version } }`,
        {},
        { role: 'admin' },
      ),
    );
    const drafted = await draft(university);
    expect(drafted.dayCount).toBeNull();
    const submitted = dataOf(await requests.gql(SUBMIT, { id: drafted.id, v: 1 })).submitRequest;
    // Five working days from the day after sending: the days left are those five, weekends aside.
    expect(submitted).toMatchObject({ dayCount: 'WORKING', daysRemaining: 5 });
  });
});
