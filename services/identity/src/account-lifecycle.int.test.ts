import { connectMongo, createLogger, type Role } from '@kollegia/service-kit';
import { expectEventually, uniqueId } from '@kollegia/testing';

import type { Connection } from 'mongoose';

import { oidcEntryModel, type OidcEntryModel } from './db/oidc-entry.model';
import type { Account } from './domain/account';
import {
  adminApi,
  Browser,
  kitVerifier,
  locationOf,
  POST_LOGOUT_URI,
  REDIRECT_URI,
  refresh,
  signIn,
  startIdentity,
  type Identity,
} from './test/harness';

let identity: Identity;
/** The provider's records, read directly: what a deletion must leave none of. */
let connection: Connection;
let entries: OidcEntryModel;
/** Moved forward to let a link expire, and back. */
let offsetMs = 0;
const tenantA = uniqueId('assoc-a').toLowerCase();
const tenantB = uniqueId('assoc-b').toLowerCase();
const PASSWORD = 'правильный пароль 1';
const NEW_PASSWORD = 'новый пароль 22';
/** Where a person lands once a password is set: the board's home page (WEB_POST_LOGOUT_REDIRECT_URIS). */
const BOARD_URL = POST_LOGOUT_URI;
let adminA: { account: Account; token: string };
let adminB: { account: Account; token: string };

/** A request to the admin API with a bearer token (none when `token` is null). */
function api(method: string, path: string, token: string | null, body?: unknown) {
  return adminApi(identity.app, method, path, token, body);
}

function person(tenantId: string, roles: Role[], organizationId?: string): Promise<Account> {
  return identity.app.admin.createAccount({
    email: `${uniqueId('person')}@example.ru`,
    displayName: 'Петрова Мария',
    tenantId,
    roles,
    password: PASSWORD,
    ...(organizationId ? { organizationId } : {}),
  });
}

async function signedInAs(account: Account, password = PASSWORD) {
  const signedIn = await signIn(identity.app, account.email, password);
  expect(signedIn.status).toBe(200);
  return signedIn.body;
}

async function admin(tenantId: string) {
  const account = await person(tenantId, ['admin']);
  return { account, token: (await signedInAs(account)).access_token! };
}

/** The tenant's audit entries about an account (the latest 100 of the log). */
async function auditAbout(token: string, accountId: string) {
  const log = await api('GET', 'audit?first=100', token);
  expect(log.status).toBe(200);
  return (log.body.items as { subject: { id: string } }[]).filter(
    (entry) => entry.subject.id === accountId,
  ) as { action: string; subject: { id: string; login?: string }; actor?: { id: string } }[];
}

/** Fills the form of a one-time link, as a browser does. */
async function setPassword(link: string, password: string, confirmation = password) {
  return new Browser(identity.app.url).request(link, { form: { password, confirmation } });
}

async function signInFails(email: string, password: string) {
  await expect(signIn(identity.app, email, password)).rejects.toThrow(/expected a redirect/);
}

beforeAll(async () => {
  identity = await startIdentity('account-lifecycle', {
    clock: () => new Date(Date.now() + offsetMs),
  });
  await identity.app.admin.createTenant({ id: tenantA, name: 'Ассоциация А' });
  await identity.app.admin.createTenant({ id: tenantB, name: 'Ассоциация Б' });
  adminA = await admin(tenantA);
  adminB = await admin(tenantB);
  connection = await connectMongo(
    identity.ns.mongoUrl,
    identity.ns.dbName,
    createLogger({ service: 'test', level: 'silent' }),
  );
  entries = oidcEntryModel(connection);
});

afterAll(async () => {
  await connection.close();
  await identity.stop();
});

