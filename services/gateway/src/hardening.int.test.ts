import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';

import {
  collectSubscription,
  expectEventually,
  sseSubscription,
  uniqueId,
} from '@kollegia/testing';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

import type { Gateway } from './app';
import { startGateway, TENANT, type GatewayUnderTest } from './test/harness';

/**
 * Issue #15, items 4 and 7: what an error tells a client, and what the transport allows — frame
 * sizes, operations per socket, token expiry and lifetime, slow bodies, a rate limit shared by
 * replicas, security headers, the Host check, request ids and suggestions.
 */
let gw: GatewayUnderTest;
const clients: Client[] = [];
const MAX_SUBSCRIPTIONS = 3;

beforeAll(async () => {
  gw = await startGateway('hardening', {
    MAX_SUBSCRIPTIONS_PER_SOCKET: String(MAX_SUBSCRIPTIONS),
    REQUEST_TIMEOUT_MS: '2000',
  });
});

afterAll(async () => {
  await Promise.all(clients.map(async (client) => client.dispose()));
  await gw.stop();
});

async function post(
  url: string,
  body: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Headers; text: string; body: Record<string, any> }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  const text = await response.text();
  let parsed: Record<string, any> = {};
  try {
    parsed = JSON.parse(text) as Record<string, any>;
  } catch {
    // Asserted on through `text`.
  }
  return { status: response.status, headers: response.headers, text, body: parsed };
}

async function bearer(role: Parameters<GatewayUnderTest['token']>[0] = 'admin') {
  return { authorization: `Bearer ${await gw.token(role)}` };
}

/** What nothing a client receives may contain: stacks, file paths, internals, subgraph names. */
const INTERNALS =
  /originalError|stacktrace|"stack"|\\n\s+at |node_modules|\/work\/|\.[jt]s:\d+|ECONNREFUSED|serviceName|subgraph|"members"|"roundtables"/i;

/** A raw HTTP request over a socket: the status line of the answer, once the server closes. */
function rawRequest(port: number, head: string, body: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(head + body));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString('utf8')));
    socket.on('close', () => resolve(answer.split('\r\n')[0] ?? ''));
    socket.on('error', reject);
  });
}

/** A GET with a `Host` of our choosing (fetch sets its own). */
function getWithHost(url: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers: { host } }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Opens a raw graphql-ws socket and resolves with its close code once the server closes it. */
function closeCodeAfter(
  url: string,
  send: (socket: WebSocket) => void,
  options: WebSocket.ClientOptions = {},
): Promise<{ code: number; reason: string; refused?: boolean }> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, 'graphql-transport-ws', options);
    socket.on('open', () => send(socket));
    socket.on('unexpected-response', (_req, res) =>
      resolve({ code: res.statusCode ?? 0, reason: 'refused', refused: true }),
    );
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() }));
    socket.on('error', () => undefined);
  });
}

function ws(token: string, on: Parameters<typeof createClient>[0]['on'] = {}): Client {
  const client = createClient({
    url: gw.gateway.wsUrl,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    connectionParams: { authorization: `Bearer ${token}` },
    on,
  });
  clients.push(client);
  return client;
}

