import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { type SupergraphFiles } from './compose';
import { outputFiles, type OutputFile } from './paths';

/** The committed outputs in `dir` that differ from a fresh composition (a missing one counts). */
export async function findStaleFiles(dir: string, fresh: SupergraphFiles): Promise<OutputFile[]> {
  const stale: OutputFile[] = [];
  for (const file of outputFiles) {
    const committed = await readFile(path.join(dir, file), 'utf8').catch(
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return undefined;
        throw error;
      },
    );
    if (committed !== fresh[file]) stale.push(file);
  }
  return stale;
}
