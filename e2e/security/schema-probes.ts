import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  getNullableType,
  isInputObjectType,
  isLeafType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLNamedType,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';

import type { Client } from './client';

/** The schema the gateway serves (the public API and its subscriptions), as a client sees it. */
export async function servedSchema(client: Client, authorization: string): Promise<GraphQLSchema> {
  const reply = await client.post(
    'introspection',
    client.gatewayUrl,
    { query: getIntrospectionQuery() },
    authorization,
  );
  if (!reply.json?.data)
    throw new Error(`introspection failed (${reply.status}): ${reply.text.slice(0, 300)}`);
  return buildClientSchema(reply.json.data as IntrospectionQuery);
}

/**
 * Every field of a type a caller could read without arguments, two levels down (lists as
 * connections' `nodes`): what an answer would show of someone else's data if it showed any.
 */
export function selectAll(type: GraphQLNamedType, depth = 2): string {
  if (isLeafType(type) || !isObjectType(type)) return '';
  const fields = Object.values(type.getFields()).filter(
    (field) => !field.args.some((arg) => isNonNullType(arg.type)),
  );
  const parts = fields.flatMap((field) => {
    const named = getNamedType(field.type);
    if (isLeafType(named)) return [field.name];
    if (depth <= 0 || !isObjectType(named)) return [];
    const inner = selectAll(named, depth - 1);
    return inner ? [`${field.name} ${inner}`] : [];
  });
  return parts.length ? `{ ${parts.join(' ')} }` : '';
}

/** One way a root field takes an id: `organization(id: $id)`, `people(filter: { communityId: $id })`. */
export interface IdProbe {
  label: string;
  query: string;
}

/**
 * Every root field of Query that takes an id — as an argument, or as a field of an input object
 * argument (a filter) — each as an operation with the id in `$id` and a selection of all it can
 * show.
 */
export function idProbes(schema: GraphQLSchema): IdProbe[] {
  const probes: IdProbe[] = [];
  for (const field of Object.values(schema.getQueryType()!.getFields())) {
    const selection = selectAll(getNamedType(field.type));
    const required = field.args.filter((arg) => isNonNullType(arg.type));
    for (const arg of field.args) {
      const type = getNullableType(arg.type);
      if (isScalarType(type) && type.name === 'ID') {
        if (required.some((other) => other !== arg)) continue;
        probes.push({
          label: `${field.name}(${arg.name})`,
          query: `query($id: ID!) { ${field.name}(${arg.name}: $id) ${selection} }`,
        });
      } else if (isInputObjectType(type) && required.every((other) => other === arg)) {
        for (const inner of Object.values(type.getFields())) {
          const innerType = getNullableType(inner.type);
          if (!isScalarType(innerType) || innerType.name !== 'ID') continue;
          probes.push({
            label: `${field.name}(${arg.name}.${inner.name})`,
            query: `query($id: ID!) { ${field.name}(${arg.name}: { ${inner.name}: $id }) ${selection} }`,
          });
        }
      }
    }
  }
  return probes;
}

/**
 * The root fields of Query that take no required argument, each with all it can show: what a
 * caller lists of its own tenant.
 */
export function listProbes(schema: GraphQLSchema): IdProbe[] {
  return Object.values(schema.getQueryType()!.getFields())
    .filter((field) => !field.args.some((arg) => isNonNullType(arg.type)))
    .map((field) => ({
      label: field.name,
      query: `{ ${field.name} ${selectAll(getNamedType(field.type))} }`,
    }));
}
