import { UserManager } from 'oidc-client-ts';

import type { BoardConfig } from '../config';

/** The scopes the provider grants the board: `kollegia` adds tenant, roles and org to the tokens. */
const SCOPES = 'openid profile email kollegia';

/**
 * Sign-in with the configured issuer: authorization code with PKCE (oidc-client-ts does both), the
 * tokens kept in this tab's sessionStorage (under `oidc.user:<issuer>:<client id>`), and renewed
 * with the refresh token shortly before the access token expires.
 */
export function createUserManager(config: BoardConfig): UserManager {
  return new UserManager({
    authority: config.oidcIssuer,
    client_id: config.oidcClientId,
    redirect_uri: `${window.location.origin}/callback`,
    post_logout_redirect_uri: `${window.location.origin}/`,
    response_type: 'code',
    scope: SCOPES,
    automaticSilentRenew: true,
    // Renew 20 s before the access token expires (it lives 5 minutes by default): under the
    // provider's shortest lifetime (30 s), so a renewal never starts as soon as a token arrives.
    accessTokenExpiringNotificationTimeInSeconds: 20,
  });
}
