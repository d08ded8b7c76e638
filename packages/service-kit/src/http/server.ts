import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { Tracer } from '@opentelemetry/api';
import { GraphQLError, type GraphQLSchema } from 'graphql';

import { bearerToken, type Identity, type TokenVerifier } from '../auth';
import { DomainError } from '../domain';
import { createErrorFormatter } from '../errors';
import { costRefusal, documentLimitRules, type DocumentLimits } from '../graphql/document-limits';
import type { Logger } from '../logger';
import { operationMetricsPlugin } from '../metrics/apollo-plugin';
import type { Metrics } from '../metrics/metrics';
import { startMetricsServer } from '../metrics/server';
import { inServerSpan, operationSpanPlugin, tracingOff } from '../tracing';
import { onlyFromGateway } from './gateway-credential';
import { jsonErrorHandler, jsonNotFound } from './json-errors';
import { requestIdOf } from './request-id';

/** What every resolver receives. Services extend it with their use cases. */
export interface RequestContext {
  identity: Identity | null;
  requestId: string;
  logger: Logger;
}

/** Named readiness checks; each throws when its dependency is not usable. */
export type ReadinessChecks = Record<string, () => Promise<void> | void>;

export interface HttpServer {
  url: string;
  port: number;
  /** `GET /metrics`, on a listener of its own (`METRICS_PORT`). */
  metricsUrl: string;
  /** Stops taking requests and waits for those under way. */
  stop(): Promise<void>;
}

/**
 * Serves a subgraph on `/graphql`, liveness on `/healthz` and readiness on `/readyz` (each check
 * must pass). Identity comes from the bearer token the gateway forwards, verified again here.
 */
export async function startHttpServer<C extends RequestContext>(options: {
  schema: GraphQLSchema;
  host: string;
  port: number;
  logger: Logger;
  verifier: TokenVerifier;
  production: boolean;
  /** `DEBUG_ERRORS`: unexpected errors keep their message and stack in responses. */
  debugErrors: boolean;
  /** The same limits as the gateway's, for a document that reaches the subgraph another way. */
  limits: DocumentLimits;
  /** When set, only requests carrying it (the gateway's) are answered. */
  gatewaySecret?: string;
  readiness: ReadinessChecks;
  extendContext: (base: RequestContext) => C;
  /** The process's metrics, served on `metricsPort` (0: a free port). */
  metrics: Metrics;
  metricsPort: number;
  /** Each GraphQL request runs in a SERVER span continuing the caller's `traceparent`. */
  tracer?: Tracer;
}): Promise<HttpServer> {
  const { logger } = options;
  const app = express();
  app.disable('x-powered-by');
  const httpServer: Server = createServer(app);

  const apollo = new ApolloServer<C>({
    schema: options.schema,
    introspection: !options.production,
    includeStacktraceInErrorResponses: options.debugErrors,
    formatError: createErrorFormatter(logger, { maskInternal: !options.debugErrors }),
    parseOptions: { maxTokens: options.limits.maxTokens },
    validationRules: documentLimitRules(options.limits),
    // The kit's Shutdown owns SIGINT/SIGTERM. Apollo's own handler (on outside NODE_ENV=test) stops
    // the server and re-raises the signal, which killed the process before its consumers left
    // their groups (the next start then waited 30 s for their sessions) or hung the shutdown.
    stopOnTerminationSignals: false,
    // No Apollo usage reporting or inline traces: nothing leaves the machine.
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // The cost with the variables' values (a page size given as a variable), once they are known.
      {
        requestDidStart: () =>
          Promise.resolve({
            didResolveOperation: ({ document, operationName, request }) => {
              const refusal = costRefusal(
                options.limits,
                document,
                operationName,
                request.variables,
              );
              return refusal ? Promise.reject(refusal) : Promise.resolve();
            },
          }),
      },
      ApolloServerPluginInlineTraceDisabled(),
      operationMetricsPlugin(options.metrics),
      operationSpanPlugin,
    ],
  });
  await apollo.start();

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const results: Record<string, string> = {};
    let ready = true;
    for (const [name, check] of Object.entries(options.readiness)) {
      try {
        await check();
        results[name] = 'ok';
      } catch (error) {
        ready = false;
        results[name] = (error as Error).message;
      }
    }
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready', checks: results });
  });

  const tracer = options.tracer ?? tracingOff.tracer;
  app.use(
    '/graphql',
    (req, res, next) => inServerSpan(tracer, req, res, next),
    ...(options.gatewaySecret ? [onlyFromGateway(options.gatewaySecret)] : []),
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const requestId = requestIdOf(req.header('x-request-id'));
        const token = bearerToken(req.header('authorization'));
        let identity: Identity | null = null;
        if (token) {
          try {
            identity = await options.verifier.verify(token);
          } catch (error) {
            const message = error instanceof DomainError ? error.message : 'invalid token';
            throw new GraphQLError(message, {
              extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
            });
          }
        }
        const requestLogger = logger.child({ requestId, tenantId: identity?.tenantId });
        return options.extendContext({ identity, requestId, logger: requestLogger });
      },
    }),
  );
  app.use(jsonNotFound);
  app.use(jsonErrorHandler(logger));

  await new Promise<void>((resolvePromise) =>
    httpServer.listen(options.port, options.host, resolvePromise),
  );
  const port = (httpServer.address() as AddressInfo).port;
  const url = `http://${options.host}:${port}/graphql`;
  const metricsServer = await startMetricsServer({
    metrics: options.metrics,
    host: options.host,
    port: options.metricsPort,
  });
  logger.info({ url, metricsUrl: metricsServer.url }, 'graphql server listening');
  return {
    url,
    port,
    metricsUrl: metricsServer.url,
    async stop() {
      await apollo.stop();
      await metricsServer.stop();
    },
  };
}
