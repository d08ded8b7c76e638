import { parseConfig } from '@kollegia/service-kit';
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

/** The gateway's settings, parsed once at boot; every one has a local default but Kafka's. */
export const gatewayConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  /** The composed supergraph (default: the committed infra/supergraph/supergraph.graphql). */
  SUPERGRAPH_PATH: z.string().optional(),
  /** Subgraph URLs by name, overriding the supergraph's: `members=http://members:4101/graphql,…`. */
  SUBGRAPH_URLS: commaList,
  KAFKA_BROKERS: commaList.pipe(z.array(z.string()).min(1, 'at least one broker')),
  KAFKA_TOPIC_PREFIX: z.string().default(''),
  /** Used when the gateway starts before the services and creates the topics (as they would). */
  KAFKA_TOPIC_PARTITIONS: z.coerce.number().int().min(1).default(3),
  KAFKA_TOPIC_REPLICATION: z.coerce.number().int().min(1).default(1),
  /** Names this instance's live consumer group (each gateway instance reads every event). */
  GATEWAY_INSTANCE: z
    .string()
    .regex(/^[A-Za-z0-9._-]+$/)
    .default('local'),
  AUTH_JWKS_URL: z.url().optional(),
  AUTH_DEV_PUBLIC_KEY_FILE: z.string().optional(),
  AUTH_ISSUER: z.string().default('kollegia-local'),
  AUTH_AUDIENCE: z.string().default('kollegia'),
  /** Browser origins allowed to open WebSockets and send credentialed requests; empty = same host only. */
  ALLOWED_ORIGINS: commaList,
  MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(256 * 1024),
  MAX_DEPTH: z.coerce.number().int().min(1).default(12),
  MAX_TOKENS: z.coerce.number().int().min(10).default(3000),
  MAX_ALIASES: z.coerce.number().int().min(0).default(30),
  MAX_COST: z.coerce.number().int().min(1).default(20000),
  /** `all`: introspection for everyone; `internal`: not for partners; `off`. */
  INTROSPECTION: z.enum(['all', 'internal', 'off']).default('all'),
});

export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  return parseConfig(gatewayConfigSchema, env);
}