describe('errors', () => {
  it('should answer a failing subgraph with a masked error: a code, no stack, path or subgraph name', async () => {
    const dead = 'http://127.0.0.1:1/graphql';
    const broken: Gateway = await gw.replica({
      SUBGRAPH_URLS: ['members', 'roundtables', 'recommendations', 'requests']
        .map((name) => `${name}=${dead}`)
        .join(','),
    });
    const query = await post(
      broken.url,
      JSON.stringify({ query: '{ organizations { totalCount } }' }),
      await bearer(),
    );
    expect(query.body.errors?.[0]).toMatchObject({
      message: 'Unexpected error.',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(query.text).not.toMatch(INTERNALS);

    // A subscription's access check fails inside the gateway's own code (a thrown Error).
    const client = createClient({
      url: broken.wsUrl,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: { authorization: `Bearer ${await gw.token('member')}` },
    });
    clients.push(client);
    const watch = collectSubscription(
      client,
      'subscription($id: ID!) { roundtableLive(roundtableId: $id) { type } }',
      { id: 'rt-1' },
    );
    const answered = await expectEventually(() => {
      const all = JSON.stringify([watch.received, watch.errors]);
      expect(all).toMatch(/INTERNAL_SERVER_ERROR/);
      return all;
    });
    expect(answered).not.toMatch(INTERNALS);
  });

  it('should pass a subgraph’s error code through without naming the subgraph', async () => {
    const bad = await gw.gql(
      `mutation { registerOrganization(input: { name: "", kind: MINISTRY, region: "RU-MOW" }) { id } }`,
    );
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    expect(JSON.stringify(bad)).not.toMatch(INTERNALS);
  });

  it('should say why a token is refused in its own words, not the token library’s', async () => {
    const expired = await gw.auth.token({ tenant: TENANT, roles: ['admin'] }, '-10s');
    const response = await post(gw.gateway.url, JSON.stringify({ query: '{ __typename }' }), {
      authorization: `Bearer ${expired}`,
    });
    expect(response.status).toBe(401);
    expect(response.body.errors).toEqual([
      { message: 'invalid token: the token has expired', extensions: { code: 'UNAUTHENTICATED' } },
    ]);
  });

  it.each([
    ['malformed JSON', '{"query": ', 400, 'the request body is not valid JSON'],
    [
      'a 2 MB body',
      JSON.stringify({ query: `{ ${'x'.repeat(2 * 1024 * 1024)} }` }),
      413,
      'the request body is too large',
    ],
  ])(
    'should answer %s sent straight to a subgraph as JSON with a code, not an HTML page with a stack',
    async (_case, body, status, message) => {
      const response = await post(gw.members.url, body, { ...(await bearer()), ...gw.asGateway });
      expect(response.status).toBe(status);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(response.body.errors).toEqual([
        {
          message,
          extensions: {
            code: 'BAD_REQUEST',
            ...(status === 413 ? { limit: expect.any(Number) } : {}),
          },
        },
      ]);
      expect(response.text).not.toMatch(INTERNALS);
    },
  );

  it('should answer a body that is not JSON with a code and without the parser’s error', async () => {
    const response = await post(gw.gateway.url, '{"query": ', await bearer());
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.extensions).toEqual({ code: 'BAD_REQUEST' });
    expect(response.text).not.toMatch(INTERNALS);
    expect(response.text).not.toMatch(/SyntaxError|JSON input/);
  });

  it('should give a variable of the wrong type, or a missing one, the code BAD_USER_INPUT', async () => {
    const query = 'query($id: ID!) { organization(id: $id) { id } }';
    for (const variables of [{ id: true }, {}]) {
      const response = await post(
        gw.gateway.url,
        JSON.stringify({ query, variables }),
        await bearer(),
      );
      expect({ status: response.status, error: response.body.errors?.[0] }).toEqual({
        status: 400,
        error: expect.objectContaining({
          message: expect.stringMatching(/^Variable "\$id"/),
          extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
        }),
      });
    }
  });

  it('should answer a path a subgraph does not serve as JSON 404', async () => {
    const response = await post(gw.members.url.replace('/graphql', '/nowhere'), '{}');
    expect(response.status).toBe(404);
    expect(response.body.errors?.[0]?.extensions).toEqual({ code: 'NOT_FOUND' });
  });

  it('should give no "Did you mean" for a typo in an enum value, a variable or a field', async () => {
    const typos = [
      {
        query:
          'mutation { scheduleConference(input: { title: "Форум", kind: FORUMM, startsOn: "2022-11-23", endsOn: "2022-11-24", city: "Волгоград" }) { id } }',
      },
      {
        query: 'query($k: OrganizationKind) { organizations(filter: { kind: $k }) { totalCount } }',
        variables: { k: 'MINISTRYY' },
      },
      { query: '{ organizationz { totalCount } }' },
      { query: '{ organizations(firts: 10) { totalCount } }' },
    ];
    for (const typo of typos) {
      const response = await post(gw.gateway.url, JSON.stringify(typo), await bearer());
      expect(response.body.errors?.length).toBeGreaterThan(0);
      expect(response.text).not.toMatch(/Did you mean/);
    }
  });
});

describe('WebSocket limits', () => {
  it('should refuse a 5 MB connection_init unread, before any authentication', async () => {
    const closed = await closeCodeAfter(gw.gateway.wsUrl, (socket) =>
      socket.send(
        JSON.stringify({ type: 'connection_init', payload: { pad: 'x'.repeat(5 * 1024 * 1024) } }),
      ),
    );
    expect(closed.code).toBe(1009);
  });

  it('should refuse a 2 MB query from an authenticated client', async () => {
    const token = await gw.token('member');
    const closed = await closeCodeAfter(gw.gateway.wsUrl, (socket) => {
      socket.on('message', (data: Buffer) => {
        if ((JSON.parse(data.toString()) as { type: string }).type !== 'connection_ack') return;
        socket.send(
          JSON.stringify({
            id: '1',
            type: 'subscribe',
            payload: { query: `{ __typename ${' '.repeat(2 * 1024 * 1024)} }` },
          }),
        );
      });
      socket.send(
        JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }),
      );
    });
    expect(closed.code).toBe(1009);
  });

  it(`should refuse the subscription after ${MAX_SUBSCRIPTIONS} on one socket and keep the others`, async () => {
    const client = ws(await gw.token('addressee', TENANT, 'org-minprom'));
    const INBOX = 'subscription { addresseeInbox { type } }';
    const open = Array.from({ length: MAX_SUBSCRIPTIONS }, () =>
      collectSubscription(client, INBOX),
    );
    const refused = collectSubscription(client, INBOX);
    const errors = await expectEventually(() => {
      expect(refused.errors).toHaveLength(1);
      return JSON.stringify(refused.errors);
    });
    expect(errors).toMatch(/too many operations on this connection: at most 3 at once/);
    expect(errors).toMatch(/BAD_REQUEST/);
    for (const subscription of open) expect(subscription.errors).toEqual([]);

    // One ends, and another fits on the same socket.
    open[0]!.dispose();
    await expectEventually(async () => {
      const result = await new Promise<unknown>((resolve, reject) =>
        client.subscribe(
          { query: '{ __typename }' },
          { next: resolve, error: reject, complete: () => undefined },
        ),
      );
      expect(result).toEqual({ data: { __typename: 'Query' } });
    });
  });

  it('should close a socket with 4401 when its token expires, with its subscriptions', async () => {
    const shortLived = await gw.auth.token(
      { sub: uniqueId('user'), tenant: TENANT, roles: ['addressee'], org: 'org-minprom' },
      '8s',
    );
    let connected = false;
    let onClosed: (event: { code: number; reason: string }) => void = () => undefined;
    const closed = new Promise<{ code: number; reason: string }>((resolve) => (onClosed = resolve));
    const client = ws(shortLived, {
      connected: () => (connected = true),
      closed: (event) => onClosed(event as { code: number; reason: string }),
    });
    const inbox = collectSubscription(client, 'subscription { addresseeInbox { type } }');
    const { code, reason } = await closed;
    expect(connected).toBe(true);
    expect({ code, reason }).toEqual({ code: 4401, reason: 'token expired' });
    expect(inbox.received).toEqual([]);
  });
});

