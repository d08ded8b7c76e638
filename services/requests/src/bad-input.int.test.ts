import { errorCode } from '@kollegia/testing';

import {
  ANSWER,
  appealTo,
  dataOf,
  DRAFT,
  EXTEND,
  GET,
  hexId,
  knowOrganizations,
  REGISTER,
  startRequests,
  SUBMIT,
  type Requests,
} from './test/harness';

let requests: Requests;
const MINPROMTORG = hexId();
const STATE_DUMA_COMMITTEE = hexId();

beforeAll(async () => {
  requests = await startRequests('badinput');
  await knowOrganizations(requests, [
    { id: MINPROMTORG, name: 'Минпромторг России', kind: 'MINISTRY' },
    {
      id: STATE_DUMA_COMMITTEE,
      name: 'Комитет Государственной Думы по экономической политике',
      kind: 'PARLIAMENTARY_COMMITTEE',
    },
  ]);
});

afterAll(() => requests.stop());

const countRequests = () => requests.app.runtime.connection.collection('requests').countDocuments();

/** A request's version and timeline length: what any change, or its event, would move. */
async function footprint(id: string) {
  const doc = await requests.app.runtime.connection
    .collection<{ _id: string; version: number; timeline: unknown[] }>('requests')
    .findOne({ _id: id });
  return { version: doc?.version, lines: doc?.timeline.length };
}

async function registeredRequest(addresseeId = MINPROMTORG) {
  const drafted = dataOf(await requests.gql(DRAFT, { input: appealTo(addresseeId) })).draftRequest;
  dataOf(await requests.gql(SUBMIT, { id: drafted.id, v: 1 }));
  return dataOf(
    await requests.gql(REGISTER, {
      id: drafted.id,
      v: 2,
      input: { incomingNumber: 'ВХ-9', registeredOn: '2026-03-02' },
    }),
  ).registerRequest;
}

describe('bad input', () => {
  it.each([
    ['an empty subject', { subject: '   ' }, 'subject'],
    ['a 10 kB letter', { body: 'Я'.repeat(10_000) }, 'body'],
    ['a 600-character subject', { subject: 'О'.repeat(600) }, 'subject'],
    ['a 200 kB letter', { body: 'Я'.repeat(200_000) }, 'body'],
    ['a subject of zero-width spaces', { subject: '\u200B\u200B\u200B' }, 'subject'],
    ['a subject of NUL characters', { subject: '\u0000\u0000' }, 'subject'],
    ['a subject with a right-to-left override', { subject: 'О сроках \u202Eхакорс О' }, 'subject'],
    ['a subject on two lines', { subject: 'О сроках\nрассмотрения' }, 'subject'],
    ['a letter with an escape sequence', { body: 'Уважаемый\u001B[2J' }, 'body'],
    ['an addressee nobody knows', { addresseeId: hexId() }, 'addresseeId'],
    ['a signatory without an id', { signatory: { kind: 'PERSON', id: ' ' } }, 'signatory'],
  ])(
    'should refuse a draft with %s, naming the field, and store nothing',
    async (_l, input, field) => {
      const before = await countRequests();
      const response = await requests.gql(DRAFT, { input: appealTo(MINPROMTORG, input) });
      expect(errorCode(response)).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0]?.extensions?.field).toBe(field);
      expect(response.data).toBeNull();
      expect(await countRequests()).toBe(before);
    },
  );

  it('should refuse an unknown enum value before any resolver runs', async () => {
    const before = await countRequests();
    const response = await requests.gql(DRAFT, {
      input: appealTo(MINPROMTORG, { kind: 'SPACESHIP' }),
    });
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toMatch(/SPACESHIP/);
    expect(await countRequests()).toBe(before);
  });

  it('should refuse an extension beyond the policy and a second extension, changing nothing', async () => {
    const request = await registeredRequest();
    const extend = (v: number, days: number) =>
      requests.gql(EXTEND, { id: request.id, v, input: { days, reason: 'Нужно время' } });

    const tooLong = await extend(3, 31);
    expect(errorCode(tooLong)).toBe('BAD_USER_INPUT');
    expect(tooLong.errors?.[0]?.extensions?.field).toBe('days');
    const noReason = await requests.gql(EXTEND, {
      id: request.id,
      v: 3,
      input: { days: 10, reason: '' },
    });
    expect(errorCode(noReason)).toBe('BAD_USER_INPUT');
    expect(await footprint(request.id)).toEqual({ version: 3, lines: 3 });

    const extended = dataOf(await extend(3, 30)).extendRequestDeadline;
    const second = await extend(4, 5);
    expect(errorCode(second)).toBe('CONFLICT');
    expect(second.errors?.[0]?.message).toMatch(/extended already/);
    expect(await footprint(request.id)).toEqual({ version: 4, lines: 4 });
    const stored = dataOf(await requests.gql(GET, { id: request.id })).request;
    expect(stored.deadline).toEqual(extended.deadline);
  });

  it('should refuse a 200 kB search text naming the field and the limit', async () => {
    const response = await requests.gql(
      `query($text: String) { requests(filter: { text: $text }) { totalCount } }`,
      { text: 'минпромторг '.repeat(18_000) },
    );

    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toBe('text: must be at most 200 characters');
    expect(response.errors?.[0]?.extensions).toMatchObject({ field: 'text', maxLength: 200 });
  });

  it('should refuse an answer whose document is dated year 0000, changing nothing', async () => {
    const request = await registeredRequest();

    const response = await requests.gql(ANSWER, {
      id: request.id,
      v: 3,
      input: {
        text: 'Предложения рассмотрены.\nПоддерживаем.',
        outcome: 'ACCEPTED',
        document: { number: '12-34/567', date: '0000-03-10' },
      },
    });

    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toBe('document.date: must be a date from 1900 to 2999');
    expect(await footprint(request.id)).toEqual({ version: 3, lines: 3 });
  });

  it('should refuse a registration dated in the future or before the letter was sent', async () => {
    const drafted = dataOf(
      await requests.gql(DRAFT, { input: appealTo(MINPROMTORG) }),
    ).draftRequest;
    dataOf(await requests.gql(SUBMIT, { id: drafted.id, v: 1 }));
    for (const registeredOn of ['2026-03-09', '2026-02-27', '2026-02-30']) {
      const response = await requests.gql(REGISTER, {
        id: drafted.id,
        v: 2,
        input: { incomingNumber: 'ВХ-1', registeredOn },
      });
      expect(errorCode(response)).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0]?.extensions?.field).toBe('registeredOn');
    }
    expect(await footprint(drafted.id)).toEqual({ version: 2, lines: 2 });
  });
});

