import type { Role } from '@kollegia/service-kit';
import { uniqueId } from '@kollegia/testing';

import {
  announceMembers,
  CONCLUDE,
  dataOf,
  OTHER_TENANT,
  personAnnounced,
  SCHEDULE_CONFERENCE,
  SCHEDULE_ROUNDTABLE,
  START,
  startRoundtables,
  TENANT,
  type Roundtables,
} from './test/harness';

// `Conference.roundtables` on a page of conferences is answered by one query for all of them
// (see RoundtableRepository.firstPagesInConferences); `roundtables(filter: { conferenceId })`
// still asks for one conference at a time. Both must give the same page to every role.

let rt: Roundtables;
const moderator = uniqueId('person');
const ids = {} as Record<
  'spring' | 'summer' | 'internal' | 's1' | 's2' | 's3' | 's4' | 's5' | 'u1' | 'i1' | 'other',
  string
>;

async function conference(title: string, day: string, published: boolean, tenant?: string) {
  const input = { title, kind: 'FORUM', startsOn: day, endsOn: day, city: 'Казань', published };
  return dataOf(await rt.gql(SCHEDULE_CONFERENCE, { input }, { tenant })).scheduleConference
    .id as string;
}

async function roundtable(
  conferenceId: string,
  startsAt: string,
  state: { published: boolean; concluded: boolean; tenant?: string },
) {
  const as = { tenant: state.tenant };
  const input = {
    conferenceId,
    title: `Круглый стол ${startsAt}`,
    format: 'ROUND_TABLE',
    startsAt,
    moderator: { kind: 'PERSON', id: moderator },
    published: state.published,
  };
  const { id, version } = dataOf(await rt.gql(SCHEDULE_ROUNDTABLE, { input }, as))
    .scheduleRoundtable as { id: string; version: number };
  if (state.concluded) {
    dataOf(await rt.gql(START, { id, v: version }, as));
    dataOf(await rt.gql(CONCLUDE, { id, v: version + 1 }, as));
  }
  return id;
}

beforeAll(async () => {
  rt = await startRoundtables('conference-roundtables');
  await announceMembers(
    rt,
    [TENANT, OTHER_TENANT].map((tenant) =>
      personAnnounced({ id: moderator, fullName: 'Модератор', tenant }),
    ),
  );
  ids.spring = await conference('Весенний форум', '2024-04-01', true);
  ids.summer = await conference('Летний форум', '2024-06-01', true);
  ids.internal = await conference('Рабочее совещание', '2024-08-01', false);
  const published = { published: true, concluded: false };
  const concluded = { published: true, concluded: true };
  ids.s1 = await roundtable(ids.spring, '2024-04-01T08:00:00Z', concluded);
  ids.s2 = await roundtable(ids.spring, '2024-04-01T09:00:00Z', { ...published, published: false });
  ids.s3 = await roundtable(ids.spring, '2024-04-01T10:00:00Z', published);
  ids.s4 = await roundtable(ids.spring, '2024-04-01T11:00:00Z', concluded);
  ids.s5 = await roundtable(ids.spring, '2024-04-01T12:00:00Z', published);
  ids.u1 = await roundtable(ids.summer, '2024-06-01T08:00:00Z', concluded);
  ids.i1 = await roundtable(ids.internal, '2024-08-01T08:00:00Z', concluded);
  const elsewhere = await conference('Форум другой ассоциации', '2024-04-01', true, OTHER_TENANT);
  ids.other = await roundtable(elsewhere, '2024-04-01T08:00:00Z', {
    ...concluded,
    tenant: OTHER_TENANT,
  });
});

afterAll(() => rt.stop());

const CONNECTION = `totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  edges { cursor node { id } }`;

interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { cursor: string; node: { id: string } }[];
}

interface Asked {
  first: number;
  status?: string;
  role?: Role;
  tenant?: string;
}

/** Every conference the caller sees, each with its page of round tables from the batched field. */
async function conferencePage({ first, status, role, tenant }: Asked) {
  const { conferences } = dataOf(
    await rt.gql(
      // Ten conferences (the test has four) of up to `first` round tables each: within the cost
      // budget for pages of up to 20, enough for whole pages here (five at most).
      `query($first: Int!, $status: RoundtableStatus) { conferences(first: 10) { nodes { id
        roundtables(first: $first, status: $status) { ${CONNECTION} } } } }`,
      { first, status },
      { role, tenant },
    ),
  );
  return conferences.nodes as { id: string; roundtables: Page }[];
}

