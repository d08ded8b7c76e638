/**
 * The gateway bench's catch-up part (`BENCH_CATCHUP`): a `roundtableLive` subscriber keeps the
 * cursor of what it has, disconnects, misses `count` statements and resubscribes with `after:` —
 * through another gateway instance — and the catch-up query `roundtableLiveAfter` pages over the
 * same entries through the first. One subscriber, in the bench's own process: a thousand messages
 * cost that process little, and here every entry's cursor is needed, which the subscriber
 * processes do not report.
 */
import { performance } from 'node:perf_hooks';

import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

interface LiveEntry {
  cursor: string;
  type: string;
  text: string | null;
}

const FOLLOW = `subscription($id: ID!, $after: String) {
  roundtableLive(roundtableId: $id, after: $after) { cursor type text }
}`;
const MISSED = `query($id: ID!, $after: String, $pageSize: Int) {
  roundtableLiveAfter(roundtableId: $id, after: $after, first: $pageSize) {
    nodes { cursor type text } endCursor hasNextPage
  }
}`;
interface Page {
  nodes: LiveEntry[];
  endCursor: string;
  hasNextPage: boolean;
}

/** The catch-up query's largest page. */
const PAGE = 500;
/** The roundtables service takes at most 100 statements per `recordStatements` call. */
const BATCH = 100;

/** One subscriber's `roundtableLive` on a socket of its own: what it has received so far. */
class Follower {
  readonly entries: LiveEntry[] = [];
  readonly errors: string[] = [];
  private readonly client: Client;
  private readonly waiters = new Set<() => void>();

  constructor(wsUrl: string, token: string, roundtableId: string, after?: string) {
    this.client = createClient({
      url: wsUrl,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      lazy: false,
      connectionParams: { authorization: `Bearer ${token}` },
    });
    this.client.subscribe(
      { query: FOLLOW, variables: { id: roundtableId, after } },
      {
        next: (value) => {
          const entry = value.data?.roundtableLive as LiveEntry | undefined;
          if (value.errors || !entry) this.errors.push(JSON.stringify(value).slice(0, 300));
          else this.entries.push(entry);
          for (const check of this.waiters) check();
        },
        error: (error) => {
          this.errors.push(JSON.stringify(error).slice(0, 300));
          for (const check of this.waiters) check();
        },
        complete: () => undefined,
      },
    );
  }

  /** Whether `condition` holds (or an error came), checked on every message, within `timeoutMs`. */
  until(condition: () => boolean, timeoutMs: number): Promise<boolean> {
    return new Promise<boolean>((resolve) => {
      const check = () => {
        if (!condition() && this.errors.length === 0) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve(this.errors.length === 0);
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        resolve(false);
      }, timeoutMs);
      this.waiters.add(check);
      check();
    });
  }

  dispose(): Promise<void> {
    return Promise.resolve(this.client.dispose());
  }
}

export interface CatchUpSetup {
  count: number;
  roundtableId: string;
  /** A watcher's token, for the subscriber and the catch-up query. */
  token: string;
  /** Where the subscriber first follows the round table (the catch-up query goes to `ask`'s). */
  first: { wsUrl: string };
  /** Where it resubscribes after the cursor. */
  second: { wsUrl: string };
  /** Records statements with these texts, in this order, in one call through the gateway. */
  record: (texts: string[]) => Promise<void>;
  /** Asks the first gateway a query with a token; throws on errors. */
  ask: <T>(query: string, variables: object, token: string) => Promise<T>;
  timeoutMs: number;
}

export interface CatchUpResult {
  recordCalls: number;
  recordMs: number;
  /** From the resubscription until the first missed entry, and until the last. */
  firstMs: number;
  allMs: number;
  /** The entries missed (the statements, and any warm-up recorded after the cursor's). */
  expected: number;
  /** Missed entries received before the live one, and whether they are the missed ones in order. */
  received: number;
  inOrder: boolean;
  /** How often the statement recorded after the catch-up arrived. */
  liveReceived: number;
  pages: number;
  /** Each page's response time, and all of them together. */
  pageMs: number[];
  queryMs: number;
  /** Whether the pages' nodes are the subscription's, cursors included. */
  querySame: boolean;
  problems: string[];
}