describe('an invitation', () => {
  it('should create a pending account whose link sets a password once, then signs in and goes to the board', async () => {
    const email = `${uniqueId('invited')}@example.ru`;
    const invited = await api('POST', 'invitations', adminA.token, {
      email,
      displayName: 'Новиков Пётр',
      roles: ['secretary'],
    });
    expect(invited.status).toBe(201);
    expect(invited.body.account).toMatchObject({
      email,
      tenantId: tenantA,
      roles: ['secretary'],
      pending: true,
      disabled: false,
    });
    const first: string = invited.body.invitationUrl;
    expect(first).toMatch(new RegExp(`^${identity.app.issuer}/invitation/[\\w-]{43}$`));
    await signInFails(email, PASSWORD);
    const id: string = invited.body.account.id;
    const notYet = await api('POST', `accounts/${id}/password-reset`, adminA.token);
    expect(notYet.body.errors[0].extensions).toMatchObject({
      code: 'CONFLICT',
      currentState: 'PENDING',
    });
    // Invited again: the first link stops working.
    const reinvited = await api('POST', `accounts/${id}/invitation`, adminA.token);
    expect(reinvited.status).toBe(201);
    const link: string = reinvited.body.invitationUrl;
    expect((await setPassword(first, NEW_PASSWORD)).status).toBe(410);

    const page = await new Browser(identity.app.url).request(link);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await page.text();
    expect(html).toContain('Приглашение в Коллегию');
    expect(html).toContain(email);
    expect(html).not.toContain('<script');

    const mismatch = await setPassword(link, NEW_PASSWORD, 'другой пароль 33');
    expect(mismatch.status).toBe(400);
    expect(await mismatch.text()).toContain('Пароли не совпадают.');
    const short = await setPassword(link, 'коротко');
    expect(short.status).toBe(400);
    expect(await short.text()).toContain('от 8 до 256 символов');

    const accepted = await setPassword(link, NEW_PASSWORD);
    expect(accepted.status).toBe(303);
    expect(locationOf(accepted)).toBe(BOARD_URL);

    const again = await new Browser(identity.app.url).request(link);
    expect(again.status).toBe(410);
    expect(await again.text()).toContain('Эта ссылка уже использована.');
    expect((await setPassword(link, 'ещё один пароль')).status).toBe(410);

    const signedIn = await signIn(identity.app, email, NEW_PASSWORD);
    await expect(
      (await kitVerifier(identity.app)).verify(signedIn.body.access_token!),
    ).resolves.toEqual({
      subject: invited.body.account.id,
      tenantId: tenantA,
      roles: ['secretary'],
    });

    const afterAcceptance = await api('POST', `accounts/${id}/invitation`, adminA.token);
    expect(afterAcceptance.body.errors[0].extensions).toMatchObject({
      code: 'CONFLICT',
      currentState: 'ACTIVE',
    });

    const actions = (await auditAbout(adminA.token, id)).map((e) => e.action);
    expect(actions).toEqual([
      'sign-in.succeeded',
      'invitation.accepted',
      'invitation.created',
      'sign-in.failed',
      'invitation.created',
    ]);
  });

  it('should refuse bad input naming the field, and create nothing', async () => {
    const email = `${uniqueId('refused')}@example.ru`;
    const valid = { email, displayName: 'Иванов Иван', roles: ['member'] };
    for (const [change, field] of [
      [{ roles: [] }, 'roles'],
      [{ roles: ['owner'] }, 'roles'],
      [{ roles: ['addressee'] }, 'organizationId'],
      [{ personId: 'p'.repeat(101) }, 'personId'],
      [{ email: 'not-an-address' }, 'email'],
      [{ displayName: 42 }, 'displayName'],
      [{ password: 'not taken here' }, 'body'],
    ] as const) {
      const refused = await api('POST', 'invitations', adminA.token, { ...valid, ...change });
      expect(refused.status).toBe(400);
      expect(refused.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
      if (field !== 'body') expect(refused.body.errors[0].extensions.field).toBe(field);
    }
    const malformed = await api('POST', 'invitations', adminA.token, '{"email":');
    expect(malformed.body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'body' });

    const listed = await api('GET', 'accounts?first=100', adminA.token);
    expect(listed.body.items.map((a: Account) => a.email)).not.toContain(email);

    const taken = await api('POST', 'invitations', adminA.token, {
      ...valid,
      email: adminB.account.email,
    });
    expect(taken.status).toBe(409);
    expect(taken.body.errors[0].extensions.code).toBe('CONFLICT');
  });
});

