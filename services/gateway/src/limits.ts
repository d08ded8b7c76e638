import type { IncomingMessage, ServerResponse } from 'node:http';

import { costLimitPlugin } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import { blockFieldSuggestionsPlugin } from '@escape.tech/graphql-armor-block-field-suggestions';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';

import type { GatewayConfig } from './config';

/**
 * What one document may cost, checked before any subgraph is called (GraphQL Armor): tokens,
 * depth, aliases and a cost budget; field suggestions are not given away in errors.
 */
export function limitPlugins(config: GatewayConfig): GatewayPlugin[] {
  return [
    maxTokensPlugin({ n: config.MAX_TOKENS }),
    maxDepthPlugin({
      n: config.MAX_DEPTH,
      flattenFragments: true,
      exposeLimits: true,
    }),
    maxAliasesPlugin({ n: config.MAX_ALIASES, exposeLimits: true }),
    costLimitPlugin({ maxCost: config.MAX_COST, exposeLimits: true }),
    blockFieldSuggestionsPlugin(),
  ] as unknown as GatewayPlugin[];
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

/**
 * Gives the limits' refusals a code clients can branch on. GraphQL Armor throws plain errors from
 * inside validation (no `extensions.code`), so the code is added to the result on its way out.
 */
export function useValidationErrorCodes(): GatewayPlugin {
  const LIMIT = /limit of \d+ exceeded/i;
  const withCode = (error: { message: string; extensions?: Record<string, unknown> }) =>
    error.extensions?.code || !LIMIT.test(error.message)
      ? error
      : {
          ...error,
          message: error.message.replace(/^Syntax Error: /, ''),
          extensions: { ...error.extensions, code: 'GRAPHQL_VALIDATION_FAILED' },
        };
  return {
    onResultProcess(payload) {
      const { result } = payload;
      const single = result as { errors?: { message: string }[] };
      if (!Array.isArray(result) && single && Array.isArray(single.errors)) {
        payload.setResult({ ...single, errors: single.errors.map(withCode) } as never);
      }
    },
  } as GatewayPlugin;
}
