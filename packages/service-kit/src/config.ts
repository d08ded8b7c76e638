import { z } from 'zod';

import { DEFAULT_TIME_ZONE, timeZoneName } from './domain/local-date';
import { DEFAULT_MAX_TOKEN_LIFETIME_S } from './token-rules';
import { tracingSettings } from './tracing/settings';

/** A comma-separated setting, read as its trimmed, non-empty items. */
export const commaList = z
  .string()
  .min(1)
  .transform((value) =>
    value
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean),
  );

/**
 * A setting naming the workspace's time zone (IANA, e.g. `Europe/Moscow`, the default): where its
 * days begin and end, and the zone dates and times are shown in.
 */
export function timeZoneSetting() {
  return z
    .string()
    .default(DEFAULT_TIME_ZONE)
    .refine(
      (zone) => {
        try {
          timeZoneName('time zone', zone);
          return true;
        } catch {
          return false;
        }
      },
      { message: `must be an IANA time zone such as ${DEFAULT_TIME_ZONE}` },
    );
}

const claimName = z.string().min(1).max(200);

/**
 * `AUTH_TRUSTED_ISSUERS`: a JSON array of the OIDC issuers trusted besides `AUTH_ISSUER`, each with
 * its JWKS URL, optionally its audience (default `AUTH_AUDIENCE`) and where its tokens carry the
 * tenant, roles, org and person (a claim name or a dotted path; default `tenant`, `roles`, `org`,
 * `person`).
 */
export const trustedIssuersSetting = z
  .string()
  .transform((value, context): unknown => {
    try {
      return JSON.parse(value);
    } catch {
      context.addIssue({ code: 'custom', message: 'must be a JSON array of issuers' });
      return z.NEVER;
    }
  })
  .pipe(
    z.array(
      z.strictObject({
        issuer: z.string().min(1),
        jwksUrl: z.url(),
        audience: z.string().min(1).optional(),
        claims: z
          .strictObject({
            tenant: claimName,
            roles: claimName,
            org: claimName,
            person: claimName,
            roleAsString: z.boolean(),
          })
          .partial()
          .optional(),
      }),
    ),
  )
  .default([]);

/**
 * The settings every service shares. A service extends this schema with its own and parses it once
 * at boot with {@link parseConfig}; nothing else reads `process.env`.
 */
export const baseConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535),
  /** `GET /metrics` listens here, on HOST; default PORT + 5000 (`metricsPortOf`). */
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  MONGO_URL: z.string().regex(/^mongodb(\+srv)?:\/\//, 'must be a mongodb:// URL'),
  /** Each service owns one database; tests give each test file its own. */
  MONGO_DB: z.string().regex(/^[A-Za-z0-9_-]{1,63}$/, 'letters, digits, _ and - only'),
  KAFKA_BROKERS: commaList,
  /** Prepended to every topic name; tests use it to keep each test file's topics apart. */
  KAFKA_TOPIC_PREFIX: z.string().default(''),
  KAFKA_TOPIC_PARTITIONS: z.coerce.number().int().min(1).default(3),
  KAFKA_TOPIC_REPLICATION: z.coerce.number().int().min(1).default(1),
  OUTBOX_SWEEP_INTERVAL_MS: z.coerce.number().int().min(100).default(5000),
  CONSUMER_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(5),
  /** JWT verification: a JWKS URL (production, OIDC) or the local dev public key file. */
  AUTH_JWKS_URL: z.url().optional(),
  AUTH_DEV_PUBLIC_KEY_FILE: z.string().optional(),
  AUTH_ISSUER: z.string().default('kollegia-local'),
  AUTH_AUDIENCE: z.string().default('kollegia'),
  /** Further issuers to trust, each with its keys and claim names (`trustedIssuersSetting`). */
  AUTH_TRUSTED_ISSUERS: trustedIssuersSetting,
  /** Tokens living longer than this (exp − iat) are refused; at most a week. */
  AUTH_MAX_TOKEN_LIFETIME_S: z.coerce
    .number()
    .int()
    .min(60)
    .max(7 * 24 * 60 * 60)
    .default(DEFAULT_MAX_TOKEN_LIFETIME_S),
  /**
   * A developer's switch: unexpected errors keep their message and stack in responses. Off by
   * default in every environment: clients get codes and clear messages, stacks go to the logs.
   */
  DEBUG_ERRORS: z.stringbool().default(false),
  /** What one GraphQL document may cost, at the gateway and again at each subgraph. */
  MAX_TOKENS: z.coerce.number().int().min(10).default(3000),
  MAX_DEPTH: z.coerce.number().int().min(1).default(12),
  MAX_ALIASES: z.coerce.number().int().min(0).default(30),
  MAX_COST: z.coerce.number().int().min(1).default(20000),
  /**
   * The credential the gateway presents to the subgraphs, which answer nobody else when it is set.
   * Required in production (docs/adr/0010-only-the-gateway-calls-the-subgraphs.md).
   */
  GATEWAY_SECRET: z.string().min(32, 'at least 32 characters').optional(),
  /** OpenTelemetry traces, off unless an OTLP endpoint is set (`tracing/settings.ts`). */
  ...tracingSettings,
});

export type BaseConfig = z.infer<typeof baseConfigSchema>;

/** Thrown at boot when the environment does not satisfy the config schema. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment once; the error names every variable that is missing or wrong. */
export function parseConfig<S extends z.ZodType>(
  schema: S,
  env: NodeJS.ProcessEnv = process.env,
): z.infer<S> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const variable = issue.path.join('.') || '(environment)';
    const value = issue.path.length === 1 ? env[String(issue.path[0])] : undefined;
    return value === undefined
      ? `${variable}: ${issue.message} (not set)`
      : `${variable}: ${issue.message}`;
  });
  throw new ConfigError(problems);
}
