import { errorCode, uniqueId } from '@kollegia/testing';

import {
  ASSOCIATION,
  CHAIR,
  DRAFT,
  DUMA_COMMITTEE,
  EXPERT,
  MINPROMTORG,
  NTI_OFFICE,
  dataOf,
  startRecommendations,
  testClock,
  type Recommendations,
} from './test/harness';

const clock = testClock('2017-03-15T09:00:00.000Z');
let service: Recommendations;
const conferenceId = uniqueId('conf');
const roundtableId = uniqueId('rt');
const created: Record<string, string> = {};

async function draft(name: string, input: Record<string, unknown>) {
  const rec = dataOf(
    await service.gql(DRAFT, {
      input: {
        actionType: 'PROPOSAL',
        recommendedText: 'Текст рекомендации.',
        conferenceId,
        ...input,
      },
    }),
  ).draftRecommendation;
  created[name] = rec.id;
  return rec;
}

async function adopt(id: string) {
  for (const mutation of [
    `mutation($id: ID!) { proposeRecommendation(id: $id, expectedVersion: 1) { id } }`,
    `mutation($id: ID!) { adoptRecommendation(id: $id, expectedVersion: 2, input: { decidedBy: { kind: PERSON, id: "${CHAIR}" } }) { id } }`,
  ]) {
    dataOf(await service.gql(mutation, { id }));
  }
}

beforeAll(async () => {
  service = await startRecommendations('queries', { clock });
  await draft('youth', {
    title: 'Поддержка молодёжного технологического предпринимательства',
    addresseeIds: [MINPROMTORG, NTI_OFFICE],
    responsible: { kind: 'ORGANIZATION', id: ASSOCIATION },
    dueDate: '2017-03-01',
    roundtableId,
  });
  await draft('council', {
    title: 'Экспертный совет по законодательству о кластерах',
    addresseeIds: [DUMA_COMMITTEE],
    dueDate: '2017-12-31',
  });
  await draft('materials', {
    title: 'Методические материалы и типовые дорожные карты',
    actionType: 'DEVELOP_MATERIALS',
    responsible: { kind: 'PERSON', id: EXPERT },
  });
  await adopt(created['youth']!);
  await adopt(created['council']!);
});

afterAll(() => service.stop());

const SEARCH = `query($f: RecommendationFilterInput, $first: Int, $after: String) {
  recommendations(filter: $f, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } }`;

async function search(filter: Record<string, unknown>) {
  const data = dataOf(await service.gql(SEARCH, { f: { conferenceId, ...filter } }));
  return data.recommendations.nodes.map((n: { id: string }) => n.id) as string[];
}

interface Listed {
  recommendations: {
    pageInfo: { hasNextPage: boolean; endCursor: string };
    nodes: { id: string }[];
  };
}

describe('recommendations(filter)', () => {
  it.each([
    ['status', { status: ['ADOPTED'] }, ['youth', 'council']],
    ['several statuses', { status: ['DRAFT', 'IN_PROGRESS'] }, ['materials']],
    ['round table', { roundtableId }, ['youth']],
    ['addressee', { addresseeId: NTI_OFFICE }, ['youth']],
    ['responsible organisation', { responsibleId: ASSOCIATION }, ['youth']],
    ['responsible person', { responsibleId: EXPERT }, ['materials']],
    ['overdue', { overdue: true }, ['youth']],
    ['not overdue', { overdue: false }, ['council', 'materials']],
    ['due before', { dueBefore: '2017-06-01' }, ['youth']],
    ['a Cyrillic word with ё written as е', { text: 'молодежного' }, ['youth']],
    ['two word starts in any case', { text: 'ЭКСПЕРТ законодат' }, ['council']],
    ['the code', { text: 'R-2017' }, ['youth', 'council', 'materials']],
    ['text and status', { text: 'совет', status: ['ADOPTED'] }, ['council']],
  ])('should filter by %s', async (_label, filter, expected) => {
    expect(await search(filter)).toEqual(expected.map((name) => created[name]));
  });

  it('should refuse a due date that is no date', async () => {
    const response = await service.gql(SEARCH, { f: { dueBefore: '2017-13-01' } });
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.extensions?.field).toBe('dueBefore');
  });

  it('should page through every recommendation once, in creation order, with overdue filters too', async () => {
    for (let i = 0; i < 7; i += 1) {
      await draft(`extra-${i}`, { title: `Дополнительная рекомендация ${i}` });
    }
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page += 1) {
      const data: Listed = dataOf(
        await service.gql<Listed>(SEARCH, { f: { conferenceId, overdue: false }, first: 3, after }),
      );
      seen.push(...data.recommendations.nodes.map((n) => n.id));
      if (!data.recommendations.pageInfo.hasNextPage) break;
      after = data.recommendations.pageInfo.endCursor;
    }
    const expected = Object.entries(created)
      .filter(([name]) => name !== 'youth')
      .map(([, id]) => id);
    expect(seen).toEqual(expected);
  });
});

