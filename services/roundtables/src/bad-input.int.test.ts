import { errorCode } from '@kollegia/testing';

import {
  aLiveRoundtable,
  CLOSE_ITEM,
  dataOf,
  GET_ROUNDTABLE,
  industrialRussiaConference,
  industryRoundtable,
  PROPOSE,
  RECORD,
  RECORD_MANY,
  REGISTER,
  SCHEDULE_CONFERENCE,
  SCHEDULE_ROUNDTABLE,
  SET_AGENDA,
  startRoundtables,
  type Roundtables,
} from './test/harness';

let rt: Roundtables;

beforeAll(async () => {
  rt = await startRoundtables('badinput');
});

afterAll(() => rt.stop());

const TEN_KB = 'Я'.repeat(10_000);

async function counts() {
  const db = rt.app.runtime.connection;
  return {
    conferences: await db.collection('conferences').countDocuments(),
    roundtables: await db.collection('roundtables').countDocuments(),
    statements: await db.collection('statements').countDocuments(),
  };
}

describe('bad input when creating', () => {
  const conference = industrialRussiaConference([]);
  const roundtable = industryRoundtable(undefined, 'person-moderator');
  const cases: [string, string, Record<string, unknown>, string][] = [
    ['an empty conference title', SCHEDULE_CONFERENCE, { ...conference, title: '  ' }, 'title'],
    ['a 10 kB city', SCHEDULE_CONFERENCE, { ...conference, city: TEN_KB }, 'city'],
    [
      'a day February lacks',
      SCHEDULE_CONFERENCE,
      { ...conference, startsOn: '2016-02-30' },
      'startsOn',
    ],
    [
      'an end before the start',
      SCHEDULE_CONFERENCE,
      { ...conference, startsOn: '2016-11-11' },
      'endsOn',
    ],
    [
      'a conference in year 0000',
      SCHEDULE_CONFERENCE,
      { ...conference, startsOn: '0000-11-10', endsOn: '0000-11-11' },
      'startsOn',
    ],
    [
      'a conference title of zero-width characters',
      SCHEDULE_CONFERENCE,
      { ...conference, title: '\u200B\u200D\u2060' },
      'title',
    ],
    ['an empty round table title', SCHEDULE_ROUNDTABLE, { ...roundtable, title: '' }, 'title'],
    [
      'a round table title with a right-to-left override',
      SCHEDULE_ROUNDTABLE,
      { ...roundtable, title: 'Промышленность \u202Eьтсоннелышморп' },
      'title',
    ],
    [
      'a round table starting in year 0000',
      SCHEDULE_ROUNDTABLE,
      { ...roundtable, startsAt: '0000-11-10T07:00:00.000Z' },
      'startsAt',
    ],
    ['a 10 kB round table title', SCHEDULE_ROUNDTABLE, { ...roundtable, title: TEN_KB }, 'title'],
    ['a 10 kB venue', SCHEDULE_ROUNDTABLE, { ...roundtable, venue: TEN_KB }, 'venue'],
    [
      'a 10 kB description',
      SCHEDULE_ROUNDTABLE,
      { ...roundtable, description: TEN_KB },
      'description',
    ],
    [
      'a round table ending before it starts',
      SCHEDULE_ROUNDTABLE,
      { ...roundtable, endsAt: '2016-11-10T07:00:00.000Z' },
      'endsAt',
    ],
    [
      'a moderator without an id',
      SCHEDULE_ROUNDTABLE,
      { ...roundtable, moderator: { kind: 'PERSON', id: ' ' } },
      'moderator',
    ],
  ];

  it.each(cases)(
    'should reject %s naming the field and store nothing',
    async (_label, mutation, input, field) => {
      const before = await counts();
      const response = await rt.gql(mutation, { input });
      expect(errorCode(response)).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0]?.extensions?.field).toBe(field);
      expect(response.data).toBeNull();
      expect(await counts()).toEqual(before);
    },
  );

  it.each([
    ['format', { ...roundtable, format: 'SPACESHIP' }],
    ['kind', { ...conference, kind: 'SPACESHIP' }],
  ])('should reject an unknown %s before any resolver runs', async (_field, input) => {
    const before = await counts();
    const mutation = 'format' in input ? SCHEDULE_ROUNDTABLE : SCHEDULE_CONFERENCE;
    const response = await rt.gql(mutation, { input });
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toMatch(/SPACESHIP/);
    expect(await counts()).toEqual(before);
  });

  it('should reject a start that is not a date and time', async () => {
    const response = await rt.gql(SCHEDULE_ROUNDTABLE, {
      input: { ...roundtable, startsAt: '10 ноября 2016' },
    });
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
  });
});

