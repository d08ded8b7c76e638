import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { repoRoot } from './paths';

/**
 * A service `npm start` runs: a workspace under services/ with a port (`"kollegia": { "port" }` in
 * its package.json) and a built main.js. It serves GraphQL at /graphql unless its manifest says
 * `"graphql": false` (the identity provider).
 */
export interface ServiceSpec {
  name: string;
  port: number;
  main: string;
  graphql: boolean;
}

/** Where to point a person at a service: its GraphQL endpoint, or its base URL. */
export function serviceUrl(service: ServiceSpec): string {
  return `http://127.0.0.1:${service.port}${service.graphql ? '/graphql' : ''}`;
}

export function discoverServices(): ServiceSpec[] {
  const dir = join(repoRoot, 'services');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => {
      const manifest = join(dir, entry.name, 'package.json');
      const main = join(dir, entry.name, 'dist', 'main.js');
      if (!existsSync(manifest) || !existsSync(main)) return [];
      const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as {
        kollegia?: { port?: number; graphql?: boolean };
      };
      const port = pkg.kollegia?.port;
      return port
        ? [{ name: entry.name, port, main, graphql: pkg.kollegia?.graphql !== false }]
        : [];
    })
    .sort((a, b) => a.port - b.port);
}
