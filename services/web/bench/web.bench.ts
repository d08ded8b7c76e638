/**
 * `npm run bench:web` (or `npm run bench -w @kollegia/web`): the web board in a real headless
 * Chromium (@sparticuz/chromium + playwright-core, as the browser test) against the system
 * `npm start` runs, with its demo data and demo accounts. Start it first, in another terminal.
 * Measures
 *
 * 1. what a first visit downloads: the JavaScript, CSS and HTML the board's origin sends (bytes on
 *    the wire, gzip, and unpacked) to a browser with an empty cache, for the signed-out page and
 *    then through sign-in to the directory;
 * 2. sign-in → a usable board: from «Войти» pressed on the provider's page with the secretary's
 *    login and password to the directory's first row on the board, each time in a fresh browser
 *    context (empty cache, no session);
 * 3. statement → another browser: the secretary records a line on her board, in a round table
 *    this bench schedules and starts; a member's board has it open. From the click on «Записать
 *    в протокол» to the line in the member's page (a MutationObserver there notes the moment;
 *    both clocks are this machine's).
 *
 * BOARD_URL (http://127.0.0.1:4106), BENCH_SIGN_INS (10), BENCH_STATEMENTS (50). The demo
 * passwords are read from `<state dir>/identity/demo-credentials.json`, as `npm start` prints.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';

import chromium from '@sparticuz/chromium';
import { readSettings } from '@kollegia/local-stack';
import {
  chromium as playwright,
  type Browser,
  type BrowserContext,
  type Page,
} from 'playwright-core';

const BOARD_URL = (process.env.BOARD_URL ?? 'http://127.0.0.1:4106').replace(/\/$/, '');
const SIGN_INS = Number(process.env.BENCH_SIGN_INS ?? 10);
const STATEMENTS = Number(process.env.BENCH_STATEMENTS ?? 50);

const SECRETARY = 'lapteva@example.org';
const MEMBER = 'sedov@example.org';

interface BoardSettings {
  oidcIssuer: string;
  oidcClientId: string;
  graphqlUrl: string;
}

function log(line: string): void {
  process.stdout.write(`[bench:web] ${line}\n`);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function summary(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const ms = (v: number) => `${Math.round(v)} ms`;
  return `p50 ${ms(percentile(sorted, 50))}, p99 ${ms(percentile(sorted, 99))}, min ${ms(sorted[0]!)}, max ${ms(sorted.at(-1)!)} (n=${sorted.length})`;
}

function kB(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} kB`;
}

async function boardSettings(): Promise<BoardSettings> {
  const response = await fetch(`${BOARD_URL}/config.json`).catch(() => undefined);
  if (!response?.ok) {
    throw new Error(
      `the board does not answer at ${BOARD_URL}: start the system first (npm start), or set BOARD_URL`,
    );
  }
  return (await response.json()) as BoardSettings;
}

function passwords(): Record<string, string> {
  const file = join(readSettings().stateDir, 'identity', 'demo-credentials.json');
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as { passwords: Record<string, string> })
      .passwords;
  } catch {
    throw new Error(`no demo accounts in ${file}: npm start writes them when it seeds the demo`);
  }
}

/** Bytes of the board's own files this context downloaded, by kind: on the wire and unpacked. */
function countDownloads(context: BrowserContext) {
  const totals = { js: [0, 0], css: [0, 0], html: [0, 0] } as Record<string, [number, number]>;
  context.on('response', (response) => {
    if (!response.url().startsWith(BOARD_URL)) return;
    const type = response.headers()['content-type'] ?? '';
    const kind = type.includes('javascript')
      ? 'js'
      : type.includes('css')
        ? 'css'
        : type.includes('html')
          ? 'html'
          : undefined;
    if (!kind) return;
    // What came over the network: a file the browser had in its cache counts nothing again.
    void Promise.all([response.request().sizes(), response.body()])
      .then(([sizes, body]) => {
        if (sizes.responseBodySize <= 0) return;
        totals[kind]![0] += sizes.responseBodySize;
        totals[kind]![1] += body.length;
      })
      .catch(() => undefined);
  });
  return () =>
    Object.entries(totals)
      .map(([kind, [wire, unpacked]]) => `${kind} ${kB(wire)} (${kB(unpacked)} unpacked)`)
      .join(', ');
}

/** Signs in through the provider's page; resolves with the ms from «Войти» to the first row. */
async function signIn(page: Page, login: string, password: string): Promise<number> {
  await page.goto(`${BOARD_URL}/`);
  await page.getByRole('button', { name: 'Войти' }).click();
  await page.getByLabel('Логин (адрес электронной почты)').fill(login);
  await page.getByLabel('Пароль').fill(password);
  const pressed = performance.now();
  await page.getByRole('button', { name: 'Войти' }).click();
  await page.getByRole('cell').first().waitFor();
  return performance.now() - pressed;
}

async function accessToken(page: Page, settings: BoardSettings): Promise<string> {
  const key = `oidc.user:${settings.oidcIssuer}:${settings.oidcClientId}`;
  const stored = await page.evaluate((k) => sessionStorage.getItem(k), key);
  return (JSON.parse(stored ?? '{}') as { access_token: string }).access_token;
}

