import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { requireTool, runLogged } from './exec';
import { withLock } from './lock';
import { type StackSettings } from './settings';

/** What one cached Go build makes and how (infra/helm's Helm and validator, Prometheus). */
export interface GoBuildRecipe {
  /** The cache entry; the binaries land in `<dir>/bin`. */
  dir: string;
  /** The binary whose presence means the build is done; also names the build log. */
  binary: string;
  what: string;
  build: (bin: string) => { cwd: string; args: string[]; env: NodeJS.ProcessEnv };
}

/**
 * One Go build into `<dir>/bin`, as Kafka is built: under a lock (two test runs never build at
 * once), into a staging directory renamed into place (a half-finished build is never used), output
 * in `<cacheDir>/<binary>-build.log`, and a line every 30 s while it runs. Returns the binary.
 */
export async function ensureGoBuild(
  settings: StackSettings,
  log: (line: string) => void,
  recipe: GoBuildRecipe,
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