describe('a password reset', () => {
  it('should give a link that sets a new password once, ends the old sign-ins, and refuses the old password', async () => {
    const member = await person(tenantA, ['member']);
    const before = await signedInAs(member);
    const issued = await api('POST', `accounts/${member.id}/password-reset`, adminA.token);
    expect(issued.status).toBe(201);
    const link: string = issued.body.resetUrl;
    expect(link.startsWith(`${identity.app.issuer}/password/reset/`)).toBe(true);

    const page = await new Browser(identity.app.url).request(link);
    expect(await page.text()).toContain('Новый пароль');
    const used = await setPassword(link, NEW_PASSWORD);
    expect(locationOf(used)).toBe(BOARD_URL);
    expect((await new Browser(identity.app.url).request(link)).status).toBe(410);

    await signInFails(member.email, PASSWORD);
    await signedInAs(member, NEW_PASSWORD);
    expect((await refresh(identity.app, before.refresh_token!)).body.error).toBe('invalid_grant');
    const actions = (await auditAbout(adminA.token, member.id)).map((e) => e.action);
    expect(actions.slice(0, 4)).toEqual([
      'sign-in.succeeded',
      'sign-in.failed',
      'password-reset.used',
      'password-reset.issued',
    ]);
  });

  it('should say the link has expired once its time is past, and that a new link replaced it', async () => {
    const member = await person(tenantA, ['member']);
    const first = (await api('POST', `accounts/${member.id}/password-reset`, adminA.token)).body;
    const second = (await api('POST', `accounts/${member.id}/password-reset`, adminA.token)).body;
    const replaced = await new Browser(identity.app.url).request(first.resetUrl);
    expect(replaced.status).toBe(410);
    expect(await replaced.text()).toContain('Ссылка недействительна');
    offsetMs = 60 * 60 * 1000 + 1000;
    try {
      const expired = await setPassword(second.resetUrl, NEW_PASSWORD);
      expect(expired.status).toBe(410);
      expect(await expired.text()).toContain('Срок действия ссылки истёк.');
    } finally {
      offsetMs = 0;
    }
    await signedInAs(member);
  });

  it('should record «Забыли пароль?» in the audit log and answer the same for an unknown login', async () => {
    const member = await person(tenantA, ['member']);
    const browser = new Browser(identity.app.url);
    const form = await browser.request('/password/forgot');
    expect(await form.text()).toContain('Забыли пароль?');
    for (const login of [member.email, `nobody-${member.email}`]) {
      const asked = await browser.request('/password/forgot', { form: { login } });
      expect(asked.status).toBe(200);
      expect(await asked.text()).toContain('Письма Коллегия пока не отправляет.');
    }
    const [entry] = await auditAbout(adminA.token, member.id);
    expect(entry).toMatchObject({
      action: 'password-reset.requested',
      subject: { id: member.id, login: member.email },
    });
  });
});

describe('roles and disabling', () => {
  it('should give the new roles at the next refresh, and record the change', async () => {
    const member = await person(tenantA, ['member']);
    const signedIn = await signedInAs(member);
    const changed = await api('PUT', `accounts/${member.id}/roles`, adminA.token, {
      roles: ['addressee'],
      organizationId: 'org-ministry-3',
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ roles: ['addressee'], organizationId: 'org-ministry-3' });

    const refreshed = await refresh(identity.app, signedIn.refresh_token!);
    await expect(
      (await kitVerifier(identity.app)).verify(refreshed.body.access_token!),
    ).resolves.toEqual({
      subject: member.id,
      tenantId: tenantA,
      roles: ['addressee'],
      organizationId: 'org-ministry-3',
    });
    const [entry] = await auditAbout(adminA.token, member.id);
    expect(entry).toMatchObject({
      action: 'roles.changed',
      actor: { id: adminA.account.id },
      details: {
        before: { roles: ['member'], organizationId: null },
        after: { roles: ['addressee'], organizationId: 'org-ministry-3' },
      },
    });

    const refused = await api('PUT', `accounts/${member.id}/roles`, adminA.token, {
      roles: ['addressee'],
    });
    expect(refused.body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'organizationId',
    });
    const ownAdmin = await api('PUT', `accounts/${adminA.account.id}/roles`, adminA.token, {
      roles: ['member'],
    });
    expect(ownAdmin.body.errors[0].extensions.field).toBe('roles');
  });

  it('should refuse a disabled account its refresh (recorded), and let it in again once enabled', async () => {
    const member = await person(tenantA, ['member']);
    const signedIn = await signedInAs(member);
    const disabled = await api('POST', `accounts/${member.id}/disable`, adminA.token);
    expect(disabled.body).toMatchObject({ id: member.id, disabled: true });
    expect((await refresh(identity.app, signedIn.refresh_token!)).body.error).toBe('invalid_grant');
    await signInFails(member.email, PASSWORD);

    const enabled = await api('POST', `accounts/${member.id}/enable`, adminA.token);
    expect(enabled.body.disabled).toBe(false);
    await signedInAs(member);
    const actions = (await auditAbout(adminA.token, member.id)).map((e) => e.action);
    expect(actions.slice(0, 5)).toEqual([
      'sign-in.succeeded',
      'account.enabled',
      'sign-in.failed',
      'refresh.refused',
      'account.disabled',
    ]);
  });
});

