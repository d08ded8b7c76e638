import { expectEventually } from '@kollegia/testing';

import { dataOf, REGISTER_ORG, startMembers, type Members } from './test/harness';

let members: Members;

const SEARCH = `query($filter: OrganizationFilterInput, $first: Int, $after: String) {
  organizations(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { id shortName }
  }
}`;

async function register(input: Record<string, unknown>) {
  return dataOf(
    await members.gql(REGISTER_ORG, { input: { kind: 'ENTERPRISE', region: 'RU-MOW', ...input } }),
  ).registerOrganization as { id: string; shortName: string };
}

async function search(filter: Record<string, unknown>): Promise<string[]> {
  const result = dataOf(await members.gql(SEARCH, { filter, first: 100 }));
  return result.organizations.nodes.map((n: { shortName: string }) => n.shortName).sort();
}

beforeAll(async () => {
  members = await startMembers('search');
  await register({
    name: 'Министерство промышленности и торговли Российской Федерации',
    shortName: 'Минпромторг России',
    kind: 'MINISTRY',
    industries: ['industrial-policy'],
  });
  await register({
    name: 'Группа компаний «ВОЛМА»',
    shortName: 'ГК ВОЛМА',
    region: 'RU-VGG',
    industries: ['building-materials'],
  });
  await register({
    name: 'ООО «Стереотек»',
    shortName: 'Стереотек',
    region: 'RU-VGG',
    industries: ['additive-manufacturing'],
  });
  await register({
    name: 'Проектный офис Национальной технологической инициативы',
    shortName: 'Проектный офис НТИ',
    kind: 'PROJECT_OFFICE',
  });
  await register({
    name: 'Объединённая приборостроительная корпорация',
    shortName: 'ОПК',
    industries: ['defence'],
  });
  await register({
    name: 'Strategy Partners',
    shortName: 'Strategy Partners',
    kind: 'OTHER',
    industries: ['consulting'],
  });
  await register({
    name: 'Сбербанк',
    shortName: 'Сбер',
    kind: 'BANK',
    region: 'RU-VGG',
    industries: ['finance', 'digital'],
  });
});

afterAll(() => members.stop());

describe('directory search', () => {
  it('should find by a Cyrillic word in any case', async () => {
    expect(await search({ text: 'волма' })).toEqual(['ГК ВОЛМА']);
    expect(await search({ text: 'МИНПРОМТОРГ' })).toEqual(['Минпромторг России']);
  });

  it('should read ё as е in both the query and the names', async () => {
    expect(await search({ text: 'объединенная' })).toEqual(['ОПК']);
    expect(await search({ text: 'объединённая' })).toEqual(['ОПК']);
    expect(await search({ text: 'ОБЪЕДИНЁН' })).toEqual(['ОПК']);
  });

  it('should need every word of several, each as a word prefix', async () => {
    expect(await search({ text: 'проектный офис' })).toEqual(['Проектный офис НТИ']);
    expect(await search({ text: 'офис нти' })).toEqual(['Проектный офис НТИ']);
    expect(await search({ text: 'проектный банк' })).toEqual([]);
    // a prefix of a word, not a substring inside it
    expect(await search({ text: 'ромторг' })).toEqual([]);
  });

  it('should find Latin names and ignore punctuation and quotes', async () => {
    expect(await search({ text: 'strategy' })).toEqual(['Strategy Partners']);
    expect(await search({ text: '«Стереотек»' })).toEqual(['Стереотек']);
  });

  it('should read regular-expression characters as separators, never as patterns', async () => {
    expect(await search({ text: '(волма)+' })).toEqual(['ГК ВОЛМА']);
    expect(await search({ text: '.*', kind: 'BANK' })).toEqual(['Сбер']);
    expect(await search({ text: '[сбер|волма]' })).toEqual([]);
  });

  it('should filter by kind, region and industry, alone and with text', async () => {
    expect(await search({ kind: 'BANK' })).toEqual(['Сбер']);
    expect(await search({ region: 'RU-VGG' })).toEqual(['ГК ВОЛМА', 'Сбер', 'Стереотек']);
    expect(await search({ region: 'ru-vgg', industry: 'Finance' })).toEqual(['Сбер']);
    expect(await search({ region: 'RU-VGG', text: 'стерео' })).toEqual(['Стереотек']);
  });

  it('should page 250+ organisations with no gaps or repeats', async () => {
    const created = new Set<string>();
    for (let batch = 0; batch < 26; batch += 1) {
      const ids = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          register({
            name: `Кластер номер ${batch * 10 + i}`,
            shortName: `Кластер ${String(batch * 10 + i).padStart(3, '0')}`,
            kind: 'CLUSTER',
            region: 'RU-TA',
          }),
        ),
      );
      ids.forEach((o) => created.add(o.id));
    }
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    await expectEventually(async () => {
      expect(
        dataOf(await members.gql(SEARCH, { filter: { kind: 'CLUSTER' }, first: 1 })).organizations
          .totalCount,
      ).toBe(260);
    });
    for (;;) {
      const page: {
        totalCount: number;
        nodes: { id: string }[];
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      } = dataOf(
        await members.gql(SEARCH, { filter: { kind: 'CLUSTER' }, first: 37, after }),
      ).organizations;
      expect(page.totalCount).toBe(260);
      seen.push(...page.nodes.map((n: { id: string }) => n.id));
      pages += 1;
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(pages).toBe(Math.ceil(260 / 37));
    expect(seen).toHaveLength(260);
    expect(new Set(seen)).toEqual(created);
  });

  it('should refuse a page size over 100 and a forged cursor', async () => {
    const big = await members.gql(SEARCH, { first: 101 });
    expect(big.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const forged = await members.gql(SEARCH, { first: 5, after: 'not-a-cursor' });
    expect(forged.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'after',
    });
  });
});
