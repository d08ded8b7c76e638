import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { GraphQLError, type ExecutionResult } from 'graphql';

/** graphql-js's hint (`didYouMean`): ` Did you mean "a", "b", or "c"?`, `… the enum value "X"?`. */
const SUGGESTION = /\s*Did you mean [^?]*\?/;
const SUGGESTIONS = new RegExp(SUGGESTION.source, 'g');

function withoutSuggestion<E extends { message: string }>(error: E): E {
  if (!SUGGESTION.test(error.message)) return error;
  const message = error.message.replace(SUGGESTIONS, '');
  if (error instanceof GraphQLError) {
    return new GraphQLError(message, {
      nodes: error.nodes,
      source: error.source,
      positions: error.positions,
      path: error.path,
      originalError: error.originalError,
      extensions: error.extensions,
    }) as unknown as E;
  }
  // Results from a subgraph may carry plain error objects.
  return { ...error, message };
}

function withoutSuggestions(result: ExecutionResult): ExecutionResult | undefined {
  if (!result.errors?.some((error) => SUGGESTION.test(error.message))) return undefined;
  return { ...result, errors: result.errors.map(withoutSuggestion) };
}

interface ResultHook {
  result: unknown;
  setResult: (result: ExecutionResult) => void;
}

/** Strips the suggestion from every result of an execution, one result or a stream of them. */
function onResults({ result, setResult }: ResultHook) {
  const strip = ({ result: one, setResult: set }: ResultHook) => {
    const stripped = withoutSuggestions(one as ExecutionResult);
    if (stripped) set(stripped);
  };
  if (result && typeof result === 'object' && Symbol.asyncIterator in result) {
    return { onNext: strip };
  }
  strip({ result, setResult });
  return undefined;
}

/**
 * No "Did you mean …?" in any error: a typo's suggestion names enum values, fields and types
 * the caller did not ask about, which maps the schema for whoever probes it (introspection may be
 * off for them). Validation errors (a document's enum literal, field or argument), variable
 * values (an enum typo in `variables`) and subgraphs' errors alike, over HTTP, SSE and graphql-ws.
 */
export function useNoSuggestions(): GatewayPlugin {
  return {
    onValidate() {
      return ({ result, setResult }) => {
        if (result.some((error: Error) => SUGGESTION.test(error.message)))
          setResult(result.map(withoutSuggestion));
      };
    },
    onExecute() {
      return { onExecuteDone: onResults as never };
    },
    onSubscribe() {
      return { onSubscribeResult: onResults as never };
    },
  };
}
