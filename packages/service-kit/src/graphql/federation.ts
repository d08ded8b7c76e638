import {
  buildSubgraphSchema,
  printSubgraphSchema,
  type GraphQLResolverMap,
} from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { parse, type GraphQLSchema } from 'graphql';
import { buildSchema, createResolversMap, type BuildSchemaOptions } from 'type-graphql';

import { guardInputText } from './input-text';

/** The federation directives subgraphs may use. */
const FEDERATION_LINK = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@tag", "@interfaceObject"])`;

/** `__resolveReference` functions by entity type name. */
export type ReferenceResolvers = Record<
  string,
  { __resolveReference: (reference: { id: string }, context: never) => unknown }
>;

export interface Subgraph {
  schema: GraphQLSchema;
  /** The printed subgraph SDL (what `_service { sdl }` returns), committed as schema.graphql. */
  sdl: string;
}

/**
 * Builds a federation 2 subgraph from type-graphql resolvers: type-graphql's schema printed with
 * its directives (graphql-js printSchema would drop `@key`), plus the reference resolvers. Every
 * text argument is checked by {@link guardInputText} before its resolver runs.
 */
export async function buildSubgraph(
  options: Omit<BuildSchemaOptions, 'skipCheck'> & { referenceResolvers?: ReferenceResolvers },
): Promise<Subgraph> {
  const { referenceResolvers = {}, ...buildOptions } = options;
  // Entity-only subgraphs may have no Query of their own.
  const schema = await buildSchema({ ...buildOptions, skipCheck: true });
  const resolvers = guardInputText(
    schema,
    createResolversMap(schema) as GraphQLResolverMap<unknown>,
  );
  for (const [typeName, reference] of Object.entries(referenceResolvers)) {
    resolvers[typeName] = { ...(resolvers[typeName] as object), ...reference } as never;
  }
  const typeDefs = parse(`${FEDERATION_LINK}\n${printSchemaWithDirectives(schema)}`);
  const subgraphSchema = buildSubgraphSchema([{ typeDefs, resolvers }]);
  return { schema: subgraphSchema, sdl: printSubgraphSchema(subgraphSchema) };
}
