import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { importPKCS8, SignJWT } from 'jose';

import {
  createTokenVerifier,
  devAuth,
  loadOrCreateDevKeys,
  mappedClaims,
  tokenClaimsProblem,
  trustedIssuersOf,
  type Role,
} from './auth';
import { DomainError } from './domain';

describe('tokenClaimsProblem', () => {
  it.each<[string, { roles: Role[]; org?: string }, boolean]>([
    ['an addressee naming its organisation', { roles: ['addressee'], org: 'org-minprom' }, true],
    ['an addressee naming none', { roles: ['addressee'] }, false],
    ['an addressee with an empty organisation', { roles: ['addressee'], org: '' }, false],
    ['a member who is also an addressee, naming none', { roles: ['member', 'addressee'] }, false],
    ['a secretary naming none', { roles: ['secretary'] }, true],
    ['a partner naming none', { roles: ['partner'] }, true],
  ])('should tell whether %s can be honoured', (_case, claims, honoured) => {
    expect(tokenClaimsProblem(claims) === undefined).toBe(honoured);
  });
});

describe('createTokenVerifier', () => {
  const auth = devAuth(mkdtempSync(join(tmpdir(), 'kollegia-auth-')));
  const verifier = createTokenVerifier({
    issuers: [
      {
        publicKeyPem: readFileSync(auth.publicKeyFile, 'utf8'),
        issuer: auth.issuer,
        audience: auth.audience,
      },
    ],
  });

  it('should give an addressee the organisation its token names', async () => {
    const token = await auth.token({ sub: 'u', tenant: 'akit', roles: ['addressee'], org: 'o1' });
    await expect((await verifier).verify(token)).resolves.toEqual({
      subject: 'u',
      tenantId: 'akit',
      roles: ['addressee'],
      organizationId: 'o1',
    });
  });

  it('should refuse an addressee token that names no organisation as UNAUTHENTICATED', async () => {
    const token = await auth.token({ tenant: 'akit', roles: ['addressee'] });
    const refusal = await (await verifier).verify(token).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({
      code: 'UNAUTHENTICATED',
      message:
        'invalid token: an addressee token must name the organisation it speaks for (claim org)',
    });
  });
});

describe('mappedClaims', () => {
  const payload = {
    sub: 'u1',
    tenant: 'akit',
    roles: ['member'],
    realm_access: { roles: ['secretary'] },
    attributes: { org: 'o1', kollegia_person: 'p1' },
    'https://kollegia.example/tenant': 'ns-tenant',
  };

  it('should read tenant, roles and org under their own names by default', () => {
    expect(mappedClaims(payload)).toEqual({
      sub: 'u1',
      tenant: 'akit',
      roles: ['member'],
      org: undefined,
    });
  });

  it('should follow dotted paths, and take a name the token has as a whole as it is', () => {
    expect(
      mappedClaims(payload, {
        tenant: 'https://kollegia.example/tenant',
        roles: 'realm_access.roles',
        org: 'attributes.org',
        person: 'attributes.kollegia_person',
      }),
    ).toEqual({ sub: 'u1', tenant: 'ns-tenant', roles: ['secretary'], org: 'o1', person: 'p1' });
  });

  it('should read one role given as a string as a list of one only where the issuer does so', () => {
    expect(
      mappedClaims({ ...payload, role: 'addressee' }, { roles: 'role', roleAsString: true }),
    ).toMatchObject({ roles: ['addressee'] });
    // Elsewhere a string is what it is, and the claims' schema refuses it.
    expect(mappedClaims({ ...payload, role: 'addressee' }, { roles: 'role' })).toMatchObject({
      roles: 'addressee',
    });
  });

  it('should find nothing where a path leads past a value', () => {
    expect(mappedClaims(payload, { roles: 'tenant.roles', org: 'nowhere.org' })).toMatchObject({
      roles: undefined,
      org: undefined,
    });
  });
});

