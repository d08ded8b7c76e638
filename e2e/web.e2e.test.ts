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
        // An accepted invitation or a new password leads on to this board.
        WEB_BOARD_URL: `${boardUrl}/`,
      },
      // The gateway takes WebSockets from a browser only of its own host or an allowed origin.
      gateway: { ALLOWED_ORIGINS: boardUrl },
    },
  });
  board = createApp(
    loadConfig({
      PORT: String(port),
      METRICS_PORT: '0',
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
  org?: string,
): Promise<Page & { problems: string[]; sockets: WebSocket[] }> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'ru-RU' });
  if (role) {
    const { accessToken, refreshToken } = await system.signIn(role, org);
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

it('should list the recommendations overdue first, show the whole chain of one, show an answer live and let the leadership endorse it', async () => {
  const started = Date.now();
  const moscowDay = (daysFromToday: number) =>
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Moscow' }).format(
      new Date(Date.now() + daysFromToday * 86_400_000),
    );
  const ministry = await organization('Министерство промышленности и торговли', 'Минпромторг');
  const association = await organization('Ассоциация кластеров и технопарков', 'АКТ');
  const conference = (
    await system.data(
      `mutation { scheduleConference(input: { title: "Промышленная Россия 4.0", kind: CONFERENCE, startsOn: "2026-11-10", endsOn: "2026-11-10", city: "Москва", published: true }) { id } }`,
    )
  ).scheduleConference.id as string;
  // The recommendations service learns of the organisations and the conference from their events.
  const draft = (title: string, dueDate: string) =>
    expectEventually(
      async () =>
        (
          await system.data(
            `mutation($i: DraftRecommendationInput!) { draftRecommendation(input: $i) { id version code } }`,
            {
              i: {
                conferenceId: conference,
                title,
                recommendedText: `${title}: подготовить и направить предложения.`,
                actionType: 'APPEAL',
                addresseeIds: [ministry],
                dueDate,
              },
            },
          )
        ).draftRecommendation as { id: string; version: number; code: string },
    );
  // Created first, due in a quarter: listed after the overdue one, which is created later.
  const calm = await draft('Методические материалы для кластеров', moscowDay(90));
  const urgent = await draft('Отбор совместных проектов кластеров', moscowDay(-10));
  const proposed = (
    await system.data(
      `mutation($id: ID!, $v: Int!) { proposeRecommendation(id: $id, expectedVersion: $v) { version } }`,
      { id: urgent.id, v: urgent.version },
    )
  ).proposeRecommendation;
  await system.data(
    `mutation($id: ID!, $v: Int!, $by: ID!) { adoptRecommendation(id: $id, expectedVersion: $v, input: { decidedBy: { kind: ORGANIZATION, id: $by } }) { status } }`,
    { id: urgent.id, v: proposed.version, by: association },
  );
  // The requests service drafts the request to the addressee; the association sends it, and the
  // ministry registers it.
  const drafted = await expectEventually(
    async () => {
      const [request] = (
        await system.data(
          `query($id: ID!) { recommendation(id: $id) { requests { id version } } }`,
          {
            id: urgent.id,
          },
        )
      ).recommendation.requests;
      expect(request).toBeDefined();
      return request as { id: string; version: number };
    },
    { timeoutMs: 30_000 },
  );
  const sent = (
    await system.data(
      `mutation($id: ID!, $v: Int!) { submitRequest(id: $id, expectedVersion: $v) { version outgoingNumber } }`,
      { id: drafted.id, v: drafted.version },
    )
  ).submitRequest;
  const registered = (
    await system.data(
      `mutation($id: ID!, $v: Int!, $on: String!) { registerRequest(id: $id, expectedVersion: $v, input: { incomingNumber: "ВХ-12/4471", registeredOn: $on }) { version } }`,
      { id: drafted.id, v: sent.version, on: moscowDay(0) },
      'addressee',
      ministry,
    )
  ).registerRequest;

  // The leadership (an admin) opens the board: the overdue one first.
  const leadership = await signedInPage('admin');
  await leadership.goto(`${board.url}/`);
  await leadership.getByRole('navigation').getByRole('link', { name: 'Рекомендации' }).click();
  await leadership.getByRole('link', { name: calm.code }).waitFor();
  const rows = leadership.getByRole('row');
  await expect(rows.nth(1).textContent()).resolves.toContain(urgent.code);
  await expect(rows.nth(1).textContent()).resolves.toContain('Просрочено на 10 дн.');
  await expect(rows.nth(2).textContent()).resolves.toContain(calm.code);
  expect(await accessibilityProblems(leadership)).toEqual([]);
  await leadership.screenshot({ path: join(images, 'web-recommendations.png'), fullPage: true });

  // Its page: the source, the request with its outgoing number, no answer yet.
  await leadership.getByRole('link', { name: urgent.code }).click();
  await leadership.getByRole('heading', { name: 'Отбор совместных проектов кластеров' }).waitFor();
  await leadership.getByText('Обновляется сразу').waitFor();
  const source = leadership.getByRole('region', { name: 'Источник' });
  await source.getByText('Конференция: Промышленная Россия 4.0').waitFor();
  const request = leadership.getByTestId('request');
  await request.getByText(sent.outgoingNumber).waitFor();
  await request.getByText('Зарегистрировано').waitFor();
  await request.getByText('ещё нет').waitFor();

  // The ministry answers through the API: the open page shows the answer without a reload.
  const answered = Date.now();
  await system.data(
    `mutation($id: ID!, $v: Int!) { answerRequest(id: $id, expectedVersion: $v, input: { outcome: ACCEPTED, text: "Министерство готово провести отбор проектов." }) { version } }`,
    { id: drafted.id, v: registered.version },
    'addressee',
    ministry,
  );
  await request.getByText('Министерство готово провести отбор проектов.').waitFor();
  const answerShown = Date.now() - answered;
  // The answer puts the recommendation in progress; the leadership records that the association
  // stands behind it.
  await leadership.getByText('Исполняется').first().waitFor();
  const endorsements = leadership.getByRole('region', { name: 'Поддержка' });
  await endorsements.getByRole('combobox', { name: 'От имени организации' }).fill('кластеров');
  await leadership.getByRole('option', { name: /Ассоциация кластеров и технопарков/ }).click();
  await endorsements.getByRole('button', { name: 'Поддержать', exact: true }).click();
  await endorsements
    .getByRole('list', { name: 'Кто поддержал' })
    .getByRole('listitem')
    .filter({ hasText: 'АКТ' })
    .waitFor();
  await endorsements.getByRole('button', { name: 'Отозвать поддержку: АКТ' }).waitFor();
  await leadership
    .getByRole('list', { name: 'Хронология' })
    .getByText('Поддержана', { exact: false })
    .waitFor();

  expect(await accessibilityProblems(leadership)).toEqual([]);
  await leadership.screenshot({ path: join(images, 'web-recommendation.png'), fullPage: true });
  expect(leadership.problems).toEqual([]);
  process.stdout.write(
    `web e2e: an answer on the recommendation's page ${answerShown} ms after the API call; test body ${Date.now() - started} ms\n`,
  );
});

