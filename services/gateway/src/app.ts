import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

import { topicName } from '@kollegia/events';
import {
  connectMongo,
  createKafka,
  createLogger,
  createMetrics,
  createTokenVerifier,
  createTracing,
  ensureTopics,
  gatewaySecretOf,
  metricsPortOf,
  startMetricsServer,
  trustedIssuersOf,
  watchConsumerLag,
  type Logger,
} from '@kollegia/service-kit';
import { createGatewayRuntime, getGraphQLWSOptions } from '@graphql-hive/gateway-runtime';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { normalizeNodeRequest } from '@whatwg-node/server';
import { useServer, type Extra } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';

import { useAuthentication, type AuthContext } from './auth';
import type { GatewayConfig } from './config';
import { useClientErrors } from './client-errors';
import { limitBodySize, limitPlugins, useIntrospectionRule } from './limits';
import { LiveHistory } from './live/history';
import { LIVE_AGGREGATES, LiveFeed } from './live/live-feed';
import { liveSubscriptions, type AccessCheck } from './live/subscriptions';
import { useOperationMetrics } from './operation-metrics';
import { createRateLimiter } from './rate-limit';
import { useNoSuggestions } from './suggestions';
import { serveTraced, useTracing } from './tracing';
import { gatewayCredential, useGatewayCredential } from './subgraph-credential';
import { readSupergraph, subgraphUrls, withSubgraphUrls } from './supergraph';
import { serverOptions, transportGuard } from './transport';
import { logClientSocketErrors, socketRules } from './websocket';

const EXPLORER_DEFAULT_QUERY = `# Paste a token into Headers (npm run token -- --tenant akit --role member).
query Directory {
  organizations(first: 10) {
    totalCount
    nodes { id shortName kind region }
  }
}
`;

export interface Gateway {
  url: string;
  wsUrl: string;
  port: number;
  /** `GET /metrics`, on a listener of its own (`METRICS_PORT`). */
  metricsUrl: string;
  feed: LiveFeed;
  logger: Logger;
  stop(): Promise<void>;
}

