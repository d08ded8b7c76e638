import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { tail } from './exec';
import { probeMongo } from './probes';
import {
  assertPortFree,
  runningPid,
  startDetached,
  waitUntilReady,
  type ManagedProcess,
} from './process';
import type { StackSettings } from './settings';
import type { MongoBuild } from './build';

export function mongoProcess(settings: StackSettings): ManagedProcess {
  return {
    name: 'MongoDB-wire server',
    pidFile: join(settings.stateDir, 'mongo.pid'),
    logFile: join(settings.stateDir, 'logs', 'mongo.log'),
  };
}

export function mongoUrl(settings: StackSettings): string {
  return `mongodb://127.0.0.1:${settings.mongoPort}/`;
}

/** The data directory: one H2 MVStore file holds every database. */
export const MONGO_DATA_DIR = 'mongo-data';

/**
 * Starts mongo-java-server (H2 file backend) through our launcher on loopback, heap capped, and
 * waits for a `ping`. The launcher commits every change before answering (docs/adr/0009).
 */
export async function startMongo(settings: StackSettings, build: MongoBuild): Promise<void> {
  const proc = mongoProcess(settings);
  const url = mongoUrl(settings);
  if (runningPid(proc) !== undefined) {
    await waitUntilReady(proc, () => probeMongo(url), { timeoutMs: 30_000, tail });
    return;
  }
  await assertPortFree(settings.mongoPort, 'the MongoDB-wire server', 'KOLLEGIA_MONGO_PORT');
  const dataDir = join(settings.stateDir, MONGO_DATA_DIR);
  mkdirSync(dataDir, { recursive: true });
  mkdirSync(join(settings.stateDir, 'logs'), { recursive: true });
  startDetached(
    proc,
    'java',
    [
      `-Xms64m`,
      `-Xmx${settings.mongoHeapMb}m`,
      '-XX:+UseG1GC',
      '-XX:+ExitOnOutOfMemoryError',
      '-Djava.awt.headless=true',
      '-Dorg.slf4j.simpleLogger.defaultLogLevel=warn',
      '-Dorg.slf4j.simpleLogger.showDateTime=true',
      // The library warns at every non-unique index that it does not implement them; the launcher
      // does (docs/adr/0009), and the warning at every boot would bury the lines that matter.
      '-Dorg.slf4j.simpleLogger.log.de.bwaldvogel.mongo.backend.AbstractMongoDatabase=error',
      '-cp',
      build.classpath,
      'dev.kollegia.mongo.KollegiaMongo',
      '127.0.0.1',
      String(settings.mongoPort),
      join(dataDir, 'kollegia.mv.db'),
    ],
    { cwd: settings.stateDir },
  );
  await waitUntilReady(proc, () => probeMongo(url), { timeoutMs: 60_000, tail });
}
