import { composeSupergraph, NO_SUBGRAPHS_PLACEHOLDER } from './compose';
import { type SubgraphSource } from './subgraph-sources';

const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable"])';

const members: SubgraphSource = {
  name: 'members',
  url: 'http://127.0.0.1:4101/graphql',
  sdl: `${FEDERATION_LINK}
    type Query { organization(id: ID!): Organization }
    type Organization @key(fields: "id") { id: ID! name: String! }`,
};

const requests: SubgraphSource = {
  name: 'requests',
  url: 'http://127.0.0.1:4104/graphql',
  sdl: `${FEDERATION_LINK}
    type Query { requests: [Request!]! }
    type Request @key(fields: "id") { id: ID! subject: String! addressee: Organization! }
    type Organization @key(fields: "id", resolvable: false) { id: ID! }`,
};

describe('composeSupergraph', () => {
  it('should join both subgraphs on the entity key when they share an entity', () => {
    const composition = composeSupergraph([members, requests]);

    if (!composition.ok) throw new Error(composition.errors.join('\n'));
    const supergraph = composition.files['supergraph.graphql'];
    expect(supergraph).toContain(
      'MEMBERS @join__graph(name: "members", url: "http://127.0.0.1:4101/graphql")',
    );
    expect(supergraph).toContain(
      'REQUESTS @join__graph(name: "requests", url: "http://127.0.0.1:4104/graphql")',
    );
    expect(supergraph).toMatch(
      /type Organization @join__type\(graph: MEMBERS, key: "id"\) @join__type\(graph: REQUESTS, key: "id", resolvable: false\)/,
    );
    expect(composition.subgraphs).toEqual(['members', 'requests']);
    expect(JSON.parse(composition.files['subgraphs.json'])).toEqual({
      subgraphs: [
        { name: 'members', url: 'http://127.0.0.1:4101/graphql' },
        { name: 'requests', url: 'http://127.0.0.1:4104/graphql' },
      ],
    });
  });

  it('should print the public API sorted and without federation machinery', () => {
    const composition = composeSupergraph([requests, members]);

    if (!composition.ok) throw new Error(composition.errors.join('\n'));
    const api = composition.files['api.graphql'];
    expect(api).not.toMatch(/join__|link__|@key/);
    expect(api).toContain(
      ['type Request {', '  addressee: Organization!', '  id: ID!', '  subject: String!', '}'].join(
        '\n',
      ),
    );
    expect(api.indexOf('type Organization')).toBeLessThan(api.indexOf('type Query'));
  });

  it("should report the library's message when a non-shareable field is in two subgraphs", () => {
    const rival: SubgraphSource = {
      name: 'roundtables',
      url: 'http://127.0.0.1:4102/graphql',
      sdl: `${FEDERATION_LINK}
        type Organization @key(fields: "id") { id: ID! name: String! }`,
    };

    const composition = composeSupergraph([members, rival]);

    expect(composition).toEqual({
      ok: false,
      errors: [
        'INVALID_FIELD_SHARING: Non-shareable field "Organization.name" is resolved from multiple ' +
          'subgraphs: it is resolved from subgraphs "members" and "roundtables" and defined as ' +
          'non-shareable in all of them',
      ],
    });
  });

  it('should name the file when a subgraph SDL does not parse', () => {
    const broken: SubgraphSource = { ...requests, sdl: 'type Query {' };

    const composition = composeSupergraph([members, broken]);

    expect(composition.ok).toBe(false);
    expect(!composition.ok && composition.errors[0]).toMatch(
      /^services\/requests\/schema\.graphql: Syntax Error/,
    );
  });

  it('should write the fixed placeholder when no service has a schema yet', () => {
    const composition = composeSupergraph([]);

    expect(composition).toEqual({
      ok: true,
      subgraphs: [],
      files: {
        'supergraph.graphql': NO_SUBGRAPHS_PLACEHOLDER,
        'api.graphql': NO_SUBGRAPHS_PLACEHOLDER,
        'subgraphs.json': '{\n  "subgraphs": []\n}\n',
      },
    });
  });
});
