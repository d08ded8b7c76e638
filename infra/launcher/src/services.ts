import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { repoRoot } from './paths';

/** A service `npm start` runs: a workspace under services/ with a port and a built main.js. */
export interface ServiceSpec {
  name: string;
  port: number;
  main: string;
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
      const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { kollegia?: { port?: number } };
      return pkg.kollegia?.port ? [{ name: entry.name, port: pkg.kollegia.port, main }] : [];
    })
    .sort((a, b) => a.port - b.port);
}
