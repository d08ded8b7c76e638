import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { requireTool, runLogged } from './exec';
import { withLock } from './lock';
import {
  FERRETDB_VERSION,
  KAFKA_VERSION,
  recipeDigest,
  recipeDir,
  type StackSettings,
} from './settings';

/** Pinned so Maven does not resolve the plugin prefix against whatever is newest. */
const DEPENDENCY_PLUGIN = 'org.apache.maven.plugins:maven-dependency-plugin:3.8.1';

export interface Builds {
  kafkaLibs: string;
  ferretdbBinary: string;
}

export function kafkaBuildDir(settings: StackSettings): string {
  return join(settings.cacheDir, `kafka-${KAFKA_VERSION}-${recipeDigest(['kafka/pom.xml'])}`);
}

export function ferretdbBuildDir(settings: StackSettings): string {
  const digest = recipeDigest(['ferretdb/go.mod', 'ferretdb/go.sum', 'ferretdb/main.go']);
  return join(settings.cacheDir, `ferretdb-${FERRETDB_VERSION}-${digest}`);
}

/**
 * Collects Kafka's jars from Maven Central with the repository's pom.xml (nothing is compiled).
 * Built into a temporary directory and renamed into place, so a half-finished build is never used.
 */
export async function ensureKafkaBuild(
  settings: StackSettings,
  log: (line: string) => void,
): Promise<string> {
  const dir = kafkaBuildDir(settings);
  const libs = join(dir, 'libs');
  if (isComplete(libs)) return libs;
  mkdirSync(settings.cacheDir, { recursive: true });
  return withLock(`${dir}.lock`, async () => {
    if (isComplete(libs)) return libs;
    requireTool('java', ['-version'], 'run Kafka');
    requireTool('mvn', ['-v'], "collect Kafka's jars from Maven Central");
    log(`building Kafka ${KAFKA_VERSION} (collecting jars from Maven Central, once) …`);
    const staging = `${dir}.partial`;
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging, { recursive: true });
    await runLogged(
      'mvn',
      [
        '-B',
        '-q',
        '-f',
        join(recipeDir, 'kafka', 'pom.xml'),
        `${DEPENDENCY_PLUGIN}:copy-dependencies`,
        '-DincludeScope=runtime',
        `-DoutputDirectory=${join(staging, 'libs')}`,
      ],
      {
        cwd: recipeDir,
        log: join(settings.cacheDir, 'kafka-build.log'),
        what: 'the Kafka build (mvn)',
      },
    );
    rmSync(dir, { recursive: true, force: true });
    renameSync(staging, dir);
    return libs;
  });
}

/**
 * Builds our small FerretDB program (infra/local/ferretdb) with Go from the module proxy. The
 * binary is pure Go (SQLite through modernc), so no C toolchain is involved.
 */
export async function ensureFerretdbBuild(
  settings: StackSettings,
  log: (line: string) => void,
): Promise<string> {
  const dir = ferretdbBuildDir(settings);
  const binary = join(dir, 'ferretdb-local');
  if (existsSync(binary)) return binary;
  mkdirSync(settings.cacheDir, { recursive: true });
  return withLock(`${dir}.lock`, async () => {
    if (existsSync(binary)) return binary;
    requireTool('go', ['version'], 'build FerretDB from the Go module proxy');
    log(`building FerretDB ${FERRETDB_VERSION} (Go, once; about two minutes on two cores) …`);
    mkdirSync(dir, { recursive: true });
    const partial = `${binary}.partial`;
    await runLogged('go', ['build', '-trimpath', '-o', partial, '.'], {
      cwd: join(recipeDir, 'ferretdb'),
      log: join(settings.cacheDir, 'ferretdb-build.log'),
      what: 'the FerretDB build (go build)',
      env: { CGO_ENABLED: '0', GOFLAGS: '-buildvcs=false -mod=readonly' },
    });
    renameSync(partial, binary);
    return binary;
  });
}

function isComplete(libs: string): boolean {
  return existsSync(libs) && readdirSync(libs).some((f) => f.startsWith('kafka_2.13-'));
}
