import Provider, { errors, type Configuration, type KoaContextWithOIDC } from 'oidc-provider';

import { accountClaims, partnerClaims } from '../domain/account';
import { ASSERTION_ALGORITHMS } from '../domain/partner-key';
import { verifyPassword } from '../domain/password';
import type { AuditLog } from '../application/audit-log';
import type { AccountRepository } from '../db/account.repository';
import { OidcEntryAdapter, PartnerClientAdapter, PREVIOUS_SECRET } from '../db/oidc-adapter';
import type { OidcEntryModel } from '../db/oidc-entry.model';
import type { PartnerClientModel } from '../db/partner-client.model';
import type { ProviderKeys } from '../db/provider-keys';
import type { IdentityConfig } from '../config';
import { errorPage, signedOutPage, signOutPage } from './pages';

/** The first-party web board: a public client, authorization code with PKCE, no consent screen. */
export const WEB_CLIENT_ID = 'kollegia-web';
/** The scope of the Kollegia API at its resource indicator. */
export const API_SCOPE = 'api';
/**
 * OpenID scopes the web board is granted without asking; `kollegia` adds tenant, roles, org and
 * person.
 */
const WEB_OIDC_SCOPES = ['openid', 'profile', 'email', 'kollegia'];

export interface ProviderDeps {
  issuer: string;
  config: IdentityConfig;
  keys: ProviderKeys;
  accounts: AccountRepository;
  audit: AuditLog;
  partnerClients: PartnerClientModel;
  oidcEntries: OidcEntryModel;
  clock: () => Date;
}

/**
 * The OpenID Connect provider (oidc-provider, an OpenID-certified implementation): discovery,
 * JWKS, authorization code + PKCE for the web board, client credentials for partners, rotating
 * refresh tokens, sign-out. Access tokens are JWTs for the Kollegia API carrying the claims the
 * kit's verifier expects: `sub`, `tenant`, `roles`, for an addressee `org`, and for an account
 * linked to a directory person `person`.
 */
