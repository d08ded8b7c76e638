import { errorCode } from '@kollegia/testing';

import {
  aLiveRoundtable,
  CONCLUDE,
  dataOf,
  industrialRussiaConference,
  OTHER_TENANT,
  PROPOSE,
  RECORD,
  SCHEDULE_CONFERENCE,
  startRoundtables,
  type Roundtables,
} from './test/harness';

let rt: Roundtables;
/** Round tables of one conference in each visibility that matters, and an unpublished conference. */
let ids: {
  publishedConference: string;
  internalConference: string;
  concludedPublished: string;
  concludedInternal: string;
  livePublished: string;
  concludedInInternalConference: string;
};

async function concluded(conferenceId: string, published: boolean) {
  const { roundtable } = await aLiveRoundtable(rt, { conferenceId, published });
  await rt.gql(PROPOSE, {
    id: roundtable.id,
    v: roundtable.version,
    input: { kind: 'DECISION', text: 'Подготовить методические материалы' },
  });
  dataOf(await rt.gql(CONCLUDE, { id: roundtable.id, v: roundtable.version + 1 }));
  return roundtable.id as string;
}

beforeAll(async () => {
  rt = await startRoundtables('access');
  const conference = async (published: boolean) =>
    dataOf(await rt.gql(SCHEDULE_CONFERENCE, { input: industrialRussiaConference([], published) }))
      .scheduleConference.id as string;
  const publishedConference = await conference(true);
  const internalConference = await conference(false);
  ids = {
    publishedConference,
    internalConference,
    concludedPublished: await concluded(publishedConference, true),
    concludedInternal: await concluded(publishedConference, false),
    livePublished: (
      await aLiveRoundtable(rt, { conferenceId: publishedConference, published: true })
    ).roundtable.id,
    concludedInInternalConference: await concluded(internalConference, true),
  };
});

afterAll(() => rt.stop());

const LIST = `query($c: ID) { roundtables(first: 100, filter: { conferenceId: $c }) { totalCount nodes { id } } }`;
const ONE = `query($id: ID!) { roundtable(id: $id) { id status conference { id } statements(first: 5) { nodes { id } } } }`;
const MINUTES = `query($id: ID!) { roundtableMinutes(id: $id) { title } }`;

async function visibleTo(role: 'partner' | 'addressee' | 'member') {
  const listed = dataOf(
    await rt.gql(LIST, { c: ids.publishedConference }, { role }),
  ).roundtables.nodes.map((n: { id: string }) => n.id);
  const one = async (id: string) =>
    (dataOf(await rt.gql(ONE, { id }, { role })).roundtable?.id as string | undefined) ?? null;
  return {
    listed: [...listed].sort(),
    concludedPublished: await one(ids.concludedPublished),
    concludedInternal: await one(ids.concludedInternal),
    livePublished: await one(ids.livePublished),
  };
}

describe('who sees what', () => {
  it('should show a partner concluded, published round tables only', async () => {
    expect(await visibleTo('partner')).toEqual({
      listed: [ids.concludedPublished],
      concludedPublished: ids.concludedPublished,
      concludedInternal: null,
      livePublished: null,
    });
    const asked = dataOf(
      await rt.gql(
        `{ roundtables(filter: { status: LIVE }) { totalCount nodes { id } } }`,
        {},
        {
          role: 'partner',
        },
      ),
    );
    expect(asked.roundtables).toEqual({ totalCount: 0, nodes: [] });
  });

  it('should show an addressee published round tables in any state, and a member everything', async () => {
    expect(await visibleTo('addressee')).toEqual({
      listed: [ids.concludedPublished, ids.livePublished].sort(),
      concludedPublished: ids.concludedPublished,
      concludedInternal: null,
      livePublished: ids.livePublished,
    });
    expect(await visibleTo('member')).toEqual({
      listed: [ids.concludedPublished, ids.concludedInternal, ids.livePublished].sort(),
      concludedPublished: ids.concludedPublished,
      concludedInternal: ids.concludedInternal,
      livePublished: ids.livePublished,
    });
  });

  it('should show a partner published conferences only, and hide an unpublished one behind its round table', async () => {
    const conferences = dataOf(
      await rt.gql(`{ conferences(first: 100) { nodes { id } } }`, {}, { role: 'partner' }),
    ).conferences.nodes.map((n: { id: string }) => n.id);
    expect(conferences).toEqual([ids.publishedConference]);
    const hidden = dataOf(
      await rt.gql(ONE, { id: ids.concludedInInternalConference }, { role: 'partner' }),
    ).roundtable;
    expect(hidden).toMatchObject({ id: ids.concludedInInternalConference, conference: null });
    const direct = dataOf(
      await rt.gql(
        `query($id: ID!) { conference(id: $id) { id } }`,
        { id: ids.internalConference },
        {
          role: 'partner',
        },
      ),
    );
    expect(direct.conference).toBeNull();
  });

  it('should give a partner the minutes of what it sees and NOT_FOUND for the rest', async () => {
    const seen = await rt.gql(MINUTES, { id: ids.concludedPublished }, { role: 'partner' });
    expect(dataOf(seen).roundtableMinutes.title).toMatch(/^Протокол круглого стола/);
    const unseen = await rt.gql(MINUTES, { id: ids.concludedInternal }, { role: 'partner' });
    expect(errorCode(unseen)).toBe('NOT_FOUND');
    expect(JSON.stringify(unseen)).not.toContain('Индустрия');
  });
});

