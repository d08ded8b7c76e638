import { createHash, timingSafeEqual } from 'node:crypto';

import type { RequestHandler } from 'express';

import { ConfigError } from '../config';

/** The header in which the gateway presents `GATEWAY_SECRET` on every call to a subgraph. */
export const GATEWAY_CREDENTIAL_HEADER = 'x-kollegia-gateway';

/**
 * `GATEWAY_SECRET`, which production may not go without: the boot fails naming it. Elsewhere it
 * is optional, so a test or a developer can call a subgraph directly.
 */
export function gatewaySecretOf(config: {
  NODE_ENV: string;
  GATEWAY_SECRET?: string;
}): string | undefined {
  if (config.NODE_ENV === 'production' && !config.GATEWAY_SECRET) {
    throw new ConfigError([
      'GATEWAY_SECRET: required in production, the credential the gateway presents to the subgraphs (not set)',
    ]);
  }
  return config.GATEWAY_SECRET;
}

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Whether a presented credential is the shared secret, compared in constant time (of their
 * digests, so neither length nor content leaks through timing).
 */
export function secretMatcher(secret: string): (presented: string | undefined) => boolean {
  const expected = digest(secret);
  return (presented) => presented !== undefined && timingSafeEqual(digest(presented), expected);
}

/**
 * Answers a GraphQL request only when it carries the gateway's credential (compared in constant
 * time); anyone else gets 403 `FORBIDDEN` before the request is read — no schema, no SDL, no
 * data, whatever token they hold.
 */
export function onlyFromGateway(secret: string): RequestHandler {
  const matches = secretMatcher(secret);
  return (req, res, next) => {
    if (matches(req.header(GATEWAY_CREDENTIAL_HEADER))) {
      next();
      return;
    }
    res.status(403).json({
      errors: [
        { message: 'this service answers the gateway only', extensions: { code: 'FORBIDDEN' } },
      ],
    });
  };
}