it('should let the addressee clerk register and answer a request in the inbox and report on an item under control, and show a conference and the secretary opening a question', async () => {
  const started = Date.now();
  const ministry = (
    await system.data(
      `mutation { registerOrganization(input: { name: "Министерство энергетики", shortName: "Минэнерго", kind: MINISTRY, subdivision: "RU-MOW", published: true }) { id } }`,
    )
  ).registerOrganization.id as string;
  // The requests service learns of the ministry from members' events; the association sends.
  const send = async (subject: string) => {
    const drafted = await expectEventually(
      async () =>
        (
          await system.data(
            `mutation($a: ID!, $s: String!) { draftRequest(input: { addresseeId: $a, kind: PROPOSAL, subject: $s, body: "Просим рассмотреть предложение ассоциации." }) { id version } }`,
            { a: ministry, s: subject },
          )
        ).draftRequest as { id: string; version: number },
    );
    await system.data(
      `mutation($id: ID!, $v: Int!) { submitRequest(id: $id, expectedVersion: $v) { id } }`,
      { id: drafted.id, v: drafted.version },
    );
    return drafted.id;
  };
  const requestId = await send('О кадрах для цифровой промышленности');
  // The board says the days left as the API counts them: Russia's procedure counts calendar days.
  const { daysRemaining, dayCount } = (
    await system.data(`query($id: ID!) { request(id: $id) { daysRemaining dayCount } }`, {
      id: requestId,
    })
  ).request as { daysRemaining: number; dayCount: string };
  expect(dayCount).toBe('CALENDAR');

  // A conference; one of its sittings concluded taking an item under control that the ministry
  // controls and answers for.
  const conference = (
    await system.data(
      `mutation { scheduleConference(input: { title: "Цифровая трансформация отрасли", kind: FORUM, startsOn: "2026-12-07", endsOn: "2026-12-08", city: "Казань", venue: "Казань Экспо", published: true }) { id } }`,
    )
  ).scheduleConference.id as string;
  const moderator = (
    await system.data(
      `mutation { registerPerson(input: { fullName: "Ершов Павел Андреевич" }) { id } }`,
    )
  ).registerPerson.id as string;
  // The roundtables service learns of the moderator and the ministry from members' events.
  const schedule = (title: string) =>
    expectEventually(
      async () =>
        (
          await system.data(
            `mutation($c: ID!, $p: ID!, $t: String!) { scheduleRoundtable(input: { conferenceId: $c, title: $t, format: ROUND_TABLE, startsAt: "2026-12-07T08:00:00Z", moderator: { kind: PERSON, id: $p }, published: true }) { id version } }`,
            { c: conference, p: moderator, t: title },
          )
        ).scheduleRoundtable as { id: string; version: number },
    );
  let roundtable = await schedule('Данные в промышленности');
  let concluded = await schedule('Кадры цифровой отрасли');
  concluded = (
    await system.data(
      `mutation($id: ID!, $v: Int!) { startRoundtable(id: $id, expectedVersion: $v) { id version } }`,
      { id: concluded.id, v: concluded.version },
    )
  ).startRoundtable;
  concluded = await expectEventually(
    async () =>
      (
        await system.data(
          `mutation($id: ID!, $v: Int!, $m: ID!) { proposeResolution(roundtableId: $id, expectedVersion: $v, input: { kind: CONTROL_ITEM, text: "Подготовить программу переподготовки кадров.", addresseeIds: [$m], responsible: { kind: ORGANIZATION, id: $m }, dueDate: "2027-03-31" }) { id version } }`,
          { id: concluded.id, v: concluded.version, m: ministry },
        )
      ).proposeResolution as { id: string; version: number },
  );
  await system.data(
    `mutation($id: ID!, $v: Int!) { concludeRoundtable(id: $id, expectedVersion: $v) { id } }`,
    { id: concluded.id, v: concluded.version },
  );
  // The recommendations service takes it under control from the conclusion's event.
  const controlItem = await expectEventually(
    async () => {
      const [item] = (
        await system.data(
          `query { controlItems(first: 5) { nodes { id } } }`,
          {},
          'addressee',
          ministry,
        )
      ).controlItems.nodes;
      expect(item).toBeDefined();
      return item as { id: string };
    },
    { timeoutMs: 30_000 },
  );

  // The clerk's board opens at the inbox; the directory is not offered.
  const clerk = await signedInPage('addressee', 1280, ministry);
  await clerk.goto(`${board.url}/`);
  const nav = clerk.getByRole('navigation');
  await nav.getByRole('link', { name: 'Входящие' }).waitFor();
  expect(await nav.getByRole('link', { name: 'Справочник' }).count()).toBe(0);
  await nav.getByRole('link', { name: 'Входящие' }).click();
  expect(new URL(clerk.url()).pathname).toBe('/inbox');
  const row = clerk.getByRole('row', { name: /О кадрах для цифровой промышленности/ });
  await row.getByText(new RegExp(`^осталось ${daysRemaining} (день|дня|дней)$`)).waitFor();
  await row.getByText(/срок регистрации: до \d+ \S+ \d{4}/).waitFor();
  await clerk.getByText('Обновляется сразу').waitFor();
  // A request sent while the inbox is open appears on it (addresseeInbox).
  await send('О пилотных проектах');
  await clerk.getByRole('row', { name: /О пилотных проектах/ }).waitFor();

  // Registered and answered on the board.
  await row.getByRole('button', { name: 'О кадрах для цифровой промышленности' }).click();
  await clerk.getByLabel('Входящий номер').fill('ВХ-77/1');
  await clerk.getByRole('button', { name: 'Зарегистрировать' }).click();
  await clerk.getByText('Зарегистрировано: вх. № ВХ-77/1', { exact: false }).waitFor();
  await row.getByText(/срок ответа: до/).waitFor();
  expect(await accessibilityProblems(clerk)).toEqual([]);
  await clerk.getByRole('combobox', { name: 'Итог рассмотрения' }).click();
  await clerk.getByRole('option', { name: 'Поддержано', exact: true }).click();
  await clerk.getByLabel('Текст ответа').fill('Министерство поддерживает предложение.');
  await clerk.getByRole('button', { name: 'Отправить ответ' }).click();
  await clerk.getByText('Ответ: Поддержано', { exact: false }).waitFor();
  const answered = (
    await system.data(
      `query($id: ID!) { request(id: $id) { status incomingNumber answer { outcome text } } }`,
      { id: requestId },
    )
  ).request;
  expect(answered).toEqual({
    status: 'ANSWERED',
    incomingNumber: 'ВХ-77/1',
    answer: { outcome: 'ACCEPTED', text: 'Министерство поддерживает предложение.' },
  });

  // The item under control: the ministry reports progress, then (as its controller) marks it done.
  const control = clerk.getByRole('region', { name: 'На контроле' });
  await control.getByText('Подготовить программу переподготовки кадров.').waitFor();
  await control.getByLabel('Ход исполнения').fill('Программа согласована с вузами.');
  await control.getByLabel('Выполнено, %').fill('60');
  await control.getByRole('button', { name: 'Сообщить' }).click();
  await control.getByText(/60%\): Программа согласована с вузами\./).waitFor();
  expect(await accessibilityProblems(clerk)).toEqual([]);
  await clerk.screenshot({ path: join(images, 'web-inbox.png'), fullPage: true });
  await control.getByRole('button', { name: 'Отметить выполненным' }).click();
  await control.getByText('Поручений на контроле нет.').waitFor();
  expect(
    (
      await system.data(
        `query($id: ID!) { controlItem(id: $id) { status progress { text percent } } }`,
        { id: controlItem.id },
      )
    ).controlItem,
  ).toEqual({
    status: 'DONE',
    progress: [{ text: 'Программа согласована с вузами.', percent: 60 }],
  });
  expect(clerk.problems).toEqual([]);

  // A live round table of the conference; the secretary opens it, downloads the conference's
  // resolutions and takes up the round table's question.
  roundtable = (
    await system.data(
      `mutation($id: ID!, $v: Int!) { setAgenda(roundtableId: $id, expectedVersion: $v, items: [{ title: "Обмен промышленными данными" }]) { id version } }`,
      { id: roundtable.id, v: roundtable.version },
    )
  ).setAgenda;
  await system.data(
    `mutation($id: ID!, $v: Int!) { startRoundtable(id: $id, expectedVersion: $v) { id } }`,
    { id: roundtable.id, v: roundtable.version },
  );
  const secretary = await signedInPage('secretary');
  await secretary.goto(`${board.url}/`);
  await secretary.getByRole('navigation').getByRole('link', { name: 'Конференции' }).click();
  await secretary.getByRole('link', { name: 'Цифровая трансформация отрасли' }).click();
  await secretary.getByRole('heading', { name: 'Цифровая трансформация отрасли' }).waitFor();
  await secretary
    .getByText('Форум, 7 декабря 2026 — 8 декабря 2026, Казань, Казань Экспо')
    .waitFor();
  const sittings = secretary.getByRole('region', { name: /Заседания/ });
  await sittings.getByRole('link', { name: 'Данные в промышленности' }).waitFor();
  const [download] = await Promise.all([
    secretary.waitForEvent('download'),
    secretary
      .getByRole('button', { name: 'Скачать «Рекомендации по итогам конференции» в PDF' })
      .click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  expect(
    readFileSync(await download.path())
      .subarray(0, 5)
      .toString(),
  ).toBe('%PDF-');
  expect(await accessibilityProblems(secretary)).toEqual([]);
  await secretary.screenshot({ path: join(images, 'web-conference.png'), fullPage: true });

  await sittings.getByRole('link', { name: 'Данные в промышленности' }).click();
  await secretary
    .getByRole('button', { name: 'Открыть вопрос «Обмен промышленными данными»' })
    .click();
  await secretary
    .getByRole('button', { name: 'Закрыть вопрос «Обмен промышленными данными»' })
    .waitFor();
  const agenda = (
    await system.data(`query($id: ID!) { roundtable(id: $id) { agenda { status } } }`, {
      id: roundtable.id,
    })
  ).roundtable.agenda;
  expect(agenda).toEqual([{ status: 'IN_DISCUSSION' }]);
  await secretary.getByRole('form', { name: 'Проект решения' }).waitFor();
  expect(await accessibilityProblems(secretary)).toEqual([]);
  expect(secretary.problems).toEqual([]);
  process.stdout.write(
    `web e2e: inbox, conference and agenda: test body ${Date.now() - started} ms\n`,
  );
});

it('should let the admin invite a clerk who sets a password and signs in, and end the clerk’s board once the account is disabled', async () => {
  const started = Date.now();
  await system.data(
    `mutation($i: RegisterOrganizationInput!) { registerOrganization(input: $i) { id } }`,
    {
      i: {
        name: 'Министерство цифрового развития',
        shortName: 'Минцифры',
        kind: 'MINISTRY',
        subdivision: 'RU-MOW',
        published: true,
      },
    },
  );
  const admin = await signedInPage('admin');
  await admin.goto(`${board.url}/`);
  await admin.getByRole('navigation').getByRole('link', { name: 'Учётные записи' }).click();
  await admin.getByRole('heading', { name: 'Журнал' }).waitFor();

  // A fresh clerk of an addressee (the seeded one stays usable for the other tests).
  const login = `clerk-${Date.now()}@e2e.test`;
  const invite = admin.getByRole('form', { name: 'Приглашение' });
  await invite.getByLabel('Логин (адрес электронной почты)').fill(login);
  await invite.getByLabel('Имя').fill('Петрова Мария');
  await invite.getByLabel('участник').uncheck();
  await invite.getByLabel('адресат').check();
  await invite.getByLabel('Организация адресата').first().click();
  await admin.getByRole('option', { name: /Минцифры/ }).click();
  await invite.getByRole('button', { name: 'Пригласить' }).click();
  const link = await admin.getByLabel('Ссылка-приглашение').inputValue();
  expect(link).toMatch(new RegExp(`^${system.identityUrl}/invitation/`));
  await admin
    .getByRole('region', { name: 'Люди ассоциации' })
    .getByRole('cell', { name: login, exact: true })
    .waitFor();
  expect(await accessibilityProblems(admin)).toEqual([]);
  await admin.screenshot({ path: join(images, 'web-accounts.png'), fullPage: true });

  // The clerk sets a password on the provider's page, lands on the board and signs in with it.
  const clerk = await signedInPage(undefined);
  await clerk.goto(link);
  const password = 'пароль секретаря 1';
  await clerk.getByLabel('Новый пароль (не короче 8 символов)').fill(password);
  await clerk.getByLabel('Пароль ещё раз').fill(password);
  await clerk.getByRole('button', { name: 'Сохранить пароль' }).click();
  await clerk.getByRole('button', { name: 'Войти' }).click();
  await clerk.getByLabel('Логин (адрес электронной почты)').fill(login);
  await clerk.getByLabel('Пароль').fill(password);
  await clerk.getByRole('button', { name: 'Войти' }).click();
  await clerk.getByRole('navigation').getByRole('link', { name: 'Входящие' }).waitFor();

  // Disabled while the clerk's board is open: its next renewal is refused, and the board says so.
  await admin.getByRole('button', { name: `Управление: ${login}` }).click();
  await admin.getByRole('button', { name: 'Отключить' }).click();
  await admin.getByText('Учётная запись отключена.').waitFor();
  await clerk.getByText('Сеанс завершён: войдите снова.').waitFor({ timeout: 45_000 });
  await admin.getByRole('cell', { name: 'Учётная запись отключена' }).first().waitFor();
  expect(admin.problems).toEqual([]);
  process.stdout.write(`web e2e: accounts: test body ${Date.now() - started} ms\n`);
});

it('should take a recommendation from a sitting the secretary starts and concludes on the board to a ministry’s answer, without the API', async () => {
  const started = Date.now();
  // What the board offers no way to make: the directory's entries and the scheduled sitting.
  const ministry = (
    await system.data(
      `mutation { registerOrganization(input: { name: "Министерство экономического развития", shortName: "Минэкономразвития", kind: MINISTRY, subdivision: "RU-MOW", published: true }) { id } }`,
    )
  ).registerOrganization.id as string;
  await organization('Ассоциация промышленных кластеров', 'АПК');
  const expert = (
    await system.data(
      `mutation { registerPerson(input: { fullName: "Седов Павел Андреевич", position: "Эксперт" }) { id } }`,
    )
  ).registerPerson.id as string;
  // The roundtables service learns of the expert from members' events.
  const sitting = await expectEventually(
    async () =>
      (
        await system.data(
          `mutation($p: ID!) { scheduleRoundtable(input: { title: "Рабочая группа по кадрам", format: WORKING_MEETING, startsAt: "2026-12-14T08:00:00Z", moderator: { kind: PERSON, id: $p } }) { id } }`,
          { p: expert },
        )
      ).scheduleRoundtable as { id: string },
  );
  const text = 'Направить в Минэкономразвития предложения о подготовке кадров для кластеров.';

  // The secretary starts the sitting, records a statement, proposes a recommendation to the
  // ministry and concludes it.
  const secretary = await signedInPage('secretary');
  await secretary.goto(`${board.url}/roundtables/${encodeURIComponent(sitting.id)}`);
  await secretary.getByRole('button', { name: 'Начать заседание' }).click();
  await secretary.getByRole('button', { name: 'Записать в протокол' }).waitFor();
  await secretary.getByRole('combobox', { name: 'Выступающий' }).click();
  await secretary.getByRole('option', { name: /Седов Павел Андреевич/ }).click();
  await secretary.getByLabel('Что сказано').fill('Кластерам не хватает инженеров.');
  await secretary.getByRole('button', { name: 'Записать в протокол' }).click();
  await secretary.getByTestId('statement').getByText('Кластерам не хватает инженеров.').waitFor();
  const proposal = secretary.getByRole('form', { name: 'Проект решения' });
  await proposal.getByLabel('Адресаты').fill('Минэконом');
  await secretary.getByRole('option', { name: /Минэкономразвития/ }).click();
  await proposal.getByLabel('Текст решения').fill(text);
  await proposal.getByRole('button', { name: 'Предложить решение' }).click();
  await secretary.getByRole('list', { name: 'Решения' }).getByText(text).waitFor();
  expect(await accessibilityProblems(secretary)).toEqual([]);
  await secretary.getByRole('button', { name: 'Завершить заседание' }).click();
  await secretary.getByRole('button', { name: 'Да, завершить' }).click();
  await secretary.getByText('Завершено', { exact: true }).waitFor();

  // The recommendations service makes a proposed recommendation of it.
  const { code } = await expectEventually(
    async () => {
      const [made] = (
        await system.data(
          `query { recommendations(first: 5, filter: { text: "подготовке кадров для кластеров" }) { nodes { code } } }`,
        )
      ).recommendations.nodes;
      expect(made).toBeDefined();
      return made as { code: string };
    },
    { timeoutMs: 30_000 },
  );
  await secretary.getByRole('navigation').getByRole('link', { name: 'Рекомендации' }).click();
  const listed = secretary.getByRole('row', { name: new RegExp(code) });
  await listed.getByText('Предложена').waitFor();
  await listed.getByRole('link', { name: code }).click();

  // She adopts it; the requests service drafts the letter to the ministry, which she sends.
  const decision = secretary.getByRole('region', { name: 'Решение ассоциации' });
  await decision.getByRole('combobox', { name: 'Кем принято решение' }).fill('промышленных');
  await secretary.getByRole('option', { name: /Ассоциация промышленных кластеров/ }).click();
  expect(await accessibilityProblems(secretary)).toEqual([]);
  await secretary.screenshot({ path: join(images, 'web-journey-decision.png'), fullPage: true });
  await decision.getByRole('button', { name: 'Принять рекомендацию' }).click();
  const requests = secretary.getByRole('region', { name: 'Обращения и ответы' });
  await requests
    .getByRole('button', { name: 'Направить обращение: Минэкономразвития' })
    .click({ timeout: 30_000 });
  const request = secretary.getByTestId('request');
  await request.getByText('Поступило').waitFor();
  expect(await request.textContent()).toMatch(/\d{4}\/\d{3}/);
  expect(await accessibilityProblems(secretary)).toEqual([]);

  // The ministry's clerk registers and answers it on the inbox; her open page shows the answer.
  const clerk = await signedInPage('addressee', 1280, ministry);
  await clerk.goto(`${board.url}/inbox`);
  const letter = clerk.getByRole('row', { name: new RegExp(text.slice(0, 40)) });
  // The letter is about the recommendation's title: the text's first sentence, without its dot.
  await letter.getByRole('button', { name: text.replace(/\.$/, '') }).click();
  await clerk.getByLabel('Входящий номер').fill('ВХ-2026/118');
  await clerk.getByRole('button', { name: 'Зарегистрировать' }).click();
  await clerk.getByRole('combobox', { name: 'Итог рассмотрения' }).click();
  await clerk.getByRole('option', { name: 'Поддержано', exact: true }).click();
  await clerk.getByLabel('Текст ответа').fill('Министерство включит предложения в программу.');
  await clerk.getByRole('button', { name: 'Отправить ответ' }).click();
  await request.getByText('Министерство включит предложения в программу.').waitFor();
  await request.getByText('вх. ВХ-2026/118').waitFor();
  await secretary.getByText('Исполняется').first().waitFor();
  expect([...secretary.problems, ...clerk.problems]).toEqual([]);
  process.stdout.write(`web e2e: the follow-up journey: test body ${Date.now() - started} ms\n`);
});