describe('the directory person an account is', () => {
  it('should carry it in the access token as `person`, and give a changed one at the next refresh', async () => {
    const member = await identity.app.admin.createAccount({
      email: `${uniqueId('person')}@example.ru`,
      displayName: 'Седов Пётр',
      tenantId: tenantA,
      roles: ['member'],
      personId: 'person-sedov',
      password: PASSWORD,
    });
    const signedIn = await signedInAs(member);
    const verifier = await kitVerifier(identity.app);
    await expect(verifier.verify(signedIn.access_token!)).resolves.toEqual({
      subject: member.id,
      tenantId: tenantA,
      roles: ['member'],
      person: 'person-sedov',
    });

    const changed = await api('PUT', `accounts/${member.id}/person`, adminA.token, {
      personId: 'person-sedov-2',
    });
    expect(changed).toMatchObject({ status: 200, body: { personId: 'person-sedov-2' } });
    const refreshed = await refresh(identity.app, signedIn.refresh_token!);
    await expect(verifier.verify(refreshed.body.access_token!)).resolves.toMatchObject({
      person: 'person-sedov-2',
    });
    const [entry] = await auditAbout(adminA.token, member.id);
    expect(entry).toMatchObject({
      action: 'person.changed',
      actor: { id: adminA.account.id },
      details: { before: { personId: 'person-sedov' }, after: { personId: 'person-sedov-2' } },
    });

    const bad = await api('PUT', `accounts/${member.id}/person`, adminA.token, {
      personId: 'два слова',
    });
    expect(bad).toMatchObject({
      status: 400,
      body: { errors: [{ extensions: { code: 'BAD_USER_INPUT', field: 'personId' } }] },
    });
    const unlinked = await api('PUT', `accounts/${member.id}/person`, adminA.token, {
      personId: null,
    });
    expect(unlinked.status).toBe(200);
    expect(unlinked.body).not.toHaveProperty('personId');
    const again = await refresh(identity.app, refreshed.body.refresh_token!);
    expect(await verifier.verify(again.body.access_token!)).not.toHaveProperty('person');
  });

  it('should link an invited account to the person given', async () => {
    const invited = await api('POST', 'invitations', adminA.token, {
      email: `${uniqueId('invited')}@example.ru`,
      displayName: 'Лаптева Анна',
      roles: ['secretary'],
      personId: 'person-lapteva',
    });
    expect(invited).toMatchObject({
      status: 201,
      body: { account: { personId: 'person-lapteva', pending: true } },
    });
  });
});

