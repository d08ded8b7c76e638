import { spawn } from 'node:child_process';
import {
  closeSync,
  existsSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createConnection } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

import { StackError } from './settings';

/** A long-running process of the stack, tracked by a pid file so any later command can stop it. */
export interface ManagedProcess {
  name: string;
  pidFile: string;
  logFile: string;
}

export function readPid(proc: ManagedProcess): number | undefined {
  if (!existsSync(proc.pidFile)) return undefined;
  const pid = Number(readFileSync(proc.pidFile, 'utf8').trim());
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function runningPid(proc: ManagedProcess): number | undefined {
  const pid = readPid(proc);
  if (pid !== undefined && isAlive(pid)) return pid;
  return undefined;
}

/** True when something accepts TCP connections on 127.0.0.1:port. */
export function portAnswers(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolvePromise) => {
    const socket = createConnection({ port, host });
    socket.setTimeout(1000);
    socket.once('connect', () => {
      socket.destroy();
      resolvePromise(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolvePromise(false);
    });
    socket.once('error', () => resolvePromise(false));
  });
}

export async function assertPortFree(port: number, what: string, variable: string): Promise<void> {
  if (await portAnswers(port)) {
    throw new StackError(
      `port ${port} (${what}) is already taken by another program`,
      `stop it, or choose another port with ${variable}`,
    );
  }
}

/** Logs are appended to across starts; past this size the old one becomes `<log>.1` (one kept). */
const LOG_ROTATE_BYTES = 16 * 1024 * 1024;

function rotateLog(file: string): void {
  if (logSize(file) > LOG_ROTATE_BYTES) renameSync(file, `${file}.1`);
}

/**
 * Starts a process detached from this one (so the stack outlives `npm run infra:up`), its output
 * going to a log file, and records its pid.
 */
export function startDetached(
  proc: ManagedProcess,
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): number {
  rotateLog(proc.logFile);
  const fd = openSync(proc.logFile, 'a');
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', fd, fd],
    detached: true,
  });
  closeSync(fd);
  if (child.pid === undefined) throw new StackError(`${proc.name} could not be started`);
  child.unref();
  writeFileSync(proc.pidFile, String(child.pid));
  return child.pid;
}

/** Stops a process: SIGTERM, then SIGKILL when it has not exited after `graceMs`. */
export async function stopProcess(proc: ManagedProcess, graceMs = 15_000): Promise<boolean> {
  const pid = runningPid(proc);
  if (pid === undefined) {
    rmSync(proc.pidFile, { force: true });
    return false;
  }
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (isAlive(pid) && Date.now() < deadline) await sleep(100);
  if (isAlive(pid)) {
    process.kill(pid, 'SIGKILL');
    while (isAlive(pid)) await sleep(50);
  }
  rmSync(proc.pidFile, { force: true });
  return true;
}

function logSize(file: string): number {
  return existsSync(file) ? statSync(file).size : 0;
}

/**
 * Polls `probe` until it succeeds. Fails early when the process has exited, and fails at the deadline
 * with the last probe error; both include the tail of the process's log. With `whileLogGrowsMs`,
 * the deadline moves on whenever the process's log has grown (it is working, e.g. loading data), up
 * to that many milliseconds in all.
 */
export async function waitUntilReady(
  proc: ManagedProcess,
  probe: () => Promise<void>,
  {
    timeoutMs,
    whileLogGrowsMs = 0,
    tail,
  }: { timeoutMs: number; whileLogGrowsMs?: number; tail: (file: string) => string },
): Promise<void> {
  const started = Date.now();
  let deadline = started + timeoutMs;
  let size = logSize(proc.logFile);
  let lastError: unknown;
  for (;;) {
    const pid = readPid(proc);
    if (pid === undefined || !isAlive(pid)) {
      throw new StackError(
        `${proc.name} exited while starting; last lines of ${proc.logFile}:\n${tail(proc.logFile)}`,
      );
    }
    try {
      await probe();
      return;
    } catch (error) {
      lastError = error;
    }
    const grown = logSize(proc.logFile);
    if (grown !== size) {
      size = grown;
      deadline = Math.max(deadline, Math.min(Date.now() + timeoutMs, started + whileLogGrowsMs));
    }
    if (Date.now() > deadline) {
      const reason = lastError instanceof Error ? lastError.message : String(lastError);
      throw new StackError(
        `${proc.name} did not become ready in ${((Date.now() - started) / 1000).toFixed(0)}s (${reason}); last lines of ${proc.logFile}:\n${tail(proc.logFile)}`,
      );
    }
    await sleep(250);
  }
}