describe('subscriptions over SSE', () => {
  it('should end a subscription with UNAUTHENTICATED when its token expires', async () => {
    const shortLived = await gw.auth.token(
      { sub: uniqueId('user'), tenant: TENANT, roles: ['addressee'], org: 'org-minprom' },
      '6s',
    );
    const sse = await sseSubscription(
      gw.gateway.url,
      'subscription { addresseeInbox { type } }',
      {},
      shortLived,
    );
    expect(sse.status).toBe(200);
    await expectEventually(() => expect(sse.ended()).toBe(true), { timeoutMs: 20_000 });
    expect(sse.text()).toMatch(/token expired/);
    expect(sse.text()).toMatch(/UNAUTHENTICATED/);
    await sse.stop();
  });
});

describe('token lifetime', () => {
  it('should refuse a token that lives longer than allowed, at the gateway and at a subgraph', async () => {
    for (const lifetime of ['975y', '25h']) {
      const longLived = await gw.auth.token({ tenant: TENANT, roles: ['admin'] }, lifetime);
      const query = JSON.stringify({ query: '{ organizations { totalCount } }' });
      for (const url of [gw.gateway.url, gw.members.url]) {
        const response = await post(url, query, {
          authorization: `Bearer ${longLived}`,
          ...(url === gw.members.url ? gw.asGateway : {}),
        });
        expect({ lifetime, url, status: response.status, errors: response.body.errors }).toEqual({
          lifetime,
          url,
          status: 401,
          errors: [
            {
              message: 'invalid token: the token lives longer than the 86400 s allowed (exp − iat)',
              extensions: { code: 'UNAUTHENTICATED' },
            },
          ],
        });
      }
      const closed = await new Promise<number>((resolve) => {
        const client = ws(longLived, {
          closed: (event) => resolve((event as { code: number }).code),
        });
        collectSubscription(client, '{ __typename }');
      });
      expect(closed).toBe(4401);
    }
    const daily = await gw.auth.token({ tenant: TENANT, roles: ['admin'] }, '23h');
    const accepted = await post(gw.gateway.url, JSON.stringify({ query: '{ __typename }' }), {
      authorization: `Bearer ${daily}`,
    });
    expect(accepted.status).toBe(200);
  });
});