describe('who may change what', () => {
  it.each(['member', 'addressee', 'partner'] as const)(
    'should refuse every change to a %s with FORBIDDEN',
    async (role) => {
      const schedule = await rt.gql(
        SCHEDULE_CONFERENCE,
        { input: industrialRussiaConference([]) },
        { role },
      );
      expect(errorCode(schedule)).toBe('FORBIDDEN');
      const record = await rt.gql(
        RECORD,
        { id: ids.livePublished, input: { speaker: { kind: 'PERSON', id: 'p' }, text: 'Реплика' } },
        { role },
      );
      expect(errorCode(record)).toBe('FORBIDDEN');
    },
  );

  it.each(['admin', 'secretary'] as const)('should let a %s run a conference', async (role) => {
    const response = await rt.gql(
      SCHEDULE_CONFERENCE,
      { input: industrialRussiaConference([]) },
      { role },
    );
    expect(dataOf(response).scheduleConference.id).toBeTruthy();
  });

  it('should refuse a caller without a token with UNAUTHENTICATED', async () => {
    const response = await rt.gql(`{ roundtables { totalCount } }`, {}, { token: null });
    expect(errorCode(response)).toBe('UNAUTHENTICATED');
  });
});

describe('tenancy', () => {
  const other = { role: 'admin' as const, tenant: OTHER_TENANT };

  it('should answer another tenant null or NOT_FOUND, never data', async () => {
    const read = dataOf(await rt.gql(ONE, { id: ids.livePublished }, other));
    expect(read.roundtable).toBeNull();
    const conference = dataOf(
      await rt.gql(
        `query($id: ID!) { conference(id: $id) { id title } }`,
        {
          id: ids.publishedConference,
        },
        other,
      ),
    );
    expect(conference.conference).toBeNull();
    const list = dataOf(
      await rt.gql(`{ roundtables(first: 100) { totalCount nodes { id } } }`, {}, other),
    );
    expect(list.roundtables).toEqual({ totalCount: 0, nodes: [] });

    const responses = [
      await rt.gql(
        RECORD,
        {
          id: ids.livePublished,
          input: { speaker: { kind: 'PERSON', id: 'p' }, text: 'Чужая реплика' },
        },
        other,
      ),
      await rt.gql(CONCLUDE, { id: ids.livePublished, v: 7 }, other),
      await rt.gql(MINUTES, { id: ids.concludedPublished }, other),
      await rt.gql(
        `query($id: ID!) { conferenceResolutions(id: $id) { title } }`,
        {
          id: ids.publishedConference,
        },
        other,
      ),
    ];
    expect(responses.map(errorCode)).toEqual(['NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND']);
    expect(JSON.stringify(responses)).not.toContain('Индустрия');

    const entities = dataOf(
      await rt.gql(
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Roundtable { id title } ... on Conference { id title } } }`,
        {
          r: [
            { __typename: 'Roundtable', id: ids.livePublished },
            { __typename: 'Conference', id: ids.publishedConference },
          ],
        },
        other,
      ),
    );
    expect(entities._entities).toEqual([null, null]);
    const stored = dataOf(await rt.gql(ONE, { id: ids.livePublished })).roundtable;
    expect(stored.status).toBe('LIVE');
  });
});
