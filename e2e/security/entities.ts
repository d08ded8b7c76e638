import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import {
  buildSchema,
  getNamedType,
  isLeafType,
  isNonNullType,
  isObjectType,
  type GraphQLObjectType,
} from 'graphql';

/** An entity type a subgraph resolves by key, and what to select of it there. */
export interface EntityType {
  typename: string;
  selection: string;
}

/**
 * The entity types a subgraph resolves through `_entities` (each `@key` type of its committed
 * SDL), with every field of it the subgraph serves that takes no required argument, leaves only.
 */
export function entityTypes(subgraph: string): EntityType[] {
  const sdl = readFileSync(
    join(__dirname, '..', '..', 'services', subgraph, 'schema.graphql'),
    'utf8',
  );
  const schema = buildSchema(sdl, { assumeValidSDL: true });
  return Object.values(schema.getTypeMap())
    .filter(
      (type): type is GraphQLObjectType =>
        isObjectType(type) && !!type.astNode?.directives?.some((d) => d.name.value === 'key'),
    )
    .map((type) => {
      const leaves = Object.values(type.getFields())
        .filter(
          (field) =>
            isLeafType(getNamedType(field.type)) &&
            !field.args.some((arg) => isNonNullType(arg.type)),
        )
        .map((field) => field.name);
      return { typename: type.name, selection: `... on ${type.name} { ${leaves.join(' ')} }` };
    });
}
