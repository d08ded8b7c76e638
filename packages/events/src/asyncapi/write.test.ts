import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { asyncApiPath, renderAsyncApiYaml } from './write';

describe('docs/events/asyncapi.yaml', () => {
  it('should equal a fresh generation when the contracts have not changed since it was written', () => {
    const committed = readFileSync(asyncApiPath, 'utf8');

    // On failure run `npm run asyncapi` and commit the result.
    expect(committed).toBe(renderAsyncApiYaml());
  });

  it('should live under docs/events at the repository root when resolved from the package', () => {
    const root = resolve(asyncApiPath, '../../..');
    const rootPackage = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as {
      workspaces?: string[];
    };

    expect(asyncApiPath).toBe(resolve(root, 'docs/events/asyncapi.yaml'));
    expect(rootPackage.workspaces).toContain('packages/*');
  });
});
