import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

import {
  recipeDigest,
  requireTool,
  runLogged,
  withLock,
  type StackSettings,
} from '@kollegia/local-stack';

/** The Helm release built from the Go module proxy; bumping it builds a new cache entry. */
export const HELM_VERSION = '4.3.2';

/** infra/helm in the repository: the chart and the validator's Go module. */
export const helmDir = resolve(__dirname, '..');
const VALIDATOR_SOURCES = ['validate/go.mod', 'validate/go.sum', 'validate/main.go'];

export function helmBuildDir(settings: StackSettings): string {
  return join(settings.cacheDir, `helm-v${HELM_VERSION}`);
}

export function validatorBuildDir(settings: StackSettings): string {
  return join(settings.cacheDir, `helm-validate-${recipeDigest(VALIDATOR_SOURCES, helmDir)}`);
}

/** Builds Helm once (`go install helm.sh/helm/v4/cmd/helm`) into the cache; returns the binary. */
export function ensureHelm(settings: StackSettings, log: (line: string) => void): Promise<string> {
  return ensureGoBuild(settings, log, {
    dir: helmBuildDir(settings),
    binary: 'helm',
    what: `Helm v${HELM_VERSION}`,
    build: (bin) => ({
      cwd: helmDir,
      args: ['install', `helm.sh/helm/v4/cmd/helm@v${HELM_VERSION}`],
      env: { GOBIN: bin },
    }),
  });
}

/** Builds the manifest validator (infra/helm/validate) once per version of its sources. */
export function ensureValidator(
  settings: StackSettings,
  log: (line: string) => void,
): Promise<string> {
  return ensureGoBuild(settings, log, {
    dir: validatorBuildDir(settings),
    binary: 'validate',
    what: 'the manifest validator',
    build: (bin) => ({
      cwd: join(helmDir, 'validate'),
      args: ['build', '-mod=readonly', '-o', join(bin, 'validate'), '.'],
      env: {},
    }),
  });
}

/**
 * One Go build into `<dir>/bin`, as infra/local builds Kafka: under a lock (two test runs never
 * build at once), into a staging directory renamed into place (a half-finished build is never
 * used), output in `<cacheDir>/<binary>-build.log`, and a line every 30 s while it runs.
 */
async function ensureGoBuild(
  settings: StackSettings,
  log: (line: string) => void,
  recipe: {
    dir: string;
    binary: string;
    what: string;
    build: (bin: string) => { cwd: string; args: string[]; env: NodeJS.ProcessEnv };
  },
): Promise<string> {
  const binary = join(recipe.dir, 'bin', recipe.binary);
  if (existsSync(binary)) return binary;
  mkdirSync(settings.cacheDir, { recursive: true });
  return withLock(`${recipe.dir}.lock`, async () => {
    if (existsSync(binary)) return binary;
    requireTool('go', ['version'], `build ${recipe.what}`);
    const buildLog = join(settings.cacheDir, `${recipe.binary}-build.log`);
    log(`building ${recipe.what} with Go from the module proxy (once; log: ${buildLog}) …`);
    const started = Date.now();
    const staging = `${recipe.dir}.partial`;
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(join(staging, 'bin'), { recursive: true });
    const { cwd, args, env } = recipe.build(join(staging, 'bin'));
    const progress = setInterval(
      () => log(`… still building ${recipe.what} (${seconds(started)} s)`),
      30_000,
    );
    try {
      // GOTOOLCHAIN=local: a go.mod asking for a newer Go fails clearly instead of downloading one.
      // -p=1: one compiler at a time leaves the second core to the test files running beside the
      // build in CI (the int tier runs two), whose broker and database must keep answering.
      await runLogged('go', args, {
        cwd,
        log: buildLog,
        env: { ...env, GOTOOLCHAIN: 'local', GOFLAGS: '-buildvcs=false -p=1' },
        what: `the ${recipe.what} build (go)`,
      });
    } finally {
      clearInterval(progress);
    }
    rmSync(recipe.dir, { recursive: true, force: true });
    renameSync(staging, recipe.dir);
    log(`built ${recipe.what} in ${seconds(started)} s`);
    return binary;
  });
}

function seconds(since: number): number {
  return Math.round((Date.now() - since) / 1000);
}
