import { mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import chromium from '@sparticuz/chromium';
import { expectEventually } from '@kollegia/testing';
import { chromium as playwright, type Browser, type Page, type WebSocket } from 'playwright-core';

import { createApp, type WebApp } from '../services/web/src/server/app';
import { loadConfig } from '../services/web/src/server/config';
import { System, type PersonRole } from './system';

/**
 * The web board in a real headless Chromium (@sparticuz/chromium: a Chromium unpacked from the
 * npm package, nothing downloaded; driven by playwright-core) against the real system: the built
 * board (services/web/dist) served by its own server, signed in with tokens the identity
 * provider issued. Each page is checked with axe and photographed for the README.
 */

const repoRoot = resolve(__dirname, '..');
// The README's screenshots are refreshed on request (KOLLEGIA_SCREENSHOTS_DIR=docs/images); a plain
// run photographs into a temporary directory, so running the tests leaves the work tree as it was.
const images = resolve(
  repoRoot,
  process.env.KOLLEGIA_SCREENSHOTS_DIR ?? join(tmpdir(), 'kollegia-screenshots'),
);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

let system: System;
let board: WebApp;
let browser: Browser;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

beforeAll(async () => {
  mkdirSync(images, { recursive: true });
  const port = await freePort();
  const boardUrl = `http://127.0.0.1:${port}`;
  system = await System.start('web', {
    env: {
      // The provider answers the board's origin at its token endpoint (CORS follows the redirect
      // URIs; the first is the one System.signIn uses), and its tokens live 30 s, so the test sees
      // the boards renew them and follow on with the new ones.
      identity: {
        WEB_REDIRECT_URIS: `http://127.0.0.1:5173/callback,${boardUrl}/callback`,
        ACCESS_TOKEN_TTL_S: '30',
      },
      // The gateway takes WebSockets from a browser only of its own host or an allowed origin.
      gateway: { ALLOWED_ORIGINS: boardUrl },
    },
  });
  board = createApp(
    loadConfig({
      PORT: String(port),
      WEB_ROOT: join(repoRoot, 'services', 'web', 'dist', 'public'),
      WEB_OIDC_ISSUER: system.identityUrl,
      WEB_GRAPHQL_URL: system.gatewayUrl,
      WEB_GRAPHQL_WS_URL: system.gatewayUrl.replace(/^http/, 'ws'),
    }),
  );
  await board.start();
  browser = await playwright.launch({
    executablePath: await chromium.executablePath(),
    args: chromium.args,
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await board?.stop();
  await system?.stop();
});

/**
 * A browser of its own signed in as a role: the provider's tokens put where oidc-client-ts keeps a
 * sign-in (sessionStorage, `oidc.user:<issuer>:<client id>`) before the board loads — the state a
 * sign-in through the provider's page leaves. Collects what the page reports as errors.
 */
async function signedInPage(
  role: PersonRole | undefined,
  width = 1280,
): Promise<Page & { problems: string[]; sockets: WebSocket[] }> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'ru-RU' });
  if (role) {
    const { accessToken, refreshToken } = await system.signIn(role);
    const user = {
      access_token: accessToken,
      refresh_token: refreshToken,
      token_type: 'Bearer',
      // What System.signIn asked for: a refresh asks for the same scope again.
      scope: 'openid kollegia api',
      profile: { sub: `e2e-${role}`, name: `Тест ${role}` },
      expires_at: (
        JSON.parse(Buffer.from(accessToken.split('.')[1]!, 'base64url').toString()) as {
          exp: number;
        }
      ).exp,
    };
    await context.addInitScript(
      // Only into a fresh tab: a reload keeps what the board renewed since.
      ([key, value]) => {
        const storage = (globalThis as any).sessionStorage;
        if (!storage.getItem(key)) storage.setItem(key, value);
      },
      [`oidc.user:${system.identityUrl}:kollegia-web`, JSON.stringify(user)],
    );
  }
  const page = Object.assign(await context.newPage(), {
    problems: [] as string[],
    sockets: [] as WebSocket[],
  });
  page.on('websocket', (socket) => page.sockets.push(socket));
  page.on('console', (message) => {
    if (message.type() === 'error') page.problems.push(message.text());
  });
  page.on('pageerror', (error) => page.problems.push(error.message));
  return page;
}

