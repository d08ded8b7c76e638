import 'reflect-metadata';

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { buildMembersSubgraph } from './graphql/schema';

describe('schema.graphql', () => {
  it('should match the schema the code builds (run `npm run schema:emit -w @kollegia/members` after a change)', async () => {
    const { sdl } = await buildMembersSubgraph();
    const committed = readFileSync(join(__dirname, '..', 'schema.graphql'), 'utf8');
    expect(committed).toBe(`${sdl.trim()}\n`);
  });
});
