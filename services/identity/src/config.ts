import { baseConfigSchema, commaList, parseConfig } from '@kollegia/service-kit';
import { z } from 'zod';

const seconds = (min: number, fallback: number) =>
  z.coerce.number().int().min(min).default(fallback);

/**
 * The identity service's settings. It shares the process settings and the database with the other
 * services, but neither Kafka (it produces no events yet) nor token verification (it issues tokens).
 */
export const identityConfigSchema = baseConfigSchema
  .pick({ NODE_ENV: true, LOG_LEVEL: true, HOST: true, MONGO_URL: true })
  .extend({
    PORT: z.coerce.number().int().min(0).max(65535).default(4105),
    /** `GET /metrics` listens here, on HOST; default PORT + 5000 (9105). */
    METRICS_PORT: baseConfigSchema.shape.METRICS_PORT,
    MONGO_DB: baseConfigSchema.shape.MONGO_DB.default('kollegia_identity'),
    /** The `iss` of every token; default `http://<HOST>:<port it listens on>`. */
    OIDC_ISSUER: z.url().optional(),
    /** The `aud` of access tokens: what the gateway and services expect (their AUTH_AUDIENCE). */
    OIDC_AUDIENCE: z.string().min(1).default('kollegia'),
    /** The resource indicator (RFC 8707, an absolute URI) that stands for the Kollegia API. */
    OIDC_RESOURCE: z.url().default('urn:kollegia:api'),
    /** Where the web board (client `kollegia-web`) may receive codes and land after sign-out. */
    WEB_REDIRECT_URIS: commaList.default(['http://127.0.0.1:5173/callback']),
    WEB_POST_LOGOUT_REDIRECT_URIS: commaList.default(['http://127.0.0.1:5173/']),
    /**
     * Where a person lands after accepting an invitation or setting a new password: the web
     * board's home page. Default: the first of WEB_POST_LOGOUT_REDIRECT_URIS, which is that page.
     */
    WEB_BOARD_URL: z.url().optional(),
    /** How long an invitation link can be accepted, and a password-reset link used. */
    INVITATION_TTL_S: seconds(60, 7 * 24 * 60 * 60),
    PASSWORD_RESET_TTL_S: seconds(60, 60 * 60),
    ACCESS_TOKEN_TTL_S: seconds(30, 5 * 60),
    /** A refresh token rotates on every use; an unused one lapses after this. */
    REFRESH_TOKEN_TTL_S: seconds(60, 8 * 60 * 60),
    /** How long a sign-in lasts at the provider (its session cookie), and with it the refresh tokens. */
    SESSION_TTL_S: seconds(60, 12 * 60 * 60),
    /**
     * Behind a reverse proxy that terminates TLS: take the scheme and host from its X-Forwarded-*
     * headers (secure cookies, the issuer's URLs). Only when the proxy sets them.
     */
    TRUST_PROXY: z.stringbool().default(false),
    /**
     * What Kollegia's own services present to the internal API (`/internal/v1/`: the notifier's
     * recipients, with their addresses). Unset, that API is off.
     */
    INTERNAL_API_SECRET: z.string().min(32, 'at least 32 characters').optional(),
    /** How often expired sessions, codes and tokens are removed (the embedded engine has no TTL). */
    OIDC_SWEEP_INTERVAL_MS: z.coerce
      .number()
      .int()
      .min(1000)
      .default(10 * 60_000),
  });

export type IdentityConfig = z.infer<typeof identityConfigSchema>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): IdentityConfig {
  return parseConfig(identityConfigSchema, env);
}
