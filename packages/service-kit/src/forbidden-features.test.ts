import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * DESIGN.md section 7: the code must run on FerretDB 1.24, so it may not use what FerretDB lacks.
 * This scans the kit and the services' sources (not tests) for those features.
 */
const FORBIDDEN: [RegExp, string][] = [
  [
    /\$lookup|\$facet|\$replaceRoot|\$replaceWith|\$graphLookup|\$unionWith/,
    'unsupported aggregation stage',
  ],
  [
    /\$avg|\$push\s*:\s*['"]\$|\$addToSet\s*:\s*['"]\$|\$first|\$last\b/,
    'unsupported $group accumulator',
  ],
  [/startSession|withTransaction|startTransaction/, 'multi-document transactions'],
  [/\.watch\(/, 'change streams'],
  [/collation/, 'collation'],
  [/expires\s*:|expireAfterSeconds|partialFilterExpression/, 'TTL or partial index'],
  [/['"]text['"]\s*[,}]|\$text\b/, 'text index or $text'],
  [/\$pull\s*:/, '$pull (FerretDB 1.24 ignores $pull conditions: use $pullAll)'],
  [/\$elemMatch/, '$elemMatch (not supported in FerretDB 1.24 filters)'],
];

const ROOT = join(__dirname, '../../..');

function sources(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const path = join(dir, entry);
    if (entry === 'node_modules' || entry === 'dist') return [];
    if (statSync(path).isDirectory()) return sources(path);
    return /\.ts$/.test(entry) && !/\.test\.ts$/.test(entry) ? [path] : [];
  });
}

describe('storage rules', () => {
  const files = [
    ...sources(join(ROOT, 'packages/service-kit/src')),
    ...readdirSync(join(ROOT, 'services'), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .flatMap((d) => sources(join(ROOT, 'services', d.name, 'src'))),
  ];

  it('should find the sources to scan', () => {
    expect(files.some((f) => f.endsWith('outbox/relay.ts'))).toBe(true);
  });

  it.each(FORBIDDEN)('should not use %s anywhere in the kit or the services (%s)', (pattern) => {
    const offenders = files.filter((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .some((line) => !/^\s*(\/\/|\*)/.test(line) && pattern.test(line)),
    );
    expect(offenders).toEqual([]);
  });
});
