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

export function ferretdbProcess(settings: StackSettings): ManagedProcess {
  return {
    name: 'FerretDB',
    pidFile: join(settings.stateDir, 'ferretdb.pid'),
    logFile: join(settings.stateDir, 'logs', 'ferretdb.log'),
  };
}

export function mongoUrl(settings: StackSettings): string {
  return `mongodb://127.0.0.1:${settings.mongoPort}/`;
}

/** Starts FerretDB on loopback with one SQLite file per database, and waits for a `ping`. */
export async function startFerretdb(settings: StackSettings, binary: string): Promise<void> {
  const proc = ferretdbProcess(settings);
  const url = mongoUrl(settings);
  if (runningPid(proc) !== undefined) {
    await waitUntilReady(proc, () => probeMongo(url), { timeoutMs: 30_000, tail });
    return;
  }
  await assertPortFree(settings.mongoPort, 'FerretDB', 'KOLLEGIA_MONGO_PORT');
  const dataDir = join(settings.stateDir, 'ferretdb-data');
  mkdirSync(dataDir, { recursive: true });
  mkdirSync(join(settings.stateDir, 'logs'), { recursive: true });
  startDetached(proc, binary, ['-listen', `127.0.0.1:${settings.mongoPort}`, '-data', dataDir], {
    cwd: settings.stateDir,
  });
  await waitUntilReady(proc, () => probeMongo(url), { timeoutMs: 30_000, tail });
}
