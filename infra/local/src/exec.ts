import { spawn, spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync, existsSync } from 'node:fs';

import { StackError } from './settings';

/** Fails with a clear message when a tool the build needs is not on PATH. */
export function requireTool(tool: string, versionArgs: string[], purpose: string): void {
  const result = spawnSync(tool, versionArgs, { stdio: 'ignore' });
  if (result.error || result.status !== 0) {
    throw new StackError(
      `\`${tool}\` was not found on PATH; it is needed to ${purpose}`,
      `install ${tool} (see README: "What the machine needs")`,
    );
  }
}

/** The last lines of a log file, for error messages. */
export function tail(file: string, lines = 25): string {
  if (!existsSync(file)) return '(no log)';
  const text = readFileSync(file, 'utf8').trimEnd().split('\n');
  return text.slice(-lines).join('\n');
}

/** Runs a command to completion with its output appended to a log file; rejects with the log's tail. */
export function runLogged(
  command: string,
  args: string[],
  options: { cwd: string; log: string; env?: NodeJS.ProcessEnv; what: string },
): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const fd = openSync(options.log, 'a');
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', fd, fd],
    });
    child.on('error', (error) => {
      closeSync(fd);
      reject(new StackError(`${options.what} could not start: ${error.message}`));
    });
    child.on('exit', (code, signal) => {
      closeSync(fd);
      if (code === 0) return resolvePromise();
      reject(
        new StackError(
          `${options.what} failed (${signal ?? `exit ${code}`}); last lines of ${options.log}:\n${tail(options.log)}`,
        ),
      );
    });
  });
}
