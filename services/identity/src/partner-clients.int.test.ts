import { basicAuth, uniqueId } from '@kollegia/testing';

import { kitVerifier, startIdentity, tokenRequest, type Identity } from './test/harness';

let identity: Identity;
const tenantId = uniqueId('assoc').toLowerCase();

beforeAll(async () => {
  identity = await startIdentity('partner-clients');
  await identity.app.admin.createTenant({ id: tenantId, name: 'Ассоциация кластеров' });
});

afterAll(() => identity.stop());

describe('the provider', () => {
  it('should serve its discovery document and its public signing keys', async () => {
    const { app } = identity;
    const discovery = (await (
      await fetch(`${app.url}/.well-known/openid-configuration`)
    ).json()) as Record<string, unknown>;
    expect(discovery).toMatchObject({
      issuer: app.issuer,
      jwks_uri: `${app.issuer}/jwks`,
      token_endpoint: `${app.issuer}/token`,
      end_session_endpoint: `${app.issuer}/session/end`,
      code_challenge_methods_supported: ['S256'],
      response_types_supported: ['code'],
    });
    const jwks = (await (await fetch(`${app.url}/jwks`)).json()) as { keys: object[] };
    expect(jwks.keys).toEqual([expect.objectContaining({ kty: 'RSA', alg: 'RS256', use: 'sig' })]);
    for (const key of jwks.keys) expect(key).not.toHaveProperty('d');
  });

  it('should answer liveness and readiness as the other services do', async () => {
    const { app } = identity;
    expect(await (await fetch(`${app.url}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${app.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', checks: { mongo: 'ok' } });
  });
});

describe('a partner client', () => {
  it('should get a JWT access token the kit accepts, for its tenant as a partner', async () => {
    const { app } = identity;
    const { clientId, clientSecret } = await app.partnerClients.create({
      tenantId,
      name: 'Портал партнёра',
    });
    const { status, body } = await tokenRequest(
      app,
      { grant_type: 'client_credentials', scope: 'api' },
      { authorization: basicAuth(clientId, clientSecret) },
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 300 });
    const verified = await (await kitVerifier(app)).verify(body.access_token!);
    expect(verified).toEqual({ subject: clientId, tenantId, roles: ['partner'] });
  });

  it('should be refused with a wrong secret, or for a tenant that does not exist', async () => {
    const { app } = identity;
    const { clientId, clientSecret } = await app.partnerClients.create({
      tenantId,
      name: 'Другой партнёр',
    });
    const wrong = await tokenRequest(
      app,
      { grant_type: 'client_credentials', scope: 'api' },
      { authorization: basicAuth(clientId, `${clientSecret}x`) },
    );
    expect(wrong).toEqual({
      status: 401,
      body: expect.objectContaining({ error: 'invalid_client' }) as unknown,
    });
    expect(wrong.body.access_token).toBeUndefined();
    await expect(
      app.partnerClients.create({ tenantId: 'no-such-tenant', name: 'Никто' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
