import 'reflect-metadata';

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { buildRequestsSubgraph } from './graphql/schema';

/** Writes services/requests/schema.graphql (committed; a test fails when it is stale). */
async function main(): Promise<void> {
  const { sdl } = await buildRequestsSubgraph();
  const path = join(__dirname, '..', 'schema.graphql');
  writeFileSync(path, `${sdl.trim()}\n`);
  process.stdout.write(`wrote ${path}\n`);
}

void main();
