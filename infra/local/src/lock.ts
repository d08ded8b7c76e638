import { mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { StackError } from './settings';

/**
 * A directory lock, so two processes (two test runs, `npm start` and `npm test`) never build or start
 * the same thing at once. A lock older than `staleMs` belongs to a process that died and is taken over.
 */
export async function withLock<T>(
  lockDir: string,
  work: () => Promise<T>,
  { waitMs = 15 * 60_000, staleMs = 20 * 60_000 } = {},
): Promise<T> {
  mkdirSync(dirname(lockDir), { recursive: true });
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      mkdirSync(lockDir);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const age = lockAge(lockDir);
      if (age !== undefined && age > staleMs) {
        rmSync(lockDir, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) {
        throw new StackError(
          `timed out waiting for the lock ${lockDir}`,
          'remove it if no build runs',
        );
      }
      await sleep(250);
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

function lockAge(lockDir: string): number | undefined {
  try {
    return Date.now() - statSync(lockDir).mtimeMs;
  } catch {
    return undefined;
  }
}
