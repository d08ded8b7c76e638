import { type Role } from '@kollegia/service-kit';
import { uniqueId } from '@kollegia/testing';

import type { Account } from './domain/account';
import { adminApi, signIn, startIdentity, type Identity } from './test/harness';

/**
 * The internal API the notifier reads its addresses from (issue #20): a tenant's enabled, accepted
 * accounts by role, organisation or person, for the services' credential only.
 */
const SECRET = 'internal-secret-of-the-services-0123456789';
const PASSWORD = 'правильный пароль 1';
const tenantA = uniqueId('assoc-a').toLowerCase();
const tenantB = uniqueId('assoc-b').toLowerCase();
let identity: Identity;
let off: Identity;

const accounts: Record<string, Account> = {};

function person(
  name: string,
  tenantId: string,
  roles: Role[],
  extra: { organizationId?: string; personId?: string } = {},
) {
  return identity.app.admin
    .createAccount({
      email: `${uniqueId(name)}@example.ru`,
      displayName: `Сотрудник ${name}`,
      tenantId,
      roles,
      password: PASSWORD,
      ...extra,
    })
    .then((account) => (accounts[name] = account));
}

function recipients(
  app: Identity['app'],
  tenant: string,
  query: string,
  credential: string | null = SECRET,
  method = 'GET',
) {
  return fetch(`${app.url}/internal/v1/tenants/${tenant}/recipients?${query}`, {
    method,
    headers: credential ? { authorization: `Bearer ${credential}` } : {},
  }).then(async (response) => ({
    status: response.status,
    body: (await response.json()) as {
      recipients?: { accountId: string }[];
      complete?: boolean;
      errors?: { message: string; extensions: { code: string } }[];
    },
  }));
}

const ids = (answer: { body: { recipients?: { accountId: string }[] } }) =>
  (answer.body.recipients ?? []).map((r) => r.accountId).sort();
const idsOf = (...names: string[]) => names.map((name) => accounts[name]!.id).sort();

beforeAll(async () => {
  identity = await startIdentity('recipients', { env: { INTERNAL_API_SECRET: SECRET } });
  off = await startIdentity('recipients-off');
  await identity.app.admin.createTenant({ id: tenantA, name: 'Ассоциация А' });
  await identity.app.admin.createTenant({ id: tenantB, name: 'Ассоциация Б' });
  await person('admin', tenantA, ['admin']);
  await person('secretary', tenantA, ['secretary', 'member']);
  await person('leftSecretary', tenantA, ['secretary']);
  await person('memberP1', tenantA, ['member'], { personId: 'person-1' });
  await person('memberP2', tenantA, ['member'], { personId: 'person-2' });
  await person('clerkX', tenantA, ['addressee'], { organizationId: 'org-x' });
  await person('clerkY', tenantA, ['addressee'], { organizationId: 'org-y' });
  await person('otherSecretary', tenantB, ['secretary'], { personId: 'person-1' });

  // The admin disables the secretary who left and invites one who has not accepted yet.
  const { body } = await signIn(identity.app, accounts.admin!.email, PASSWORD);
  const token = body.access_token!;
  expect(
    (await adminApi(identity.app, 'POST', `accounts/${accounts.leftSecretary!.id}/disable`, token))
      .status,
  ).toBe(200);
  const invited = await adminApi(identity.app, 'POST', 'invitations', token, {
    email: `${uniqueId('invited')}@example.ru`,
    displayName: 'Приглашённый секретарь',
    roles: ['secretary'],
  });
  expect(invited.status).toBe(201);
});

afterAll(async () => {
  await identity?.stop();
  await off?.stop();
});

describe('GET /internal/v1/tenants/<tenant>/recipients', () => {
  it("should give the tenant's enabled, accepted accounts of a role, with their addresses", async () => {
    const answer = await recipients(identity.app, tenantA, 'role=secretary');
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      recipients: [
        {
          accountId: accounts.secretary!.id,
          email: accounts.secretary!.email,
          displayName: 'Сотрудник secretary',
          roles: ['secretary', 'member'],
        },
      ],
      complete: true,
    });
    expect(ids(await recipients(identity.app, tenantB, 'role=secretary'))).toEqual(
      idsOf('otherSecretary'),
    );
  });

  it('should give the clerks of one organisation, and the accounts of the persons named', async () => {
    expect(
      ids(await recipients(identity.app, tenantA, 'role=addressee&organization=org-x')),
    ).toEqual(idsOf('clerkX'));
    expect(ids(await recipients(identity.app, tenantA, 'person=person-1&person=person-2'))).toEqual(
      idsOf('memberP1', 'memberP2'),
    );
    // Every filter holds: person-1's account in tenant A is no secretary.
    expect(ids(await recipients(identity.app, tenantA, 'person=person-1&role=secretary'))).toEqual(
      [],
    );
  });

  it('should answer only the services’ credential, and nothing without it', async () => {
    for (const credential of [null, 'not-the-secret', `${SECRET}x`]) {
      const answer = await recipients(identity.app, tenantA, 'role=secretary', credential);
      expect(answer.status).toBe(401);
      expect(answer.body.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
      expect(answer.body.recipients).toBeUndefined();
    }
    // A person's own access token is no credential here.
    const { body } = await signIn(identity.app, accounts.secretary!.email, PASSWORD);
    const token = body.access_token ?? '';
    expect(token).not.toBe('');
    expect((await recipients(identity.app, tenantA, 'role=secretary', token)).status).toBe(401);
  });

  it('should refuse a query without a filter, with an unknown one or too many persons, in words', async () => {
    const persons = Array.from({ length: 101 }, (_, i) => `person=p${i}`).join('&');
    const cases: [string, RegExp][] = [
      ['', /name at least one of role, organization, person/],
      ['role=partner', /^role: /],
      ['roles=secretary', /unrecognized key/i],
      [persons, /^person: /],
    ];
    for (const [query, message] of cases) {
      const answer = await recipients(identity.app, tenantA, query);
      expect({
        query,
        status: answer.status,
        code: answer.body.errors?.[0]?.extensions.code,
      }).toEqual({ query, status: 400, code: 'BAD_USER_INPUT' });
      expect(answer.body.errors?.[0]?.message).toMatch(message);
    }
  });

  it('should not find a tenant that does not exist, nor take another method', async () => {
    const unknown = await recipients(identity.app, 'no-such-tenant', 'role=secretary');
    expect({ status: unknown.status, code: unknown.body.errors?.[0]?.extensions.code }).toEqual({
      status: 404,
      code: 'NOT_FOUND',
    });
    expect((await recipients(identity.app, tenantA, 'role=secretary', SECRET, 'POST')).status).toBe(
      405,
    );
  });

  it('should be off, every path not found, where INTERNAL_API_SECRET is not set', async () => {
    await off.app.admin.createTenant({ id: tenantA, name: 'Ассоциация А' });
    const answer = await recipients(off.app, tenantA, 'role=secretary');
    expect({ status: answer.status, code: answer.body.errors?.[0]?.extensions.code }).toEqual({
      status: 404,
      code: 'NOT_FOUND',
    });
  });
});
