import { createHash, randomBytes } from 'node:crypto';

/**
 * A browser, as far as an OpenID Connect provider can tell: keeps cookies (whatever their path:
 * the provider's names do not collide) and does not follow redirects, so each step can be looked at.
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

export interface TokenResponse {
  access_token?: string;
  refresh_token?: string;
  id_token?: string;
  token_type?: string;
  expires_in?: number;
  error?: string;
  error_description?: string;
}

/** Posts a form to a provider's token endpoint (`<issuer>/token`). */
export async function tokenRequest(
  issuerUrl: string,
  form: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: TokenResponse }> {
  const response = await fetch(`${issuerUrl}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(form),
  });
  return { status: response.status, body: (await response.json()) as TokenResponse };
}

/** The web board's client as a provider knows it: what a sign-in asks for. */
export interface WebClient {
  issuerUrl: string;
  clientId: string;
  redirectUri: string;
  scope: string;
}

/**
 * A web board's sign-in up to the login form: the authorization request with PKCE, then the
 * provider's redirect to its interaction page. Returns the page and what the code exchange needs.
 */
export async function startSignIn(client: WebClient, browser = new Browser(client.issuerUrl)) {
  const { verifier, challenge } = pkce();
  const state = randomBytes(8).toString('hex');
  const authorize = await browser.request(
    `/auth?${new URLSearchParams({
      client_id: client.clientId,
      response_type: 'code',
      redirect_uri: client.redirectUri,
      scope: client.scope,
      code_challenge: challenge,
      code_challenge_method: 'S256',
      state,
    }).toString()}`,
  );
  const interaction = locationOf(authorize);
  const page = await browser.request(interaction);
  return { client, browser, verifier, state, interaction, page };
}

export type StartedSignIn = Awaited<ReturnType<typeof startSignIn>>;

/** Posts the login form of a started sign-in. */
export function submitLogin(started: StartedSignIn, login: string, password: string) {
  return started.browser.request(`${started.interaction}/login`, { form: { login, password } });
}

/**
 * The whole sign-in, as a browser and the web board do it over HTTP: authorization code + PKCE,
 * the login form, the redirect back with the code (its `state` checked), the code exchange.
 */
export async function signInWithCode(client: WebClient, login: string, password: string) {
  const started = await startSignIn(client);
  const resume = await submitLogin(started, login, password);
  const callback = new URL(locationOf(await started.browser.request(locationOf(resume))));
  if (`${callback.origin}${callback.pathname}` !== client.redirectUri) {
    throw new Error(`the provider redirected to ${callback.href}, not ${client.redirectUri}`);
  }
  if (callback.searchParams.get('state') !== started.state) {
    throw new Error(`the provider returned another state in ${callback.href}`);
  }
  const code = callback.searchParams.get('code');
  if (!code) throw new Error(`no code in ${callback.href}`);
  const tokens = await tokenRequest(client.issuerUrl, {
    grant_type: 'authorization_code',
    code,
    redirect_uri: client.redirectUri,
    client_id: client.clientId,
    code_verifier: started.verifier,
  });
  return { ...tokens, browser: started.browser };
}

/** `client_secret_basic`: the client id and secret, form-encoded, in an Authorization header. */
export function basicAuth(clientId: string, clientSecret: string): string {
  return `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString('base64')}`;
}