async function api<T>(
  settings: BoardSettings,
  token: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const response = await fetch(settings.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const result = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (result.errors?.length) throw new Error(result.errors.map((e) => e.message).join('; '));
  return result.data!;
}

/** A live round table of the secretary's, with one question open, for the statements. */
async function liveRoundtable(settings: BoardSettings, token: string) {
  const { people } = await api<{ people: { nodes: { id: string; fullName: string }[] } }>(
    settings,
    token,
    `{ people(first: 1) { nodes { id fullName } } }`,
  );
  const person = people.nodes[0];
  if (!person) throw new Error('the directory has nobody: is the demo loaded?');
  const { scheduleRoundtable: scheduled } = await api<{
    scheduleRoundtable: { id: string; version: number };
  }>(
    settings,
    token,
    `mutation($i: ScheduleRoundtableInput!) { scheduleRoundtable(input: $i) { id version } }`,
    {
      i: {
        title: `Замер доски ${new Date().toISOString()}`,
        format: 'ROUND_TABLE',
        startsAt: new Date().toISOString(),
        venue: 'Стенд',
        moderator: { kind: 'PERSON', id: person.id },
      },
    },
  );
  const { setAgenda } = await api<{ setAgenda: { version: number } }>(
    settings,
    token,
    `mutation($id: ID!, $v: Int!) { setAgenda(roundtableId: $id, expectedVersion: $v, items: [{ title: "Замер" }]) { version } }`,
    { id: scheduled.id, v: scheduled.version },
  );
  await api(
    settings,
    token,
    `mutation($id: ID!, $v: Int!) { startRoundtable(id: $id, expectedVersion: $v) { id } }`,
    { id: scheduled.id, v: setAgenda.version },
  );
  return { id: scheduled.id, speaker: person.fullName };
}

async function main(): Promise<void> {
  const settings = await boardSettings();
  const credentials = passwords();
  const browser: Browser = await playwright.launch({
    executablePath: await chromium.executablePath(),
    args: chromium.args,
  });
  const fresh = () =>
    browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ru-RU' });
  try {
    log(`board ${BOARD_URL}; ${availableParallelism()} cores, load ${loadavg()[0]!.toFixed(2)}`);

    // 1. A first visit.
    const first = await fresh();
    const downloaded = countDownloads(first);
    const visitor = await first.newPage();
    await visitor.goto(`${BOARD_URL}/`, { waitUntil: 'networkidle' });
    await visitor.getByRole('button', { name: 'Войти' }).waitFor();
    const signedOut = downloaded();
    await signIn(visitor, SECRETARY, credentials[SECRETARY]!);
    await visitor.waitForLoadState('networkidle');
    log(`first visit, the signed-out page: ${signedOut}`);
    log(`first visit, through sign-in to the directory: ${downloaded()}`);
    // Contexts stay open to the end: the packaged Chromium runs as one process (--single-process),
    // and closing a context there can take the browser down with it.

    // 2. Sign-in → a usable board.
    const signIns: number[] = [];
    for (let i = 0; i < SIGN_INS; i += 1) {
      const context = await fresh();
      signIns.push(await signIn(await context.newPage(), SECRETARY, credentials[SECRETARY]!));
    }
    log(`sign-in → the directory's first row, fresh browser each time: ${summary(signIns)}`);

    // 3. Statement → another browser.
    const secretary = await (await fresh()).newPage();
    const member = await (await fresh()).newPage();
    await signIn(secretary, SECRETARY, credentials[SECRETARY]!);
    await signIn(member, MEMBER, credentials[MEMBER]!);
    const roundtable = await liveRoundtable(settings, await accessToken(secretary, settings));
    const path = `${BOARD_URL}/roundtables/${encodeURIComponent(roundtable.id)}`;
    for (const page of [secretary, member]) {
      await page.goto(path);
      await page.getByText('Обновляется сразу').waitFor();
    }
    await member.evaluate(() => {
      const seen: Record<string, number> = {};
      (window as unknown as { seen: typeof seen }).seen = seen;
      new MutationObserver(() => {
        for (const line of document.querySelectorAll('[data-testid="statement"]')) {
          const number = /Замер (\d+)\./.exec(line.textContent ?? '')?.[1];
          if (number && !seen[number]) seen[number] = Date.now();
        }
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await secretary.getByRole('combobox', { name: 'Выступающий' }).click();
    await secretary.getByRole('option', { name: roundtable.speaker }).first().click();
    const latencies: number[] = [];
    for (let i = 1; i <= STATEMENTS; i += 1) {
      await secretary.getByLabel('Что сказано').fill(`Замер ${i}. Реплика для замера задержки.`);
      const clicked = Date.now();
      await secretary.getByRole('button', { name: 'Записать в протокол' }).click();
      const seenAt = await member.waitForFunction(
        (n) => (window as unknown as { seen: Record<string, number> }).seen[n],
        String(i),
        { polling: 'raf', timeout: 30_000 },
      );
      latencies.push(((await seenAt.jsonValue()) as number) - clicked);
      // The field is cleared when the API has taken the line: the next one starts from there.
      await secretary.waitForFunction(
        (field) => (field as HTMLTextAreaElement | null)?.value === '',
        await secretary.getByLabel('Что сказано').elementHandle(),
        { timeout: 10_000 },
      );
    }
    log(
      `statement clicked on the secretary's board → on the member's board: ${summary(latencies)}`,
    );
  } finally {
    await browser.close();
  }
  log(
    `reproduce: npm start (in another terminal), then npm run bench:web` +
      ` (BENCH_SIGN_INS=${SIGN_INS} BENCH_STATEMENTS=${STATEMENTS})`,
  );
}

main().catch((error: unknown) => {
  log(`failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
