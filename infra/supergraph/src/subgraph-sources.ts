import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/** One subgraph as composition needs it: its name, default routing URL and committed SDL. */
export interface SubgraphSource {
  name: string;
  url: string;
  sdl: string;
}

export class SubgraphSourceError extends Error {
  override name = 'SubgraphSourceError';
}

// Services bind to loopback locally; other environments override the URL in the gateway by name.
export function localSubgraphUrl(port: number): string {
  return `http://127.0.0.1:${port}/graphql`;
}

function portOf(manifest: unknown, manifestPath: string): number {
  const port = (manifest as { kollegia?: { port?: unknown } } | null)?.kollegia?.port;
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) {
    throw new SubgraphSourceError(
      `${manifestPath}: "kollegia.port" must be the service's TCP port (got ${JSON.stringify(port)})`,
    );
  }
  return port;
}

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Every `services/<name>/schema.graphql` that exists, sorted by name so the supergraph does not
 * depend on directory order. A service without one (the gateway, or one not built yet) is skipped.
 */
export async function findSubgraphSources(repoRoot: string): Promise<SubgraphSource[]> {
  const servicesDir = path.join(repoRoot, 'services');
  const entries = await readdir(servicesDir, { withFileTypes: true }).catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [];
      throw error;
    },
  );
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

  const sources: SubgraphSource[] = [];
  for (const name of names) {
    const sdl = await readIfExists(path.join(servicesDir, name, 'schema.graphql'));
    if (sdl === undefined) continue;
    const manifestPath = path.join('services', name, 'package.json');
    const manifestText = await readIfExists(path.join(repoRoot, manifestPath));
    if (manifestText === undefined) {
      throw new SubgraphSourceError(`${manifestPath} is missing, so services/${name} has no port`);
    }
    const port = portOf(JSON.parse(manifestText), manifestPath);
    sources.push({ name, url: localSubgraphUrl(port), sdl });
  }
  return sources;
}
