import { basicAuth, uniqueId } from '@kollegia/testing';

import { runSeed, type Seed } from './application/seed';
import {
  kitVerifier,
  refresh,
  signIn,
  startIdentity,
  tokenRequest,
  type Identity,
} from './test/harness';

let identity: Identity;
const tenantId = uniqueId('assoc').toLowerCase();

beforeAll(async () => {
  identity = await startIdentity('seed');
});

afterAll(() => identity.stop());

function demoSeed(org: string, password: string, clientSecret = 's'.repeat(40)): Seed {
  return {
    tenant: { id: tenantId, name: 'Ассоциация кластеров и технопарков' },
    accounts: [
      {
        email: `secretary@${tenantId}.demo`,
        displayName: 'Секретарь',
        roles: ['secretary'],
        // The directory person, as the demo got it when loaded (another one when loaded again).
        personId: `person-of-${org}`,
        password,
      },
      {
        email: `clerk@${tenantId}.demo`,
        displayName: 'Исполнитель министерства',
        roles: ['addressee'],
        organizationId: org,
        password,
      },
    ],
    partnerClients: [{ clientId: `partner-${tenantId}`, clientSecret, name: 'Портал партнёра' }],
  };
}

describe('the seed', () => {
  it('should create the tenant, its people and partner client, and find them when run again', async () => {
    const { app } = identity;
    const first = await runSeed(app, demoSeed('org-1', 'пароль демо 1'));
    expect(first).toMatchObject({
      tenant: 'created',
      accounts: [{ status: 'created' }, { status: 'created' }],
      partnerClients: [{ clientId: `partner-${tenantId}`, status: 'created' }],
    });
    // Again, with the organisation the demo got when loaded again and a new password.
    const second = await runSeed(app, demoSeed('org-2', 'пароль демо 2', 't'.repeat(40)));
    expect(second).toEqual({
      tenant: 'found',
      accounts: first.accounts.map((account) => ({ ...account, status: 'found' })),
      partnerClients: [{ clientId: `partner-${tenantId}`, status: 'found' }],
    });

    const verifier = await kitVerifier(app);
    const clerk = await signIn(app, `clerk@${tenantId}.demo`, 'пароль демо 2');
    await expect(verifier.verify(clerk.body.access_token!)).resolves.toEqual({
      subject: first.accounts[1]!.id,
      tenantId,
      roles: ['addressee'],
      organizationId: 'org-2',
    });
    const secretary = await signIn(app, `secretary@${tenantId}.demo`, 'пароль демо 2');
    await expect(verifier.verify(secretary.body.access_token!)).resolves.toMatchObject({
      roles: ['secretary'],
      person: 'person-of-org-2',
    });
    // The password is the seed's: the earlier one no longer signs in (no code comes back).
    const oldPassword = await signIn(app, `secretary@${tenantId}.demo`, 'пароль демо 1').catch(
      (error: Error) => error,
    );
    expect(oldPassword).toBeInstanceOf(Error);
    const partner = await tokenRequest(
      app,
      { grant_type: 'client_credentials', scope: 'api' },
      { authorization: basicAuth(`partner-${tenantId}`, 't'.repeat(40)) },
    );
    expect(partner.status).toBe(200);
    await expect(verifier.verify(partner.body.access_token!)).resolves.toMatchObject({
      tenantId,
      roles: ['partner'],
    });
  });

  it('should disable an account it names disabled, whose refresh is then refused', async () => {
    const { app } = identity;
    const seed = demoSeed('org-1', 'пароль демо 3');
    await runSeed(app, seed);
    const signedIn = await signIn(app, `secretary@${tenantId}.demo`, 'пароль демо 3');
    expect(signedIn.status).toBe(200);
    await runSeed(app, {
      ...seed,
      accounts: [{ ...seed.accounts![0]!, disabled: true }],
    });
    const refused = await refresh(app, signedIn.body.refresh_token!);
    expect(refused.body.error).toBe('invalid_grant');
  });

  it.each<[string, unknown, string]>([
    ['a seed without a tenant', { accounts: [] }, 'tenant'],
    [
      'an addressee without an organisation',
      {
        ...demoSeed('org', 'пароль демо 1'),
        accounts: [
          { email: 'a@b.ru', displayName: 'A', roles: ['addressee'], password: 'пароль демо 1' },
        ],
      },
      'organizationId',
    ],
    [
      'a short partner secret',
      {
        ...demoSeed('org', 'пароль демо 1'),
        accounts: [],
        partnerClients: [{ clientId: 'p-1', clientSecret: 'short', name: 'P' }],
      },
      'clientSecret',
    ],
  ])('should refuse %s as BAD_USER_INPUT naming the field', async (_case, seed, field) => {
    await expect(runSeed(identity.app, seed)).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field },
    });
  });
});
