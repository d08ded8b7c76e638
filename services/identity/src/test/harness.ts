import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createTokenVerifier, devAuth, type TokenVerifier } from '@kollegia/service-kit';
import { startService, testNamespace } from '@kollegia/testing';

import { createApp, type IdentityApp } from '../app';
import { identityConfigSchema } from '../config';
import { WEB_CLIENT_ID } from '../oidc/provider';

/** Where the web board would receive its codes; nothing listens there, the tests read the redirect. */
export const REDIRECT_URI = 'http://127.0.0.1:5173/callback';
export const POST_LOGOUT_URI = 'http://127.0.0.1:5173/';

/** Boots the identity service in-process against the real database, in its own database. */
export function startIdentity(label: string, options: { clock?: () => Date } = {}) {
  return startService({
    ns: testNamespace(label),
    // The harness signs dev tokens for GraphQL services; the provider signs its own.
    auth: devAuth(mkdtempSync(join(tmpdir(), 'kollegia-auth-'))),
    env: { WEB_REDIRECT_URIS: REDIRECT_URI, WEB_POST_LOGOUT_REDIRECT_URIS: POST_LOGOUT_URI },
    create: (settings) => createApp(identityConfigSchema.parse(settings), options),
  });
}

export type Identity = Awaited<ReturnType<typeof startIdentity>>;

/** The kit's verifier, as the gateway and every service would configure it for this issuer. */
export function kitVerifier(app: IdentityApp): Promise<TokenVerifier> {
  return createTokenVerifier({
    jwksUrl: `${app.issuer}/jwks`,
    issuer: app.issuer,
    audience: 'kollegia',
  });
}

export interface TokenResponse {
  access_token?: string;
  refresh_token?: string;
  id_token?: string;
  token_type?: string;
  expires_in?: number;
  error?: string;
  error_description?: string;
}

/** Posts a form to the token endpoint. */
export async function tokenRequest(
  app: IdentityApp,
  form: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: TokenResponse }> {
  const response = await fetch(`${app.url}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(form),
  });
  return { status: response.status, body: (await response.json()) as TokenResponse };
}

export function refresh(app: IdentityApp, refreshToken: string) {
  return tokenRequest(app, {
    grant_type: 'refresh_token',
    refresh_token: refreshToken,
    client_id: WEB_CLIENT_ID,
  });
}

/**
 * A browser, as far as the provider can tell: keeps cookies (whatever their path: the provider's
 * names do not collide) and does not follow redirects, so each step can be looked at.
 */
export class Browser {
  private readonly cookies = new Map<string, string>();

  constructor(private readonly base: string) {}

  async request(
    pathOrUrl: string,
    init: { method?: string; form?: Record<string, string> } = {},
  ): Promise<Response> {
    const response = await fetch(new URL(pathOrUrl, this.base), {
      method: init.method ?? (init.form ? 'POST' : 'GET'),
      redirect: 'manual',
      headers: {
        cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
        ...(init.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(init.form ? { body: new URLSearchParams(init.form) } : {}),
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = cookie.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const expired = attributes.some((a) => /^\s*expires=Thu, 01 Jan 1970/i.test(a));
      if (!value || expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }
}

export function locationOf(response: Response): string {
  const location = response.headers.get('location');
  if (!location) throw new Error(`expected a redirect, got ${response.status}`);
  return location;
}

/** PKCE (S256): the verifier the client keeps and the challenge it sends. */
export function pkce() {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/**
 * The web board's sign-in up to the login form: the authorization request, then the provider's
 * redirect to its interaction page. Returns the form's page and what the code exchange needs.
 */
export async function startSignIn(app: IdentityApp, browser = new Browser(app.url)) {
  const { verifier, challenge } = pkce();
  const state = randomBytes(8).toString('hex');
  const authorize = await browser.request(
    `/auth?${new URLSearchParams({
      client_id: WEB_CLIENT_ID,
      response_type: 'code',
      redirect_uri: REDIRECT_URI,
      scope: 'openid kollegia api',
      code_challenge: challenge,
      code_challenge_method: 'S256',
      state,
    }).toString()}`,
  );
  const interaction = locationOf(authorize);
  const page = await browser.request(interaction);
  return { browser, verifier, state, interaction, page };
}

/** Posts the login form of a started sign-in. */
export function submitLogin(
  started: Awaited<ReturnType<typeof startSignIn>>,
  login: string,
  password: string,
) {
  return started.browser.request(`${started.interaction}/login`, { form: { login, password } });
}

/** The whole sign-in of the web board: authorization code + PKCE, then the code exchange. */
export async function signIn(app: IdentityApp, login: string, password: string) {
  const started = await startSignIn(app);
  const resume = await submitLogin(started, login, password);
  const callback = new URL(locationOf(await started.browser.request(locationOf(resume))));
  expect(`${callback.origin}${callback.pathname}`).toBe(REDIRECT_URI);
  expect(callback.searchParams.get('state')).toBe(started.state);
  const code = callback.searchParams.get('code');
  if (!code) throw new Error(`no code in ${callback.href}`);
  const tokens = await tokenRequest(app, {
    grant_type: 'authorization_code',
    code,
    redirect_uri: REDIRECT_URI,
    client_id: WEB_CLIENT_ID,
    code_verifier: started.verifier,
  });
  return { ...tokens, browser: started.browser };
}
