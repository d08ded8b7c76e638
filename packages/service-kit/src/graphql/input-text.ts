import type { GraphQLResolverMap } from '@apollo/subgraph';
import {
  defaultFieldResolver,
  getNamedType,
  getNullableType,
  isInputObjectType,
  isListType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLInputField,
  type GraphQLInputType,
  type GraphQLScalarType,
  type GraphQLSchema,
} from 'graphql';
import { Extensions } from 'type-graphql';

import { characterCount, DomainError, textFault } from '../domain';

/**
 * The most characters (code points of the NFC form) one String or ID argument or input field may
 * carry, by kind. Each is checked before any resolver runs; a service's decisions may hold a field
 * to less (a name to 300). The table in the kit README says the same.
 */
export const INPUT_TEXT_LIMITS = {
  /**
   * Anything not marked: names, titles, numbers, ids, addresses, cursors. One line; as long as the
   * longest one-line value a decision takes (a web address).
   */
  default: 2_000,
  /** Search terms (`@SearchText()`): every character is work for the database. One line. */
  search: 200,
  /** Prose (`@LongText()`): minutes, statements, letters, answers, descriptions, reasons. */
  long: 20_000,
} as const;

type InputTextKind = keyof typeof INPUT_TEXT_LIMITS;

// The extension keys the markers set; one per kind, since type-graphql merges extensions shallowly.
const MARKS = { long: 'kollegiaLongText', search: 'kollegiaSearchText' } as const;
type MarkedKind = keyof typeof MARKS;

function mark(kind: MarkedKind, args: string[]) {
  return Extensions({ [MARKS[kind]]: args.length > 0 ? args : true });
}

/**
 * Marks prose, which may hold line breaks and up to {@link INPUT_TEXT_LIMITS}.long characters: on
 * an input field `@LongText() @Field() body`, on a query or mutation the arguments that are prose,
 * `@LongText('reason')`.
 */
export const LongText = (...args: string[]) => mark('long', args);

/**
 * Marks a search term, held to {@link INPUT_TEXT_LIMITS}.search characters: on an input field
 * `@SearchText() @Field() text`, on a query the arguments that are search terms.
 */
export const SearchText = (...args: string[]) => mark('search', args);

function isText(type: GraphQLInputType): boolean {
  const named = getNamedType(type);
  return isScalarType(named) && (named.name === 'String' || named.name === 'ID');
}

/** The kind the markers in `extensions` give an input field or argument (`marked` reads one). */
function kindOf(
  where: string,
  extensions: Record<string, unknown>,
  type: GraphQLInputType,
  marked: (value: unknown) => boolean,
): InputTextKind {
  const kinds = (Object.keys(MARKS) as MarkedKind[]).filter((kind) =>
    marked(extensions[MARKS[kind]]),
  );
  if (kinds.length > 1) throw new Error(`${where} is marked both ${kinds.join(' and ')}`);
  const [kind] = kinds;
  if (kind && !isText(type)) throw new Error(`${where} is marked ${kind} but is not a String`);
  return kind ?? 'default';
}

const inputFieldKind = (owner: string, field: GraphQLInputField) =>
  kindOf(`${owner}.${field.name}`, field.extensions, field.type, (value) => {
    if (Array.isArray(value))
      throw new Error(`${owner}.${field.name}: markers name no arguments here`);
    return value === true;
  });

const argumentKind = (owner: string, field: GraphQLField<unknown, unknown>, arg: GraphQLArgument) =>
  kindOf(
    `${owner}.${field.name}(${arg.name}:)`,
    field.extensions,
    arg.type,
    (value) => Array.isArray(value) && value.includes(arg.name),
  );

/** Throws when a text breaks its kind's rule; `element` says it is one value of a list. */
function checkText(field: string, value: string, kind: InputTextKind, element: boolean): void {
  const limit = INPUT_TEXT_LIMITS[kind];
  if (characterCount(value.normalize('NFC')) > limit) {
    const subject = element ? 'each value must' : 'must';
    throw new DomainError('BAD_USER_INPUT', `${field}: ${subject} be at most ${limit} characters`, {
      field,
      maxLength: limit,
    });
  }
  const fault = textFault(value, { multiline: kind === 'long' });
  if (fault) throw new DomainError('BAD_USER_INPUT', `${field}: ${fault}`, { field });
}

/** A check of one argument's (coerced) value, or undefined when it carries no text. */
type Check = (value: unknown, field: string) => void;

