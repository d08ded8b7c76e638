import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * DESIGN.md section 7: the code uses only what MongoDB and the embedded engine (mongo-java-server,
 * docs/adr/0009) both do correctly, as the conformance suite (db/conformance) proves case by case.
 * This scans the kit and the services' sources (not tests) for what the suite does not cover
 * because the code must not use it: transactions, change streams, and features the embedded
 * engine lacks or ignores.
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
  // A text index is declared as a key's value (`{ title: 'text' }`); a field named text is not one.
  [/:\s*['"]text['"]|\$text\b/, 'text index or $text'],
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

/** Whether a service talks to a database (depends on mongoose); the web board's code does not. */
function storesData(service: string): boolean {
  const manifest = JSON.parse(
    readFileSync(join(ROOT, 'services', service, 'package.json'), 'utf8'),
  ) as { dependencies?: Record<string, string> };
  return manifest.dependencies?.mongoose !== undefined;
}

describe('storage rules', () => {
  const files = [
    ...sources(join(ROOT, 'packages/service-kit/src')),
    ...readdirSync(join(ROOT, 'services'), { withFileTypes: true })
      .filter((d) => d.isDirectory() && storesData(d.name))
      .flatMap((d) => sources(join(ROOT, 'services', d.name, 'src'))),
  ];

  it('should find the sources to scan', () => {
    expect(files.some((f) => f.endsWith('outbox/relay.ts'))).toBe(true);
    expect(files.some((f) => f.endsWith('identity/src/db/oidc-adapter.ts'))).toBe(true);
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
