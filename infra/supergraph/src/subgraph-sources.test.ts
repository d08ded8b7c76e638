import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findSubgraphSources } from './subgraph-sources';

describe('findSubgraphSources', () => {
  let root: string;

  async function service(name: string, files: Record<string, string>): Promise<void> {
    const dir = path.join(root, 'services', name);
    await mkdir(dir, { recursive: true });
    for (const [file, content] of Object.entries(files)) {
      await writeFile(path.join(dir, file), content);
    }
  }

  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'supergraph-sources-'));
  });

  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('should take each service with a schema.graphql, by name, with its port as the URL', async () => {
    await service('requests', {
      'schema.graphql': 'type Query { requests: [ID!]! }',
      'package.json': JSON.stringify({ kollegia: { port: 4104 } }),
    });
    await service('members', {
      'schema.graphql': 'type Query { organizations: [ID!]! }',
      'package.json': JSON.stringify({ kollegia: { port: 4101 } }),
    });
    await service('gateway', { 'package.json': JSON.stringify({ kollegia: { port: 4000 } }) });

    const sources = await findSubgraphSources(root);

    expect(sources).toEqual([
      {
        name: 'members',
        url: 'http://127.0.0.1:4101/graphql',
        sdl: 'type Query { organizations: [ID!]! }',
      },
      {
        name: 'requests',
        url: 'http://127.0.0.1:4104/graphql',
        sdl: 'type Query { requests: [ID!]! }',
      },
    ]);
  });

  it('should find no subgraphs when there is no services folder', async () => {
    expect(await findSubgraphSources(root)).toEqual([]);
  });

  it('should name the package.json when a subgraph has no port', async () => {
    await service('members', {
      'schema.graphql': 'type Query { organizations: [ID!]! }',
      'package.json': JSON.stringify({ name: '@kollegia/members' }),
    });

    await expect(findSubgraphSources(root)).rejects.toThrow(
      'services/members/package.json: "kollegia.port" must be the service\'s TCP port (got undefined)',
    );
  });
});
