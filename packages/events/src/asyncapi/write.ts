import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { stringify } from 'yaml';
import { buildAsyncApiDocument } from './build';

/**
 * The committed AsyncAPI document, `docs/events/asyncapi.yaml`. Found from this file's directory,
 * which is `packages/events/{src,dist}/asyncapi` whether run from source or from the build.
 */
export const asyncApiPath = resolve(__dirname, '../../../../docs/events/asyncapi.yaml');

const header =
  '# Generated from packages/events by `npm run asyncapi`. Do not edit: change the contracts.\n';

/** The AsyncAPI document as the YAML that is committed. */
export function renderAsyncApiYaml(): string {
  // Without aliasDuplicateObjects: false, yaml turns repeated objects into &anchors and *aliases.
  // YAML 1.1 output quotes date-like strings, which 1.1 readers (js-yaml) would otherwise turn
  // into Date objects: examples' `time` and `since` must stay strings.
  return (
    header +
    stringify(buildAsyncApiDocument(), {
      aliasDuplicateObjects: false,
      lineWidth: 0,
      version: '1.1',
    })
  );
}

if (require.main === module) {
  writeFileSync(asyncApiPath, renderAsyncApiYaml());
  console.log(`Wrote ${asyncApiPath}`);
}
