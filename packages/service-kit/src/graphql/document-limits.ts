import {
  getOperationAST,
  GraphQLError,
  Kind,
  Lexer,
  MaxIntrospectionDepthRule,
  parse,
  Source,
  TokenKind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type ParseOptions,
  type SelectionNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';

/**
 * What one GraphQL document may cost. The gateway and every subgraph apply the same limits, so a
 * subgraph called past the gateway is no easier to overload than the gateway itself.
 */
export interface DocumentLimits {
  /** Lexical tokens (graphql-js's lexer), checked before the document is parsed. */
  maxTokens: number;
  /** Fields on the longest path, its leaf included; fragments add no level. */
  maxDepth: number;
  /** Aliased fields: each alias is one more copy of a field's output. */
  maxAliases: number;
  /** A budget for the cost: a leaf costs 1, an object 2 plus 1.5 times what it selects. */
  maxCost: number;
}

/** The limits of a service's or the gateway's settings (`MAX_TOKENS`, `MAX_DEPTH`, …). */
export function documentLimitsOf(config: {
  MAX_TOKENS: number;
  MAX_DEPTH: number;
  MAX_ALIASES: number;
  MAX_COST: number;
}): DocumentLimits {
  return {
    maxTokens: config.MAX_TOKENS,
    maxDepth: config.MAX_DEPTH,
    maxAliases: config.MAX_ALIASES,
    maxCost: config.MAX_COST,
  };
}

/**
 * A document refused for exceeding a limit: a client error (HTTP 400) with the code of a
 * validation failure, whose message says what was exceeded and by how much.
 */
export class DocumentLimitError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } } });
  }
}

// The cost model of GraphQL Armor's cost limit, which the budget was first set against: a leaf
// costs 1, an object 2 plus 1.5 times what it selects, times a literal `first`/`last` (a variable's
// value before execution, see pageSize) — but a fragment adds no level, as it adds none to the answer.
const SCALAR_COST = 1;
const OBJECT_COST = 2;
const DEPTH_COST_FACTOR = 1.5;
const COSTLIEST_SHOWN = 3;

interface Measure {
  depth: number;
  aliases: number;
  cost: number;
}

const NOTHING: Measure = { depth: 0, aliases: 0, cost: 0 };

/** What an operation costs, and the cost of each of its root fields, costliest first. */
interface OperationMeasure extends Measure {
  /** `__schema` selections that do not merge into one (each under its own alias). */
  schemaIntrospections: number;
  /** `field` is the field as selected: `organizations`, `a1: __schema`. */
  rootFields: { field: string; cost: number }[];
}

interface RootField {
  field: string;
  name: string;
  cost: number;
}

/**
 * Measures an operation's depth, aliases and cost, introspection included.
 *
 * - Fragments (spread or inline) are measured where they are spread, adding no level.
 * - `__Type.ofType` unwraps a list or non-null type: it is measured as part of the type it
 *   unwraps, so the explorer's introspection query (nine `ofType` levels) fits the limits.
 *   How deep introspection may nest the lists that grow with the schema (`fields`,
 *   `interfaces`, …) is graphql-js's MaxIntrospectionDepthRule's to limit.
 * - A fragment is measured once per document, however often it is spread; a cycle (refused
 *   by validation anyway) counts nothing.
 */
function measureOperation(
  selections: readonly SelectionNode[],
  fragments: (name: string) => FragmentDefinitionNode | null | undefined,
  variables?: Readonly<Record<string, unknown>>,
): OperationMeasure {
  const measured = new Map<string, Measure>();
  const entered = new Set<string>();

  function fragment(name: string, introspection: boolean): Measure {
    const key = `${name}/${introspection}`;
    const known = measured.get(key);
    if (known) return known;
    const definition = fragments(name);
    if (!definition || entered.has(key)) return NOTHING;
    entered.add(key);
    const measure = selectionSet(definition.selectionSet.selections, introspection);
    entered.delete(key);
    measured.set(key, measure);
    return measure;
  }

  /** Selections side by side: the deepest, and the sum of aliases and cost. */
  function selectionSet(nodes: readonly SelectionNode[], introspection: boolean): Measure {
    const total = { ...NOTHING };
    for (const node of nodes) {
      const one =
        node.kind === Kind.FIELD
          ? field(node, introspection)
          : node.kind === Kind.INLINE_FRAGMENT
            ? selectionSet(node.selectionSet.selections, introspection)
            : fragment(node.name.value, introspection);
      total.depth = Math.max(total.depth, one.depth);
      total.aliases += one.aliases;
      total.cost += one.cost;
    }
    return total;
  }

  function field(node: FieldNode, introspection: boolean): Measure {
    const aliases = node.alias ? 1 : 0;
    if (!node.selectionSet) return { depth: 1, aliases, cost: SCALAR_COST };
    const inIntrospection =
      introspection || node.name.value === '__schema' || node.name.value === '__type';
    const inner = selectionSet(node.selectionSet.selections, inIntrospection);
    if (introspection && node.name.value === 'ofType') {
      return { ...inner, aliases: inner.aliases + aliases };
    }
    return {
      depth: 1 + inner.depth,
      aliases: aliases + inner.aliases,
      cost: (OBJECT_COST + DEPTH_COST_FACTOR * inner.cost) * pageSize(node, variables),
    };
  }

  /** Each root field by its response key (fields of one key merge), fragments at the root opened. */
  const rootFieldsOf = new Map<string, Map<string, RootField>>();
  const opening = new Set<string>();
  function rootFields(nodes: readonly SelectionNode[]): Map<string, RootField> {
    const found = new Map<string, RootField>();
    const add = (more: Map<string, RootField>) => {
      for (const [key, one] of more) {
        found.set(key, { ...one, cost: (found.get(key)?.cost ?? 0) + one.cost });
      }
    };
    for (const node of nodes) {
      if (node.kind === Kind.FIELD) {
        const key = node.alias?.value ?? node.name.value;
        const name = node.alias ? `${node.alias.value}: ${node.name.value}` : node.name.value;
        add(
          new Map([[key, { field: name, name: node.name.value, cost: field(node, false).cost }]]),
        );
      } else if (node.kind === Kind.INLINE_FRAGMENT) {
        add(rootFields(node.selectionSet.selections));
      } else {
        const name = node.name.value;
        let known = rootFieldsOf.get(name);
        const definition = fragments(name);
        if (!known && definition && !opening.has(name)) {
          opening.add(name);
          known = rootFields(definition.selectionSet.selections);
          opening.delete(name);
          rootFieldsOf.set(name, known);
        }
        if (known) add(known);
      }
    }
    return found;
  }

  const total = selectionSet(selections, false);
  const roots = [...rootFields(selections).values()];
  return {
    depth: total.depth,
    aliases: total.aliases,
    cost: Math.round(total.cost),
    schemaIntrospections: roots.filter(({ name }) => name === '__schema').length,
    rootFields: roots
      .map(({ field, cost }) => ({ field, cost: Math.round(cost) }))
      .sort((a, b) => b.cost - a.cost),
  };
}