/** axe's serious and critical violations on the page as it is now. */
async function accessibilityProblems(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol: the board's CSP (script-src 'self') stays on.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const result = await (globalThis as any).axe.run((globalThis as any).document, {
      runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
    });
    return result.violations.map((v: any) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.map((n: any) => n.target.join(' ')).join(', '),
    }));
  });
  return violations
    .filter((v: any) => v.impact === 'serious' || v.impact === 'critical')
    .map((v: any) => `${v.id} (${v.impact}, ${v.nodes})`);
}

async function organization(name: string, shortName: string): Promise<string> {
  return (
    await system.data(
      `mutation($i: RegisterOrganizationInput!) { registerOrganization(input: $i) { id } }`,
      { i: { name, shortName, kind: 'ASSOCIATION', subdivision: 'RU-MOW', published: true } },
    )
  ).registerOrganization.id;
}

it('should list and search the directory, show statements live on a second board, offer the minutes form to the secretary only, and follow on after the tokens are renewed', async () => {
  const started = Date.now();
  await organization('Ассоциация цифровых технопарков', 'АЦТ');
  await organization('Союз машиностроителей Поволжья', 'СМП');
  const moderator = (
    await system.data(
      `mutation { registerPerson(input: { fullName: "Лаптева Анна Сергеевна", position: "Секретарь" }) { id } }`,
    )
  ).registerPerson.id as string;
  // The roundtables service learns of the moderator from members' events.
  const scheduled = await expectEventually(
    async () =>
      (
        await system.data(
          `mutation($p: ID!) { scheduleRoundtable(input: { title: "Цифровая промышленность", format: ROUND_TABLE, startsAt: "2026-12-07T08:00:00Z", venue: "Зал 1", moderator: { kind: PERSON, id: $p } }) { id version } }`,
          { p: moderator },
        )
      ).scheduleRoundtable,
  );
  const withAgenda = (
    await system.data(
      `mutation($id: ID!, $v: Int!) { setAgenda(roundtableId: $id, expectedVersion: $v, items: [{ title: "Кадры для отрасли" }]) { version } }`,
      { id: scheduled.id, v: scheduled.version },
    )
  ).setAgenda;
  await system.data(
    `mutation($id: ID!, $v: Int!) { startRoundtable(id: $id, expectedVersion: $v) { id } }`,
    { id: scheduled.id, v: withAgenda.version },
  );

  // The directory, and the Cyrillic search the API offers.
  const secretary = await signedInPage('secretary');
  await secretary.goto(`${board.url}/`);
  await secretary.getByRole('cell', { name: /АЦТ/ }).waitFor();
  await secretary.getByRole('cell', { name: /СМП/ }).waitFor();
  expect(await accessibilityProblems(secretary)).toEqual([]);
  await secretary.getByLabel('Поиск организаций по названию, ИНН или ОГРН').fill('цифров');
  await secretary.getByText('Найдено: 1').waitFor();
  expect(await secretary.getByRole('cell', { name: /СМП/ }).count()).toBe(0);
  await secretary.screenshot({ path: join(images, 'web-directory.png'), fullPage: true });

  // The sittings, and from there the round table; a member opens it by its address.
  await secretary.getByRole('navigation').getByRole('link', { name: 'Заседания' }).click();
  const link = secretary.getByRole('link', { name: 'Цифровая промышленность' });
  await link.waitFor();
  expect(await accessibilityProblems(secretary)).toEqual([]);
  await secretary.screenshot({ path: join(images, 'web-roundtables.png'), fullPage: true });
  await link.click();
  const member = await signedInPage('member');
  const path = `/roundtables/${encodeURIComponent(scheduled.id)}`;
  await member.goto(`${board.url}${path}`);
  expect(new URL(secretary.url()).pathname).toBe(path);
  for (const page of [secretary, member]) {
    await page.getByRole('heading', { name: 'Цифровая промышленность' }).waitFor();
    await page.getByText('Обновляется сразу').waitFor();
  }
  await secretary.getByRole('button', { name: 'Записать в протокол' }).waitFor();
  expect(await member.getByRole('button', { name: 'Записать в протокол' }).count()).toBe(0);
  expect(await member.getByRole('form', { name: 'Запись в протокол' }).count()).toBe(0);

  // The secretary records a line on her board; the member's board shows it.
  await secretary.getByRole('combobox', { name: 'Выступающий' }).click();
  await secretary.getByRole('option', { name: /Лаптева Анна Сергеевна/ }).click();
  await secretary.getByLabel('Что сказано').fill('Предлагаю создать рабочую группу по кадрам.');
  const clicked = Date.now();
  await secretary.getByRole('button', { name: 'Записать в протокол' }).click();
  await member.getByText('Предлагаю создать рабочую группу по кадрам.').waitFor();
  const fromTheBoard = Date.now() - clicked;

  // A line recorded through the API appears on both boards.
  const recorded = Date.now();
  await system.data(
    `mutation($id: ID!, $p: ID!) { recordStatement(roundtableId: $id, input: { speaker: { kind: PERSON, id: $p }, text: "Поддерживаю, включим в проект решения." }) { id } }`,
    { id: scheduled.id, p: moderator },
  );
  await Promise.all(
    [secretary, member].map((page) =>
      page.getByText('Поддерживаю, включим в проект решения.').waitFor(),
    ),
  );
  const fromTheApi = Date.now() - recorded;
  expect(await member.getByTestId('statement').count()).toBe(2);

  expect(await accessibilityProblems(secretary)).toEqual([]);
  expect(await accessibilityProblems(member)).toEqual([]);
  await secretary.screenshot({
    path: join(images, 'web-roundtable-secretary.png'),
    fullPage: true,
  });
  await member.setViewportSize({ width: 390, height: 844 });
  await member.screenshot({ path: join(images, 'web-roundtable-phone.png'), fullPage: true });

  // A visitor who has not signed in sees the way in and nothing else.
  const visitor = await signedInPage(undefined);
  await visitor.goto(`${board.url}${path}`);
  await visitor.getByRole('button', { name: 'Войти' }).waitFor();
  expect(await visitor.getByText('Цифровая промышленность').count()).toBe(0);
  expect(await accessibilityProblems(visitor)).toEqual([]);
  await visitor.screenshot({ path: join(images, 'web-signed-out.png') });

  // Signing in starts an authorization code request with PKCE at the provider, which asks for
  // the login and password on its own page.
  const [authorization] = await Promise.all([
    visitor.waitForRequest((request) => request.url().startsWith(`${system.identityUrl}/auth?`)),
    visitor.getByRole('button', { name: 'Войти' }).click(),
  ]);
  const asked = new URL(authorization.url()).searchParams;
  expect(
    Object.fromEntries(
      ['response_type', 'client_id', 'code_challenge_method'].map((k) => [k, asked.get(k)]),
    ),
  ).toEqual({
    response_type: 'code',
    client_id: 'kollegia-web',
    code_challenge_method: 'S256',
  });
  expect(asked.get('redirect_uri')).toBe(`${board.url}/callback`);
  // Given them, it sends the browser back to the page the sign-in started from, signed in.
  const { login, password } = await system.credentials('member');
  await visitor.getByLabel('Логин (адрес электронной почты)').fill(login);
  await visitor.getByLabel('Пароль').fill(password);
  await visitor.getByRole('button', { name: 'Войти' }).click();
  await visitor.getByText('Цифровая промышленность').first().waitFor();
  expect(new URL(visitor.url()).pathname).toBe(path);
  expect(visitor.problems).toEqual([]);

  // The boards renewed their 30 s tokens with the refresh token; when the gateway closed the member's
  // first socket at its token's expiry, the board followed on with the new token.
  const [first] = member.sockets;
  await expectEventually(
    () => {
      expect(first?.isClosed()).toBe(true);
      expect(member.sockets.filter((socket) => !socket.isClosed())).toHaveLength(1);
    },
    { timeoutMs: 45_000 },
  );
  await system.data(
    `mutation($id: ID!, $p: ID!) { recordStatement(roundtableId: $id, input: { speaker: { kind: PERSON, id: $p }, text: "Запись после обновления входа." }) { id } }`,
    { id: scheduled.id, p: moderator },
  );
  await member.getByText('Запись после обновления входа.').waitFor();
  await member.getByText('Обновляется сразу').waitFor();

  // Nothing the board did was refused by its own CSP or failed in the console.
  expect([...secretary.problems, ...member.problems, ...visitor.problems]).toEqual([]);
  process.stdout.write(
    `web e2e: statement on the member's board ${fromTheBoard} ms after the secretary's click, ${fromTheApi} ms after the API call; test body ${Date.now() - started} ms\n`,
  );
});
