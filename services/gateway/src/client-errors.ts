import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { ExecutionResult, GraphQLFormattedError } from 'graphql';

type AnyError = GraphQLFormattedError & { extensions?: Record<string, unknown> };

/**
 * The code of a refusal Yoga or graphql-js raise without one, by what their message says: a
 * variable's value that does not fit its type is the caller's input (as Apollo Server codes it);
 * a body that is not a GraphQL request is a bad request.
 */
function codeOf(message: string): string {
  if (/^Variable "\$/.test(message)) return 'BAD_USER_INPUT';
  if (/^Syntax Error/.test(message)) return 'GRAPHQL_PARSE_FAILED';
  return 'BAD_REQUEST';
}

/**
 * Gives an error a code and takes away what a library attached for its own use, in place: other
 * plugins recognise errors by their class (a limit's refusal is answered 400), and Yoga reads
 * their HTTP status from the same objects.
 */
function forClient(error: AnyError, debug: boolean): void {
  const extensions = (error.extensions ?? {}) as Record<string, unknown>;
  if (!debug) {
    delete extensions.originalError;
    delete extensions.stacktrace;
  }
  const uncoded = typeof extensions.code !== 'string';
  if (uncoded) extensions.code = codeOf(error.message);
  // A request refused before it ran (Yoga's and graphql-js's refusals, which come without a code
  // or as BAD_REQUEST without a path) is the client's error, whatever media type it accepts (Yoga
  // answers 200 to an `application/json` client unless the error says otherwise).
  const http = extensions.http as { status?: number; spec?: boolean } | undefined;
  const refusal = uncoded || (extensions.code === 'BAD_REQUEST' && !error.path);
  if (refusal) {
    // `spec: true` (Yoga's mark on its own refusals) would let an `application/json` client get 200.
    const status = http?.status && http.status >= 400 ? http.status : 400;
    extensions.http = { ...http, status, spec: false };
  }
  if (!error.extensions) Object.assign(error, { extensions });
}

/**
 * Every error a client gets has a code it can branch on, and none carries what a library attached
 * for itself: Yoga answers a body that is not JSON with the parser's error under
 * `extensions.originalError` (its name and the parser's message), and graphql-js's refusals of
 * variable values have no code at all. Behind the developer's switch DEBUG_ERRORS they stay.
 */
export function useClientErrors(debug: boolean): GatewayPlugin {
  return {
    onResultProcess({ result }) {
      if (Array.isArray(result) || !result || typeof result !== 'object') return;
      const single = result as ExecutionResult;
      if (!Array.isArray(single.errors) || single.errors.length === 0) return;
      for (const error of single.errors) forClient(error as AnyError, debug);
    },
  } as GatewayPlugin;
}
