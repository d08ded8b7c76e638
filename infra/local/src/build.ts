import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { requireTool, runLogged } from './exec';
import { withLock } from './lock';
import {
  KAFKA_VERSION,
  MONGO_SERVER_VERSION,
  recipeDigest,
  recipeDir,
  type StackSettings,
} from './settings';

/** Pinned so Maven does not resolve the plugin prefix against whatever is newest. */
const DEPENDENCY_PLUGIN = 'org.apache.maven.plugins:maven-dependency-plugin:3.8.1';

export function kafkaBuildDir(settings: StackSettings): string {
  return join(settings.cacheDir, `kafka-${KAFKA_VERSION}-${recipeDigest(['kafka/pom.xml'])}`);
}

const MONGO_LAUNCHER = 'mongo/src/dev/kollegia/mongo/KollegiaMongo.java';

export function mongoBuildDir(settings: StackSettings): string {
  const digest = recipeDigest(['mongo/pom.xml', MONGO_LAUNCHER]);
  return join(settings.cacheDir, `mongo-java-server-${MONGO_SERVER_VERSION}-${digest}`);
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
    await collectJars('kafka/pom.xml', join(staging, 'libs'), {
      log: join(settings.cacheDir, 'kafka-build.log'),
      what: 'the Kafka build (mvn)',
    });
    rmSync(dir, { recursive: true, force: true });
    renameSync(staging, dir);
    return libs;
  });
}

/** What the database launcher needs: its classpath (the jars and our compiled launcher). */
export interface MongoBuild {
  classpath: string;
}

/**
 * Collects mongo-java-server and H2 from Maven Central with infra/local/mongo/pom.xml, then
 * compiles our launcher (one Java file) against them with javac. Staged and renamed into place.
 */
export async function ensureMongoBuild(
  settings: StackSettings,
  log: (line: string) => void,
): Promise<MongoBuild> {
  const dir = mongoBuildDir(settings);
  const build = { classpath: `${join(dir, 'classes')}:${join(dir, 'libs', '*')}` };
  const done = join(dir, 'classes', 'dev', 'kollegia', 'mongo', 'KollegiaMongo.class');
  if (existsSync(done)) return build;
  mkdirSync(settings.cacheDir, { recursive: true });
  return withLock(`${dir}.lock`, async () => {
    if (existsSync(done)) return build;
    requireTool('java', ['-version'], 'run the local database');
    requireTool('javac', ['-version'], 'compile the local database launcher');
    requireTool('mvn', ['-v'], "collect the local database's jars from Maven Central");
    log(`building mongo-java-server ${MONGO_SERVER_VERSION} (jars from Maven Central, once) …`);
    const staging = `${dir}.partial`;
    const buildLog = join(settings.cacheDir, 'mongo-build.log');
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging, { recursive: true });
    await collectJars('mongo/pom.xml', join(staging, 'libs'), {
      log: buildLog,
      what: 'the database build (mvn)',
    });
    await runLogged(
      'javac',
      [
        '--release',
        '17',
        '-d',
        join(staging, 'classes'),
        '-cp',
        join(staging, 'libs', '*'),
        join(recipeDir, MONGO_LAUNCHER),
      ],
      { cwd: recipeDir, log: buildLog, what: 'the database launcher build (javac)' },
    );
    rmSync(dir, { recursive: true, force: true });
    renameSync(staging, dir);
    return build;
  });
}

/** Copies a recipe pom's runtime dependencies from Maven Central into `outputDir` (nothing built). */
function collectJars(
  pom: string,
  outputDir: string,
  options: { log: string; what: string },
): Promise<void> {
  return runLogged(
    'mvn',
    [
      '-B',
      '-q',
      '-f',
      join(recipeDir, pom),
      `${DEPENDENCY_PLUGIN}:copy-dependencies`,
      '-DincludeScope=runtime',
      `-DoutputDirectory=${outputDir}`,
    ],
    { cwd: recipeDir, ...options },
  );
}

function isComplete(libs: string): boolean {
  return existsSync(libs) && readdirSync(libs).some((f) => f.startsWith('kafka_2.13-'));
}
