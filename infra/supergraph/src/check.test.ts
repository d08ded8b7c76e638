import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findStaleFiles } from './check';
import { composeSupergraph, writeSupergraphFiles } from './compose';
import { packageDir, repoRoot } from './paths';
import { findSubgraphSources } from './subgraph-sources';

describe('committed supergraph', () => {
  // The same comparison `npm run check` makes, so CI fails on a forgotten `npm run compose`.
  it('should match a fresh composition of services/*/schema.graphql', async () => {
    const composition = composeSupergraph(await findSubgraphSources(repoRoot));

    if (!composition.ok) throw new Error(composition.errors.join('\n'));
    expect(await findStaleFiles(packageDir, composition.files)).toEqual([]);
  });
});

describe('findStaleFiles', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'supergraph-check-'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('should name the files that differ or are missing when the outputs are stale', async () => {
    const fresh = composeSupergraph([]);
    if (!fresh.ok) throw new Error('the empty composition cannot fail');
    await writeSupergraphFiles(dir, fresh.files);
    await writeFile(path.join(dir, 'api.graphql'), 'type Query { old: String }\n');
    await rm(path.join(dir, 'subgraphs.json'));

    expect(await findStaleFiles(dir, fresh.files)).toEqual(['api.graphql', 'subgraphs.json']);
  });

  it('should find nothing stale when the outputs were just written', async () => {
    const fresh = composeSupergraph([]);
    if (!fresh.ok) throw new Error('the empty composition cannot fail');
    await writeSupergraphFiles(dir, fresh.files);

    expect(await findStaleFiles(dir, fresh.files)).toEqual([]);
  });
});
