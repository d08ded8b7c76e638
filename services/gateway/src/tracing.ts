import type { IncomingMessage, ServerResponse } from 'node:http';

import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { inServerSpan, nameOperation, startClientSpan, type Tracer } from '@kollegia/service-kit';
import { getOperationAST, type ExecutionArgs } from 'graphql';

/**
 * The gateway's part of a trace: the request's server span (started around the runtime, see
 * app.ts) is named after the operation it runs, and each call to a subgraph is a CLIENT span whose
 * `traceparent` the subgraph continues. Manual spans rather than Hive's OpenTelemetry plugin: that
 * one brings the OpenTelemetry SDK 2.x with sdk-node and the auto-instrumentations besides the kit's
 * 3.x, and traces through the process-wide provider where the kit gives each service its own.
 */
export function useTracing(tracer: Tracer, subgraphUrls: Map<string, string>): GatewayPlugin {
  const subgraphs = new Map([...subgraphUrls].map(([name, url]) => [url, name]));
  return {
    onExecute({ args }) {
      const { document, operationName } = args as ExecutionArgs;
      const operation = getOperationAST(document, operationName);
      if (operation) nameOperation(operation.operation, operation.name?.value);
    },
    onFetch(payload) {
      const subgraph = subgraphs.get(payload.url);
      if (!subgraph) return;
      const { options } = payload;
      const { span, headers } = startClientSpan(tracer, `subgraph ${subgraph}`, payload.url);
      payload.setOptions({ ...options, headers: { ...options.headers, ...headers } });
      return ({ response }) => {
        span.setAttribute('http.response.status_code', response.status);
        span.end();
      };
    },
  };
}

/**
 * Hands a request to the runtime, a GraphQL one in a server span (health checks and the explorer's
 * page are no operations: a trace for each probe would bury the ones that matter).
 */
export function serveTraced(
  tracer: Tracer,
  request: IncomingMessage,
  response: ServerResponse,
  handle: () => void,
): void {
  if (request.url?.startsWith('/graphql')) inServerSpan(tracer, request, response, handle);
  else handle();
}
