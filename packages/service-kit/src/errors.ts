import { GraphQLError, type GraphQLFormattedError } from 'graphql';

import { DomainError } from './domain';
import type { Logger } from './logger';

/** Our own codes, raised as GraphQLError outside resolvers (e.g. by the context function). */
const PUBLIC_CODES = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'CONFLICT',
]);

const PASS_THROUGH = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

interface ValidationFailure {
  property: string;
  constraints?: Record<string, string>;
  children?: ValidationFailure[];
}

function flattenValidation(
  errors: ValidationFailure[],
  prefix = '',
): { field: string; messages: string[] }[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, messages: Object.values(e.constraints) }] : [];
    return [...own, ...flattenValidation(e.children ?? [], field)];
  });
}

/**
 * The one mapper from thrown errors to GraphQL errors (Apollo's `formatError`). Domain errors keep
 * their message and code; class-validator failures become BAD_USER_INPUT naming the fields;
 * GraphQL's own request errors pass; anything else is logged in full and masked.
 */
export function createErrorFormatter(logger: Logger, options: { maskInternal: boolean }) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
    if (original instanceof DomainError) {
      return {
        message: original.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: original.code, ...original.details },
      };
    }
    const validation = (original as { extensions?: { validationErrors?: ValidationFailure[] } })
      ?.extensions?.validationErrors;
    if (Array.isArray(validation)) {
      const fields = flattenValidation(validation);
      const first = fields[0];
      return {
        message: first ? `${first.field}: ${first.messages.join('; ')}` : 'invalid input',
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: 'BAD_USER_INPUT', field: first?.field, validationErrors: fields },
      };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && (PASS_THROUGH.has(code) || PUBLIC_CODES.has(code))) {
      return {
        message: formatted.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code },
      };
    }
    if (code === 'UNAUTHORIZED') {
      return { ...formatted, extensions: { code: 'FORBIDDEN' } };
    }
    logger.error({ err: original, path: formatted.path }, 'unexpected error');
    if (options.maskInternal) {
      return {
        message: 'Internal server error',
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      };
    }
    // The developer's switch (DEBUG_ERRORS): the message, and the stack Apollo attached.
    return {
      message: formatted.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: formatted.extensions?.stacktrace },
    };
  };
}