describe('HTTP transport', () => {
  it('should answer a request whose body trickles in slower than REQUEST_TIMEOUT_MS with 408 and close it', async () => {
    const status = await rawRequest(
      gw.gateway.port,
      `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n`,
      '{"query":',
    );
    expect(status).toBe('HTTP/1.1 408 Request Timeout');
  });

  it('should send security headers, without HSTS over plain HTTP', async () => {
    for (const url of [gw.gateway.url.replace('/graphql', '/healthz'), gw.gateway.url]) {
      const response = await fetch(url, { headers: { accept: 'text/html' } });
      expect(Object.fromEntries(response.headers)).toMatchObject({
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'DENY',
        'referrer-policy': 'no-referrer',
        'content-security-policy': expect.stringContaining("frame-ancestors 'none'"),
      });
      expect(response.headers.get('strict-transport-security')).toBeNull();
      // The explorer's page is 9 MB: left unread, it would hold the connection open.
      await response.body?.cancel();
    }
  });

  it('should refuse a foreign Host over HTTP and WebSocket, and accept loopback names', async () => {
    const healthz = gw.gateway.url.replace('/graphql', '/healthz');
    const port = gw.gateway.port;
    for (const host of [
      `evil.example:${port}`,
      `127.0.0.1.evil.example:${port}`,
      'evil@127.0.0.1',
    ]) {
      const refused = await getWithHost(healthz, host);
      expect({ host, status: refused.status, body: JSON.parse(refused.body) }).toEqual({
        host,
        status: 403,
        body: { errors: [{ message: 'host not allowed', extensions: { code: 'FORBIDDEN' } }] },
      });
    }
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`]) {
      expect({ host, status: (await getWithHost(healthz, host)).status }).toEqual({
        host,
        status: 200,
      });
    }
    const upgrade = await closeCodeAfter(gw.gateway.wsUrl, () => undefined, {
      headers: { host: `evil.example:${port}` },
    });
    expect(upgrade.refused).toBe(true);
  });

  it('should answer with the caller’s x-request-id only when it is safe, and a new one otherwise', async () => {
    const ask = async (requestId: string) =>
      (
        await post(gw.gateway.url, JSON.stringify({ query: '{ __typename }' }), {
          ...(await bearer()),
          'x-request-id': requestId,
        })
      ).headers.get('x-request-id');
    expect(await ask('trace-0af7651916cd43dd')).toBe('trace-0af7651916cd43dd');
    for (const unsafe of ['<script>alert(1)</script>', 'a'.repeat(65), 'line\tbreak']) {
      expect(await ask(unsafe)).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
      );
    }
  });
});

describe('two replicas on one database, behind TLS', () => {
  const LIMIT = 5;
  const PARTNER_LIMIT = 3;
  let first: Gateway;
  let second: Gateway;

  beforeAll(async () => {
    // A day's window: no count rolls over while the tests run.
    const settings = {
      PUBLIC_URL: 'https://api.kollegia.example',
      RATE_LIMIT_REQUESTS: String(LIMIT),
      RATE_LIMIT_PARTNER_REQUESTS: String(PARTNER_LIMIT),
      RATE_LIMIT_WINDOW_S: '86400',
    };
    [first, second] = [await gw.replica(settings), await gw.replica(settings)];
  });

  const ask = (gateway: Gateway, token: string) =>
    post(gateway.url, JSON.stringify({ query: '{ __typename }' }), {
      authorization: `Bearer ${token}`,
    });

  it('should send HSTS and accept the public host when the public URL is https', async () => {
    const healthz = first.url.replace('/graphql', '/healthz');
    const response = await fetch(healthz);
    await response.body?.cancel();
    expect(response.headers.get('strict-transport-security')).toBe(
      'max-age=31536000; includeSubDomains',
    );
    expect((await getWithHost(healthz, 'api.kollegia.example')).status).toBe(200);
  });

  it('should count a caller across both replicas and answer 429 with Retry-After past the limit', async () => {
    const caller = await gw.auth.token({
      sub: uniqueId('user'),
      tenant: TENANT,
      roles: ['member'],
    });
    const statuses = [];
    for (const gateway of [first, second, first, second, first]) {
      statuses.push((await ask(gateway, caller)).status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200]);

    for (const gateway of [second, first]) {
      const refused = await ask(gateway, caller);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(refused.body.errors?.[0]).toMatchObject({
        message: expect.stringMatching(/^too many requests: at most 5 per 86400 s/),
        extensions: { code: 'TOO_MANY_REQUESTS', limit: LIMIT, retryAfter: expect.any(Number) },
      });
    }
    // Another caller has a count of its own.
    expect((await ask(first, await gw.token('member'))).status).toBe(200);
  });

  it('should count a partner client by its own, lower limit, each client apart', async () => {
    const partner = (clientId: string) =>
      gw.auth.token({ sub: clientId, tenant: TENANT, roles: ['partner'] });
    const client = await partner(uniqueId('partner'));
    const statuses = [];
    for (const gateway of [first, second, first]) {
      statuses.push((await ask(gateway, client)).status);
    }
    expect(statuses).toEqual([200, 200, 200]);

    const refused = await ask(second, client);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.body.errors?.[0]).toMatchObject({
      message: expect.stringMatching(
        /^too many requests: at most 3 per 86400 s for a partner client/,
      ),
      extensions: {
        code: 'TOO_MANY_REQUESTS',
        limit: PARTNER_LIMIT,
        retryAfter: expect.any(Number),
      },
    });
    // Another partner client has a count of its own.
    expect((await ask(first, await partner(uniqueId('partner')))).status).toBe(200);
  });

  it('should count requests without a valid token by the address they come from', async () => {
    const statuses = [];
    for (let i = 0; i <= LIMIT; i++) {
      statuses.push((await ask(i % 2 ? first : second, `not.a.token${i}`)).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  });
});
