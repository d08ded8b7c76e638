import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import {
  createRemoteJWKSet,
  importPKCS8,
  importSPKI,
  jwtVerify,
  SignJWT,
  type JWTVerifyGetKey,
  type KeyLike,
} from 'jose';
import { z } from 'zod';

import { forbidden, unauthenticated } from './domain';
import {
  DEFAULT_MAX_TOKEN_LIFETIME_S,
  tokenLifetimeProblem,
  tokenRefusalReason,
} from './token-rules';

/** Roles of DESIGN.md section 2, from most to least powerful. */
export const ROLES = ['admin', 'secretary', 'member', 'addressee', 'partner'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling: taken from a verified JWT, never from arguments. */
export interface Identity {
  subject: string;
  tenantId: string;
  roles: Role[];
  /** The organisation an addressee user speaks for: always there for one (`tokenClaimsProblem`). */
  organizationId?: string;
}

const claimsSchema = z.object({
  sub: z.string().min(1),
  tenant: z.string().min(1),
  roles: z.array(z.enum(ROLES)).min(1),
  org: z.string().min(1).optional(),
});

/**
 * Why a token's claims cannot be honoured, or undefined when they can: the one rule that the
 * verifier applies (so every service, and the gateway on HTTP, SSE and graphql-ws) and that
 * `npm run token` applies before it signs. Unknown roles the claims' schema refuses already. An
 * addressee acts for one organisation (DESIGN.md section 2) and every rule that keeps it to that
 * organisation needs to know which, so an addressee without `org` is refused — never read as
 * "no restriction" further down.
 */
export function tokenClaimsProblem(claims: {
  roles: readonly Role[];
  org?: string | undefined;
}): string | undefined {
  if (claims.roles.includes('addressee') && !claims.org) {
    return 'an addressee token must name the organisation it speaks for (claim org)';
  }
  return undefined;
}

export interface TokenVerifier {
  /**
   * Verifies signature, expiry, lifetime (`tokenLifetimeProblem`), issuer, audience and that the
   * claims can be honoured (`tokenClaimsProblem`); throws UNAUTHENTICATED otherwise.
   */
  verify(token: string): Promise<Identity>;
}

const DEV_ALGORITHM = 'EdDSA';

/** Verifies tokens against a JWKS URL (OIDC, production) or the local dev public key. */
export async function createTokenVerifier(options: {
  jwksUrl?: string;
  publicKeyPem?: string;
  issuer: string;
  audience: string;
  /** Refuse tokens living longer than this (`tokenLifetimeProblem`); default one day. */
  maxLifetimeSeconds?: number;
}): Promise<TokenVerifier> {
  const maxLifetime = options.maxLifetimeSeconds ?? DEFAULT_MAX_TOKEN_LIFETIME_S;
  let key: JWTVerifyGetKey | KeyLike;
  let algorithms: string[];
  if (options.jwksUrl) {
    key = createRemoteJWKSet(new URL(options.jwksUrl));
    algorithms = ['RS256', 'ES256', 'EdDSA'];
  } else if (options.publicKeyPem) {
    key = await importSPKI(options.publicKeyPem, DEV_ALGORITHM);
    algorithms = [DEV_ALGORITHM];
  } else {
    throw new Error('token verification needs AUTH_JWKS_URL or AUTH_DEV_PUBLIC_KEY_FILE');
  }
  return {
    async verify(token) {
      let payload: unknown;
      try {
        ({ payload } = await jwtVerify(token, key as KeyLike, {
          issuer: options.issuer,
          audience: options.audience,
          algorithms,
          requiredClaims: ['exp', 'sub'],
        }));
      } catch (error) {
        throw unauthenticated(`invalid token: ${tokenRefusalReason(error)}`);
      }
      const tooLong = tokenLifetimeProblem(
        payload as { exp?: number; iat?: number },
        maxLifetime,
        Date.now() / 1000,
      );
      if (tooLong) throw unauthenticated(`invalid token: ${tooLong}`);
      const claims = claimsSchema.safeParse(payload);
      if (!claims.success)
        throw unauthenticated('invalid token: missing or bad tenant/roles claims');
      const claimsProblem = tokenClaimsProblem(claims.data);
      if (claimsProblem) throw unauthenticated(`invalid token: ${claimsProblem}`);
      const { sub, tenant, roles, org } = claims.data;
      return { subject: sub, tenantId: tenant, roles, ...(org ? { organizationId: org } : {}) };
    },
  };
}

/** Extracts the bearer token from an `Authorization` header value. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1];
}

/** Fails with UNAUTHENTICATED when nobody is signed in, FORBIDDEN when no role matches. */
export function requireRole(identity: Identity | null, ...allowed: Role[]): Identity {
  if (!identity) throw unauthenticated();
  if (!identity.roles.some((role) => allowed.includes(role))) {
    throw forbidden(`this needs one of the roles ${allowed.join(', ')}`);
  }
  return identity;
}

export function hasRole(identity: Identity | null, ...roles: Role[]): boolean {
  return !!identity && identity.roles.some((role) => roles.includes(role));
}

/** The local development signing key pair, created on first use (never used in production). */
export interface DevKeys {
  publicKeyPem: string;
  privateKeyPem: string;
  publicKeyFile: string;
}

export function loadOrCreateDevKeys(dir: string): DevKeys {
  const publicKeyFile = join(dir, 'dev-signing-key.pub.pem');
  const privateKeyFile = join(dir, 'dev-signing-key.pem');
  if (!existsSync(publicKeyFile) || !existsSync(privateKeyFile)) {
    mkdirSync(dir, { recursive: true });
    const { publicKey, privateKey } = generateKeyPairSync('ed25519', {
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    });
    writeFileSync(privateKeyFile, privateKey, { mode: 0o600 });
    writeFileSync(publicKeyFile, publicKey);
  }
  return {
    publicKeyPem: readFileSync(publicKeyFile, 'utf8'),
    privateKeyPem: readFileSync(privateKeyFile, 'utf8'),
    publicKeyFile,
  };
}

/**
 * Signs a token with the dev key (for `npm run token` and tests), whatever its claims: tests sign
 * ones the verifier refuses on purpose.
 */
export async function signDevToken(
  privateKeyPem: string,
  claims: { sub: string; tenant: string; roles: Role[]; org?: string },
  options: { issuer: string; audience: string; expiresIn?: string },
): Promise<string> {
  const key = await importPKCS8(privateKeyPem, DEV_ALGORITHM);
  return new SignJWT({
    tenant: claims.tenant,
    roles: claims.roles,
    ...(claims.org ? { org: claims.org } : {}),
  })
    .setProtectedHeader({ alg: DEV_ALGORITHM })
    .setSubject(claims.sub)
    .setIssuer(options.issuer)
    .setAudience(options.audience)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '12h')
    .sign(key);
}

/** The dev key pair and a signer bound to it: what `npm run token` and the tests use. */
export function devAuth(dir: string, options: { issuer?: string; audience?: string } = {}) {
  const keys = loadOrCreateDevKeys(dir);
  const issuer = options.issuer ?? 'kollegia-local';
  const audience = options.audience ?? 'kollegia';
  return {
    publicKeyFile: keys.publicKeyFile,
    issuer,
    audience,
    token: (
      claims: { sub?: string; tenant: string; roles: Role[]; org?: string },
      expiresIn?: string,
    ) =>
      signDevToken(
        keys.privateKeyPem,
        { sub: claims.sub ?? `user-${claims.roles.join('-')}`, ...claims },
        { issuer, audience, ...(expiresIn ? { expiresIn } : {}) },
      ),
  };
}