export function createProvider(deps: ProviderDeps): Provider {
  const { config, accounts } = deps;

  const configuration: Configuration = {
    adapter: (name: string) =>
      name === 'Client'
        ? new PartnerClientAdapter(deps.partnerClients, deps.clock)
        : new OidcEntryAdapter(name, deps.oidcEntries, deps.clock),
    clients: [
      {
        client_id: WEB_CLIENT_ID,
        client_name: 'Коллегия',
        application_type: 'web',
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: config.WEB_REDIRECT_URIS,
        post_logout_redirect_uris: config.WEB_POST_LOGOUT_REDIRECT_URIS,
      },
    ],
    // A partner signs its assertions (RFC 7523) with a key it registered, or sends its secret.
    clientAuthMethods: ['none', 'client_secret_basic', 'client_secret_post', 'private_key_jwt'],
    enabledJWA: { clientAuthSigningAlgValues: [...ASSERTION_ALGORITHMS] },
    // A rotated secret's hash, while its overlap lasts (PartnerClientAdapter).
    extraClientMetadata: { properties: [PREVIOUS_SECRET] },
    jwks: deps.keys.jwks,
    cookies: { keys: deps.keys.cookieKeys },
    // Authorization code only: no implicit or hybrid flows, which put tokens in URLs.
    responseTypes: ['code'],
    pkce: { required: () => true },
    scopes: WEB_OIDC_SCOPES,
    claims: {
      openid: ['sub'],
      profile: ['name'],
      email: ['email'],
      kollegia: ['tenant', 'roles', 'org', 'person'],
    },
    async findAccount(ctx, sub, token) {
      const account = await accounts.byId(sub);
      // A disabled account is unknown to the provider: no sign-in, no refresh, no new tokens.
      if (account?.disabled && token?.kind === 'RefreshToken') {
        await deps.audit.record({
          tenantId: account.tenantId,
          action: 'refresh.refused',
          subject: { id: account.id, login: account.email },
          ip: ctx.ip,
          details: { reason: 'disabled' },
        });
      }
      if (!account || account.disabled) return undefined;
      return {
        accountId: account.id,
        claims: () => ({
          sub: account.id,
          name: account.displayName,
          email: account.email,
          ...accountClaims(account),
        }),
      };
    },
    async extraTokenClaims(_ctx, token) {
      if (token.kind === 'ClientCredentials') {
        const client = await deps.partnerClients.findById(token.clientId).lean();
        if (!client || client.revokedAt) {
          throw new errors.InvalidClient('the client is no longer registered');
        }
        return { ...partnerClaims(client.tenantId) };
      }
      const accountId = 'accountId' in token ? token.accountId : undefined;
      const account = accountId ? await accounts.byId(accountId) : undefined;
      if (!account || account.disabled) throw new errors.InvalidGrant('the account is disabled');
      return { ...accountClaims(account) };
    },
    // The web board's sign-in is granted its scopes at once: it is Kollegia's own application.
    async loadExistingGrant(ctx) {
      const { client, session, result } = ctx.oidc;
      if (!client || !session) return undefined;
      const grantId = result?.consent?.grantId ?? session.grantIdFor(client.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      if (client.clientId !== WEB_CLIENT_ID || !session.accountId) return undefined;
      const grant = new ctx.oidc.provider.Grant({
        clientId: client.clientId,
        accountId: session.accountId,
      });
      grant.addOIDCScope(WEB_OIDC_SCOPES.join(' '));
      grant.addResourceScope(config.OIDC_RESOURCE, API_SCOPE);
      await grant.save();
      return grant;
    },
    // A web board refreshes its tokens while its sign-in lasts: no offline_access needed.
    issueRefreshToken: (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    rotateRefreshToken: true,
    ttl: {
      AccessToken: config.ACCESS_TOKEN_TTL_S,
      ClientCredentials: config.ACCESS_TOKEN_TTL_S,
      IdToken: config.ACCESS_TOKEN_TTL_S,
      RefreshToken: config.REFRESH_TOKEN_TTL_S,
      Session: config.SESSION_TTL_S,
      Grant: config.SESSION_TTL_S,
      Interaction: 10 * 60,
      AuthorizationCode: 60,
    },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      revocation: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => config.OIDC_RESOURCE,
        useGrantedResource: () => true,
        getResourceServerInfo(_ctx, resourceIndicator) {
          if (resourceIndicator !== config.OIDC_RESOURCE) throw new errors.InvalidTarget();
          return {
            scope: API_SCOPE,
            audience: config.OIDC_AUDIENCE,
            accessTokenTTL: config.ACCESS_TOKEN_TTL_S,
            accessTokenFormat: 'jwt',
          };
        },
      },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource(ctx, form) {
          ctx.type = 'html';
          ctx.body = signOutPage(form);
        },
        postLogoutSuccessSource(ctx) {
          ctx.type = 'html';
          ctx.body = signedOutPage();
        },
      },
    },
    renderError(ctx: KoaContextWithOIDC, out) {
      ctx.type = 'html';
      ctx.body = errorPage(
        `Запрос не выполнен: ${out.error_description ?? out.error}. Вернитесь в приложение и попробуйте ещё раз.`,
      );
    },
  };

  const provider = new Provider(deps.issuer, configuration);
  provider.proxy = config.TRUST_PROXY;
  // Partner secrets are stored hashed; the provider's own compare is of plain secrets. This is the
  // hook its maintainer points to for hashed secrets (oidc-provider issue 631); it rules out the
  // symmetric client auth and signing algorithms, which no client here uses. During a rotation's
  // overlap the secret it replaced matches too.
  provider.Client.prototype.compareClientSecret = async function (
    this: { clientSecret?: string; [PREVIOUS_SECRET]?: string },
    actual,
  ) {
    if (await verifyPassword(actual, this.clientSecret ?? '')) return true;
    const previous = this[PREVIOUS_SECRET];
    return previous !== undefined && verifyPassword(actual, previous);
  };
  return provider;
}
