import {
  createHmac,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
} from 'node:crypto';

import type { Role } from '@kollegia/service-kit';

/** What the services trust: the dev key, and the issuer and audience they expect. */
export interface SigningKey {
  privateKeyPem: string;
  issuer: string;
  audience: string;
}

/**
 * A caller of a tenant: a role, for an addressee the organisation it speaks for, and the
 * directory person its account is linked to, if any.
 */
export interface Caller {
  tenant: string;
  role: Role;
  org?: string;
  person?: string;
  sub?: string;
}

/** A token the services must refuse, and why. `header` replaces the whole Authorization value. */
export interface BadToken {
  kind: string;
  /** The Authorization header to send; undefined sends none. */
  authorization: string | undefined;
}

const base64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');
const json = (value: unknown) => base64url(JSON.stringify(value));
const now = () => Math.floor(Date.now() / 1000);
const HOUR = 3600;

/**
 * Signs JWTs by hand (node:crypto, EdDSA as the dev key is), so that a test can make any token:
 * a valid one for any tenant, role and subject, and every kind of token the services must refuse
 * — claims missing or wrong, times out of range, other keys and algorithms, broken encodings.
 */
export class TokenForge {
  private readonly key;
  private readonly tokens = new Map<string, string>();

  constructor(private readonly signing: SigningKey) {
    this.key = createPrivateKey(signing.privateKeyPem);
  }

  /** A JWT of `payload` under `header`, signed with `key` (the trusted one unless given). */
  jwt(
    payload: Record<string, unknown>,
    header: Record<string, unknown> = { alg: 'EdDSA', typ: 'JWT' },
    key = this.key,
  ): string {
    const input = `${json(header)}.${json(payload)}`;
    return `${input}.${base64url(sign(null, Buffer.from(input), key))}`;
  }

  /** The claims of a valid token of a caller, living one hour. */
  claims(caller: Caller): Record<string, unknown> {
    return {
      sub: caller.sub ?? `sec-${caller.role}`,
      tenant: caller.tenant,
      roles: [caller.role],
      ...(caller.org !== undefined ? { org: caller.org } : {}),
      ...(caller.person !== undefined ? { person: caller.person } : {}),
      iss: this.signing.issuer,
      aud: this.signing.audience,
      iat: now(),
      exp: now() + HOUR,
    };
  }

  /** A valid token of a caller, minted once per caller. */
  token(caller: Caller): string {
    const key = `${caller.tenant}/${caller.role}/${caller.org ?? ''}/${caller.person ?? ''}/${caller.sub ?? ''}`;
    let token = this.tokens.get(key);
    if (!token) {
      token = this.jwt(this.claims(caller));
      this.tokens.set(key, token);
    }
    return token;
  }

  bearer(caller: Caller): string {
    return `Bearer ${this.token(caller)}`;
  }

  /**
   * Every kind of token that must be refused, each built from a valid member token of `tenant`
   * (an addressee's for the addressee cases) with one thing wrong.
   */
  badTokens(tenant: string): BadToken[] {
    const good = this.claims({ tenant, role: 'member' });
    const addressee = this.claims({ tenant, role: 'addressee', org: 'some-organisation' });
    const { org: _org, ...addresseeWithoutOrg } = addressee;
    const without = (claim: string) => {
      const { [claim]: _dropped, ...rest } = good;
      return rest;
    };
    const signed = (payload: Record<string, unknown>) => `Bearer ${this.jwt(payload)}`;
    const valid = this.jwt(good);
    const [header, , signature] = valid.split('.');
    const otherKey = generateKeyPairSync('ed25519').privateKey;
    const publicPem = createPublicKey(this.key).export({ type: 'spki', format: 'pem' });
    const hs256Input = `${json({ alg: 'HS256', typ: 'JWT' })}.${json(good)}`;
    const hs256 = createHmac('sha256', publicPem).update(hs256Input).digest('base64url');
    return [
      { kind: 'no token', authorization: undefined },
      { kind: 'empty bearer', authorization: 'Bearer ' },
      { kind: 'garbage', authorization: 'Bearer not-a-token' },
      { kind: 'garbage with dots', authorization: 'Bearer a.b.c' },
      { kind: 'not a bearer scheme', authorization: `Basic ${valid}` },
      { kind: 'unsigned', authorization: `Bearer ${header}.${json(good)}.` },
      {
        kind: 'alg none',
        authorization: `Bearer ${json({ alg: 'none', typ: 'JWT' })}.${json(good)}.`,
      },
      { kind: 'wrong key', authorization: `Bearer ${this.jwt(good, undefined, otherKey)}` },
      {
        kind: 'HS256 with the public key as secret',
        authorization: `Bearer ${hs256Input}.${hs256}`,
      },
      {
        kind: 'payload changed after signing',
        authorization: `Bearer ${header}.${json({ ...good, roles: ['admin'] })}.${signature}`,
      },
      {
        kind: 'expired',
        authorization: signed({ ...good, iat: now() - 2 * HOUR, exp: now() - 60 }),
      },
      { kind: 'not yet valid', authorization: signed({ ...good, nbf: now() + HOUR }) },
      { kind: 'wrong issuer', authorization: signed({ ...good, iss: 'https://evil.example' }) },
      { kind: 'wrong audience', authorization: signed({ ...good, aud: 'another-api' }) },
      { kind: 'missing sub', authorization: signed(without('sub')) },
      { kind: 'missing tenant', authorization: signed(without('tenant')) },
      { kind: 'tenant not a string', authorization: signed({ ...good, tenant: 42 }) },
      { kind: 'missing roles', authorization: signed(without('roles')) },
      { kind: 'empty roles', authorization: signed({ ...good, roles: [] }) },
      { kind: 'roles not a list', authorization: signed({ ...good, roles: 'admin' }) },
      { kind: 'unknown role', authorization: signed({ ...good, roles: ['superuser'] }) },
      { kind: 'missing exp', authorization: signed(without('exp')) },
      { kind: 'addressee without org', authorization: signed(addresseeWithoutOrg) },
      { kind: 'addressee with empty org', authorization: signed({ ...addressee, org: '' }) },
      {
        kind: 'lifetime too long (valid until 2999)',
        authorization: signed({ ...good, exp: Date.UTC(2999, 0, 1) / 1000 }),
      },
      {
        kind: 'lifetime too long, no iat',
        authorization: signed({ ...without('iat'), exp: now() + 30 * 24 * HOUR }),
      },
      {
        kind: 'lifetime stretched by an iat in the future',
        authorization: signed({
          ...good,
          iat: now() + 29 * 24 * HOUR,
          exp: now() + 30 * 24 * HOUR,
        }),
      },
    ];
  }
}
