import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';

import { createTokenVerifier, devAuth } from '../auth';
import { createLogger } from '../logger';
import { createMetrics } from '../metrics';
import { GATEWAY_CREDENTIAL_HEADER } from './gateway-credential';
import { startHttpServer, type HttpServer } from './server';

/**
 * A subgraph as the kit serves it, set with the gateway's secret: it answers nobody but the
 * gateway — no SDL, no introspection, no data — and applies the gateway's document limits too.
 */
const SECRET = 'a-test-secret-of-at-least-32-characters';
const auth = devAuth(mkdtempSync(join(tmpdir(), 'kollegia-subgraph-')));
let server: HttpServer;
let token: string;

const schema = buildSubgraphSchema([
  {
    typeDefs: parse(`
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
      type Query { me: Person people(first: Int): [Person!]! }
      type Person @key(fields: "id") { id: ID! name: String! friend: Person }
    `),
    resolvers: {
      Query: { me: () => ({ id: '1', name: 'Анна' }), people: () => [] },
      Person: { friend: () => ({ id: '1', name: 'Анна' }) },
    },
  },
]);

beforeAll(async () => {
  const logger = createLogger({ service: 'subgraph-test', level: 'silent' });
  server = await startHttpServer({
    schema,
    host: '127.0.0.1',
    port: 0,
    logger,
    verifier: await createTokenVerifier({
      issuers: [
        {
          publicKeyPem: readFileSync(auth.publicKeyFile, 'utf8'),
          issuer: auth.issuer,
          audience: auth.audience,
        },
      ],
    }),
    production: false,
    debugErrors: false,
    limits: { maxTokens: 3000, maxDepth: 12, maxAliases: 30, maxCost: 20000 },
    gatewaySecret: SECRET,
    readiness: {},
    extendContext: (base) => base,
    metrics: createMetrics('subgraph-test'),
    metricsPort: 0,
  });
  token = await auth.token({ tenant: 'akit', roles: ['admin'] });
});

afterAll(() => server.stop());

async function post(
  query: string,
  headers: Record<string, string>,
  variables?: Record<string, unknown>,
) {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as {
    data?: Record<string, any> | null;
    errors?: { message: string; extensions?: { code?: string } }[];
  };
  return { status: response.status, body };
}

const asGateway = { [GATEWAY_CREDENTIAL_HEADER]: SECRET };

describe('a subgraph set with the gateway’s secret', () => {
  it('should refuse SDL, introspection and data to a caller without it, token or not', async () => {
    const bearer = { authorization: `Bearer ${token}` };
    for (const [label, query, headers] of [
      ['SDL', '{ _service { sdl } }', {}],
      ['SDL with a token', '{ _service { sdl } }', bearer],
      ['introspection', '{ __schema { types { name } } }', {}],
      ['data with a token', '{ me { name } }', bearer],
      ['a wrong secret', '{ _service { sdl } }', { [GATEWAY_CREDENTIAL_HEADER]: `${SECRET}x` }],
    ] as const) {
      const { status, body } = await post(query, headers);
      expect({ label, status, code: body.errors?.[0]?.extensions?.code, data: body.data }).toEqual({
        label,
        status: 403,
        code: 'FORBIDDEN',
        data: undefined,
      });
    }
  });

  it('should answer the gateway: its SDL, and data with the caller’s token', async () => {
    const sdl = await post('{ _service { sdl } }', asGateway);
    expect(sdl.status).toBe(200);
    expect(sdl.body.data?._service.sdl).toMatch(/type Person @key\(fields: "id"\)/);
    const me = await post('{ me { name } }', { ...asGateway, authorization: `Bearer ${token}` });
    expect(me.body).toEqual({ data: { me: { name: 'Анна' } } });
  });

  it('should refuse a too deep, too aliased or too long document from the gateway too (400)', async () => {
    const deep = `{ me { ${'friend { '.repeat(12)}id${' }'.repeat(12)} } }`;
    const aliased = `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: me { id }`).join(' ')} }`;
    const long = `{ me { ${'id '.repeat(3000)}} }`;
    const refusals = [];
    for (const query of [deep, aliased, long]) {
      const { status, body } = await post(query, asGateway);
      refusals.push({
        status,
        code: body.errors?.[0]?.extensions?.code,
        message: body.errors?.[0]?.message,
      });
    }
    expect(refusals).toEqual([
      {
        status: 400,
        code: 'GRAPHQL_VALIDATION_FAILED',
        message: 'Query depth limit of 12 exceeded, found 14.',
      },
      {
        status: 400,
        code: 'GRAPHQL_VALIDATION_FAILED',
        message: 'Aliases limit of 30 exceeded, found 31.',
      },
      {
        status: 400,
        code: 'GRAPHQL_PARSE_FAILED',
        message: expect.stringMatching(/more that 3000 tokens/),
      },
    ]);
  });

  it('should cost a page size given as a variable by its value, refusing it over the budget (400)', async () => {
    // people: (2 + 1.5 × (2 + 1.5 × (2 + 1.5 × 1))) × n = 12.875 n; the budget is 20,000.
    const query = 'query($n: Int) { people(first: $n) { friend { friend { name } } } }';
    const headers = { ...asGateway, authorization: `Bearer ${token}` };
    const small = await post(query, headers, { n: 10 });
    expect(small.body).toEqual({ data: { people: [] } });
    const large = await post(query, headers, { n: 2000 });
    expect({ status: large.status, error: large.body.errors?.[0] }).toEqual({
      status: 400,
      error: expect.objectContaining({
        message:
          'Query cost limit of 20000 exceeded, found 25750; the fields that cost most: people (25750).',
        extensions: expect.objectContaining({ code: 'GRAPHQL_VALIDATION_FAILED' }),
      }),
    });
    expect(large.body.data).toBeUndefined();
  });
});
