import fc from 'fast-check';
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isInterfaceType,
  isUnionType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';

/** One generated operation: its text and variables, and who sends it. */
export interface FuzzCase {
  query: string;
  variables: Record<string, unknown>;
  /** Index into the caller pool the test builds (tokens of random roles and tenants). */
  caller: number;
  /** What it is, for the failure message: `query organizations`, `garbage`. */
  kind: string;
}

/** Strings clients could send: ordinary, hostile, and odd Unicode, short and long. */
const hostileStrings: string[] = [
  '',
  ' ',
  'null',
  '0',
  '-1',
  '{"$gt": ""}',
  '{"$where": "sleep(1000)"}',
  '$ne',
  "' OR '1'='1",
  '../../../etc/passwd',
  '<script>alert(1)</script>',
  '${7*7}',
  '%00',
  '\u0000',
  '\u0000\u0000\u0000',
  '\u200b\u200c\u200d',
  '\u202e\u2066',
  '\ud800',
  '\udfff\ud800',
  'ё Ё е Е',
  '🏳️‍🌈👩‍👩‍👧‍👦',
  'R-2016-04',
  'АКИТ-2016/014',
  '0000-00-00',
  '0000-01-01',
  '9999-12-31',
  '2024-02-30',
  '2024-13-01T25:61:61Z',
  'NaN',
  'Infinity',
  '\r\n\t',
  'a'.repeat(300),
  'я'.repeat(2_001),
];

const textArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 3, arbitrary: fc.constantFrom(...hostileStrings) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('x', 'я', '😀', '\u0301'), fc.integer({ min: 150, max: 6_000 }))
      .map(([c, n]) => c.repeat(n)),
  },
);

const intArb = fc.oneof(
  fc.integer({ min: -3, max: 120 }),
  fc.constantFrom(0, 1, 100, 101, -1, 2 ** 31 - 1, -(2 ** 31)),
);
const anyScalarArb: fc.Arbitrary<unknown> = fc.oneof(
  textArb,
  intArb,
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(2 ** 53),
);

/** An argument's value: in the form that goes out as a variable (JSON), or inlined. */
type Value = { json: unknown; literal: string };

const stringLiteral = (value: string) => JSON.stringify(value);

function jsonToLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return stringLiteral(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '0';
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(jsonToLiteral).join(', ')}]`;
  return `{ ${Object.entries(value as Record<string, unknown>)
    .map(([k, v]) => `${k}: ${jsonToLiteral(v)}`)
    .join(', ')} }`;
}

/**
 * Builds operations over a schema: random root fields of Query and Mutation, argument values of
 * the right type (ids of the tenants' data among them) and of wrong ones, hostile and huge
 * strings, random selections with aliases, inline and named fragments and `__typename`, as
 * variables or inline, and now and then broken text.
 */
export class OperationFuzzer {
  /** Arbitraries are built once per type and depth: building them is what costs. */
  private readonly built = new Map<string, fc.Arbitrary<unknown>>();

  private memo<T>(key: string, build: () => fc.Arbitrary<T>): fc.Arbitrary<T> {
    let arbitrary = this.built.get(key) as fc.Arbitrary<T> | undefined;
    if (!arbitrary) {
      arbitrary = build();
      this.built.set(key, arbitrary);
    }
    return arbitrary;
  }

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly ids: string[],
    private readonly callers: number,
  ) {}

  private idArb(): fc.Arbitrary<string> {
    return fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...this.ids) },
      { weight: 1, arbitrary: fc.stringMatching(/^[0-9a-f]{24}$/) },
      { weight: 1, arbitrary: textArb },
    );
  }

  private enumArb(values: string[]): fc.Arbitrary<Value> {
    return fc.oneof(
      { weight: 5, arbitrary: fc.constantFrom(...values).map((v) => ({ json: v, literal: v })) },
      // A typo: the gateway must refuse it without suggesting the right value.
      {
        weight: 1,
        arbitrary: fc.constantFrom(...values).map((v) => ({ json: `${v}X`, literal: `${v}X` })),
      },
    );
  }

  /** A leaf value of `type` that stays short (for long lists). */
  private shortValue(type: GraphQLInputType): fc.Arbitrary<Value> {
    const named = getNamedType(type);
    if (isEnumType(named)) return this.enumArb(named.getValues().map((v) => v.name));
    const json =
      named.name === 'Int'
        ? intArb
        : named.name === 'Boolean'
          ? fc.boolean()
          : fc.string({ maxLength: 12 });
    return json.map((value: unknown) => ({ json: value, literal: jsonToLiteral(value) }));
  }

  /** A value of `type`, now and then of another type altogether. */
  value(type: GraphQLInputType, depth: number): fc.Arbitrary<Value> {
    return this.memo(`value ${String(type)} ${depth}`, () => this.anyValue(type, depth));
  }

  private anyValue(type: GraphQLInputType, depth: number): fc.Arbitrary<Value> {
    const wrong = anyScalarArb.map((json) => ({ json, literal: jsonToLiteral(json) }));
    return fc.oneof(
      { weight: 9, arbitrary: this.rightValue(type, depth) },
      { weight: 1, arbitrary: wrong },
    );
  }

  private rightValue(type: GraphQLInputType, depth: number): fc.Arbitrary<Value> {
    const nullable = getNullableType<GraphQLInputType>(type);
    if (isListType(nullable)) {
      const inner = this.value(nullable.ofType, depth + 1);
      // Long lists (past the services' 100) of leaves only: long lists of objects are the body
      // limit's to refuse, which the bombs check.
      const long = isLeafType(getNamedType(nullable.ofType)) && depth === 0;
      const length = long
        ? fc.oneof(
            { weight: 6, arbitrary: fc.integer({ min: 0, max: 3 }) },
            { weight: 1, arbitrary: fc.constant(101) },
          )
        : fc.integer({ min: 0, max: 2 });
      return length.chain((n) =>
        fc
          .array(n > 3 ? this.shortValue(nullable.ofType) : inner, { minLength: n, maxLength: n })
          .map((items) => ({
            json: items.map((item) => item.json),
            literal: `[${items.map((item) => item.literal).join(', ')}]`,
          })),
      );
    }
    if (isInputObjectType(nullable)) {
      if (depth > 3) return fc.constant({ json: {}, literal: '{}' });
      const fields = Object.values(nullable.getFields());
      return fc
        .tuple(
          ...fields.map((field) =>
            fc.option(this.value(field.type, depth + 1), {
              freq: isNonNullType(field.type) ? 12 : 2,
            }),
          ),
        )
        .map((values) => {
          const present = fields.flatMap((field, i) =>
            values[i] ? [[field.name, values[i]] as const] : [],
          );
          return {
            json: Object.fromEntries(present.map(([name, v]) => [name, v.json])),
            literal: `{ ${present.map(([name, v]) => `${name}: ${v.literal}`).join(', ')} }`,
          };
        });
    }
    if (isEnumType(nullable)) return this.enumArb(nullable.getValues().map((v) => v.name));
    const name = (nullable as GraphQLNamedType).name;
    const scalar: fc.Arbitrary<unknown> =
      name === 'ID'
        ? this.idArb()
        : name === 'Int'
          ? intArb
          : name === 'Float'
            ? fc.double({ noNaN: true, noDefaultInfinity: true })
            : name === 'Boolean'
              ? fc.boolean()
              : name === 'DateTimeISO'
                ? fc.oneof(
                    fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
                    textArb,
                  )
                : textArb;
    return scalar.map((json) => ({ json, literal: jsonToLiteral(json) }));
  }

  /** A selection set on an output type, `depth` levels down. */
  selection(type: GraphQLNamedType, depth: number): fc.Arbitrary<string> {
    return this.memo(`selection ${type.name} ${depth}`, () => this.newSelection(type, depth));
  }

  private newSelection(type: GraphQLNamedType, depth: number): fc.Arbitrary<string> {
    if (isLeafType(type)) return fc.constant('');
    if (isUnionType(type)) {
      return fc
        .constantFrom(...type.getTypes())
        .chain((member) =>
          this.selection(member, depth).map(
            (inner) => `{ __typename ... on ${member.name} ${inner} }`,
          ),
        );
    }
    const object = type as GraphQLObjectType;
    const fields = Object.values(object.getFields()).filter((field) =>
      isObjectType(getNamedType(field.type)) ||
      isInterfaceType(getNamedType(field.type)) ||
      isUnionType(getNamedType(field.type))
        ? depth < 4
        : true,
    );
    if (fields.length === 0) return fc.constant('{ __typename }');
    const one = (field: GraphQLField<unknown, unknown>) => {
      const named = getNamedType(field.type);
      const args = this.arguments(field, depth + 2);
      const inner = isLeafType(named) ? fc.constant('') : this.selection(named, depth + 1);
      return fc
        .tuple(fc.option(fc.constantFrom('a', 'b', 'x1'), { freq: 8 }), args, inner)
        .map(
          ([alias, a, sub]) =>
            `${alias ? `${alias}_${field.name}: ` : ''}${field.name}${a.text} ${sub}`,
        );
    };
    const picked = fc
      .uniqueArray(fc.constantFrom(...fields), { minLength: 1, maxLength: 4 })
      .chain((chosen) => fc.tuple(...chosen.map(one)));
    return fc
      .tuple(picked, fc.boolean(), fc.integer({ min: 0, max: 9 }))
      .map(([parts, typename, shape]) => {
        const body = [...parts, ...(typename ? ['__typename'] : [])].join(' ');
        // Now and then as an inline fragment on the type itself.
        return shape === 0 ? `{ ... on ${object.name} { ${body} } }` : `{ ${body} }`;
      });
  }

  /** Inline arguments of a nested field (variables are for root fields). */
  private arguments(
    field: GraphQLField<unknown, unknown>,
    depth: number,
  ): fc.Arbitrary<{ text: string }> {
    return this.memo(
      `arguments ${field.name} ${String(field.type)} ${field.args.map((a) => `${a.name}:${String(a.type)}`).join()} ${depth}`,
      () => this.newArguments(field, depth),
    );
  }

  private newArguments(
    field: GraphQLField<unknown, unknown>,
    depth: number,
  ): fc.Arbitrary<{ text: string }> {
    if (field.args.length === 0) return fc.constant({ text: '' });
    return fc
      .tuple(
        ...field.args.map((arg) =>
          fc.option(this.value(arg.type, depth), { freq: isNonNullType(arg.type) ? 12 : 3 }),
        ),
      )
      .map((values) => {
        const present = field.args.flatMap((arg, i) =>
          values[i] ? [`${arg.name}: ${values[i].literal}`] : [],
        );
        return { text: present.length ? `(${present.join(', ')})` : '' };
      });
  }

  /** A query or mutation on one root field, its arguments inline or as variables. */
  private rootOperation(kind: 'query' | 'mutation'): fc.Arbitrary<FuzzCase> {
    const root = kind === 'query' ? this.schema.getQueryType()! : this.schema.getMutationType()!;
    const fields = Object.values(root.getFields());
    return this.memo(`root ${kind}`, () =>
      fc.oneof(...fields.map((field) => this.rootField(kind, root, field))),
    );
  }

  private rootField(
    kind: 'query' | 'mutation',
    root: GraphQLObjectType,
    field: GraphQLField<unknown, unknown>,
  ): fc.Arbitrary<FuzzCase> {
    const named = getNamedType(field.type);
    return fc
      .tuple(
        fc.tuple(
          ...field.args.map((arg) =>
            fc.tuple(
              fc.option(this.value(arg.type, 0), { freq: isNonNullType(arg.type) ? 20 : 2 }),
              fc.boolean(),
            ),
          ),
        ),
        isLeafType(named) ? fc.constant('') : this.selection(named, 1),
        fc.option(fc.constantFrom('a', 'first'), { freq: 6 }),
        fc.integer({ min: 0, max: this.callers - 1 }),
        fc.boolean(),
      )
      .map(([argValues, selection, alias, caller, named]) => {
        const declarations: string[] = [];
        const variables: Record<string, unknown> = {};
        const args = field.args.flatMap((arg, i) => {
          const [value, asVariable] = argValues[i]!;
          if (!value) return [];
          if (!asVariable) return [`${arg.name}: ${value.literal}`];
          declarations.push(`$${arg.name}: ${String(arg.type)}`);
          variables[arg.name] = value.json;
          return [`${arg.name}: $${arg.name}`];
        });
        const call = `${alias ? `${alias}: ` : ''}${field.name}${args.length ? `(${args.join(', ')})` : ''} ${selection}`;
        const head = `${kind}${named ? ' Fuzz' : ''}${declarations.length ? `(${declarations.join(', ')})` : ''}`;
        // A third of the selections go through a named fragment on the root type.
        const query =
          caller % 3 === 0
            ? `${head} { ...Root } fragment Root on ${root.name} { ${call} }`
            : `${head} { ${call} }`;
        return { query, variables, caller, kind: `${kind} ${field.name}` };
      });
  }

  /** Cheap ones: broken text, cut operations, unknown fields, wrong variables. */
  private broken(): fc.Arbitrary<FuzzCase> {
    return fc.oneof(
      fc.tuple(this.rootOperation('query'), fc.nat()).map(([c, cut]) => ({
        ...c,
        query: c.query.slice(0, cut % Math.max(1, c.query.length)),
        kind: 'cut',
      })),
      fc.tuple(textArb, fc.nat()).map(([text, caller]) => ({
        query: text,
        variables: {},
        caller: caller % this.callers,
        kind: 'garbage',
      })),
      fc.tuple(fc.stringMatching(/^[a-z][A-Za-z]{0,12}$/), fc.nat()).map(([name, caller]) => ({
        query: `{ ${name} { id } }`,
        variables: {},
        caller: caller % this.callers,
        kind: 'unknown field',
      })),
      fc
        .tuple(
          this.rootOperation('query'),
          fc.dictionary(fc.string({ maxLength: 8 }), anyScalarArb, { maxKeys: 4 }),
        )
        .map(([c, variables]) => ({
          ...c,
          variables,
          kind: 'wrong variables',
        })),
    );
  }

  /** Every kind mixed: mostly well-formed queries and mutations. */
  operations(): fc.Arbitrary<FuzzCase> {
    return fc.oneof(
      { weight: 5, arbitrary: this.rootOperation('query') },
      { weight: 3, arbitrary: this.rootOperation('mutation') },
      { weight: 2, arbitrary: this.broken() },
    );
  }

  /** Subscriptions over the gateway's Subscription type, for graphql-ws. */
  subscriptions(): fc.Arbitrary<FuzzCase> {
    const root = this.schema.getSubscriptionType();
    if (!root) throw new Error('the gateway serves no subscriptions');
    const fields = Object.values(root.getFields());
    return fc.constantFrom(...fields).chain((field) =>
      fc
        .tuple(this.arguments(field, 0), this.selection(getNamedType(field.type), 1), fc.nat())
        .map(([args, selection, caller]) => ({
          query: `subscription { ${field.name}${args.text} ${selection} }`,
          variables: {},
          caller: caller % this.callers,
          kind: `subscription ${field.name}`,
        })),
    );
  }
}