describe('deadline policies', () => {
  const POLICY = `query($k: OrganizationKind) { deadlinePolicy(addresseeKind: $k) {
    addresseeKind registrationDays answerDays maxExtensionDays dayCount timeZone dueSoonDays customized version } }`;
  const SET = `mutation($k: OrganizationKind, $input: RequestDeadlinePolicyInput!) {
    setDeadlinePolicy(addresseeKind: $k, input: $input) { addresseeKind answerDays maxExtensionDays customized version } }`;

  it('should follow 59-FZ until an admin sets otherwise', async () => {
    expect(dataOf(await requests.gql(POLICY, {})).deadlinePolicy).toEqual({
      addresseeKind: null,
      registrationDays: 3,
      answerDays: 30,
      maxExtensionDays: 30,
      dayCount: 'CALENDAR',
      timeZone: 'Europe/Moscow',
      dueSoonDays: 5,
      customized: false,
      version: null,
    });
  });

  it('should let only admins set a policy, and refuse one that does not hold', async () => {
    const input = { answerDays: 15, maxExtensionDays: 10 };
    expect(errorCode(await requests.gql(SET, { k: 'PARLIAMENTARY_COMMITTEE', input }))).toBe(
      'FORBIDDEN',
    );
    const bad = await requests.gql(
      SET,
      { k: 'PARLIAMENTARY_COMMITTEE', input: { answerDays: 0 } },
      { role: 'admin' },
    );
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.extensions?.field).toBe('answerDays');
    const zone = await requests.gql(
      SET,
      { input: { timeZone: 'Mars/Olympus' } },
      { role: 'admin' },
    );
    expect(errorCode(zone)).toBe('BAD_USER_INPUT');

    const set = dataOf(
      await requests.gql(SET, { k: 'PARLIAMENTARY_COMMITTEE', input }, { role: 'admin' }),
    ).setDeadlinePolicy;
    expect(set).toEqual({
      addresseeKind: 'PARLIAMENTARY_COMMITTEE',
      answerDays: 15,
      maxExtensionDays: 10,
      customized: true,
      version: 1,
    });
    // Other kinds keep the default.
    expect(dataOf(await requests.gql(POLICY, { k: 'MINISTRY' })).deadlinePolicy).toMatchObject({
      answerDays: 30,
      customized: false,
    });
  });

  it('should count deadlines and limit extensions by the addressee kind’s policy', async () => {
    const request = await registeredRequest(STATE_DUMA_COMMITTEE);
    // Registered on Monday 2 March: fifteen days end on 17 March.
    expect(request.deadline).toMatchObject({ stage: 'ANSWER', dueOn: '2026-03-17' });
    const tooLong = await requests.gql(EXTEND, {
      id: request.id,
      v: 3,
      input: { days: 11, reason: 'Нужно время' },
    });
    expect(errorCode(tooLong)).toBe('BAD_USER_INPUT');
    expect(tooLong.errors?.[0]?.message).toMatch(/from 1 to 10/);
    expect(await footprint(request.id)).toEqual({ version: 3, lines: 3 });
  });
});
