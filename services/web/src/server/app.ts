import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';

import {
  createMetrics,
  measuredHandler,
  metricsPortOf,
  startMetricsServer,
  type MetricsServer,
} from '@kollegia/service-kit/metrics';

import { publicConfigOf, type WebConfig } from './config';
import { securityHeaders } from './headers';
import { staticTargetOf } from './static-files';

const gzip = promisify(gzipCallback);

/** Text smaller than this goes as it is: compressing it saves less than the headers cost. */
const COMPRESS_FROM_BYTES = 1024;

export interface WebApp {
  /** Where it listens, once started: `http://host:port`. */
  readonly url: string;
  /** `GET /metrics`, on a listener of its own (`METRICS_PORT`), once started. */
  readonly metricsUrl: string;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The board's server: the built files, `/config.json` from the settings, and the liveness and
 * readiness paths `npm start` waits on. Read-only: GET and HEAD only.
 */
export function createApp(config: WebConfig): WebApp {
  const publicConfig = publicConfigOf(config);
  const headers = securityHeaders(publicConfig);
  const configBody = JSON.stringify(publicConfig);
  // Hashed assets never change: each is compressed once, on its first request.
  const gzipped = new Map<string, Promise<Buffer>>();
  const metrics = createMetrics('web');
  let url = '';
  let metricsServer: MetricsServer | undefined;

  /**
   * The body as the browser accepts it: gzip for text (the board's JavaScript is about a quarter
   * of its size so), as it is otherwise. Compressing here keeps `npm start` and a plain
   * deployment as small on the wire as one behind a compressing proxy.
   */
  async function encoded(
    request: IncomingMessage,
    contentType: string,
    body: Buffer,
    cacheKey: string | undefined,
  ): Promise<{ body: Buffer; gzip: boolean }> {
    const text = /^(text\/|application\/json|image\/svg)/.test(contentType);
    const accepts = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    if (!text || !accepts || body.length < COMPRESS_FROM_BYTES) return { body, gzip: false };
    if (!cacheKey) return { body: await gzip(body), gzip: true };
    let compressed = gzipped.get(cacheKey);
    if (!compressed) {
      compressed = gzip(body);
      gzipped.set(cacheKey, compressed);
    }
    return { body: await compressed, gzip: true };
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    if (pathname === '/healthz' || pathname === '/readyz') {
      send(response, request, 200, 'text/plain; charset=utf-8', 'ok', 'no-store');
      return;
    }
    if (pathname === '/config.json') {
      send(response, request, 200, 'application/json; charset=utf-8', configBody, 'no-store');
      return;
    }
    const target = staticTargetOf(pathname);
    if (target.kind === 'not-found') {
      send(response, request, 404, 'text/plain; charset=utf-8', 'Не найдено', 'no-store');
      return;
    }
    const file = target.kind === 'page' ? 'index.html' : target.relativePath;
    const body = await readFile(join(config.WEB_ROOT, file)).catch(() => undefined);
    if (!body) {
      send(response, request, 404, 'text/plain; charset=utf-8', 'Не найдено', 'no-store');
      return;
    }
    if (target.kind === 'page') {
      // The page names the current hashed assets: always ask again.
      const html = 'text/html; charset=utf-8';
      const page = await encoded(request, html, body, undefined);
      send(response, request, 200, html, page.body, 'no-cache', page.gzip);
    } else {
      const caching = target.immutable ? 'public, max-age=31536000, immutable' : 'no-cache';
      const asset = await encoded(
        request,
        target.contentType,
        body,
        target.immutable ? target.relativePath : undefined,
      );
      send(response, request, 200, target.contentType, asset.body, caching, asset.gzip);
    }
  }

  const server = createServer(
    measuredHandler(metrics, routeOf, (request, response) => {
      handle(request, response).catch(() => {
        if (!response.headersSent) response.writeHead(500);
        response.end();
      });
    }),
  );

  return {
    get url() {
      return url;
    },
    get metricsUrl() {
      return metricsServer?.url ?? '';
    },
    async start() {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.PORT, config.HOST, () => resolve());
      });
      const { port } = server.address() as AddressInfo;
      url = `http://${config.HOST}:${port}`;
      metricsServer = await startMetricsServer({
        metrics,
        host: config.HOST,
        port: metricsPortOf(config),
      });
    },
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await metricsServer?.stop();
    },
  };
}

/** A request's route as metrics label it: a few names, never the path. */
function routeOf(path: string): string {
  if (path === '/healthz' || path === '/readyz') return 'health';
  if (path === '/config.json') return 'config';
  const target = staticTargetOf(path);
  return target.kind === 'page' ? 'page' : target.kind === 'not-found' ? 'not-found' : 'asset';
}

function send(
  response: ServerResponse,
  request: IncomingMessage,
  status: number,
  contentType: string,
  body: string | Buffer,
  cacheControl: string,
  gzipped = false,
): void {
  response.writeHead(status, {
    'content-type': contentType,
    'content-length': Buffer.byteLength(body),
    'cache-control': cacheControl,
    ...(gzipped ? { 'content-encoding': 'gzip' } : {}),
    // Files may go either way: a cache must key them by what the browser accepts.
    vary: 'accept-encoding',
  });
  response.end(request.method === 'HEAD' ? undefined : body);
}