describe('bad input to a live round table', () => {
  it('should reject bad changes naming the field and leave the round table as it was', async () => {
    const { roundtable, who } = await aLiveRoundtable(rt);
    const { id, version } = roundtable;
    const attempts: [string, Record<string, unknown>, string][] = [
      [REGISTER, { input: { role: 'PARTICIPANT' } }, 'personId'],
      [SET_AGENDA, { items: [{ title: 'Вопрос' }, { title: ' ' }] }, 'items[1].title'],
      [SET_AGENDA, { items: [{ title: TEN_KB }] }, 'items[0].title'],
      [
        PROPOSE,
        { input: { kind: 'QUESTION_TO_REGULATOR', text: 'Вопрос регулятору' } },
        'addresseeIds',
      ],
      [PROPOSE, { input: { kind: 'DECISION', text: TEN_KB } }, 'text'],
      [PROPOSE, { input: { kind: 'DECISION', text: 'Решение', dueDate: '30.06.2017' } }, 'dueDate'],
      [
        PROPOSE,
        { input: { kind: 'DECISION', text: 'Решение', addresseeIds: [who.ministry, ''] } },
        'addresseeIds',
      ],
    ];
    for (const [mutation, variables, field] of attempts) {
      const response = await rt.gql(mutation, { id, v: version, ...variables });
      expect([errorCode(response), response.errors?.[0]?.extensions?.field]).toEqual([
        'BAD_USER_INPUT',
        field,
      ]);
    }
    const stored = dataOf(await rt.gql(GET_ROUNDTABLE, { id })).roundtable;
    expect(stored).toEqual(roundtable);
  });

  it('should reject statements by a non-participant, to an unknown question, empty or too long, and store none', async () => {
    const { roundtable, who } = await aLiveRoundtable(rt);
    const item = roundtable.agenda[0].id;
    const speaker = { kind: 'PERSON', id: who.speaker };
    const attempts: [Record<string, unknown>, string][] = [
      [{ speaker: { kind: 'PERSON', id: 'stranger' }, text: 'Можно реплику?' }, 'speaker'],
      [{ speaker: { kind: 'ORGANIZATION', id: who.speaker }, text: 'Не та роль' }, 'speaker'],
      [{ speaker, agendaItemId: 'no-such-item', text: 'Реплика' }, 'agendaItemId'],
      [{ speaker, agendaItemId: item, text: '   ' }, 'text'],
      [{ speaker, agendaItemId: item, text: 'Я'.repeat(20_001) }, 'text'],
    ];
    for (const [input, field] of attempts) {
      const response = await rt.gql(RECORD, { id: roundtable.id, input });
      expect([errorCode(response), response.errors?.[0]?.extensions?.field]).toEqual([
        'BAD_USER_INPUT',
        field,
      ]);
    }
    const batch = await rt.gql(RECORD_MANY, {
      id: roundtable.id,
      statements: [
        { speaker, text: 'Первая реплика' },
        { speaker: { kind: 'PERSON', id: 'stranger' }, text: 'Вторая' },
      ],
    });
    expect(batch.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'statements[1].speaker',
    });
    const stored = dataOf(await rt.gql(GET_ROUNDTABLE, { id: roundtable.id })).roundtable;
    expect(stored).toEqual(roundtable);
    expect(
      await rt.app.runtime.connection
        .collection('statements')
        .countDocuments({ roundtableId: roundtable.id }),
    ).toBe(0);
  });

  it('should refuse a statement for a closed question with CONFLICT naming its state', async () => {
    const { roundtable, who } = await aLiveRoundtable(rt);
    const item = roundtable.agenda[0].id;
    const closed = dataOf(
      await rt.gql(CLOSE_ITEM, { id: roundtable.id, v: roundtable.version, item }),
    ).closeAgendaItem;
    const response = await rt.gql(RECORD, {
      id: roundtable.id,
      input: { speaker: { kind: 'PERSON', id: who.speaker }, agendaItemId: item, text: 'Ещё одно' },
    });
    expect(response.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      currentState: 'DISCUSSED',
    });
    const stored = dataOf(await rt.gql(GET_ROUNDTABLE, { id: roundtable.id })).roundtable;
    expect(stored).toEqual(closed);
  });

  it('should reject an empty batch and one of more than 100 statements', async () => {
    const { roundtable, who } = await aLiveRoundtable(rt);
    const line = { speaker: { kind: 'PERSON', id: who.speaker }, text: 'Реплика' };
    for (const statements of [[], Array.from({ length: 101 }, () => line)]) {
      const response = await rt.gql(RECORD_MANY, { id: roundtable.id, statements });
      expect(response.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'statements',
      });
    }
  });
});
