import { execFile, spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
} from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { promisify } from 'node:util';

import { expectEventually, testNamespace } from '@kollegia/testing';

/**
 * What the Dockerfile's stages do for a service's image, done here by hand (no Docker engine on
 * these machines): turbo prune, the production closure of infra/helm/docker, `npm ci --omit=dev`
 * from its lockfile, and the built dist/ folders of its workspaces. The install must hold every
 * package the shipped code requires and none of the workspaces the service only tests with; the
 * members image must start on the local stack and be ready.
 */
const run = promisify(execFile);
const root = join(__dirname, '../../..');
const closureScript = join(root, 'infra/helm/docker/production-closure.mjs');

interface Image {
  dir: string;
  workspaces: string[];
}

/** turbo prune → production closure → npm ci --omit=dev → dist/ and *.graphql, as the Dockerfile. */
async function buildImageTree(service: string): Promise<Image> {
  const work = mkdtempSync(join(tmpdir(), `kollegia-image-${service}-`));
  await run(
    join(root, 'node_modules/.bin/turbo'),
    ['prune', `@kollegia/${service}`, '--docker', '--out-dir', join(work, 'pruned')],
    { cwd: root, env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' } },
  );
  const dir = join(work, 'app');
  cpSync(join(work, 'pruned/json'), dir, { recursive: true });
  await run(process.execPath, [closureScript, dir, `@kollegia/${service}`]);
  await run(
    'npm',
    ['ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline'],
    { cwd: dir },
  );
  const { workspaces } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
    workspaces: string[];
  };
  for (const workspace of workspaces) {
    for (const entry of readdirSync(join(root, workspace))) {
      if (entry === 'dist' || entry.endsWith('.graphql')) {
        cpSync(join(root, workspace, entry), join(dir, workspace, entry), { recursive: true });
      }
    }
  }
  return { dir, workspaces };
}

/** What a compiled CommonJS file loads (`require("x")`, `import("x")`), as written. */
function specifiersOf(file: string): string[] {
  return [
    ...readFileSync(file, 'utf8').matchAll(/\b(?:require|import)\(\s*["']([^"']+)["']\s*\)/g),
  ].map(([, specifier]) => specifier!);
}

/** Whether Node's lookup from `file` finds the package: a node_modules/<name> up the tree. */
function installedFrom(file: string, name: string, top: string): boolean {
  for (let dir = dirname(file); dir.startsWith(top); dir = dirname(dir)) {
    if (existsSync(join(dir, 'node_modules', name, 'package.json'))) return true;
  }
  return false;
}

const builtins = new Set(builtinModules);

/**
 * Every package the service's code loads, from its dist/main.js through its own modules and its
 * workspaces' (followed with Node's resolver), that the image's install lacks, as `file: package`.
 * Test helpers and benches compiled beside them are not loaded, so not asked for.
 */
function missingPackages(image: Image, service: string): string[] {
  const missing: string[] = [];
  const seen = new Set<string>();
  const pending = [join(image.dir, 'services', service, 'dist/main.js')];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const specifier of specifiersOf(file)) {
      if (specifier.startsWith('node:') || builtins.has(specifier)) continue;
      const parts = specifier.split('/');
      const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
      const ours = specifier.startsWith('.') || name.startsWith('@kollegia/');
      if (ours) {
        try {
          pending.push(realpathSync(createRequire(file).resolve(specifier)));
        } catch {
          missing.push(`${relative(image.dir, file)}: ${specifier}`);
        }
      } else if (!installedFrom(file, name, image.dir)) {
        missing.push(`${relative(image.dir, file)}: ${name}`);
      }
    }
  }
  return missing;
}

const images = new Map<string, Image>();
afterAll(() => {
  for (const { dir } of images.values()) rmSync(dirname(dir), { recursive: true, force: true });
});

describe.each([
  // Tested with the local stack and the test helpers.
  ['members', ['@kollegia/testing', '@kollegia/local-stack']],
  // Tested against the four subgraphs and composes the supergraph at build time.
  ['gateway', ['@kollegia/members', '@kollegia/requests', '@kollegia/testing', '@apollo/gateway']],
  // Its browser libraries are bundled by Vite at build time.
  ['web', ['@kollegia/local-stack', 'react', '@mantine/core', 'vite']],
])('the image of %s', (service, devOnly) => {
  let image: Image;
  beforeAll(async () => {
    image = await buildImageTree(service);
    images.set(service, image);
  }, 180_000);

  it('should install every package its shipped code loads', () => {
    expect(missingPackages(image, service)).toEqual([]);
  });

  it('should install none of what it is only built or tested with', () => {
    const installed = devOnly.filter((name) =>
      existsSync(join(image.dir, 'node_modules', name, 'package.json')),
    );
    expect(installed).toEqual([]);
    for (const compiler of ['typescript', 'jest', 'turbo']) {
      expect(existsSync(join(image.dir, 'node_modules', compiler))).toBe(false);
    }
  });
});

describe('the members image, started', () => {
  const ns = testNamespace('image');
  let child: ReturnType<typeof spawn> | undefined;
  afterAll(() => {
    child?.kill('SIGTERM');
  });

  it('should become ready on the local stack with its production install alone', async () => {
    const image = images.get('members') ?? (await buildImageTree('members'));
    images.set('members', image);
    const port = 4970;
    let log = '';
    child = spawn(process.execPath, ['--disable-warning=TimeoutNegativeWarning', 'dist/main.js'], {
      cwd: join(image.dir, 'services/members'),
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: String(port),
        METRICS_PORT: String(port + 1),
        MONGO_URL: ns.mongoUrl,
        MONGO_DB: ns.dbName,
        KAFKA_BROKERS: ns.kafkaBrokers.join(','),
        KAFKA_TOPIC_PREFIX: ns.topicPrefix,
        AUTH_ISSUER: 'http://localhost:4105',
        AUTH_JWKS_URL: 'http://127.0.0.1:4105/jwks',
        AUTH_AUDIENCE: 'kollegia',
        DEBUG_ERRORS: 'false',
        GATEWAY_SECRET: 'sample-secret-of-forty-eight-characters-000000000',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
    await expectEventually(
      async () => {
        expect(child!.exitCode).toBeNull();
        const ready = await fetch(`http://127.0.0.1:${port}/readyz`).then(
          (r) => r.status,
          (e: Error) => e.message,
        );
        expect({ ready, log: ready === 200 ? '' : log.slice(-2000) }).toEqual({
          ready: 200,
          log: '',
        });
      },
      { timeoutMs: 30_000 },
    );
  }, 240_000);
});
