import type { Role } from '@kollegia/service-kit';
import { uniqueId } from '@kollegia/testing';

import type { Account } from './domain/account';
import {
  Browser,
  kitVerifier,
  locationOf,
  POST_LOGOUT_URI,
  refresh,
  signIn,
  startIdentity,
  startSignIn,
  submitLogin,
  type Identity,
} from './test/harness';

let identity: Identity;
const tenantId = uniqueId('assoc').toLowerCase();
const PASSWORD = 'правильный пароль 1';

beforeAll(async () => {
  identity = await startIdentity('sign-in');
  await identity.app.admin.createTenant({ id: tenantId, name: 'Ассоциация технопарков' });
});

afterAll(() => identity.stop());

function person(roles: Role[], organizationId?: string): Promise<Account> {
  return identity.app.admin.createAccount({
    email: `${uniqueId('clerk')}@example.ru`,
    displayName: 'Петрова Мария',
    tenantId,
    roles,
    password: PASSWORD,
    ...(organizationId ? { organizationId } : {}),
  });
}

describe('signing in to the web board', () => {
  it("should give a secretary an access token the kit accepts with the account's tenant and roles, and refresh it", async () => {
    const { app } = identity;
    const secretary = await person(['secretary']);
    const signedIn = await signIn(app, secretary.email.toUpperCase(), PASSWORD);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body).toMatchObject({ token_type: 'Bearer', expires_in: 300 });
    const verifier = await kitVerifier(app);
    await expect(verifier.verify(signedIn.body.access_token!)).resolves.toEqual({
      subject: secretary.id,
      tenantId,
      roles: ['secretary'],
    });

    const refreshed = await refresh(app, signedIn.body.refresh_token!);
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.access_token).not.toBe(signedIn.body.access_token);
    expect(refreshed.body.refresh_token).not.toBe(signedIn.body.refresh_token);
    await expect(verifier.verify(refreshed.body.access_token!)).resolves.toMatchObject({
      subject: secretary.id,
      roles: ['secretary'],
    });
    // Rotation: the used refresh token is spent.
    expect((await refresh(app, signedIn.body.refresh_token!)).body.error).toBe('invalid_grant');
  });

  it("should put an addressee's organisation in its token", async () => {
    const { app } = identity;
    const clerk = await person(['addressee'], 'org-ministry-7');
    const signedIn = await signIn(app, clerk.email, PASSWORD);
    await expect((await kitVerifier(app)).verify(signedIn.body.access_token!)).resolves.toEqual({
      subject: clerk.id,
      tenantId,
      roles: ['addressee'],
      organizationId: 'org-ministry-7',
    });
  });

  it('should say in Russian that the login or password is wrong, the same for an unknown login, and issue nothing', async () => {
    const { app } = identity;
    const member = await person(['member']);
    const started = await startSignIn(app);
    expect(started.page.status).toBe(200);
    expect(await started.page.text()).toContain('Вход в Коллегию');

    const wrongPassword = await submitLogin(started, member.email, 'неправильный пароль');
    const unknownLogin = await submitLogin(started, `nobody-${member.email}`, PASSWORD);
    for (const response of [wrongPassword, unknownLogin]) {
      expect(response.status).toBe(401);
      expect(response.headers.get('location')).toBeNull();
      const html = await response.text();
      expect(html).toContain('Неверный логин или пароль.');
      expect(html).not.toContain(PASSWORD);
    }
    // The same interaction still signs in with the right password.
    const resumed = await submitLogin(started, member.email, PASSWORD);
    expect(locationOf(resumed)).toMatch(/\/auth\//);
  });

  it('should say in Russian that a sign-in page is stale when the browser has no interaction for it', async () => {
    const { app } = identity;
    const response = await new Browser(app.url).request('/interaction/no-such-interaction');
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('Страница входа устарела');
  });

  it('should refuse a disabled account a refresh, and its sign-in', async () => {
    const { app } = identity;
    const member = await person(['member']);
    const signedIn = await signIn(app, member.email, PASSWORD);
    await app.admin.setAccountDisabled(member.id, true);

    const refused = await refresh(app, signedIn.body.refresh_token!);
    expect(refused.status).toBe(400);
    expect(refused.body.error).toBe('invalid_grant');
    expect(refused.body.access_token).toBeUndefined();

    const again = await submitLogin(await startSignIn(app), member.email, PASSWORD);
    expect(again.status).toBe(401);
  });

  it('should end the sign-in on sign-out: its refresh token stops working', async () => {
    const { app } = identity;
    const member = await person(['member']);
    const signedIn = await signIn(app, member.email, PASSWORD);
    const { browser } = signedIn;

    const confirm = await browser.request(
      `/session/end?${new URLSearchParams({
        id_token_hint: signedIn.body.id_token!,
        post_logout_redirect_uri: POST_LOGOUT_URI,
      }).toString()}`,
    );
    const page = await confirm.text();
    expect(page).toContain('Выход из Коллегии');
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(page)?.[1];
    expect(xsrf).toBeDefined();
    const done = await browser.request('/session/end/confirm', {
      form: { xsrf: xsrf!, logout: 'yes' },
    });
    expect(locationOf(done)).toBe(POST_LOGOUT_URI);

    expect((await refresh(app, signedIn.body.refresh_token!)).body.error).toBe('invalid_grant');
  });
});
