import { generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';

import { basicAuth, uniqueId } from '@kollegia/testing';

import {
  adminApi,
  kitVerifier,
  signIn,
  startIdentity,
  tokenRequest,
  type Identity,
} from './test/harness';

/**
 * Issue #18, partner apps: a client that signs its assertions (private_key_jwt, RFC 7523) instead
 * of sending a secret; secrets rotated with an overlap, keys rotated by kid, a client revoked.
 */
let identity: Identity;
/** The provider's clock runs this far ahead of the wall clock: an overlap can end in a test. */
let aheadMs = 0;
const tenantId = uniqueId('assoc').toLowerCase();

beforeAll(async () => {
  identity = await startIdentity('partner-credentials', {
    clock: () => new Date(Date.now() + aheadMs),
  });
  await identity.app.admin.createTenant({ id: tenantId, name: 'Ассоциация кластеров' });
});

afterAll(() => identity.stop());

type Alg = 'RS256' | 'ES256' | 'EdDSA';

/** A partner's key pair: the private key it signs with, and the public JWK it registers. */
function partnerKey(alg: Alg, kid: string) {
  const { privateKey, publicKey } =
    alg === 'RS256'
      ? generateKeyPairSync('rsa', { modulusLength: 2048 })
      : alg === 'ES256'
        ? generateKeyPairSync('ec', { namedCurve: 'P-256' })
        : generateKeyPairSync('ed25519');
  return { alg, kid, privateKey, jwk: { ...publicKey.export({ format: 'jwk' }), kid } };
}

type PartnerKey = ReturnType<typeof partnerKey>;

/** A client assertion (RFC 7523) as a partner signs it with its private key, by hand. */
function assertion(clientId: string, key: { alg: Alg; kid: string; privateKey: KeyObject }) {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const input = `${part({ alg: key.alg, kid: key.kid, typ: 'JWT' })}.${part({
    iss: clientId,
    sub: clientId,
    aud: `${identity.app.issuer}/token`,
    jti: randomUUID(),
    iat: now,
    exp: now + 60,
  })}`;
  const signature = sign(
    key.alg === 'EdDSA' ? null : 'sha256',
    Buffer.from(input),
    key.alg === 'ES256' ? { key: key.privateKey, dsaEncoding: 'ieee-p1363' } : key.privateKey,
  );
  return `${input}.${signature.toString('base64url')}`;
}

function withAssertion(clientAssertion: string) {
  return tokenRequest(identity.app, {
    grant_type: 'client_credentials',
    scope: 'api',
    client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
    client_assertion: clientAssertion,
  });
}

function withSecret(clientId: string, clientSecret: string) {
  return tokenRequest(
    identity.app,
    { grant_type: 'client_credentials', scope: 'api' },
    { authorization: basicAuth(clientId, clientSecret) },
  );
}

const refused = { status: 401, body: expect.objectContaining({ error: 'invalid_client' }) };

async function keyClient(...keys: PartnerKey[]): Promise<string> {
  const { clientId, clientSecret } = await identity.app.partnerClients.create({
    tenantId,
    name: 'Портал с ключом',
    keys: keys.map(({ jwk }) => jwk),
  });
  expect(clientSecret).toBeUndefined();
  return clientId;
}

async function secretClient(): Promise<{ clientId: string; clientSecret: string }> {
  return identity.app.partnerClients.create({ tenantId, name: 'Портал с секретом' });
}

describe('a partner client with a public key', () => {
  it.each(['RS256', 'ES256', 'EdDSA'] as const)(
    'should get a token for an assertion signed with its %s key, and none with a secret',
    async (alg) => {
      const key = partnerKey(alg, `${alg}-1`);
      const clientId = await keyClient(key);
      const { status, body } = await withAssertion(assertion(clientId, key));
      expect(status).toBe(200);
      const verified = await (await kitVerifier(identity.app)).verify(body.access_token!);
      expect(verified).toEqual({ subject: clientId, tenantId, roles: ['partner'] });
      // It has no secret: whatever one it sends is refused.
      expect(await withSecret(clientId, 'x'.repeat(43))).toEqual(refused);
    },
  );

  it('should refuse an assertion signed by another key under its kid, and one used twice', async () => {
    const key = partnerKey('ES256', 'main');
    const clientId = await keyClient(key);
    const impostor = partnerKey('ES256', 'main');
    expect(await withAssertion(assertion(clientId, impostor))).toEqual(refused);

    const once = assertion(clientId, key);
    expect((await withAssertion(once)).status).toBe(200);
    expect(await withAssertion(once)).toEqual(refused);
  });

  it('should rotate its keys by kid: both work once the new one is added, the old one not once removed', async () => {
    const { partnerClients } = identity.app;
    const old = partnerKey('ES256', '2026-12');
    const next = partnerKey('RS256', '2027-01');
    const clientId = await keyClient(old);

    const added = await partnerClients.addKey({ clientId, key: next.jwk });
    expect(added).toMatchObject({
      authMethod: 'private_key_jwt',
      keys: [
        { kid: '2026-12', alg: 'ES256' },
        { kid: '2027-01', alg: 'RS256' },
      ],
    });
    expect((await withAssertion(assertion(clientId, old))).status).toBe(200);
    expect((await withAssertion(assertion(clientId, next))).status).toBe(200);

    await partnerClients.removeKey({ clientId, kid: '2026-12' });
    expect(await withAssertion(assertion(clientId, old))).toEqual(refused);
    expect((await withAssertion(assertion(clientId, next))).status).toBe(200);

    await expect(partnerClients.removeKey({ clientId, kid: '2027-01' })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('last key') as unknown,
    });
    await expect(partnerClients.addKey({ clientId, key: next.jwk })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: `partner client ${clientId} has a key 2027-01 already`,
    });
  });

  it('should refuse keys that are not a partner’s public signing key, naming the field', async () => {
    const { partnerClients } = identity.app;
    const ec = partnerKey('ES256', 'k');
    const cases: [unknown, string][] = [
      [{ ...ec.jwk, kid: undefined }, 'key.kid'],
      [ec.privateKey.export({ format: 'jwk' }), 'key.kid'],
      [{ ...ec.privateKey.export({ format: 'jwk' }), kid: 'k' }, 'key'],
      [{ kty: 'oct', k: 'c2VjcmV0', kid: 'k' }, 'key'],
      [{ ...ec.jwk, alg: 'RS256' }, 'key.alg'],
      [{ ...ec.jwk, use: 'enc' }, 'key.use'],
      [{ ...ec.jwk, x: 'AAAA' }, 'key'],
      [
        {
          ...generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({
            format: 'jwk',
          }),
          kid: 'small',
        },
        'key',
      ],
    ];
    for (const [key, field] of cases) {
      await expect(
        partnerClients.create({ tenantId, name: 'Плохой ключ', keys: [key] }),
      ).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { field } });
    }
    await expect(
      partnerClients.create({ tenantId, name: 'Два ключа', keys: [ec.jwk, ec.jwk] }),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'keys' } });
    expect(await partnerClients.list(tenantId)).not.toContainEqual(
      expect.objectContaining({ name: 'Плохой ключ' }),
    );
    // A client with a secret gets no keys, and one with keys no secret: one way in each.
    const { clientId } = await secretClient();
    await expect(partnerClients.addKey({ clientId, key: ec.jwk })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    const keyed = await keyClient(ec);
    await expect(partnerClients.rotateSecret({ clientId: keyed })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });
});

