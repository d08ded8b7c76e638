import { uniqueId } from '@kollegia/testing';

import {
  aLiveRoundtable,
  announceMembers,
  cast,
  castIds,
  dataOf,
  industrialRussiaConference,
  organizationAnnounced,
  personAnnounced,
  REGISTER,
  SCHEDULE_CONFERENCE,
  SCHEDULE_ROUNDTABLE,
  startRoundtables,
  type Roundtables,
} from './test/harness';

let rt: Roundtables;
const who = castIds();
const sber = uniqueId('org');
const volostnov = uniqueId('person');
const babkin = uniqueId('person');
const volma = uniqueId('org');
const ids = {} as {
  moscow: string;
  volgograd: string;
  moscowTable: string;
  panel: string;
  standalone: string;
};

beforeAll(async () => {
  rt = await startRoundtables('search');
  await cast(rt, undefined, who);
  await announceMembers(rt, [
    organizationAnnounced({ id: sber, name: 'Сбер' }),
    organizationAnnounced({ id: volma, name: 'ГК ВОЛМА' }),
    personAnnounced({ id: volostnov, fullName: 'Волостнов Алексей' }),
    personAnnounced({ id: babkin, fullName: 'Бабкин Михаил' }),
  ]);
  const schedule = async (input: Record<string, unknown>) =>
    dataOf(await rt.gql(SCHEDULE_CONFERENCE, { input })).scheduleConference.id as string;
  ids.moscow = await schedule(industrialRussiaConference([who.association]));
  ids.volgograd = await schedule({
    title: 'ПромЭнергоVolga2022: XXII межрегиональный промышленный форум',
    kind: 'FORUM',
    startsOn: '2022-11-23',
    endsOn: '2022-11-25',
    city: 'Волгоград',
    venue: '«Волгоград Арена»',
    organizerIds: [sber],
    description:
      'Импортозамещение, отечественное ПО, кластеры; более 80 предприятий из 21 региона.',
    published: true,
  });
  ids.moscowTable = (await aLiveRoundtable(rt, { conferenceId: ids.moscow, who })).roundtable.id;
  const panel = dataOf(
    await rt.gql(SCHEDULE_ROUNDTABLE, {
      input: {
        conferenceId: ids.volgograd,
        title: 'Новые переделы и цифровизация: предприятия региона в промышленном кластере',
        format: 'PANEL_DISCUSSION',
        startsAt: '2022-11-24T08:00:00.000Z',
        moderator: { kind: 'PERSON', id: volostnov },
        published: true,
      },
    }),
  ).scheduleRoundtable;
  ids.panel = panel.id;
  dataOf(
    await rt.gql(REGISTER, {
      id: panel.id,
      v: panel.version,
      input: { personId: babkin, organizationId: volma, role: 'SPEAKER', attendance: 'ATTENDED' },
    }),
  );
  const standalone = dataOf(
    await rt.gql(SCHEDULE_ROUNDTABLE, {
      input: {
        title: 'Ёмкость рынка отечественного ПО',
        format: 'WORKING_MEETING',
        startsAt: '2023-03-01T09:00:00.000Z',
        moderator: { kind: 'ORGANIZATION', id: volma },
      },
    }),
  ).scheduleRoundtable;
  ids.standalone = standalone.id;
  dataOf(
    await rt.gql(REGISTER, {
      id: standalone.id,
      v: standalone.version,
      input: { organizationId: sber, role: 'ORGANIZER' },
    }),
  );
});

afterAll(() => rt.stop());

async function conferences(filter: Record<string, unknown>) {
  return dataOf(
    await rt.gql(
      `query($f: ConferenceFilterInput) { conferences(filter: $f) { totalCount nodes { id } } }`,
      { f: filter },
    ),
  ).conferences.nodes.map((n: { id: string }) => n.id);
}

async function roundtables(filter: Record<string, unknown>) {
  return dataOf(
    await rt.gql(
      `query($f: RoundtableFilterInput) { roundtables(filter: $f, first: 100) { nodes { id } } }`,
      { f: filter },
    ),
  ).roundtables.nodes.map((n: { id: string }) => n.id);
}

