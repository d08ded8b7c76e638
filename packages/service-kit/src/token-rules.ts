import { decodeJwt } from 'jose';

/** How long a token may live unless `AUTH_MAX_TOKEN_LIFETIME_S` says otherwise: one day. */
export const DEFAULT_MAX_TOKEN_LIFETIME_S = 24 * 60 * 60;

/**
 * Why a token lives too long, or undefined when it does not. Its lifetime runs from when it was
 * issued (`iat`), or from now when it does not say, to `exp`; an `iat` in the future counts as
 * now, so a token cannot stretch its life by claiming to be issued later. A stolen token is
 * useful until it expires: whatever an issuer signs, no token is honoured for longer than this.
 */
export function tokenLifetimeProblem(
  claims: { exp?: number; iat?: number },
  maxSeconds: number,
  nowSeconds: number,
): string | undefined {
  if (claims.exp === undefined) return undefined;
  const from = claims.iat === undefined ? nowSeconds : Math.min(claims.iat, nowSeconds);
  if (claims.exp - from <= maxSeconds) return undefined;
  return `the token lives longer than the ${maxSeconds} s allowed (exp − iat)`;
}

/**
 * Why the token library refused a token, in our words: clients get a reason they can act on,
 * never the library's message (its wording is its own and may change with any release).
 */
export function tokenRefusalReason(error: unknown): string {
  const { code, claim } = (error ?? {}) as { code?: unknown; claim?: unknown };
  switch (code) {
    case 'ERR_JWT_EXPIRED':
      return 'the token has expired';
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      return typeof claim === 'string'
        ? `the token's ${claim} claim is missing or not accepted`
        : 'the token has a claim that is not accepted';
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
    case 'ERR_JWKS_NO_MATCHING_KEY':
    case 'ERR_JWKS_MULTIPLE_MATCHING_KEYS':
      return 'the token is not signed by a trusted key';
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
    case 'ERR_JOSE_NOT_SUPPORTED':
      return 'the token is signed with an algorithm that is not accepted';
    case 'ERR_JWS_INVALID':
    case 'ERR_JWT_INVALID':
      return 'the token is malformed';
    default:
      return 'the token could not be verified';
  }
}

/**
 * Why a token whose issuer is not trusted is refused, in the same words as `tokenRefusalReason`:
 * the issuer it names (a client can see which one it sent), or that it names none.
 */
export function untrustedIssuerReason(issuer: string | undefined): string {
  return issuer === undefined
    ? 'the token names no issuer, or is malformed'
    : `the token's issuer ${JSON.stringify(issuer.slice(0, 200))} is not trusted`;
}

/** When a token expires (epoch ms), read without verifying: call it on a verified token only. */
export function tokenExpiresAt(token: string): number | undefined {
  const { exp } = decodeJwt(token);
  return exp === undefined ? undefined : exp * 1000;
}
