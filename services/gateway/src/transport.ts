import type { IncomingMessage, ServerOptions, ServerResponse } from 'node:http';

import { requestIdOf } from '@kollegia/service-kit';

import type { GatewayConfig } from './config';

const LOOPBACK = ['localhost', '127.0.0.1', '[::1]'];
const ANY_ADDRESS = new Set(['0.0.0.0', '::']);

/** A `Host` header's (or a configured name's) host name, lower case, without the port. */
function hostnameOf(host: string): string | undefined {
  // A name, an IPv4 address or a bracketed IPv6 one, and a port: nothing the URL parser would
  // read as user info or a path.
  if (!/^[A-Za-z0-9.:[\]-]+$/.test(host)) return undefined;
  const bareIpv6 = !host.startsWith('[') && host.split(':').length > 2;
  try {
    return new URL(`http://${bareIpv6 ? `[${host}]` : host}`).hostname;
  } catch {
    return undefined;
  }
}

/**
 * The host names clients may address the gateway by: loopback, the address it listens on, the
 * public URL's host and `ALLOWED_HOSTS`. Anything else is a request that did not mean this
 * server — above all DNS rebinding, where a page on `evil.example` whose name now resolves to
 * 127.0.0.1 reaches a developer's gateway with `Host: evil.example`.
 */
export function allowedHosts(config: GatewayConfig): Set<string> {
  const names = [...LOOPBACK, ...config.ALLOWED_HOSTS];
  if (!ANY_ADDRESS.has(config.HOST)) names.push(config.HOST);
  if (config.PUBLIC_URL) names.push(new URL(config.PUBLIC_URL).host);
  return new Set(names.flatMap((name) => hostnameOf(name) ?? []));
}

// The explorer (outside production) is one page with its scripts and styles inlined and its
// editors' workers started from blob: URLs; it talks to this origin only.
const EXPLORER_CSP = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
// Without the explorer every answer is data: nothing to run, load or frame.
const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Headers on every answer; HSTS only when clients come over TLS (an `https` PUBLIC_URL). */
export function securityHeaders(config: GatewayConfig): Record<string, string> {
  return {
    'content-security-policy': config.NODE_ENV === 'production' ? API_CSP : EXPLORER_CSP,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    ...(config.PUBLIC_URL?.startsWith('https:')
      ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' }
      : {}),
  };
}

/**
 * How long a client may take to send a request: the whole of it (headers and body) within
 * `REQUEST_TIMEOUT_MS`, or it is answered 408 and closed — a body trickled a byte at a time
 * holds a socket no longer. Node looks for such requests every `connectionsCheckingInterval`.
 * Upgraded sockets (graphql-ws) and streamed answers (SSE) are not requests being received.
 */
export function serverOptions(config: GatewayConfig): ServerOptions {
  return {
    requestTimeout: config.REQUEST_TIMEOUT_MS,
    headersTimeout: config.REQUEST_TIMEOUT_MS,
    connectionsCheckingInterval: Math.min(1000, config.REQUEST_TIMEOUT_MS),
  };
}

/**
 * The rules every request meets before anything else: security headers on the answer, a `Host`
 * the gateway answers to (403 otherwise), and an `x-request-id` that is safe to log and echo
 * (replaced by a new one otherwise, before the runtime reads it and passes it on).
 */
export function transportGuard(config: GatewayConfig) {
  const hosts = allowedHosts(config);
  const headers = securityHeaders(config);
  const accepts = (request: IncomingMessage): boolean => {
    const host = request.headers.host && hostnameOf(request.headers.host);
    if (!host || !hosts.has(host)) return false;
    request.headers['x-request-id'] = requestIdOf(request.headers['x-request-id']);
    return true;
  };
  return {
    /** An HTTP request: false when it was refused (answered here). */
    request(request: IncomingMessage, response: ServerResponse): boolean {
      for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
      if (accepts(request)) return true;
      response.writeHead(403, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          errors: [{ message: 'host not allowed', extensions: { code: 'FORBIDDEN' } }],
        }),
      );
      return false;
    },
    /** A WebSocket upgrade: false when it must be refused. */
    upgrade: accepts,
  };
}
