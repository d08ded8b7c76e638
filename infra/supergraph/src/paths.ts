import path from 'node:path';

// Resolved from this file so the CLI (dist/) and the tests (src/) agree whatever the working directory.
export const packageDir = path.resolve(__dirname, '..');
export const repoRoot = path.resolve(packageDir, '../..');

/** The committed outputs, relative to `packageDir`; also their order in messages. */
export const outputFiles = ['supergraph.graphql', 'api.graphql', 'subgraphs.json'] as const;
export type OutputFile = (typeof outputFiles)[number];

/** The composed supergraph the gateway loads. */
export const supergraphPath = path.join(packageDir, 'supergraph.graphql');

/** `{ subgraphs: [{ name, url }] }`: the names the gateway keys per-subgraph URL overrides by. */
export const subgraphManifestPath = path.join(packageDir, 'subgraphs.json');

export const changelogFile = path.join(packageDir, 'CHANGELOG.md');

/** Where `api.graphql` lives relative to the repository root, as `git show <ref>:<path>` wants it. */
export const apiPathInRepo = path
  .relative(repoRoot, path.join(packageDir, 'api.graphql'))
  .split(path.sep)
  .join('/');

export const composeCommand = 'npm run compose -w @kollegia/supergraph';
