import type { IncomingMessage, ServerResponse } from 'node:http';

import { blockFieldSuggestionsPlugin } from '@escape.tech/graphql-armor-block-field-suggestions';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import {
  costRefusal,
  documentLimitRules,
  documentLimitsOf,
  DocumentLimitError,
  hasRole,
  parseWithinLimits,
  type Identity,
} from '@kollegia/service-kit';
import {
  BREAK,
  GraphQLError,
  visit,
  type DocumentNode,
  type ExecutionResult,
  type ParseOptions,
  type Source,
} from 'graphql';

import type { AuthContext } from './auth';
import type { GatewayConfig } from './config';

/**
 * What one document may cost, checked before any subgraph is called, with the kit's limits that
 * every subgraph applies too: tokens (before parsing), depth, aliases and a cost budget,
 * introspection included; field suggestions are not given away in errors.
 */
export function limitPlugins(config: GatewayConfig): GatewayPlugin[] {
  const limits = documentLimitsOf(config);
  const rules = documentLimitRules(limits);
  const useDocumentLimits: GatewayPlugin = {
    onParse({ setParseFn }) {
      setParseFn((source: string | Source, options?: ParseOptions) =>
        parseWithinLimits(source, limits, options),
      );
    },
    onValidate({ addValidationRule }) {
      for (const rule of rules) addValidationRule(rule);
    },
    // The cost with the variables' values (a page size given as a variable), once they are known.
    onExecute({ args, setResultAndStopExecution }) {
      const { document, operationName, variableValues } = args as {
        document: DocumentNode;
        operationName?: string | null;
        variableValues?: Record<string, unknown> | null;
      };
      const refusal = costRefusal(limits, document, operationName, variableValues);
      if (refusal) setResultAndStopExecution({ errors: [refusal] });
    },
    // A refusal is a client error whatever the client accepts: Yoga answers a parse or validation
    // error with 200 to an `application/json` client (as the GraphQL over HTTP spec has it for
    // that media type) unless the error says its status is not the spec's.
    onResultProcess({ result }) {
      if (Array.isArray(result)) return;
      for (const error of (result as ExecutionResult).errors ?? []) {
        if (error instanceof DocumentLimitError) {
          Object.assign(error.extensions, { http: { status: 400, spec: false } });
        }
      }
    },
  };
  return [useDocumentLimits, blockFieldSuggestionsPlugin() as unknown as GatewayPlugin];
}

/**
 * Who may introspect the schema (`INTROSPECTION`): everyone, association staff and addressees but
 * not partners (`internal`, the default in production), or nobody (`off`). Decided when the
 * operation is about to run: validation comes before the token is verified, so only then is
 * the caller's role known.
 */
export function useIntrospectionRule(config: GatewayConfig): GatewayPlugin<AuthContext> {
  const introspection =
    config.INTROSPECTION ?? (config.NODE_ENV === 'production' ? 'internal' : 'all');
  const allowed = (identity: Identity | null) =>
    introspection === 'all' ||
    (introspection === 'internal' &&
      hasRole(identity, 'admin', 'secretary', 'member', 'addressee'));
  return {
    onExecute({ args, setResultAndStopExecution }) {
      if (allowed(args.contextValue.identity ?? null)) return;
      if (!introspects(args.document as DocumentNode)) return;
      setResultAndStopExecution({
        errors: [
          new GraphQLError('introspection is not available to you', {
            extensions: { code: 'FORBIDDEN', http: { status: 403 } },
          }),
        ],
      });
    },
  };
}

/** Does a document ask for the schema (`__schema`, `__type`; `__typename` is data)? */
function introspects(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') {
        found = true;
        return BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/**
 * Refuses a request body over the limit before it is read (413). A POST must say how long its
 * body is (411 otherwise): a streamed body of unknown length could not be refused in time.
 */
export function limitBodySize(maxBytes: number) {
  return (request: IncomingMessage, response: ServerResponse): boolean => {
    if (request.method !== 'POST') return true;
    const length = request.headers['content-length'];
    const refuse = (status: number, message: string) => {
      response.writeHead(status, { 'content-type': 'application/json', connection: 'close' });
      response.end(
        JSON.stringify({
          errors: [{ message, extensions: { code: 'BAD_REQUEST', limit: maxBytes } }],
        }),
      );
      request.resume();
      return false;
    };
    if (length === undefined) return refuse(411, 'a request body needs a Content-Length header');
    if (Number(length) > maxBytes) return refuse(413, `request body larger than ${maxBytes} bytes`);
    return true;
  };
}
