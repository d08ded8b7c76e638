import type { IncomingMessage, ServerResponse } from 'node:http';

import type { Metrics } from './metrics';

/**
 * A request handler that counts and times its requests by route. `routeOf` maps a path to one of
 * a few names (never the path itself: ids and tokens travel in paths).
 */
export function measuredHandler(
  metrics: Metrics,
  routeOf: (path: string) => string,
  handle: (request: IncomingMessage, response: ServerResponse) => void,
): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    const started = performance.now();
    const route = routeOf((request.url ?? '/').split('?')[0] ?? '/');
    const method = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'].includes(
      request.method ?? '',
    )
      ? request.method!
      : 'other';
    response.once('close', () => {
      metrics.httpRequests.inc({ route, method, status: String(response.statusCode) });
      metrics.httpDuration.observe({ route }, (performance.now() - started) / 1000);
    });
    handle(request, response);
  };
}