describe('createTokenVerifier with several issuers', () => {
  const local = devAuth(mkdtempSync(join(tmpdir(), 'kollegia-auth-')));
  const externalKeys = loadOrCreateDevKeys(mkdtempSync(join(tmpdir(), 'kollegia-auth-')));
  const EXTERNAL = 'https://sso.example.org/realms/akit';
  const verifier = createTokenVerifier({
    issuers: [
      {
        issuer: local.issuer,
        audience: local.audience,
        publicKeyPem: readFileSync(local.publicKeyFile, 'utf8'),
      },
      {
        issuer: EXTERNAL,
        audience: 'kollegia-api',
        publicKeyPem: externalKeys.publicKeyPem,
        claims: {
          tenant: 'kollegia_tenant',
          roles: 'resource_access.kollegia.roles',
          person: 'attributes.kollegia_person',
        },
      },
    ],
  });

  /** A token as the external issuer would sign it (its claim names), or as anyone else could. */
  async function externalToken(
    claims: Record<string, unknown>,
    options: { issuer?: string; audience?: string; privateKeyPem?: string } = {},
  ): Promise<string> {
    const key = await importPKCS8(options.privateKeyPem ?? externalKeys.privateKeyPem, 'EdDSA');
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'EdDSA' })
      .setSubject('kc-user-1')
      .setIssuer(options.issuer ?? EXTERNAL)
      .setAudience(options.audience ?? 'kollegia-api')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(key);
  }

  const refusal = async (token: string) =>
    (await verifier).verify(token).catch((error: unknown) => error);

  it("should verify each issuer's tokens with its keys and read them with its claim names", async () => {
    await expect(
      (await verifier).verify(await local.token({ sub: 'd', tenant: 'akit', roles: ['admin'] })),
    ).resolves.toEqual({ subject: 'd', tenantId: 'akit', roles: ['admin'] });
    const token = await externalToken({
      kollegia_tenant: 'akit',
      resource_access: { kollegia: { roles: ['secretary'] } },
    });
    await expect((await verifier).verify(token)).resolves.toEqual({
      subject: 'kc-user-1',
      tenantId: 'akit',
      roles: ['secretary'],
    });
  });

  it("should read the caller's directory person where its issuer puts it, and none when absent", async () => {
    await expect(
      (await verifier).verify(
        await local.token({ sub: 'd', tenant: 'akit', roles: ['member'], person: 'person-d' }),
      ),
    ).resolves.toEqual({ subject: 'd', tenantId: 'akit', roles: ['member'], person: 'person-d' });
    const token = await externalToken({
      kollegia_tenant: 'akit',
      resource_access: { kollegia: { roles: ['member'] } },
      attributes: { kollegia_person: 'person-kc' },
      // Under Kollegia's own name it is not read when the issuer maps it elsewhere.
      person: 'person-forged',
    });
    await expect((await verifier).verify(token)).resolves.toEqual({
      subject: 'kc-user-1',
      tenantId: 'akit',
      roles: ['member'],
      person: 'person-kc',
    });
    const unlinked = await local.token({ sub: 'd', tenant: 'akit', roles: ['member'] });
    expect(await (await verifier).verify(unlinked)).not.toHaveProperty('person');
  });

  it('should refuse a token of an issuer it does not trust, naming the issuer', async () => {
    const token = await externalToken(
      { tenant: 'akit', roles: ['admin'] },
      { issuer: 'https://evil.example' },
    );
    expect(await refusal(token)).toMatchObject({
      code: 'UNAUTHENTICATED',
      message: 'invalid token: the token\'s issuer "https://evil.example" is not trusted',
    });
  });

  it("should refuse a token that names a trusted issuer but is signed by another one's key", async () => {
    const forged = await externalToken(
      { tenant: 'akit', roles: ['admin'] },
      { issuer: local.issuer, audience: local.audience },
    );
    expect(await refusal(forged)).toMatchObject({
      code: 'UNAUTHENTICATED',
      message: 'invalid token: the token is not signed by a trusted key',
    });
  });

  it('should hold each issuer to its own audience', async () => {
    const token = await externalToken(
      { kollegia_tenant: 'akit', resource_access: { kollegia: { roles: ['member'] } } },
      { audience: 'kollegia' },
    );
    expect(await refusal(token)).toMatchObject({
      message: "invalid token: the token's aud claim is missing or not accepted",
    });
  });

  it('should apply the one claims rule to mapped claims', async () => {
    const noOrg = await externalToken({
      kollegia_tenant: 'akit',
      resource_access: { kollegia: { roles: ['addressee'] } },
    });
    expect(await refusal(noOrg)).toMatchObject({
      message:
        'invalid token: an addressee token must name the organisation it speaks for (claim org)',
    });
    // The issuer's own claim names are not read under Kollegia's when it maps them elsewhere.
    const unmapped = await externalToken({ tenant: 'akit', roles: ['admin'] });
    expect(await refusal(unmapped)).toMatchObject({
      message: 'invalid token: missing or bad tenant/roles claims',
    });
  });

  it('should refuse a malformed token as naming no issuer', async () => {
    expect(await refusal('not-a-jwt')).toMatchObject({
      code: 'UNAUTHENTICATED',
      message: 'invalid token: the token names no issuer, or is malformed',
    });
  });

  it('should refuse to trust one issuer twice', async () => {
    const pem = readFileSync(local.publicKeyFile, 'utf8');
    const twice = { issuer: 'x', audience: 'a', publicKeyPem: pem };
    await expect(createTokenVerifier({ issuers: [twice, twice] })).rejects.toThrow(
      'the issuer x is trusted twice',
    );
  });
});

