import { buildSchema, getIntrospectionQuery, parse, specifiedRules, validate } from 'graphql';

import {
  costRefusal,
  documentLimitRules,
  DocumentLimitError,
  parseWithinLimits,
  type DocumentLimits,
} from './document-limits';

const schema = buildSchema(`
  type Query {
    organizations(first: Int): OrganizationConnection!
    organization(id: ID!): Organization
  }
  type OrganizationConnection {
    nodes: [Organization!]!
  }
  type Organization {
    id: ID!
    name: String!
    parent: Organization
    "A field of ours that happens to be called like the introspection's."
    ofType: Organization
  }
`);

/** The gateway's and the services' defaults. */
const limits: DocumentLimits = { maxTokens: 3000, maxDepth: 12, maxAliases: 30, maxCost: 20000 };

/** What the explorer (GraphiQL, bundled with the gateway) sends when it opens. */
const EXPLORER_INTROSPECTION = getIntrospectionQuery({
  inputValueDeprecation: true,
  schemaDescription: true,
  typeDepth: 9,
});

function refusals(query: string, within: DocumentLimits = limits): string[] {
  return validate(schema, parse(query), [...specifiedRules, ...documentLimitRules(within)]).map(
    (error) => error.message,
  );
}

const schemaSelection = EXPLORER_INTROSPECTION.slice(
  EXPLORER_INTROSPECTION.indexOf('__schema'),
  EXPLORER_INTROSPECTION.indexOf('fragment FullType'),
).replace(/\}\s*$/, '');
const fragments = EXPLORER_INTROSPECTION.slice(EXPLORER_INTROSPECTION.indexOf('fragment FullType'));

