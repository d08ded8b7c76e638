import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createTokenVerifier, devAuth, type TokenVerifier } from '@kollegia/service-kit';
import {
  type Browser,
  signInWithCode,
  startService,
  startSignIn as startWebSignIn,
  testNamespace,
  tokenRequest as postToken,
  type WebClient,
} from '@kollegia/testing';

import { createApp, type IdentityApp } from '../app';
import { identityConfigSchema } from '../config';
import { WEB_CLIENT_ID } from '../oidc/provider';

/** Where the web board would receive its codes; nothing listens there, the tests read the redirect. */
export const REDIRECT_URI = 'http://127.0.0.1:5173/callback';
export const POST_LOGOUT_URI = 'http://127.0.0.1:5173/';

/** Boots the identity service in-process against the real database, in its own database. */
export function startIdentity(
  label: string,
  options: { clock?: () => Date; env?: Record<string, string> } = {},
) {
  return startService({
    ns: testNamespace(label),
    // The harness signs dev tokens for GraphQL services; the provider signs its own.
    auth: devAuth(mkdtempSync(join(tmpdir(), 'kollegia-auth-'))),
    env: {
      WEB_REDIRECT_URIS: REDIRECT_URI,
      WEB_POST_LOGOUT_REDIRECT_URIS: POST_LOGOUT_URI,
      ...options.env,
    },
    create: (settings) => createApp(identityConfigSchema.parse(settings), options),
  });
}

export type Identity = Awaited<ReturnType<typeof startIdentity>>;

/** The kit's verifier, as the gateway and every service would configure it for this issuer. */
export function kitVerifier(app: IdentityApp): Promise<TokenVerifier> {
  return createTokenVerifier({
    issuers: [{ jwksUrl: `${app.issuer}/jwks`, issuer: app.issuer, audience: 'kollegia' }],
  });
}

/** The web board's client at this provider, as the tests sign in with it. */
export function webClient(app: IdentityApp): WebClient {
  return {
    issuerUrl: app.url,
    clientId: WEB_CLIENT_ID,
    redirectUri: REDIRECT_URI,
    scope: 'openid kollegia api',
  };
}

/** Posts a form to the token endpoint. */
export function tokenRequest(
  app: IdentityApp,
  form: Record<string, string>,
  headers: Record<string, string> = {},
) {
  return postToken(app.url, form, headers);
}

export function refresh(app: IdentityApp, refreshToken: string) {
  return tokenRequest(app, {
    grant_type: 'refresh_token',
    refresh_token: refreshToken,
    client_id: WEB_CLIENT_ID,
  });
}

/** The web board's sign-in up to the login form (`@kollegia/testing`'s `startSignIn`). */
export function startSignIn(app: IdentityApp, browser?: Browser) {
  return startWebSignIn(webClient(app), browser);
}

/** The whole sign-in of the web board: authorization code + PKCE, then the code exchange. */
export function signIn(app: IdentityApp, login: string, password: string) {
  return signInWithCode(webClient(app), login, password);
}

/** An admin API answer: its status and its JSON body (untyped, as tests read it). */
export interface AdminAnswer {
  status: number;
  body: any;
}

/** A request to the admin API with a bearer token (none when `token` is null). */
export async function adminApi(
  app: IdentityApp,
  method: string,
  path: string,
  token: string | null,
  body?: unknown,
): Promise<AdminAnswer> {
  const response = await fetch(`${app.url}/admin/v1/${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  return { status: response.status, body: await response.json() };
}

export { Browser, locationOf, submitLogin } from '@kollegia/testing';