/** Is a browser origin allowed? Non-browser clients send none; same-host origins always pass. */
function originAllowed(
  origin: string | undefined,
  host: string | undefined,
  allowed: string[],
): boolean {
  if (!origin) return true;
  if (allowed.includes(origin)) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/**
 * Boots the gateway: Hive Gateway over the static supergraph (queries, mutations, subscriptions
 * over graphql-ws and SSE on one endpoint), JWT authentication, limits, and the live feed from
 * Kafka. Bootable in a test.
 */
export async function createGateway(config: GatewayConfig): Promise<Gateway> {
  const gatewaySecret = gatewaySecretOf(config);
  const metricsPort = metricsPortOf(config);
  const logger = createLogger({ service: 'gateway', level: config.LOG_LEVEL });
  const tracing = createTracing('gateway', config);
  const metrics = createMetrics('gateway');
  const verifier = await createTokenVerifier({
    issuers: trustedIssuersOf(config),
    maxLifetimeSeconds: config.AUTH_MAX_TOKEN_LIFETIME_S,
  });
  const limiter = await createRateLimiter({
    mongoUrl: config.MONGO_URL,
    dbName: config.MONGO_DB,
    limits: { caller: config.RATE_LIMIT_REQUESTS, partner: config.RATE_LIMIT_PARTNER_REQUESTS },
    windowSeconds: config.RATE_LIMIT_WINDOW_S,
    logger: logger.child({ component: 'rate-limit' }),
    metrics,
  });
  const supergraph = withSubgraphUrls(readSupergraph(config.SUPERGRAPH_PATH), config.SUBGRAPH_URLS);
  const urls = subgraphUrls(supergraph);

  const kafka = createKafka({ clientId: 'gateway', brokers: config.KAFKA_BROKERS, logger });
  const topics = LIVE_AGGREGATES.map((aggregate) =>
    topicName(aggregate, config.KAFKA_TOPIC_PREFIX),
  );
  await ensureTopics(kafka, topics, {
    partitions: config.KAFKA_TOPIC_PARTITIONS,
    replicationFactor: config.KAFKA_TOPIC_REPLICATION,
    topicPrefix: config.KAFKA_TOPIC_PREFIX,
  });
  // A group of its own per process: live delivery starts at the latest offset anyway, and a
  // restarted gateway must not wait for its predecessor's session to expire before joining.
  const feedGroup = `${config.KAFKA_TOPIC_PREFIX}kollegia.gateway.live.${config.GATEWAY_INSTANCE}.${randomUUID()}`;
  const feed = new LiveFeed({
    kafka,
    topics,
    groupId: feedGroup,
    logger: logger.child({ component: 'live-feed' }),
    tracer: tracing.tracer,
  });
  await feed.start();
  const historyDb = await connectMongo(config.MONGO_URL, config.MONGO_DB, logger);
  // One group for every replica: each event is written once, and after all were down the
  // history picks up where it stopped.
  const historyGroup = `${config.KAFKA_TOPIC_PREFIX}kollegia.gateway.history`;
  const history = new LiveHistory({
    connection: historyDb,
    kafka,
    topics,
    groupId: historyGroup,
    retentionMs: config.LIVE_HISTORY_DAYS * 24 * 60 * 60 * 1000,
    logger: logger.child({ component: 'live-history' }),
    metrics,
  });
  await history.start();

  const check: AccessCheck = async (subgraph, query, variables, authorization) => {
    const url = urls.get(subgraph);
    if (!url) return undefined;
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization,
        ...gatewayCredential(gatewaySecret),
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: Record<string, unknown> | null };
    return body.data;
  };
  const live = liveSubscriptions(supergraph, { feed, history, check, metrics });
  // The feed's group is this process's own; its lag is this gateway's delay in live delivery.
  const consumerLag = watchConsumerLag({
    metrics,
    kafka,
    groups: () => [
      { groupId: feedGroup, topics },
      { groupId: historyGroup, topics },
    ],
    logger,
  });

  const runtime = createGatewayRuntime<AuthContext>({
    supergraph,
    logging:
      config.LOG_LEVEL === 'silent'
        ? false
        : config.LOG_LEVEL === 'trace'
          ? 'debug'
          : config.LOG_LEVEL === 'fatal'
            ? 'error'
            : config.LOG_LEVEL,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    // The explorer ships with the gateway (no CDN), so it works offline; GET /graphql in a browser.
    graphiql:
      config.NODE_ENV === 'production'
        ? false
        : {
            title: 'Kollegia',
            // The explorer sends its Headers editor (the token) with HTTP requests only; graphql-ws
            // carries none, so its subscriptions go over SSE (graphql-ws clients use connectionParams).
            subscriptionsProtocol: 'SSE',
            defaultQuery: EXPLORER_DEFAULT_QUERY,
            // x-graphql-csrf: the CSRF rule below wants it on the GETs the explorer's SSE makes.
            headers: JSON.stringify({
              authorization: 'Bearer <token from npm run token>',
              'x-graphql-csrf': '1',
            }),
          },
    renderGraphiQL,
    // Unexpected errors are logged in full and answered "Unexpected error." with a code; their
    // message and stack reach the client only with the developer's switch DEBUG_ERRORS.
    maskedErrors: { isDev: config.DEBUG_ERRORS },
    // Subgraph errors pass with their codes, but do not say which subgraph answered.
    subgraphErrors: { subgraphNameProp: false },
    healthCheckEndpoint: '/healthz',
    csrfPrevention: { requestHeaders: ['x-graphql-csrf'] },
    propagateHeaders: {
      fromClientToSubgraphs: ({ context, request }) => ({
        authorization: context.authorization ?? request.headers.get('authorization'),
        'x-request-id': request.headers.get('x-request-id'),
      }),
    },
    ...(live.typeDefs
      ? { additionalTypeDefs: live.typeDefs, additionalResolvers: live.resolvers }
      : {}),
    plugins: () => [
      useClientErrors(config.DEBUG_ERRORS),
      useAuthentication(verifier, limiter),
      ...limitPlugins(config),
      useIntrospectionRule(config),
      useGatewayCredential(gatewaySecret, urls.values()),
      useNoSuggestions(),
      useTracing(tracing.tracer, urls),
      // After useClientErrors: the codes counted are the ones clients get.
      useOperationMetrics(metrics),
    ],
  });

  const limitBody = limitBodySize(config.MAX_BODY_BYTES);
  const guard = transportGuard(config);
  const server = createServer(serverOptions(config), (request, response) => {
    if (!guard.request(request, response)) return;
    if (!originAllowed(request.headers.origin, request.headers.host, config.ALLOWED_ORIGINS)) {
      response.writeHead(403, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          errors: [{ message: 'origin not allowed', extensions: { code: 'FORBIDDEN' } }],
        }),
      );
      return;
    }
    if (request.url === '/readyz') {
      void readiness().then((checks) => {
        const ready = Object.values(checks).every((value) => value === 'ok');
        response.writeHead(ready ? 200 : 503, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ status: ready ? 'ready' : 'not ready', checks }));
      });
      return;
    }
    if (!limitBody(request, response)) return;
    serveTraced(tracing.tracer, request, response, () => void runtime(request, response));
  });

  async function readiness(): Promise<Record<string, string>> {
    const checks: Record<string, string> = {
      kafka: feed.isRunning ? 'ok' : 'live feed not running',
      'live-history': history.isRunning ? 'ok' : 'live history writer not running',
      mongo: await limiter.ping().then(
        () => 'ok',
        (error: unknown) => (error as Error).message,
      ),
    };
    await Promise.all(
      [...urls].map(async ([name, url]) => {
        try {
          const response = await fetch(new URL('/readyz', url), {
            signal: AbortSignal.timeout(2000),
          });
          checks[`subgraph:${name}`] = response.ok ? 'ok' : `status ${response.status}`;
        } catch (error) {
          checks[`subgraph:${name}`] = (error as Error).message;
        }
      }),
    );
    return checks;
  }

  const wsServer = new WebSocketServer({
    server,
    path: '/graphql',
    // A message larger than a request body may be is refused unread (close 1009).
    maxPayload: config.MAX_BODY_BYTES,
    verifyClient: ({ origin, req }: { origin: string; req: IncomingMessage }) =>
      guard.upgrade(req) &&
      originAllowed(origin || undefined, req.headers.host, config.ALLOWED_ORIGINS),
  });
  const wsOptions = getGraphQLWSOptions<AuthContext, Extra>(runtime, (ctx) => ({
    req: ctx.extra.request,
    socket: ctx.extra.socket,
    request: normalizeNodeRequest(ctx.extra.request, runtime.fetchAPI),
  }));
  useServer(
    socketRules(wsOptions, {
      verifier,
      maxSubscriptions: config.MAX_SUBSCRIPTIONS_PER_SOCKET,
      maxBufferedBytes: config.MAX_SOCKET_BUFFER_BYTES,
    }),
    wsServer,
  );
  logClientSocketErrors(wsServer, logger);

  // The runtime builds its schema from the supergraph on first use; a graphql-ws subscribe that
  // came first found none ("Expected null to be a GraphQL schema"). Build it before listening.
  await runtime.getSchema();
  await new Promise<void>((resolvePromise) =>
    server.listen(config.PORT, config.HOST, resolvePromise),
  );
  const port = (server.address() as AddressInfo).port;
  const url = `http://${config.HOST}:${port}/graphql`;
  const metricsServer = await startMetricsServer({
    metrics,
    host: config.HOST,
    port: metricsPort,
  });
  logger.info(
    { url, metricsUrl: metricsServer.url, subgraphs: [...urls.keys()], subscriptions: live.fields },
    'gateway listening',
  );

  let stopping: Promise<void> | undefined;
  return {
    url,
    wsUrl: url.replace(/^http/, 'ws'),
    port,
    metricsUrl: metricsServer.url,
    feed,
    logger,
    // Stopping twice (a test that stops a replica, then the harness) waits for the first stop.
    stop() {
      stopping ??= (async () => {
        for (const client of wsServer.clients) client.close(1001, 'going away');
        await new Promise<void>((resolvePromise) => wsServer.close(() => resolvePromise()));
        await new Promise<void>((resolvePromise) => server.close(() => resolvePromise()));
        server.closeAllConnections();
        await runtime.dispose();
        await feed.stop();
        await history.stop();
        await historyDb.close();
        await limiter.stop();
        await consumerLag.stop();
        await metricsServer.stop();
        await tracing.shutdown();
      })();
      return stopping;
    },
  };
}
