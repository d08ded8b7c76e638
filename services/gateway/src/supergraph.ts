import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The committed supergraph (infra/supergraph/supergraph.graphql), unless a path is configured. */
export function readSupergraph(path?: string): string {
  const file =
    path ??
    join(dirname(require.resolve('@kollegia/supergraph/package.json')), 'supergraph.graphql');
  return readFileSync(file, 'utf8');
}

const JOIN_GRAPH = /@join__graph\(name: "([^"]+)", url: "([^"]+)"\)/g;

/** The subgraphs' URLs by name, as the supergraph records them. */
export function subgraphUrls(supergraph: string): Map<string, string> {
  return new Map([...supergraph.matchAll(JOIN_GRAPH)].map((m) => [m[1]!, m[2]!]));
}

/** Points subgraphs at other URLs (`name=url` pairs), e.g. container host names in docker-compose. */
export function withSubgraphUrls(supergraph: string, overrides: string[]): string {
  const urls = new Map(
    overrides.map((pair) => {
      const [name, url] = pair.split('=');
      if (!name || !url) throw new Error(`SUBGRAPH_URLS: "${pair}" is not name=url`);
      return [name, url];
    }),
  );
  return supergraph.replace(JOIN_GRAPH, (whole, name: string) =>
    urls.has(name) ? `@join__graph(name: "${name}", url: "${urls.get(name)}")` : whole,
  );
}