/**
 * Compiles the check of an input type. Fields are named as decisions name them: relative to the
 * input object (`body`, `document.number`), list elements of objects by index (`items[2].title`),
 * of strings by the list (`industries`).
 */
function checkOf(type: GraphQLInputType, kind: InputTextKind, element = false): Check | undefined {
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    const ofObjects = isInputObjectType(getNamedType(nullable.ofType));
    const check = checkOf(nullable.ofType, kind, !ofObjects);
    if (!check) return undefined;
    return (value, field) => {
      (value as unknown[]).forEach((item, index) => {
        if (item !== null) check(item, ofObjects ? `${field}[${index}]` : field);
      });
    };
  }
  if (isInputObjectType(nullable)) {
    const checks = Object.values(nullable.getFields()).flatMap((inputField) => {
      const check = checkOf(inputField.type, inputFieldKind(nullable.name, inputField));
      return check ? [{ name: inputField.name, check }] : [];
    });
    if (checks.length === 0) return undefined;
    return (value, field) => {
      const object = value as Record<string, unknown>;
      for (const { name, check } of checks) {
        const inner = object[name];
        if (inner !== undefined && inner !== null) check(inner, field ? `${field}.${name}` : name);
      }
    };
  }
  return isText(nullable)
    ? (value, field) => checkText(field, value as string, kind, element)
    : undefined;
}

/**
 * Wraps every resolver whose arguments carry a String or ID (directly, in lists or in input
 * objects) so that each text is checked before the resolver runs: at most its kind's
 * {@link INPUT_TEXT_LIMITS} in characters, one line unless it is prose, no control or bidirectional
 * override characters. A refusal is BAD_USER_INPUT with `extensions.field` (and `maxLength` when too
 * long), so no service can take an unbounded text by forgetting a check. Markers naming no String
 * argument, or put on something else, fail the build.
 */
/** The resolvers of one object type, as the resolver map holds them. */
type ObjectResolvers = Exclude<
  GraphQLResolverMap<unknown>[string],
  GraphQLScalarType | { [enumValue: string]: string | number }
>;

export function guardInputText(
  schema: GraphQLSchema,
  resolvers: GraphQLResolverMap<unknown>,
): GraphQLResolverMap<unknown> {
  const guarded: GraphQLResolverMap<unknown> = { ...resolvers };
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      for (const key of Object.values(MARKS)) {
        const value = field.extensions[key];
        if (value === true) {
          throw new Error(`${type.name}.${field.name}: a marker on a field names its arguments`);
        }
        const unknownArg = Array.isArray(value)
          ? (value as string[]).find((name) => !field.args.some((arg) => arg.name === name))
          : undefined;
        if (unknownArg) throw new Error(`${type.name}.${field.name} has no argument ${unknownArg}`);
      }
      const checks = field.args.flatMap((arg) => {
        const check = checkOf(arg.type, argumentKind(type.name, field, arg));
        // An input object's fields are named without the argument, as the decisions name them.
        const name = isInputObjectType(getNullableType(arg.type)) ? '' : arg.name;
        return check ? [{ arg: arg.name, name, check }] : [];
      });
      if (checks.length === 0) continue;
      const fields = (guarded[type.name] ?? {}) as Record<string, unknown>;
      const resolve = fields[field.name] ?? defaultFieldResolver;
      // Subgraphs serve no subscriptions (the gateway does, from Kafka): every entry is a resolver.
      if (typeof resolve !== 'function')
        throw new Error(`${type.name}.${field.name} is not a resolver`);
      const guardedResolve: GraphQLFieldResolver<unknown, unknown, Record<string, unknown>> = (
        source,
        args,
        context,
        info,
      ) => {
        try {
          for (const { arg, name, check } of checks) {
            const value = args[arg];
            if (value !== undefined && value !== null) check(value, name);
          }
        } catch (error) {
          // Refused as a rejected promise, never thrown: graphql-js 16 gives up on an object's
          // remaining fields when a non-null field throws, and a sibling's promise that rejects
          // afterwards has no handler, which ends the process (found by the security tier's
          // fuzzer: `people { nodes { a: communities(after: <long>) b: communities(…) } }`).
          return Promise.reject(error instanceof Error ? error : new Error(String(error)));
        }
        return (resolve as GraphQLFieldResolver<unknown, unknown>)(source, args, context, info);
      };
      const withGuard: Record<string, unknown> = { ...fields, [field.name]: guardedResolve };
      guarded[type.name] = withGuard as ObjectResolvers;
    }
  }
  return guarded;
}
