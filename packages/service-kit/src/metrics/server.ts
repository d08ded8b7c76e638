import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { ConfigError } from '../config';
import type { Metrics } from './metrics';

/** The metrics port is the process's port plus this unless `METRICS_PORT` says otherwise. */
export const METRICS_PORT_OFFSET = 5000;

/**
 * `METRICS_PORT`, or `PORT` + 5000 (gateway 9000, members 9101, … web 9106); 0 (a free port)
 * when `PORT` is 0, as in tests.
 */
export function metricsPortOf(config: { PORT: number; METRICS_PORT?: number | undefined }): number {
  if (config.METRICS_PORT !== undefined) return config.METRICS_PORT;
  if (config.PORT === 0) return 0;
  const port = config.PORT + METRICS_PORT_OFFSET;
  if (port > 65535) {
    throw new ConfigError([
      `METRICS_PORT: PORT + ${METRICS_PORT_OFFSET} is past 65535; set METRICS_PORT`,
    ]);
  }
  return port;
}

export interface MetricsServer {
  /** `http://host:port/metrics`. */
  url: string;
  stop(): Promise<void>;
}

/**
 * Serves `GET /metrics` (Prometheus text format) on a listener of its own: the subgraphs answer
 * only the gateway and the gateway is public, so scraping goes through neither; a deployment lets
 * only Prometheus reach this port.
 */
export async function startMetricsServer(options: {
  metrics: Metrics;
  host: string;
  port: number;
}): Promise<MetricsServer> {
  const { registry } = options.metrics;
  const respond = async (request: IncomingMessage, response: ServerResponse) => {
    const path = (request.url ?? '/').split('?')[0];
    if (path !== '/metrics') {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const body = await registry.metrics();
    response.writeHead(200, { 'content-type': registry.contentType });
    response.end(request.method === 'HEAD' ? undefined : body);
  };
  const server = createServer((request, response) => {
    respond(request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' });
      response.end(`metrics failed: ${(error as Error).message}`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host}:${port}/metrics`,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
