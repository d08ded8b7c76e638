import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import {
  createRemoteJWKSet,
  decodeJwt,
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
  untrustedIssuerReason,
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
  /**
   * The directory person (members service) the account is, in the same tenant, when its issuer
   * links one (claim `person`): who the caller is when acting as itself as a person.
   */
  person?: string;
}

const claimsSchema = z.object({
  sub: z.string().min(1),
  tenant: z.string().min(1),
  roles: z.array(z.enum(ROLES)).min(1),
  org: z.string().min(1).optional(),
  person: z.string().min(1).optional(),
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
   * Picks the trusted issuer the token names (`iss`), then verifies signature, expiry, lifetime
   * (`tokenLifetimeProblem`), issuer, audience and that the claims, read through that issuer's
   * mapping, can be honoured (`tokenClaimsProblem`); throws UNAUTHENTICATED otherwise.
   */
  verify(token: string): Promise<Identity>;
}

/**
 * Where an issuer puts Kollegia's claims: a claim's name, or a dotted path into nested claims
 * (Keycloak's `resource_access.kollegia.roles`). A name the token has as a whole (a namespaced
 * `https://example.org/roles`) is taken as it is.
 */
export interface ClaimMapping {
  tenant: string;
  roles: string;
  org: string;
  person: string;
  /**
   * Whether one role may come as a string rather than a list of one (ADFS and Entra ID give a
   * claim with one value so). Off unless an issuer is known to do it: elsewhere a string is a
   * malformed token, and refused.
   */
  roleAsString: boolean;
}

export const DEFAULT_CLAIM_MAPPING: ClaimMapping = {
  tenant: 'tenant',
  roles: 'roles',
  org: 'org',
  person: 'person',
  roleAsString: false,
};

/** One issuer whose tokens are honoured, with its own keys, audience and claim names. */
export interface TrustedIssuer {
  issuer: string;
  audience: string;
  /** Its JWKS (an OIDC provider: RS256, ES256 or EdDSA), or a PEM public key (the dev key, EdDSA). */
  jwksUrl?: string;
  publicKeyPem?: string;
  claims?: Partial<ClaimMapping>;
}

/** The value at a claim name or dotted path, or undefined. */
function claimAt(payload: Record<string, unknown>, path: string): unknown {
  if (path in payload) return payload[path];
  let value: unknown = payload;
  for (const part of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/**
 * Kollegia's claims (`sub`, `tenant`, `roles`, `org`, `person`) from a verified token's payload, read where
 * its issuer puts them (one role as a string counts as a list of one where its mapping says so);
 * what they are worth is for the claims' schema and `tokenClaimsProblem`.
 */
export function mappedClaims(
  payload: Record<string, unknown>,
  mapping: Partial<ClaimMapping> = {},
): { sub: unknown; tenant: unknown; roles: unknown; org: unknown; person: unknown } {
  const names = { ...DEFAULT_CLAIM_MAPPING, ...mapping };
  const roles = claimAt(payload, names.roles);
  return {
    sub: payload.sub,
    tenant: claimAt(payload, names.tenant),
    roles: names.roleAsString && typeof roles === 'string' ? [roles] : roles,
    org: claimAt(payload, names.org),
    person: claimAt(payload, names.person),
  };
}

/** The unverified `iss` of a token, to choose whose keys verify it; undefined when unreadable. */
function unverifiedIssuer(token: string): string | undefined {
  try {
    const { iss } = decodeJwt(token);
    return iss;
  } catch {
    return undefined;
  }
}

const DEV_ALGORITHM = 'EdDSA';

interface IssuerKeys {
  trusted: TrustedIssuer;
  key: JWTVerifyGetKey | KeyLike;
  algorithms: string[];
}

async function keysOf(trusted: TrustedIssuer): Promise<IssuerKeys> {
  if (trusted.jwksUrl) {
    return {
      trusted,
      key: createRemoteJWKSet(new URL(trusted.jwksUrl)),
      algorithms: ['RS256', 'ES256', 'EdDSA'],
    };
  }
  if (trusted.publicKeyPem) {
    return {
      trusted,
      key: await importSPKI(trusted.publicKeyPem, DEV_ALGORITHM),
      algorithms: [DEV_ALGORITHM],
    };
  }
  throw new Error(`the trusted issuer ${trusted.issuer} needs a JWKS URL or a public key`);
}

/**
 * Verifies tokens of the trusted issuers: each token against the keys, issuer and audience of the
 * one its `iss` names — a token of any other issuer is refused before any key is tried.
 */
export async function createTokenVerifier(options: {
  issuers: TrustedIssuer[];
  /** Refuse tokens living longer than this (`tokenLifetimeProblem`); default one day. */
  maxLifetimeSeconds?: number;
}): Promise<TokenVerifier> {
  const maxLifetime = options.maxLifetimeSeconds ?? DEFAULT_MAX_TOKEN_LIFETIME_S;
  if (options.issuers.length === 0) {
    throw new Error(
      'token verification needs a trusted issuer: AUTH_JWKS_URL, AUTH_DEV_PUBLIC_KEY_FILE or AUTH_TRUSTED_ISSUERS',
    );
  }
  const byIssuer = new Map<string, IssuerKeys>();
  for (const trusted of options.issuers) {
    if (byIssuer.has(trusted.issuer)) {
      throw new Error(`the issuer ${trusted.issuer} is trusted twice: name each issuer once`);
    }
    byIssuer.set(trusted.issuer, await keysOf(trusted));
  }
  return {
    async verify(token) {
      const iss = unverifiedIssuer(token);
      const keys = iss === undefined ? undefined : byIssuer.get(iss);
      if (!keys) throw unauthenticated(`invalid token: ${untrustedIssuerReason(iss)}`);
      let payload: Record<string, unknown>;
      try {
        ({ payload } = await jwtVerify(token, keys.key as KeyLike, {
          issuer: keys.trusted.issuer,
          audience: keys.trusted.audience,
          algorithms: keys.algorithms,
          requiredClaims: ['exp', 'sub'],
        }));
      } catch (error) {
        throw unauthenticated(`invalid token: ${tokenRefusalReason(error)}`);
      }
      const tooLong = tokenLifetimeProblem(payload, maxLifetime, Date.now() / 1000);
      if (tooLong) throw unauthenticated(`invalid token: ${tooLong}`);
      const claims = claimsSchema.safeParse(mappedClaims(payload, keys.trusted.claims));
      if (!claims.success)
        throw unauthenticated('invalid token: missing or bad tenant/roles claims');
      const claimsProblem = tokenClaimsProblem(claims.data);
      if (claimsProblem) throw unauthenticated(`invalid token: ${claimsProblem}`);
      const { sub, tenant, roles, org, person } = claims.data;
      return {
        subject: sub,
        tenantId: tenant,
        roles,
        ...(org ? { organizationId: org } : {}),
        ...(person ? { person } : {}),
      };
    },
  };
}

/** The settings that say whom to trust (the kit's and the gateway's config schemas share them). */
export interface AuthSettings {
  AUTH_JWKS_URL?: string | undefined;
  AUTH_DEV_PUBLIC_KEY_FILE?: string | undefined;
  AUTH_ISSUER: string;
  AUTH_AUDIENCE: string;
  AUTH_TRUSTED_ISSUERS: TrustedIssuerSetting[];
}

/** One entry of `AUTH_TRUSTED_ISSUERS`; its audience defaults to `AUTH_AUDIENCE`. */
export interface TrustedIssuerSetting {
  issuer: string;
  jwksUrl: string;
  audience?: string | undefined;
  claims?: Partial<ClaimMapping> | undefined;
}

/**
 * The issuers the settings trust: `AUTH_ISSUER` with `AUTH_JWKS_URL` or, without one, the dev key
 * of `AUTH_DEV_PUBLIC_KEY_FILE` (as before there was a list), then every `AUTH_TRUSTED_ISSUERS`
 * entry. Locally that is the dev key (`npm run token`) and the identity service.
 */
export function trustedIssuersOf(settings: AuthSettings): TrustedIssuer[] {
  const first: TrustedIssuer[] = settings.AUTH_JWKS_URL
    ? [
        {
          issuer: settings.AUTH_ISSUER,
          audience: settings.AUTH_AUDIENCE,
          jwksUrl: settings.AUTH_JWKS_URL,
        },
      ]
    : settings.AUTH_DEV_PUBLIC_KEY_FILE
      ? [
          {
            issuer: settings.AUTH_ISSUER,
            audience: settings.AUTH_AUDIENCE,
            publicKeyPem: readFileSync(settings.AUTH_DEV_PUBLIC_KEY_FILE, 'utf8'),
          },
        ]
      : [];
  return [
    ...first,
    ...settings.AUTH_TRUSTED_ISSUERS.map(({ issuer, jwksUrl, audience, claims }) => ({
      issuer,
      jwksUrl,
      audience: audience ?? settings.AUTH_AUDIENCE,
      ...(claims ? { claims } : {}),
    })),
  ];
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
  claims: { sub: string; tenant: string; roles: Role[]; org?: string; person?: string },
  options: { issuer: string; audience: string; expiresIn?: string },
): Promise<string> {
  const key = await importPKCS8(privateKeyPem, DEV_ALGORITHM);
  return new SignJWT({
    tenant: claims.tenant,
    roles: claims.roles,
    ...(claims.org ? { org: claims.org } : {}),
    ...(claims.person ? { person: claims.person } : {}),
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
      claims: { sub?: string; tenant: string; roles: Role[]; org?: string; person?: string },
      expiresIn?: string,
    ) =>
      signDevToken(
        keys.privateKeyPem,
        { sub: claims.sub ?? `user-${claims.roles.join('-')}`, ...claims },
        { issuer, audience, ...(expiresIn ? { expiresIn } : {}) },
      ),
  };
}
