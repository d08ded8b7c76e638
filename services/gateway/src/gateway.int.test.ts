import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { devAuth } from '@kollegia/service-kit';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

import { startGateway, TENANT, type GatewayUnderTest } from './test/harness';

let gw: GatewayUnderTest;

beforeAll(async () => {
  gw = await startGateway('gateway');
});

afterAll(() => gw.stop());

async function post(body: string, headers: Record<string, string> = {}) {
  const response = await fetch(gw.gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, any>) : {} };
}

function b64(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

describe('the gateway', () => {
  it('should answer a federated query and pass a subgraph’s error code through', async () => {
    const created = await gw.gql(
      `mutation { registerOrganization(input: { name: "Минпромторг России", kind: MINISTRY, region: "RU-MOW", published: true }) { id shortName } }`,
    );
    expect(created.data?.registerOrganization.shortName).toBe('Минпромторг России');
    const bad = await gw.gql(
      `mutation { registerOrganization(input: { name: "", kind: MINISTRY, region: "RU-MOW" }) { id } }`,
    );
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    const read = await gw.gql(
      `{ organizations(filter: { text: "минпромторг" }) { totalCount nodes { shortName } } }`,
      {},
      'member',
    );
    expect(read.data?.organizations).toEqual({
      totalCount: 1,
      nodes: [{ shortName: 'Минпромторг России' }],
    });
  });

  it('should keep each tenant to its own data', async () => {
    const other = await gw.auth.token({ tenant: 'another-association', roles: ['admin'] });
    const response = await post(JSON.stringify({ query: '{ organizations { totalCount } }' }), {
      authorization: `Bearer ${other}`,
    });
    expect(response.body.data.organizations.totalCount).toBe(0);
  });
});

describe('bad tokens', () => {
  const query = JSON.stringify({ query: '{ organizations { totalCount } }' });

  async function badTokens(): Promise<[string, string | undefined][]> {
    const good = await gw.token('admin');
    const [header, payload] = good.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<
      string,
      unknown
    >;
    const stranger = devAuth(mkdtempSync(join(tmpdir(), 'kollegia-stranger-')));
    const otherAudience = devAuth(mkdtempSync(join(tmpdir(), 'kollegia-aud-')), {
      audience: 'someone-else',
    });
    return [
      ['no token', undefined],
      ['garbage', 'not.a.jwt'],
      ['expired', await gw.auth.token({ tenant: TENANT, roles: ['admin'] }, '-10s')],
      ['unsigned (alg none)', `${b64({ alg: 'none' })}.${payload}.`],
      [
        'tampered claims',
        `${header}.${b64({ ...claims, roles: ['admin'], tenant: 'another' })}.${good.split('.')[2]}`,
      ],
      ['an unknown key', await stranger.token({ tenant: TENANT, roles: ['admin'] })],
      [
        'a wrong audience (and key)',
        await otherAudience.token({ tenant: TENANT, roles: ['admin'] }),
      ],
      [
        'an issuer nobody trusts (signed by the trusted key)',
        await devAuth(dirname(gw.auth.publicKeyFile), {
          issuer: 'https://sso.unknown.example',
        }).token({ tenant: TENANT, roles: ['admin'] }),
      ],
      ['a token without roles', await gw.auth.token({ tenant: TENANT, roles: [] })],
      [
        'an addressee token without an organisation',
        await gw.auth.token({ tenant: TENANT, roles: ['addressee'] }),
      ],
    ];
  }

  it('should refuse every bad token over HTTP with 401 and never call a subgraph', async () => {
    const before = gw.membersCalls();
    for (const [label, token] of await badTokens()) {
      const response = await post(query, token ? { authorization: `Bearer ${token}` } : {});
      expect({
        label,
        status: response.status,
        code: response.body.errors?.[0]?.extensions?.code,
      }).toEqual({
        label,
        status: 401,
        code: 'UNAUTHENTICATED',
      });
    }
    expect(gw.membersCalls()).toBe(before);
  });

  it('should close a graphql-ws connection with 4401 for every bad token', async () => {
    for (const [label, token] of await badTokens()) {
      const closed = await new Promise<number>((resolve) => {
        const client: Client = createClient({
          url: gw.gateway.wsUrl,
          webSocketImpl: WebSocket,
          retryAttempts: 0,
          connectionParams: token ? { authorization: `Bearer ${token}` } : {},
          on: { closed: (event) => resolve((event as { code: number }).code) },
        });
        client.subscribe(
          { query: '{ __typename }' },
          { next: () => undefined, error: () => undefined, complete: () => undefined },
        );
      });
      expect({ label, closed }).toEqual({ label, closed: 4401 });
    }
  });

  it('should run an operation over graphql-ws with a good token', async () => {
    const client = createClient({
      url: gw.gateway.wsUrl,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: { authorization: `Bearer ${await gw.token('member')}` },
    });
    const result = await new Promise<unknown>((resolve, reject) => {
      client.subscribe(
        { query: '{ organizations { totalCount } }' },
        { next: resolve, error: reject, complete: () => undefined },
      );
    });
    expect(result).toMatchObject({ data: { organizations: { totalCount: expect.any(Number) } } });
    await client.dispose();
  });
});

describe('limits', () => {
  async function refusedWithoutSubgraph(body: string) {
    const before = gw.membersCalls();
    const response = await post(body, { authorization: `Bearer ${await gw.token('admin')}` });
    expect(gw.membersCalls()).toBe(before);
    return response;
  }

  it('should refuse a depth bomb', async () => {
    const query = `{ organizations { nodes { ${'parent { '.repeat(30)}id${' }'.repeat(30)} } } }`;
    const response = await refusedWithoutSubgraph(JSON.stringify({ query }));
    expect(response.body.errors[0].message).toMatch(/depth limit of 12 exceeded/);
    expect(response.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('should refuse 10,000 aliases', async () => {
    const query = `{ ${Array.from({ length: 10_000 }, (_, i) => `a${i}: __typename`).join(' ')} }`;
    const response = await refusedWithoutSubgraph(JSON.stringify({ query }));
    expect(response.status).toBeGreaterThanOrEqual(200);
    expect(JSON.stringify(response.body.errors)).toMatch(/limit/i);
  });

  it('should refuse an alias bomb within the size limit', async () => {
    const query = `{ ${Array.from({ length: 100 }, (_, i) => `a${i}: organizations { totalCount }`).join(' ')} }`;
    const response = await refusedWithoutSubgraph(JSON.stringify({ query }));
    expect(JSON.stringify(response.body.errors)).toMatch(
      /Aliases limit of 30 exceeded|Token limit/,
    );
  });

  it('should refuse a 1 MB document with 413 before reading it', async () => {
    const query = `{ __typename ${' '.repeat(1024 * 1024)} }`;
    const response = await refusedWithoutSubgraph(JSON.stringify({ query }));
    expect(response.status).toBe(413);
  });

  it('should refuse a GET query without the CSRF header', async () => {
    const response = await fetch(
      `${gw.gateway.url}?query=${encodeURIComponent('{ __typename }')}`,
      {
        headers: { authorization: `Bearer ${await gw.token('admin')}` },
      },
    );
    expect(response.status).toBe(403);
  });

  it('should refuse a browser request and a WebSocket from a foreign origin', async () => {
    const response = await post(JSON.stringify({ query: '{ __typename }' }), {
      authorization: `Bearer ${await gw.token('admin')}`,
      origin: 'https://evil.example',
    });
    expect(response.status).toBe(403);
    const refused = await new Promise<boolean>((resolve) => {
      const socket = new WebSocket(gw.gateway.wsUrl, 'graphql-transport-ws', {
        origin: 'https://evil.example',
      });
      socket.on('unexpected-response', () => resolve(true));
      socket.on('open', () => resolve(false));
      socket.on('error', () => resolve(true));
    });
    expect(refused).toBe(true);
  });

  it('should report its health and its readiness with the subgraphs and Kafka', async () => {
    expect((await fetch(gw.gateway.url.replace('/graphql', '/healthz'))).status).toBe(200);
    const ready = await fetch(gw.gateway.url.replace('/graphql', '/readyz'));
    const body = (await ready.json()) as { checks: Record<string, string> };
    expect(body.checks).toMatchObject({ kafka: 'ok', 'subgraph:members': 'ok' });
    // Subgraphs of the supergraph that this test does not run make the gateway not ready.
    const allOk = Object.values(body.checks).every((value) => value === 'ok');
    expect(ready.status).toBe(allOk ? 200 : 503);
  });

  it('should serve the explorer with every script inlined, nothing from a CDN', async () => {
    const response = await fetch(gw.gateway.url, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toMatch(/<title>Kollegia<\/title>/);
    expect(html.length).toBeGreaterThan(100_000);
    expect(html).not.toMatch(/<(script|link)[^>]+(src|href)=["']https?:/);
  });
});