/** The catch-up of `count` missed statements, by resubscription and by the catch-up query. */
export async function measureCatchUp(setup: CatchUpSetup): Promise<CatchUpResult> {
  const { count, roundtableId, token, first, second, record, ask, timeoutMs } = setup;
  const problems: string[] = [];
  const statements = (entries: LiveEntry[]) =>
    entries.filter((entry) => entry.type === 'STATEMENT_RECORDED');

  // 1. Follow until a statement arrives (graphql-ws does not acknowledge a subscription), keep the
  // cursor of the last entry, disconnect.
  const before = new Follower(first.wsUrl, token, roundtableId);
  const warmUps: string[] = [];
  while (statements(before.entries).length === 0) {
    if (warmUps.length >= 20)
      throw new Error(`catch-up: the subscriber heard none of ${warmUps.length} statements`);
    warmUps.push(`Догонка: проверка связи ${warmUps.length + 1}`);
    await record([warmUps.at(-1)!]);
    if (
      !(await before.until(() => statements(before.entries).length > 0, 5_000)) &&
      before.errors.length
    )
      throw new Error(`catch-up: the first subscription failed: ${before.errors.join('; ')}`);
  }
  await before.dispose();
  const last = before.entries.at(-1)!;
  // Warm-ups recorded after the last one heard were missed too.
  const missed = warmUps.slice(warmUps.indexOf(last.text ?? '') + 1);

  // 2. `count` statements while it is away, in calls of `BATCH`.
  const texts = Array.from(
    { length: count },
    (_, i) => `Догонка ${i + 1} из ${count}: реплика, пропущенная при обрыве связи.`,
  );
  const recordStart = performance.now();
  for (let from = 0; from < count; from += BATCH) await record(texts.slice(from, from + BATCH));
  const recordMs = performance.now() - recordStart;
  missed.push(...texts);

  // 3. Resubscribe after the cursor, through the other gateway.
  const resubscribed = performance.now();
  let firstMs = NaN;
  const after = new Follower(second.wsUrl, token, roundtableId, last.cursor);
  const caughtUp = await after.until(() => {
    if (Number.isNaN(firstMs) && after.entries.length > 0)
      firstMs = performance.now() - resubscribed;
    return after.entries.length >= missed.length;
  }, timeoutMs);
  const allMs = performance.now() - resubscribed;
  if (!caughtUp)
    problems.push(
      `resubscription: ${after.entries.length} of ${missed.length} entries within ${timeoutMs} ms${after.errors.length ? `; ${after.errors.join('; ')}` : ''}`,
    );
  const caught = after.entries.slice(0, missed.length);
  const received = caught.length;
  const inOrder =
    received === missed.length &&
    caught.every((entry, i) => entry.type === 'STATEMENT_RECORDED' && entry.text === missed[i]);
  if (caughtUp && !inOrder) {
    const at = caught.findIndex((entry, i) => entry.text !== missed[i]);
    problems.push(
      `resubscription: entry ${at + 1} is ${caught[at]?.type} ${JSON.stringify(caught[at]?.text)}, expected ${JSON.stringify(missed[at])}`,
    );
  }

  // 4. The same entries through the catch-up query, a page at a time.
  const pageMs: number[] = [];
  const nodes: LiveEntry[] = [];
  const queryStart = performance.now();
  for (let cursor: string | null = last.cursor; cursor !== null;) {
    const start = performance.now();
    const { roundtableLiveAfter: page }: { roundtableLiveAfter: Page } = await ask(
      MISSED,
      { id: roundtableId, after: cursor, pageSize: PAGE },
      token,
    );
    pageMs.push(performance.now() - start);
    nodes.push(...page.nodes);
    cursor = page.hasNextPage ? page.endCursor : null;
  }
  const queryMs = performance.now() - queryStart;
  const querySame = JSON.stringify(nodes) === JSON.stringify(caught);
  if (!querySame)
    problems.push(
      `catch-up query: ${nodes.length} nodes in ${pageMs.length} pages, not the subscription's ${caught.length}`,
    );

  // 5. Then live: one more statement, once, after the missed ones.
  const live = `Догонка: новая реплика после ${count} пропущенных.`;
  await record([live]);
  await after.until(() => after.entries.some((entry) => entry.text === live), timeoutMs);
  // A late duplicate would arrive within this.
  await new Promise((resolve) => setTimeout(resolve, 500));
  await after.dispose();
  const liveReceived = after.entries.filter((entry) => entry.text === live).length;
  const extra = after.entries.slice(missed.length).filter((entry) => entry.text !== live);
  if (liveReceived !== 1) problems.push(`the live statement arrived ${liveReceived} times`);
  if (extra.length)
    problems.push(
      `resubscription: ${extra.length} entries besides the missed and the live one, first ${JSON.stringify(extra[0])}`,
    );
  if (after.entries.at(-1)?.text !== live && liveReceived === 1)
    problems.push('the live statement did not come last');

  return {
    recordCalls: Math.ceil(count / BATCH),
    recordMs,
    expected: missed.length,
    firstMs,
    allMs,
    received,
    inOrder,
    liveReceived,
    pages: pageMs.length,
    pageMs,
    queryMs,
    querySame,
    problems,
  };
}
