import type { PublicConfig } from './config';

/**
 * The headers every answer carries. The policy lets the board's own scripts run and talk only to
 * the issuer and the gateway it is configured with; styles may be inline because the component
 * library sets CSS variables in `style` attributes and one `<style>` element.
 */
export function securityHeaders(config: PublicConfig): Record<string, string> {
  const connect = new Set([
    "'self'",
    new URL(config.oidcIssuer).origin,
    new URL(config.graphqlUrl).origin,
    // A ws:// URL's origin is "null" for URL; the policy wants scheme, host and port.
    wsOrigin(config.graphqlWsUrl),
  ]);
  return {
    'content-security-policy': [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data:",
      "font-src 'self'",
      `connect-src ${[...connect].join(' ')}`,
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join('; '),
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    // The sign-in callback's URL carries the authorization code: never send it on.
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
  };
}

function wsOrigin(url: string): string {
  const { protocol, host } = new URL(url);
  return `${protocol}//${host}`;
}