describe('conferenceFollowUps', () => {
  const FEED = `query($c: ID!, $first: Int, $after: String) { conferenceFollowUps(conferenceId: $c, first: $first, after: $after) {
    pageInfo { hasNextPage endCursor } edges { cursor node { id type recommendationId recommendation { id } } } } }`;

  it('should let a client catch up after a disconnect with no gap and no repeat', async () => {
    const feedConference = uniqueId('conf');
    const page = async (after: string | null, first = 4) =>
      dataOf(await service.gql(FEED, { c: feedConference, first, after })).conferenceFollowUps;
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const rec = dataOf(
        await service.gql(DRAFT, {
          input: {
            title: `Рекомендация ${i}`,
            recommendedText: 'Текст.',
            actionType: 'OTHER',
            conferenceId: feedConference,
          },
        }),
      ).draftRecommendation;
      ids.push(rec.id);
    }
    const first = await page(null, 2);
    expect(first.edges.map((e: { node: { type: string } }) => e.node.type)).toEqual([
      'DRAFTED',
      'DRAFTED',
    ]);
    // "Disconnected": more happens meanwhile.
    await adopt(ids[0]!);
    const rec = dataOf(
      await service.gql(DRAFT, {
        input: {
          title: 'Ещё одна',
          recommendedText: 'Текст.',
          actionType: 'OTHER',
          conferenceId: feedConference,
        },
      }),
    ).draftRecommendation;
    ids.push(rec.id);
    const seen = [...first.edges];
    let after: string | null = first.pageInfo.endCursor;
    for (;;) {
      const next = await page(after);
      seen.push(...next.edges);
      if (!next.pageInfo.hasNextPage) break;
      after = next.pageInfo.endCursor;
    }
    expect(seen.map((e) => [e.node.recommendationId, e.node.type])).toEqual([
      [ids[0], 'DRAFTED'],
      [ids[1], 'DRAFTED'],
      [ids[2], 'DRAFTED'],
      [ids[0], 'PROPOSED'],
      [ids[0], 'ADOPTED'],
      [ids[3], 'DRAFTED'],
    ]);
    expect(new Set(seen.map((e) => e.node.id)).size).toBe(6);
    expect(seen[0].node.recommendation).toEqual({ id: ids[0] });
    const tail = await page(seen.at(-1).cursor);
    expect(tail.edges).toEqual([]);
  });
});

describe('federation references', () => {
  it('should resolve Recommendation references in one query and return null for unknown ones', async () => {
    const representations = [created['youth'], 'unknown', created['council']].map((id) => ({
      __typename: 'Recommendation',
      id,
    }));
    let finds = 0;
    const connection = service.app.runtime.connection;
    // Reads by id only: the service's periodic jobs (read-model sweep, follow-up scheduler) may
    // query the collection meanwhile, by other keys.
    connection.set('debug', (collection: string, method: string, filter?: { _id?: unknown }) => {
      const byId = filter?._id !== undefined;
      if (collection === 'recommendations' && (method === 'find' || method === 'findOne') && byId)
        finds += 1;
    });
    try {
      const data = dataOf(
        await service.gql(
          `query($r: [_Any!]!) { _entities(representations: $r) { ... on Recommendation { id code } } }`,
          { r: representations },
        ),
      );
      expect(data._entities.map((e: { id: string } | null) => e?.id ?? null)).toEqual([
        created['youth'],
        null,
        created['council'],
      ]);
    } finally {
      connection.set('debug', false);
    }
    expect(finds).toBe(1);
  });
});
