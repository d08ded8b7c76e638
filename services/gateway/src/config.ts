import { baseConfigSchema, parseConfig, tracingSettings } from '@kollegia/service-kit';
import { z } from 'zod';

const commaList = z
  .string()
  .default('')
  .transform((value) =>
    value
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean),
  );

/**
 * The gateway's settings, parsed once at boot; every one has a local default but Kafka's and the
 * database's.
 */
export const gatewayConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  /** `GET /metrics` listens here, on HOST; default PORT + 5000 (9000). */
  METRICS_PORT: baseConfigSchema.shape.METRICS_PORT,
  /**
   * Where clients reach the gateway (`https://api.example.org`): its host is accepted in `Host`,
   * and an `https` URL turns on Strict-Transport-Security.
   */
  PUBLIC_URL: z.url().optional(),
  /** Further names clients may send as `Host` (besides loopback, `HOST` and `PUBLIC_URL`'s). */
  ALLOWED_HOSTS: commaList,
  /** The shared database: per-caller rate limit windows, one count for every replica. */
  MONGO_URL: baseConfigSchema.shape.MONGO_URL,
  MONGO_DB: baseConfigSchema.shape.MONGO_DB.default('kollegia_gateway'),
  /** The composed supergraph (default: the committed infra/supergraph/supergraph.graphql). */
  SUPERGRAPH_PATH: z.string().optional(),
  /** Subgraph URLs by name, overriding the supergraph's: `members=http://members:4101/graphql,…`. */
  SUBGRAPH_URLS: commaList,
  KAFKA_BROKERS: commaList.pipe(z.array(z.string()).min(1, 'at least one broker')),
  KAFKA_TOPIC_PREFIX: z.string().default(''),
  /** Used when the gateway starts before the services and creates the topics (as they would). */
  KAFKA_TOPIC_PARTITIONS: z.coerce.number().int().min(1).default(3),
  KAFKA_TOPIC_REPLICATION: z.coerce.number().int().min(1).default(1),
  /**
   * Days the live history keeps events for resuming streams after a cursor (a cursor older than
   * that resumes from the oldest kept); Kafka keeps its topics 7 days locally.
   */
  LIVE_HISTORY_DAYS: z.coerce.number().positive().default(7),
  /** Names this instance's live consumer group (each gateway instance reads every event). */
  GATEWAY_INSTANCE: z
    .string()
    .regex(/^[A-Za-z0-9._-]+$/)
    .default('local'),
  AUTH_JWKS_URL: z.url().optional(),
  AUTH_DEV_PUBLIC_KEY_FILE: z.string().optional(),
  AUTH_ISSUER: z.string().default('kollegia-local'),
  AUTH_AUDIENCE: z.string().default('kollegia'),
  AUTH_TRUSTED_ISSUERS: baseConfigSchema.shape.AUTH_TRUSTED_ISSUERS,
  AUTH_MAX_TOKEN_LIFETIME_S: baseConfigSchema.shape.AUTH_MAX_TOKEN_LIFETIME_S,
  DEBUG_ERRORS: baseConfigSchema.shape.DEBUG_ERRORS,
  /** Browser origins allowed to open WebSockets and send credentialed requests; empty = same host only. */
  ALLOWED_ORIGINS: commaList,
  /** Larger request bodies (413) and graphql-ws messages (close 1009) are refused unread. */
  MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(256 * 1024),
  /** The whole request (headers and body) must have arrived within this, or it is answered 408. */
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1000).default(30_000),
  /** Operations under way at once on one graphql-ws connection (subscriptions stay under way). */
  MAX_SUBSCRIPTIONS_PER_SOCKET: z.coerce.number().int().min(1).default(50),
  /**
   * Bytes sent to one graphql-ws connection that may wait to leave the gateway (the client reads
   * slower than its events come); past it the socket is closed with 1013.
   */
  MAX_SOCKET_BUFFER_BYTES: z.coerce
    .number()
    .int()
    .min(64 * 1024)
    .default(4 * 1024 * 1024),
  /**
   * Operations per caller (a token's tenant and subject; the address without a valid token) per
   * window; 0 = no limit.
   */
  RATE_LIMIT_REQUESTS: z.coerce.number().int().min(0).default(1200),
  /**
   * Operations per partner client (a token with the role `partner`) per window, instead of
   * RATE_LIMIT_REQUESTS: an application's traffic, counted per client; 0 = no limit.
   */
  RATE_LIMIT_PARTNER_REQUESTS: z.coerce.number().int().min(0).default(300),
  RATE_LIMIT_WINDOW_S: z.coerce.number().int().min(1).default(60),
  MAX_DEPTH: baseConfigSchema.shape.MAX_DEPTH,
  MAX_TOKENS: baseConfigSchema.shape.MAX_TOKENS,
  MAX_ALIASES: baseConfigSchema.shape.MAX_ALIASES,
  MAX_COST: baseConfigSchema.shape.MAX_COST,
  /**
   * `all`: introspection for everyone; `internal`: not for partners; `off`. Default: `internal`
   * in production, `all` elsewhere (the explorer).
   */
  INTROSPECTION: z.enum(['all', 'internal', 'off']).optional(),
  /** Presented to the subgraphs on every call; required in production. */
  GATEWAY_SECRET: baseConfigSchema.shape.GATEWAY_SECRET,
  ...tracingSettings,
});

export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  return parseConfig(gatewayConfigSchema, env);
}