describe('rotating a partner’s secret', () => {
  afterEach(() => {
    aheadMs = 0;
  });

  it('should accept the old and the new secret during the overlap, and only the new one after it', async () => {
    const { clientId, clientSecret: old } = await secretClient();
    const rotated = await identity.app.partnerClients.rotateSecret({
      clientId,
      overlapSeconds: 3600,
    });
    expect(rotated.clientSecret).not.toBe(old);
    expect(rotated.previousSecretUntil!.getTime() - Date.now()).toBeGreaterThan(3500_000);
    expect((await withSecret(clientId, old)).status).toBe(200);
    expect((await withSecret(clientId, rotated.clientSecret)).status).toBe(200);

    aheadMs = 3601_000;
    expect(await withSecret(clientId, old)).toEqual(refused);
    expect((await withSecret(clientId, rotated.clientSecret)).status).toBe(200);
    expect(await identity.app.partnerClients.get({ clientId })).not.toHaveProperty(
      'previousSecretUntil',
    );
  });

  it('should refuse the old secret once the overlap is ended, and at once with no overlap', async () => {
    const { partnerClients } = identity.app;
    const { clientId, clientSecret: first } = await secretClient();
    const { clientSecret: second } = await partnerClients.rotateSecret({ clientId });
    expect((await withSecret(clientId, first)).status).toBe(200);
    await partnerClients.endSecretOverlap({ clientId });
    expect(await withSecret(clientId, first)).toEqual(refused);
    expect((await withSecret(clientId, second)).status).toBe(200);

    const { clientSecret: third } = await partnerClients.rotateSecret({
      clientId,
      overlapSeconds: 0,
    });
    expect(await withSecret(clientId, second)).toEqual(refused);
    expect((await withSecret(clientId, third)).status).toBe(200);
    for (const overlapSeconds of [-1, 1.5, 31 * 24 * 3600, Number.NaN]) {
      await expect(partnerClients.rotateSecret({ clientId, overlapSeconds })).rejects.toMatchObject(
        { code: 'BAD_USER_INPUT', details: { field: 'overlapSeconds' } },
      );
    }
    expect((await withSecret(clientId, third)).status).toBe(200);
  });
});

