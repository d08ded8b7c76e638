import { performance } from 'node:perf_hooks';

import {
  aLiveRoundtable,
  CONCLUDE,
  dataOf,
  RECORD_MANY,
  startRoundtables,
  type Roundtables,
} from './test/harness';

let rt: Roundtables;
let roundtableId: string;
const TOTAL = 5000;
const BATCH = 100;

const PAGE = `query($id: ID!, $after: String) { roundtable(id: $id) { statements(first: 100, after: $after) { totalCount edges { cursor node { id sequence text } } pageInfo { hasNextPage hasPreviousPage endCursor } } } }`;

beforeAll(async () => {
  rt = await startRoundtables('paging');
  const { roundtable, who } = await aLiveRoundtable(rt);
  roundtableId = roundtable.id;
  const speakers = [who.moderator, who.speaker, who.expert];
  const started = performance.now();
  // Seeded through GraphQL, 100 lines per call: the way a secretary imports typed-up minutes.
  for (let from = 0; from < TOTAL; from += BATCH) {
    const statements = Array.from({ length: BATCH }, (_, i) => ({
      speaker: { kind: 'PERSON', id: speakers[(from + i) % speakers.length] },
      agendaItemId: roundtable.agenda[0].id,
      text: `Реплика №${from + i + 1}: кластеры, технопарки и дорожные карты НТИ.`,
    }));
    dataOf(await rt.gql(RECORD_MANY, { id: roundtableId, statements }));
  }
  process.stderr.write(
    `seeded ${TOTAL} statements in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
  );
}, 120_000);

afterAll(() => rt.stop());

describe('a round table with 5,000 statements', () => {
  it('should page through every statement once, in order, with no gaps or repeats', async () => {
    const seen: number[] = [];
    const ids = new Set<string>();
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const page: {
        totalCount: number;
        edges: { cursor: string; node: { id: string; sequence: number; text: string } }[];
        pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
      } = dataOf(await rt.gql(PAGE, { id: roundtableId, after })).roundtable.statements;
      expect(page.totalCount).toBe(TOTAL);
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      for (const { node } of page.edges) {
        seen.push(node.sequence);
        ids.add(node.id);
        expect(node.text).toMatch(new RegExp(`^Реплика №${node.sequence}:`));
      }
      pages += 1;
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(pages).toBe(TOTAL / 100);
    expect(seen).toEqual(Array.from({ length: TOTAL }, (_, i) => i + 1));
    expect(ids.size).toBe(TOTAL);
  });

  it('should refuse a cursor that is not one', async () => {
    const response = await rt.gql(PAGE, { id: roundtableId, after: 'not-a-cursor' });
    expect(response.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'after',
    });
  });

  it('should put every statement into the minutes once concluded', async () => {
    const current = dataOf(
      await rt.gql(`query($id: ID!) { roundtable(id: $id) { version } }`, { id: roundtableId }),
    ).roundtable;
    dataOf(await rt.gql(CONCLUDE, { id: roundtableId, v: current.version }));
    const minutes = dataOf(
      await rt.gql(`query($id: ID!) { roundtableMinutes(id: $id) { markdown html } }`, {
        id: roundtableId,
      }),
    ).roundtableMinutes;
    expect(minutes.markdown).toContain(`Всего выступлений: ${TOTAL}.`);
    expect(minutes.markdown.match(/Реплика №\d+:/g)).toHaveLength(TOTAL);
    expect(minutes.html.match(/<p><strong>/g)?.length).toBeGreaterThanOrEqual(TOTAL);
  });
});
