import { dirname, join } from 'node:path';

import { baseConfigSchema, parseConfig, timeZoneSetting } from '@kollegia/service-kit/config';
import { z } from 'zod';

/**
 * The static server's settings. The `WEB_*` ones are what the board is told at run time through
 * `/config.json`, so one build works against any issuer and gateway.
 */
export const webConfigSchema = baseConfigSchema.pick({ NODE_ENV: true, HOST: true }).extend({
  PORT: z.coerce.number().int().min(0).max(65535).default(4106),
  /** `GET /metrics` listens here, on HOST; default PORT + 5000 (9106). */
  METRICS_PORT: baseConfigSchema.shape.METRICS_PORT,
  /** The OpenID Connect issuer the board signs in with (its discovery document is under it). */
  WEB_OIDC_ISSUER: z.url().default('http://127.0.0.1:4105'),
  WEB_OIDC_CLIENT_ID: z.string().min(1).default('kollegia-web'),
  /** The gateway's GraphQL endpoint, over HTTP and over graphql-ws. */
  WEB_GRAPHQL_URL: z.url().default('http://127.0.0.1:4000/graphql'),
  WEB_GRAPHQL_WS_URL: z
    .url()
    .regex(/^wss?:\/\//, 'must be a ws:// or wss:// URL')
    .default('ws://127.0.0.1:4000/graphql'),
  /** The association's time zone: the board shows every date and time in it, wherever it is opened. */
  WEB_TIME_ZONE: timeZoneSetting(),
  /** The built board (vite build); next to this server's own files by default. */
  WEB_ROOT: z
    .string()
    .min(1)
    .default(join(dirname(__filename), 'public')),
});

export type WebConfig = z.infer<typeof webConfigSchema>;

/** What the board reads from `/config.json`. */
export interface PublicConfig {
  oidcIssuer: string;
  oidcClientId: string;
  graphqlUrl: string;
  graphqlWsUrl: string;
  timeZone: string;
}

export function publicConfigOf(config: WebConfig): PublicConfig {
  return {
    oidcIssuer: config.WEB_OIDC_ISSUER,
    oidcClientId: config.WEB_OIDC_CLIENT_ID,
    graphqlUrl: config.WEB_GRAPHQL_URL,
    graphqlWsUrl: config.WEB_GRAPHQL_WS_URL,
    timeZone: config.WEB_TIME_ZONE,
  };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): WebConfig {
  return parseConfig(webConfigSchema, env);
}