describe('revoking a partner client', () => {
  it('should refuse it at the token endpoint from then, whichever way it authenticates', async () => {
    const { partnerClients } = identity.app;
    const { clientId, clientSecret } = await secretClient();
    const rotated = await partnerClients.rotateSecret({ clientId });
    const key = partnerKey('EdDSA', 'ed');
    const keyed = await keyClient(key);

    const revoked = await partnerClients.revoke({ clientId });
    expect(revoked.revokedAt).toBeInstanceOf(Date);
    await partnerClients.revoke({ clientId: keyed });
    expect(await withSecret(clientId, clientSecret)).toEqual(refused);
    expect(await withSecret(clientId, rotated.clientSecret)).toEqual(refused);
    expect(await withAssertion(assertion(keyed, key))).toEqual(refused);

    await expect(partnerClients.rotateSecret({ clientId })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: `partner client ${clientId} is revoked`,
    });
    expect(await partnerClients.list(tenantId)).toContainEqual(
      expect.objectContaining({ clientId, revokedAt: revoked.revokedAt }),
    );
  });

  it('should not let an administrator of another tenant see or change a client', async () => {
    const { partnerClients } = identity.app;
    const { clientId, clientSecret } = await secretClient();
    const elsewhere = { clientId, tenantId: 'another-tenant' };
    await expect(partnerClients.get(elsewhere)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(partnerClients.revoke(elsewhere)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await withSecret(clientId, clientSecret)).status).toBe(200);
    expect(await partnerClients.get({ clientId, tenantId })).toMatchObject({
      clientId,
      tenantId,
      authMethod: 'client_secret',
      keys: [],
    });
  });
});

