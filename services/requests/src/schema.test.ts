import 'reflect-metadata';

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { parse, validate } from 'graphql';

import { buildRequestsSubgraph } from './graphql/schema';

describe('schema.graphql', () => {
  it('should match the schema the code builds (run `npm run schema:emit -w @kollegia/requests` after a change)', async () => {
    const { sdl } = await buildRequestsSubgraph();
    const committed = readFileSync(join(__dirname, '..', 'schema.graphql'), 'utf8');
    expect(committed).toBe(`${sdl.trim()}\n`);
  });
});

describe('examples.graphql', () => {
  it('should hold only operations that are valid against the schema', async () => {
    const { schema } = await buildRequestsSubgraph();
    const document = parse(readFileSync(join(__dirname, '..', 'examples.graphql'), 'utf8'));
    expect(document.definitions.length).toBeGreaterThan(10);
    expect(validate(schema, document).map((error) => error.message)).toEqual([]);
  });
});