describe('the audit log', () => {
  it('should record sign-in and sign-out with the login and address, never the password, and page', async () => {
    const member = await person(tenantA, ['member']);
    await signInFails(member.email, 'неправильный пароль');
    const signedIn = await signIn(identity.app, member.email, PASSWORD);
    const confirm = await signedIn.browser.request(
      `/session/end?${new URLSearchParams({ id_token_hint: signedIn.body.id_token! }).toString()}`,
    );
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(await confirm.text())?.[1];
    await signedIn.browser.request('/session/end/confirm', {
      form: { xsrf: xsrf!, logout: 'yes' },
    });

    const entries = await expectEventually(async () => {
      const found = await auditAbout(adminA.token, member.id);
      expect(found.map((e) => e.action)).toEqual([
        'sign-out',
        'sign-in.succeeded',
        'sign-in.failed',
      ]);
      return found;
    });
    expect(entries[2]).toMatchObject({
      tenantId: tenantA,
      subject: { id: member.id, login: member.email },
      details: { reason: 'wrong password' },
      ip: expect.stringMatching(/127\.0\.0\.1/),
    });
    expect(JSON.stringify(entries)).not.toMatch(/пароль/);

    const first = await api('GET', 'audit?first=1', adminA.token);
    expect(first.body.items).toHaveLength(1);
    const next = await api('GET', `audit?first=1&after=${first.body.nextCursor}`, adminA.token);
    expect(next.body.items[0].id).not.toBe(first.body.items[0].id);
    expect(new Date(next.body.items[0].at) <= new Date(first.body.items[0].at)).toBe(true);
    const badCursor = await api('GET', 'audit?after=nonsense', adminA.token);
    expect(badCursor.body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});

describe("a person's data", () => {
  it('should export the account, its sign-ins and the audit entries about it', async () => {
    const member = await person(tenantA, ['member']);
    await signedInAs(member);
    const exported = await api('GET', `accounts/${member.id}/export`, adminA.token);
    expect(exported.status).toBe(200);
    expect(exported.body).toMatchObject({
      account: { id: member.id, email: member.email, roles: ['member'], tenantId: tenantA },
      provider: { sessions: 1, grants: 1 },
      auditEntries: [{ action: 'sign-in.succeeded', subject: { id: member.id } }],
    });
    expect(JSON.stringify(exported.body)).not.toContain('passwordHash');
    const [entry] = await auditAbout(adminA.token, member.id);
    expect(entry).toMatchObject({ action: 'account.exported', actor: { id: adminA.account.id } });
  });

  it('should delete the account, revoke what it holds, and keep its audit entries under a pseudonym', async () => {
    const member = await person(tenantA, ['member']);
    const signedIn = await signedInAs(member);
    const held = () => entries.countDocuments({ accountId: member.id });
    expect(await held()).toBeGreaterThanOrEqual(3); // session, grant, refresh token
    const deleted = await api('DELETE', `accounts/${member.id}`, adminA.token);
    expect(deleted.status).toBe(200);
    const pseudonym: string = deleted.body.pseudonym;
    expect(pseudonym).toMatch(/^deleted-/);

    expect(await held()).toBe(0);
    expect((await refresh(identity.app, signedIn.refresh_token!)).body.error).toBe('invalid_grant');
    await signInFails(member.email, PASSWORD);
    expect((await api('GET', `accounts/${member.id}/export`, adminA.token)).status).toBe(404);
    expect(await auditAbout(adminA.token, member.id)).toEqual([]);
    const kept = await auditAbout(adminA.token, pseudonym);
    expect(kept.map((e) => e.action)).toEqual(['account.deleted', 'sign-in.succeeded']);
    expect(JSON.stringify(kept)).not.toContain(member.email);
    expect(kept[0]).toMatchObject({ actor: { id: adminA.account.id }, subject: { id: pseudonym } });
    const listed = await api('GET', 'accounts?first=100', adminA.token);
    expect(listed.body.items.map((a: Account) => a.id)).not.toContain(member.id);
  });
});

describe('who may', () => {
  it("should not let an administrator of one tenant see or touch another tenant's accounts", async () => {
    const other = await person(tenantB, ['member']);
    for (const [method, path, body] of [
      ['PUT', `accounts/${other.id}/roles`, { roles: ['admin'] }],
      ['POST', `accounts/${other.id}/disable`],
      ['POST', `accounts/${other.id}/password-reset`],
      ['GET', `accounts/${other.id}/export`],
      ['DELETE', `accounts/${other.id}`],
    ] as const) {
      const refused = await api(method, path, adminA.token, body);
      expect(refused.status).toBe(404);
      expect(refused.body.errors[0].extensions.code).toBe('NOT_FOUND');
    }
    const seenByB = await api('GET', 'accounts?first=100', adminB.token);
    expect(seenByB.body.items.find((a: Account) => a.id === other.id)).toMatchObject({
      roles: ['member'],
      disabled: false,
    });
    await signedInAs(other);
    const listedByA = await api('GET', 'accounts?first=100', adminA.token);
    expect(listedByA.body.items.every((a: Account) => a.tenantId === tenantA)).toBe(true);
    expect(await auditAbout(adminA.token, other.id)).toEqual([]);
  });

  it('should refuse anyone but an administrator of this provider', async () => {
    const secretary = await person(tenantA, ['secretary']);
    const token = (await signedInAs(secretary)).access_token!;
    const notAdmin = await api('GET', 'accounts', token);
    expect(notAdmin.status).toBe(403);
    expect(notAdmin.body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await api('POST', `accounts/${secretary.id}/disable`, token)).status).toBe(403);

    const anonymous = await api('GET', 'accounts', null);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    // An admin token of another issuer (the dev key of `npm run token`) is not this provider's.
    const devToken = await identity.token('admin', tenantA);
    expect((await api('GET', 'accounts', devToken)).status).toBe(401);

    const ownSelf = await api('POST', `accounts/${adminA.account.id}/disable`, adminA.token);
    expect(ownSelf.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect((await api('GET', 'nothing-here', adminA.token)).status).toBe(404);
    expect((await api('PATCH', 'accounts', adminA.token)).status).toBe(405);
  });

  it('should list accounts by login, a page at a time', async () => {
    const first = await api('GET', 'accounts?first=1', adminA.token);
    expect(first.body.items).toHaveLength(1);
    const next = await api('GET', `accounts?first=1&after=${first.body.nextCursor}`, adminA.token);
    expect(next.body.items[0].email > first.body.items[0].email).toBe(true);
    // An account with a password is active, and the list never carries the hash.
    const all = await api('GET', 'accounts?first=100', adminA.token);
    expect(all.body.items).toContainEqual({ ...adminA.account, pending: false });
    expect(JSON.stringify(all.body)).not.toMatch(/passwordHash|argon2/);
    expect(
      (await api('GET', 'accounts?first=0', adminA.token)).body.errors[0].extensions.field,
    ).toBe('first');
  });
});

describe('from a browser', () => {
  const BOARD_ORIGIN = new URL(REDIRECT_URI).origin;

  /** A preflight as a browser sends it before a cross-origin request with a token and a body. */
  function preflight(origin: string, path = 'invitations') {
    return fetch(`${identity.app.url}/admin/v1/${path}`, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });
  }

  it("should let the web board's origin call the admin API, and no other origin", async () => {
    const allowed = await preflight(BOARD_ORIGIN);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(BOARD_ORIGIN);
    expect(allowed.headers.get('access-control-allow-methods')).toBe('POST');
    expect(allowed.headers.get('access-control-allow-headers')).toBe('authorization, content-type');
    const methods = (await preflight(BOARD_ORIGIN, 'accounts/some-id')).headers;
    expect(methods.get('access-control-allow-methods')).toBe('DELETE');
    const listed = await fetch(`${identity.app.url}/admin/v1/accounts`, {
      headers: { origin: BOARD_ORIGIN, authorization: `Bearer ${adminA.token}` },
    });
    expect(listed.status).toBe(200);
    expect(listed.headers.get('access-control-allow-origin')).toBe(BOARD_ORIGIN);
    expect(listed.headers.get('vary')).toMatch(/origin/i);

    const other = 'https://elsewhere.example';
    const refused = await preflight(other);
    expect(refused.status).toBe(403);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    expect(refused.headers.get('access-control-allow-methods')).toBeNull();
    const answered = await fetch(`${identity.app.url}/admin/v1/accounts`, {
      headers: { origin: other, authorization: `Bearer ${adminA.token}` },
    });
    expect(answered.headers.get('access-control-allow-origin')).toBeNull();
  });
});
