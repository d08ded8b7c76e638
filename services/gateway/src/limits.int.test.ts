import { getIntrospectionQuery } from 'graphql';

import { startGateway, type GatewayUnderTest } from './test/harness';

/**
 * The document limits and introspection at a gateway set up as in production (introspection not
 * for partners, subgraphs answering only the gateway), in front of the four subgraphs.
 */
let gw: GatewayUnderTest;

beforeAll(async () => {
  gw = await startGateway('limits', { NODE_ENV: 'production' });
});

afterAll(() => gw.stop());

/** What the explorer (GraphiQL, bundled with the gateway) sends when it opens. */
const EXPLORER_INTROSPECTION = getIntrospectionQuery({
  inputValueDeprecation: true,
  schemaDescription: true,
  typeDepth: 9,
});

async function post(
  query: string,
  headers: Record<string, string>,
  variables?: Record<string, unknown>,
) {
  const response = await fetch(gw.gateway.url, {
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

async function as(role: 'admin' | 'partner', accept?: string) {
  return {
    authorization: `Bearer ${await gw.token(role)}`,
    ...(accept ? { accept } : {}),
  };
}

/** A refused document's status, code and first message; no subgraph may have been called. */
async function refusal(query: string, accept?: string) {
  const before = gw.calls();
  const { status, body } = await post(query, await as('admin', accept));
  expect(gw.calls()).toEqual(before);
  return { status, code: body.errors?.[0]?.extensions?.code, message: body.errors?.[0]?.message };
}

describe('introspection', () => {
  it('should refuse the schema introspected under 30 aliases with 400, before any subgraph', async () => {
    // The probe's 1.2 KB document that drew 6.5 MB.
    const query = `{ ${Array.from({ length: 30 }, (_, i) => `a${i}: __schema { types { name fields { name } } }`).join(' ')} }`;
    expect(query.length).toBeLessThan(1500);
    expect(await refusal(query)).toEqual({
      status: 400,
      code: 'GRAPHQL_VALIDATION_FAILED',
      message: 'The schema may be introspected once per operation, found 30 __schema selections.',
    });
  });

  it('should let association staff introspect with the explorer’s query, and refuse a partner', async () => {
    const staff = await post(EXPLORER_INTROSPECTION, await as('admin'));
    expect(staff.body.errors).toBeUndefined();
    expect(staff.body.data?.__schema.types.length).toBeGreaterThan(50);
    for (const query of [EXPLORER_INTROSPECTION, '{ __type(name: "Organization") { name } }']) {
      const partner = await post(query, await as('partner'));
      expect(partner).toEqual({
        status: 403,
        body: {
          errors: [
            {
              message: 'introspection is not available to you',
              extensions: { code: 'FORBIDDEN' },
            },
          ],
        },
      });
    }
    const data = await post('{ organizations { totalCount } }', await as('partner'));
    expect(data.body).toEqual({ data: { organizations: { totalCount: 0 } } });
  });

  it('should leave the subgraphs’ SDL to the gateway: a direct call is refused, token or not', async () => {
    const direct = async (headers: Record<string, string>) => {
      const response = await fetch(gw.members.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query: '{ _service { sdl } }' }),
      });
      return { status: response.status, body: (await response.json()) as Record<string, any> };
    };
    expect(await direct(await as('admin'))).toMatchObject({
      status: 403,
      body: { errors: [{ extensions: { code: 'FORBIDDEN' } }] },
    });
    const asGateway = await direct(gw.asGateway);
    expect(asGateway.body.data._service.sdl).toMatch(/type Organization/);
  });
});

describe('limit refusals', () => {
  const depthBomb = `{ organizations { nodes { ${'parent { '.repeat(30)}id${' }'.repeat(30)} } } }`;
  const aliasBomb = `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: organizations { totalCount }`).join(' ')} }`;
  const tokenBomb = `{ organizations { totalCount ${'totalCount '.repeat(3000)}} }`;
  // Each (2 + 1.5 × (2 + 1.5 × (1 + 1 + 2 + 1.5 × 2))) × 100 = 2075; ten cost 20,750.
  const costly = `{ ${Array.from(
    { length: 10 },
    (_, i) =>
      `page${i}: organizations(first: 100) { nodes { id shortName parent { id shortName } } }`,
  ).join(' ')} }`;

  it.each([undefined, 'application/json', 'application/graphql-response+json'])(
    'should answer depth, alias and token refusals with 400 and their code (accept %s)',
    async (accept) => {
      expect([
        await refusal(depthBomb, accept),
        await refusal(aliasBomb, accept),
        await refusal(tokenBomb, accept),
      ]).toEqual([
        {
          status: 400,
          code: 'GRAPHQL_VALIDATION_FAILED',
          message: 'Query depth limit of 12 exceeded, found 33.',
        },
        {
          status: 400,
          code: 'GRAPHQL_VALIDATION_FAILED',
          message: 'Aliases limit of 30 exceeded, found 31.',
        },
        {
          status: 400,
          code: 'GRAPHQL_VALIDATION_FAILED',
          message: 'Token limit of 3000 exceeded.',
        },
      ]);
    },
  );

  it('should say what a refused document costs, the limit, and the fields that cost most', async () => {
    expect(await refusal(costly)).toEqual({
      status: 400,
      code: 'GRAPHQL_VALIDATION_FAILED',
      message:
        'Query cost limit of 20000 exceeded, found 20750; the fields that cost most: ' +
        'page0: organizations (2075), page1: organizations (2075), page2: organizations (2075).',
    });
  });

  it('should cost page sizes given as variables by their values, before any subgraph', async () => {
    // The same ten pages with `first: $n`: validation counts n once, execution by its value.
    const query = `query($n: Int) ${costly.replaceAll('first: 100', 'first: $n')}`;
    const before = gw.calls();
    const { status, body } = await post(query, await as('admin'), { n: 100 });
    expect(gw.calls()).toEqual(before);
    expect({ status, error: body.errors?.[0] }).toEqual({
      status: 400,
      error: expect.objectContaining({
        message: expect.stringMatching(/^Query cost limit of 20000 exceeded, found 20750;/),
        extensions: expect.objectContaining({ code: 'GRAPHQL_VALIDATION_FAILED' }),
      }),
    });
    const small = await post(query, await as('admin'), { n: 5 });
    expect({ status: small.status, errors: small.body.errors }).toEqual({
      status: 200,
      errors: undefined,
    });
  });

  it('should run a document within the limits through the subgraphs', async () => {
    const within = costly.replace(/page[5-9]: [^}]+\} \} \} /g, '');
    const { status, body } = await post(within, await as('admin'));
    expect({ status, errors: body.errors }).toEqual({ status: 200, errors: undefined });
    expect(Object.keys(body.data ?? {})).toHaveLength(5);
  });
});