describe('document limits', () => {
  it('should let the explorer introspect the schema within the default limits', () => {
    expect(refusals(EXPLORER_INTROSPECTION)).toEqual([]);
  });

  it('should refuse the schema introspected under 30 aliases, saying so and what it costs', () => {
    const aliased = Array.from({ length: 30 }, (_, i) => `a${i}: ${schemaSelection}`).join('\n');
    const messages = refusals(`query { ${aliased} } ${fragments}`);
    expect(messages).toEqual([
      'The schema may be introspected once per operation, found 30 __schema selections.',
      expect.stringMatching(
        /^Query cost limit of 20000 exceeded, found \d+; the fields that cost most: a0: __schema \(\d+\), a1: __schema \(\d+\), a2: __schema \(\d+\)\.$/,
      ),
    ]);
  });

  it('should refuse a second __schema under an alias, not one that merges with the first', () => {
    expect(refusals('{ __schema { description } again: __schema { description } }')).toEqual([
      'The schema may be introspected once per operation, found 2 __schema selections.',
    ]);
    expect(
      refusals(
        '{ ...A ...A __schema { description } } fragment A on Query { __schema { description } }',
      ),
    ).toEqual([]);
  });

  it('should count introspection against the depth limit, and its lists’ nesting', () => {
    const twice =
      '{ __type(name: "Organization") { fields { type { fields { type { name } } } } } }';
    expect(refusals(twice)).toEqual([]);
    expect(refusals(twice, { ...limits, maxDepth: 5 })).toEqual([
      'Query depth limit of 5 exceeded, found 6.',
    ]);
    const thrice = `{ __type(name: "Organization") { ${'fields { type { '.repeat(3)}name${' } }'.repeat(3)} } }`;
    expect(refusals(thrice)).toEqual([
      'Maximum introspection depth exceeded',
      'Maximum introspection depth exceeded',
    ]);
  });

  it('should count a level for our own field called ofType, unlike the introspection’s', () => {
    const chain = `{ organization(id: "1") { ${'ofType { '.repeat(11)}id${' }'.repeat(11)} } }`;
    expect(refusals(chain)).toEqual(['Query depth limit of 12 exceeded, found 13.']);
  });

  it('should add no level for fragments and count a fragment’s aliases where it is spread', () => {
    const query = `
      { organization(id: "1") { ...Named parent { ... on Organization { ...Named } } } }
      fragment Named on Organization { id label: name }`;
    expect(refusals(query, { ...limits, maxDepth: 3, maxAliases: 2 })).toEqual([]);
    expect(refusals(query, { ...limits, maxDepth: 2, maxAliases: 1 })).toEqual([
      'Query depth limit of 2 exceeded, found 3.',
      'Aliases limit of 1 exceeded, found 2.',
    ]);
  });

  it('should cost a page of a list by its literal size, as GraphQL Armor does', () => {
    // nodes: 2 + 1.5 × (1 + 1) = 5; organizations: (2 + 1.5 × 5) × 10 = 95.
    const query = '{ organizations(first: 10) { nodes { id name } } }';
    expect(refusals(query, { ...limits, maxCost: 95 })).toEqual([]);
    expect(refusals(query, { ...limits, maxCost: 94 })).toEqual([
      'Query cost limit of 94 exceeded, found 95; the fields that cost most: organizations (95).',
    ]);
  });

  it('should cost a page whose size is a variable by its value before the operation runs', () => {
    // nodes: 5; organizations: (2 + 1.5 × 5) × n — validation cannot know n and counts it once.
    const query = 'query($n: Int) { organizations(first: $n) { nodes { id name } } }';
    const within = { ...limits, maxCost: 949 };
    expect(refusals(query, within)).toEqual([]);
    expect(costRefusal(within, parse(query), undefined, { n: 99 })).toBeUndefined();
    expect(costRefusal(within, parse(query), undefined, { n: 100 })?.message).toBe(
      'Query cost limit of 949 exceeded, found 950; the fields that cost most: organizations (950).',
    );
    expect(costRefusal(within, parse(query), undefined, {})).toBeUndefined();
  });

  it('should name the costliest root fields first, fragments at the root opened', () => {
    const query = `
      { cheap: organization(id: "1") { id } ...Lists }
      fragment Lists on Query {
        many: organizations(first: 100) { nodes { id } }
        few: organizations(first: 2) { nodes { id } }
      }`;
    expect(refusals(query, { ...limits, maxCost: 100 })).toEqual([
      // many: (2 + 1.5 × (2 + 1.5)) × 100 = 725; few: 7.25 × 2 = 14.5; cheap: 2 + 1.5 = 3.5.
      'Query cost limit of 100 exceeded, found 743; the fields that cost most: many: organizations (725), few: organizations (15), cheap: organization (4).',
    ]);
  });

  it('should measure a fragment once however often it is spread', () => {
    const levels = 40;
    const bomb = [
      `{ ...F0 }`,
      ...Array.from(
        { length: levels },
        (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`,
      ),
      `fragment F${levels} on Query { organization(id: "1") { id } }`,
    ].join('\n');
    const messages = refusals(bomb);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^Query cost limit of 20000 exceeded, found \d/);
  });

  it('should not loop on a fragment cycle (validation refuses it)', () => {
    const cycle =
      '{ ...A } fragment A on Query { organization(id: "1") { id } ...B } fragment B on Query { ...A }';
    expect(refusals(cycle)).toEqual([
      expect.stringMatching(/Cannot spread fragment "A" within itself/),
    ]);
  });

  it('should refuse a document over the token limit before parsing it, comments not counted', () => {
    expect(parseWithinLimits('{ a b }', { maxTokens: 4 }).definitions).toHaveLength(1);
    expect(parseWithinLimits('# a comment\n{ a b }', { maxTokens: 4 }).definitions).toHaveLength(1);
    const refused = (() => {
      try {
        parseWithinLimits('{ a b c }', { maxTokens: 4 });
      } catch (error) {
        return error;
      }
    })();
    expect(refused).toBeInstanceOf(DocumentLimitError);
    expect(refused).toMatchObject({
      message: 'Token limit of 4 exceeded.',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } },
    });
  });
});