describe('the admin API', () => {
  const PASSWORD = 'пароль администратора';

  /** An access token of a person of `tenant` with `roles`, signed in at the provider. */
  async function tokenOf(tenant: string, roles: string[]): Promise<string> {
    const account = await identity.app.admin.createAccount({
      email: `${uniqueId('admin')}@example.ru`,
      displayName: 'Орлова Анна',
      tenantId: tenant,
      roles,
      password: PASSWORD,
    });
    const signedIn = await signIn(identity.app, account.email, PASSWORD);
    return signedIn.body.access_token!;
  }

  function api(method: string, path: string, token: string, body?: unknown) {
    return adminApi(identity.app, method, path, token, body);
  }

  it('should let a tenant’s administrator create, rotate, re-key and revoke its partner clients', async () => {
    const admin = await tokenOf(tenantId, ['admin']);
    const created = await api('POST', 'partner-clients', admin, { name: 'Портал через API' });
    expect(created.status).toBe(201);
    const { clientId, clientSecret } = created.body as { clientId: string; clientSecret: string };
    expect((await withSecret(clientId, clientSecret)).status).toBe(200);

    const rotated = await api('POST', `partner-clients/${clientId}/secret`, admin, {
      overlapSeconds: 600,
    });
    expect(rotated).toMatchObject({
      status: 201,
      body: { clientId, previousSecretUntil: expect.any(String) },
    });
    expect((await withSecret(clientId, clientSecret)).status).toBe(200);
    expect(await api('DELETE', `partner-clients/${clientId}/previous-secret`, admin)).toMatchObject(
      {
        status: 200,
        body: { clientId, authMethod: 'client_secret' },
      },
    );
    expect(await withSecret(clientId, clientSecret)).toEqual(refused);
    expect((await withSecret(clientId, rotated.body.clientSecret)).status).toBe(200);

    const first = partnerKey('ES256', 'first');
    const next = partnerKey('EdDSA', 'next');
    const keyed = await api('POST', 'partner-clients', admin, {
      name: 'Портал с ключом через API',
      keys: [first.jwk],
    });
    expect(keyed.status).toBe(201);
    expect(keyed.body).toEqual({ clientId: expect.any(String) });
    const keyedId = keyed.body.clientId as string;
    expect(
      (await api('POST', `partner-clients/${keyedId}/keys`, admin, { key: next.jwk })).status,
    ).toBe(201);
    expect(await api('DELETE', `partner-clients/${keyedId}/keys/first`, admin)).toMatchObject({
      status: 200,
      body: { keys: [{ kid: 'next', alg: 'EdDSA' }] },
    });
    expect(await withAssertion(assertion(keyedId, first))).toEqual(refused);
    expect((await withAssertion(assertion(keyedId, next))).status).toBe(200);

    const listed = await api('GET', 'partner-clients', admin);
    expect(listed.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ clientId, authMethod: 'client_secret' }),
        expect.objectContaining({ clientId: keyedId, authMethod: 'private_key_jwt' }),
      ]),
    );
    expect(JSON.stringify(listed.body)).not.toMatch(/argon2|secretHash|clientSecret/);

    expect(await api('POST', `partner-clients/${keyedId}/revoke`, admin)).toMatchObject({
      status: 200,
      body: { clientId: keyedId, revokedAt: expect.any(String) },
    });
    expect(await withAssertion(assertion(keyedId, next))).toEqual(refused);
  });

  it('should refuse bad input with its field, other tenants’ clients and people who are not administrators', async () => {
    const admin = await tokenOf(tenantId, ['admin']);
    const { clientId, clientSecret } = await secretClient();
    expect(
      await api('POST', `partner-clients/${clientId}/secret`, admin, { overlapSeconds: -5 }),
    ).toMatchObject({
      status: 400,
      body: { errors: [{ extensions: { code: 'BAD_USER_INPUT', field: 'overlapSeconds' } }] },
    });
    expect(
      await api('POST', 'partner-clients', admin, {
        name: 'Ключ',
        keys: [{ kty: 'oct', kid: 'a' }],
      }),
    ).toMatchObject({ status: 400, body: { errors: [{ extensions: { field: 'key' } }] } });
    expect(
      await api('POST', `partner-clients/${clientId}/keys`, admin, {
        key: partnerKey('ES256', 'k').jwk,
      }),
    ).toMatchObject({
      status: 409,
      body: { errors: [{ extensions: { code: 'CONFLICT' } }] },
    });
    expect((await withSecret(clientId, clientSecret)).status).toBe(200);

    const otherTenant = uniqueId('assoc').toLowerCase();
    await identity.app.admin.createTenant({ id: otherTenant, name: 'Другая ассоциация' });
    const otherAdmin = await tokenOf(otherTenant, ['admin']);
    expect(await api('POST', `partner-clients/${clientId}/revoke`, otherAdmin)).toMatchObject({
      status: 404,
      body: { errors: [{ extensions: { code: 'NOT_FOUND' } }] },
    });
    expect((await api('GET', 'partner-clients', otherAdmin)).body).toEqual({ items: [] });

    const secretary = await tokenOf(tenantId, ['secretary']);
    expect(await api('POST', `partner-clients/${clientId}/revoke`, secretary)).toMatchObject({
      status: 403,
      body: { errors: [{ extensions: { code: 'FORBIDDEN' } }] },
    });
    expect((await withSecret(clientId, clientSecret)).status).toBe(200);
  });
});