/**
 * A literal `first`/`last` multiplies what a list selects, and so does a variable's value once it
 * is known. Validation runs before variables are known (and its result is cached per document),
 * so there a variable counts once, as in GraphQL Armor; {@link costRefusal} measures again with the
 * request's variables just before the operation runs, or `first: $n` with n = 100 at every level
 * would pass at a hundredth of its cost.
 */
function pageSize(node: FieldNode, variables?: Readonly<Record<string, unknown>>): number {
  const argument = node.arguments?.find(
    ({ name }) => name.value === 'first' || name.value === 'last',
  );
  const value =
    argument?.value.kind === Kind.INT
      ? Number(argument.value.value)
      : argument?.value.kind === Kind.VARIABLE
        ? variables?.[argument.value.name.value]
        : undefined;
  return typeof value === 'number' && Number.isFinite(value) ? Math.max(1, value) : 1;
}

function costMessage(limits: DocumentLimits, measure: OperationMeasure): string {
  const costliest = measure.rootFields
    .slice(0, COSTLIEST_SHOWN)
    .map(({ field, cost }) => `${field} (${cost})`)
    .join(', ');
  return (
    `Query cost limit of ${limits.maxCost} exceeded, found ${measure.cost}; ` +
    `the fields that cost most: ${costliest}.`
  );
}

/**
 * The cost refusal of an operation with its variables' values, or undefined when it is within
 * the budget: the check that runs just before execution (see {@link pageSize}).
 */
export function costRefusal(
  limits: DocumentLimits,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Readonly<Record<string, unknown>> | null | undefined,
): DocumentLimitError | undefined {
  const operation = getOperationAST(document, operationName);
  if (!operation) return undefined;
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  const measure = measureOperation(
    operation.selectionSet.selections,
    (name) => fragments.get(name),
    variables ?? {},
  );
  return measure.cost > limits.maxCost
    ? new DocumentLimitError(costMessage(limits, measure))
    : undefined;
}

/**
 * Refuses each operation over a depth, alias or cost limit, saying which and by how much, and one
 * that introspects the whole schema more than once: one `__schema` costs what a page of data
 * does, but answers with the whole schema (200 KB), so a budget that fits the explorer's
 * introspection would still let a few dozen aliased copies through.
 */
export function documentLimitsRule(limits: DocumentLimits): ValidationRule {
  return function DocumentLimitsRule(context: ValidationContext) {
    return {
      OperationDefinition(operation) {
        const measure = measureOperation(operation.selectionSet.selections, (name) =>
          context.getFragment(name),
        );
        if (measure.depth > limits.maxDepth) {
          context.reportError(
            new DocumentLimitError(
              `Query depth limit of ${limits.maxDepth} exceeded, found ${measure.depth}.`,
            ),
          );
        }
        if (measure.aliases > limits.maxAliases) {
          context.reportError(
            new DocumentLimitError(
              `Aliases limit of ${limits.maxAliases} exceeded, found ${measure.aliases}.`,
            ),
          );
        }
        if (measure.schemaIntrospections > 1) {
          context.reportError(
            new DocumentLimitError(
              `The schema may be introspected once per operation, found ${measure.schemaIntrospections} __schema selections.`,
            ),
          );
        }
        if (measure.cost > limits.maxCost) {
          context.reportError(new DocumentLimitError(costMessage(limits, measure)));
        }
        return false;
      },
    };
  };
}

/** The validation rules of the limits: depth, aliases and cost, and introspection's nesting. */
export function documentLimitRules(limits: DocumentLimits): ValidationRule[] {
  return [documentLimitsRule(limits), MaxIntrospectionDepthRule];
}

/**
 * Parses a document, refusing it unread past `maxTokens` tokens (comments aside, as
 * graphql-js's own `maxTokens` counts them).
 */
export function parseWithinLimits(
  source: string | Source,
  limits: Pick<DocumentLimits, 'maxTokens'>,
  options?: ParseOptions,
): DocumentNode {
  const lexer = new Lexer(typeof source === 'string' ? new Source(source) : source);
  let tokens = 0;
  while (lexer.advance().kind !== TokenKind.EOF) {
    tokens += 1;
    if (tokens > limits.maxTokens) {
      throw new DocumentLimitError(`Token limit of ${limits.maxTokens} exceeded.`);
    }
  }
  return parse(source, options);
}