describe('trustedIssuersOf', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kollegia-auth-'));
  const { publicKeyFile, publicKeyPem } = loadOrCreateDevKeys(dir);
  const base = {
    AUTH_ISSUER: 'kollegia-local',
    AUTH_AUDIENCE: 'kollegia',
    AUTH_TRUSTED_ISSUERS: [],
  };

  it('should trust the one issuer of the single-issuer settings, as before', () => {
    expect(trustedIssuersOf({ ...base, AUTH_DEV_PUBLIC_KEY_FILE: publicKeyFile })).toEqual([
      { issuer: 'kollegia-local', audience: 'kollegia', publicKeyPem },
    ]);
    // A JWKS URL wins over the dev key, as it always did.
    expect(
      trustedIssuersOf({
        ...base,
        AUTH_ISSUER: 'https://sso.example.org',
        AUTH_JWKS_URL: 'https://sso.example.org/jwks',
        AUTH_DEV_PUBLIC_KEY_FILE: publicKeyFile,
      }),
    ).toEqual([
      {
        issuer: 'https://sso.example.org',
        audience: 'kollegia',
        jwksUrl: 'https://sso.example.org/jwks',
      },
    ]);
  });

  it('should add the listed issuers, with AUTH_AUDIENCE unless they name their own', () => {
    expect(
      trustedIssuersOf({
        ...base,
        AUTH_DEV_PUBLIC_KEY_FILE: publicKeyFile,
        AUTH_TRUSTED_ISSUERS: [
          { issuer: 'http://127.0.0.1:4105', jwksUrl: 'http://127.0.0.1:4105/jwks' },
          {
            issuer: 'https://sso.example.org',
            jwksUrl: 'https://sso.example.org/jwks',
            audience: 'account',
            claims: { roles: 'realm_access.roles' },
          },
        ],
      }),
    ).toEqual([
      { issuer: 'kollegia-local', audience: 'kollegia', publicKeyPem },
      {
        issuer: 'http://127.0.0.1:4105',
        audience: 'kollegia',
        jwksUrl: 'http://127.0.0.1:4105/jwks',
      },
      {
        issuer: 'https://sso.example.org',
        audience: 'account',
        jwksUrl: 'https://sso.example.org/jwks',
        claims: { roles: 'realm_access.roles' },
      },
    ]);
  });

  it('should trust only the listed issuers when no key of the single-issuer settings is set', () => {
    expect(
      trustedIssuersOf({
        ...base,
        AUTH_TRUSTED_ISSUERS: [
          { issuer: 'https://sso.example.org', jwksUrl: 'https://sso.example.org/jwks' },
        ],
      }),
    ).toHaveLength(1);
  });
});