describe('finding conferences', () => {
  it.each([
    ['no filter', {}, ['moscow', 'volgograd']],
    ['a city in any case', { city: 'ВОЛГОГРАД' }, ['volgograd']],
    ['days overlapping', { from: '2022-11-25', to: '2022-12-31' }, ['volgograd']],
    ['days before', { to: '2016-12-31' }, ['moscow']],
    ['an organiser', { organizerId: sber }, ['volgograd']],
    ['a status', { status: 'OPEN' }, []],
    ['word prefixes', { text: 'промышленная РОСС' }, ['moscow']],
    ['the start of a word mixing scripts', { text: 'промэнерго' }, ['volgograd']],
  ])('should find them by %s', async (_label, filter, expected) => {
    expect(await conferences(filter)).toEqual(expected.map((key) => ids[key as keyof typeof ids]));
  });

  it('should refuse a day that does not exist', async () => {
    const response = await rt.gql(`{ conferences(filter: { from: "2022-02-30" }) { totalCount } }`);
    expect(response.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'from',
    });
  });
});

describe('finding round tables', () => {
  it.each([
    ['no filter (in the order they sit)', {}, ['moscowTable', 'panel', 'standalone']],
    ['the city of their conference', { city: 'волгоград' }, ['panel']],
    ['an organiser of their conference', { organizerId: who.association }, ['moscowTable']],
    [
      'an organiser, in person or through the conference',
      { organizerId: sber },
      ['panel', 'standalone'],
    ],
    ['a participant person', { participantId: babkin }, ['panel']],
    [
      'a participant organisation, speaking through a person or moderating',
      { participantId: volma },
      ['panel', 'standalone'],
    ],
    ['a moderator', { participantId: volostnov }, ['panel']],
    ['a status', { status: 'LIVE' }, ['moscowTable']],
    [
      'a period',
      { startsFrom: '2022-01-01T00:00:00Z', startsBefore: '2023-01-01T00:00:00Z' },
      ['panel'],
    ],
    ['an agenda word', { text: 'диверсификации' }, ['moscowTable']],
    ['ё read as е', { text: 'емкость' }, ['standalone']],
  ])('should find them by %s', async (_label, filter, expected) => {
    expect(await roundtables(filter as Record<string, unknown>)).toEqual(
      expected.map((key) => ids[key as keyof typeof ids]),
    );
  });

  it('should find them by their conference', async () => {
    expect(await roundtables({ conferenceId: ids.volgograd })).toEqual([ids.panel]);
  });
});

describe('what this subgraph adds to members’ entities', () => {
  it('should list a person’s participations and an organisation’s round tables through federation references', async () => {
    const response = dataOf(
      await rt.gql(
        `query($r: [_Any!]!) { _entities(representations: $r) {
          ... on Person { id participations { totalCount nodes { role attendance roundtable { id } organization { id } } } }
          ... on Organization { id roundtables { totalCount nodes { id } } } } }`,
        {
          r: [
            { __typename: 'Person', id: babkin },
            { __typename: 'Person', id: volostnov },
            { __typename: 'Organization', id: volma },
          ],
        },
      ),
    );
    expect(response._entities).toEqual([
      {
        id: babkin,
        participations: {
          totalCount: 1,
          nodes: [
            {
              role: 'SPEAKER',
              attendance: 'ATTENDED',
              roundtable: { id: ids.panel },
              organization: { id: volma },
            },
          ],
        },
      },
      {
        id: volostnov,
        participations: {
          totalCount: 1,
          nodes: [
            {
              role: 'MODERATOR',
              attendance: null,
              roundtable: { id: ids.panel },
              organization: null,
            },
          ],
        },
      },
      {
        id: volma,
        roundtables: { totalCount: 2, nodes: [{ id: ids.panel }, { id: ids.standalone }] },
      },
    ]);
  });

  it('should list a conference’s round tables and organisers', async () => {
    const conference = dataOf(
      await rt.gql(
        `query($id: ID!) { conference(id: $id) { organizers { id } roundtables { totalCount nodes { id format } } } }`,
        { id: ids.volgograd },
      ),
    ).conference;
    expect(conference).toEqual({
      organizers: [{ id: sber }],
      roundtables: { totalCount: 1, nodes: [{ id: ids.panel, format: 'PANEL_DISCUSSION' }] },
    });
  });
});