/** The same page through the per-conference listing. */
async function listed(conferenceId: string, { first, status, role, tenant }: Asked) {
  return dataOf(
    await rt.gql(
      `query($c: ID!, $first: Int!, $status: RoundtableStatus) {
        roundtables(first: $first, filter: { conferenceId: $c, status: $status }) { ${CONNECTION} } }`,
      { c: conferenceId, first, status },
      { role, tenant },
    ),
  ).roundtables as Page;
}

const idsOf = (page: Page) => page.edges.map((edge) => edge.node.id);
const byKey = (keys: (keyof typeof ids)[]) => keys.map((key) => ids[key]);

describe('round tables of a page of conferences', () => {
  it.each<[string, Asked, Record<string, (keyof typeof ids)[]>]>([
    [
      'a member, whole pages',
      { first: 20, role: 'member' },
      {
        spring: ['s1', 's2', 's3', 's4', 's5'],
        summer: ['u1'],
        internal: ['i1'],
      },
    ],
    [
      'a member, one each (the shared query is cut short before the last conference)',
      { first: 1, role: 'member' },
      {
        spring: ['s1'],
        summer: ['u1'],
        internal: ['i1'],
      },
    ],
    [
      'a member, two each, concluded only',
      { first: 2, status: 'CONCLUDED', role: 'member' },
      {
        spring: ['s1', 's4'],
        summer: ['u1'],
        internal: ['i1'],
      },
    ],
    [
      'an addressee (published only)',
      { first: 20, role: 'addressee' },
      {
        spring: ['s1', 's3', 's4', 's5'],
        summer: ['u1'],
      },
    ],
    [
      'an addressee, two each',
      { first: 2, role: 'addressee' },
      {
        spring: ['s1', 's3'],
        summer: ['u1'],
      },
    ],
    [
      'a partner (published and concluded only)',
      { first: 20, role: 'partner' },
      {
        spring: ['s1', 's4'],
        summer: ['u1'],
      },
    ],
    [
      'a partner asking for live ones',
      { first: 20, status: 'LIVE', role: 'partner' },
      {
        spring: [],
        summer: [],
      },
    ],
    ['another tenant', { first: 20, role: 'member', tenant: OTHER_TENANT }, {}],
  ])(
    'should give %s the same pages as the listing by conference',
    async (_who, asked, expected) => {
      const page = await conferencePage(asked);
      const listings = await Promise.all(page.map((c) => listed(c.id, asked)));
      expect(page.map((c) => c.roundtables)).toEqual(listings);
      if (asked.tenant === OTHER_TENANT) {
        expect(page.flatMap((c) => idsOf(c.roundtables))).toEqual([ids.other]);
        return;
      }
      expect(Object.fromEntries(page.map((c) => [c.id, idsOf(c.roundtables)]))).toEqual(
        Object.fromEntries(
          Object.entries(expected).map(([key, rows]) => [
            ids[key as keyof typeof ids],
            byKey(rows),
          ]),
        ),
      );
    },
  );

  it('should count each conference’s round tables and continue from its cursor', async () => {
    const spring = (await conferencePage({ first: 2, role: 'member' })).find(
      (c) => c.id === ids.spring,
    )!.roundtables;
    expect(spring).toMatchObject({ totalCount: 5, pageInfo: { hasNextPage: true } });
    const next = dataOf(
      await rt.gql(
        `query($id: ID!, $after: String) { conference(id: $id) {
          roundtables(first: 2, after: $after) { ${CONNECTION} } } }`,
        { id: ids.spring, after: spring.pageInfo.endCursor },
        { role: 'member' },
      ),
    ).conference.roundtables as Page;
    expect(idsOf(next)).toEqual(byKey(['s3', 's4']));
    expect(next).toMatchObject({ totalCount: 5, pageInfo: { hasNextPage: true } });
  });

  it('should answer differently asked fields of one request each by its own arguments', async () => {
    const { conferences } = dataOf(
      await rt.gql(
        `{ conferences(first: 100) { nodes { id
          one: roundtables(first: 1) { edges { node { id } } }
          concluded: roundtables(status: CONCLUDED) { edges { node { id } } } } } }`,
        {},
        { role: 'member' },
      ),
    );
    expect(
      (conferences.nodes as { id: string; one: Page; concluded: Page }[]).map((c) => [
        c.id,
        idsOf(c.one),
        idsOf(c.concluded),
      ]),
    ).toEqual([
      [ids.spring, byKey(['s1']), byKey(['s1', 's4'])],
      [ids.summer, byKey(['u1']), byKey(['u1'])],
      [ids.internal, byKey(['i1']), byKey(['i1'])],
    ]);
  });
});
