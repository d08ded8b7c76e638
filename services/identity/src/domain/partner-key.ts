import { createPublicKey } from 'node:crypto';

import { badInput } from '@kollegia/service-kit/domain';

/** A partner's public key (a JWK with its `kid`) for signed client assertions (private_key_jwt). */
export type PartnerPublicKey = Record<string, unknown> & { kid: string; kty: string };

/**
 * The signing algorithms a partner's assertion may use, one per kind of key: RSA (2048 bits or
 * more), EC P-256, Ed25519 — the ones the kit accepts from issuers too.
 */
export const ASSERTION_ALGORITHMS = ['RS256', 'ES256', 'EdDSA'] as const;

const KID = /^[A-Za-z0-9._:-]{1,100}$/;

function algorithmOf(jwk: Record<string, unknown>): (typeof ASSERTION_ALGORITHMS)[number] {
  if (jwk.kty === 'RSA') return 'RS256';
  if (jwk.kty === 'EC' && jwk.crv === 'P-256') return 'ES256';
  if (jwk.kty === 'OKP' && jwk.crv === 'Ed25519') return 'EdDSA';
  throw badInput('key', 'an RSA, EC P-256 or Ed25519 key is needed');
}

/**
 * Checks a partner's public key (a JWK) and returns what is kept of it: its public members (never
 * a private part, even if one was sent by mistake — that is refused), its `kid`, and `alg` and
 * `use: sig`, so the provider accepts exactly the one algorithm the key is for.
 */
export function checkPublicKey(input: unknown): PartnerPublicKey {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw badInput('key', 'must be a JSON Web Key (a JSON object)');
  }
  const jwk = input as Record<string, unknown>;
  if (typeof jwk.kid !== 'string' || !KID.test(jwk.kid)) {
    throw badInput('key.kid', 'letters, digits, ".", "_", ":" and "-", 1 to 100 characters');
  }
  if ('d' in jwk || 'p' in jwk || 'k' in jwk) {
    throw badInput('key', 'this is a private or secret key: send only the public key');
  }
  const alg = algorithmOf(jwk);
  if (jwk.alg !== undefined && jwk.alg !== alg) {
    throw badInput('key.alg', `a ${String(jwk.kty)} key signs with ${alg}`);
  }
  if (jwk.use !== undefined && jwk.use !== 'sig') {
    throw badInput('key.use', 'must be "sig"');
  }
  let key;
  try {
    key = createPublicKey({ key: jwk, format: 'jwk' });
  } catch {
    throw badInput('key', 'not a valid public key');
  }
  if (alg === 'RS256' && (key.asymmetricKeyDetails?.modulusLength ?? 0) < 2048) {
    throw badInput('key', 'an RSA key must have at least 2048 bits');
  }
  return { ...key.export({ format: 'jwk' }), kid: jwk.kid, alg, use: 'sig' } as PartnerPublicKey;
}
