import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { tail } from './exec';
import { probeMail } from './probes';
import {
  assertPortFree,
  runningPid,
  startDetached,
  waitUntilReady,
  type ManagedProcess,
} from './process';
import { StackError, type StackSettings } from './settings';

/** Where the local stack's mail is sent and read. */
export interface MailEndpoints {
  /** What a sender is given (SMTP, no TLS, no login: loopback only). */
  smtpUrl: string;
  /** MailDev's web page, where a person reads what was sent; its REST API is under `api/`. */
  webUrl: string;
}

export function mailProcess(settings: StackSettings): ManagedProcess {
  return {
    name: 'mail catcher',
    pidFile: join(settings.stateDir, 'mail.pid'),
    logFile: join(settings.stateDir, 'logs', 'mail.log'),
  };
}

export function mailEndpoints(settings: StackSettings): MailEndpoints {
  return {
    smtpUrl: `smtp://127.0.0.1:${settings.smtpPort}`,
    webUrl: `http://127.0.0.1:${settings.mailWebPort}/`,
  };
}

/**
 * Where Node's lookup from here finds a package. MailDev exports only its ESM entry, so neither its
 * manifest nor its bin can be `require.resolve`d; the folders Node would search are searched instead.
 */
function installedPackageDir(name: string): string {
  for (const dir of require.resolve.paths(name) ?? []) {
    if (existsSync(join(dir, name, 'package.json'))) return join(dir, name);
  }
  throw new StackError(`${name} is not installed`, 'run npm install');
}

/** Each message is a .eml file here, so mail outlives a restart of the stack. */
export const MAIL_DIR = 'mail';

/** How many messages the catcher keeps. */
export const MAX_CAUGHT_MAILS = 5000;

/**
 * Starts MailDev (a real SMTP server that keeps what it receives and shows it on a web page, from
 * the npm registry) on loopback, with this Node, and waits until both its ports answer. Mail sent
 * locally is caught here and goes nowhere else (no relay).
 */
export async function startMail(settings: StackSettings): Promise<void> {
  const proc = mailProcess(settings);
  const endpoints = mailEndpoints(settings);
  const probe = () => probeMail(settings.smtpPort, endpoints.webUrl);
  if (runningPid(proc) !== undefined) {
    await waitUntilReady(proc, probe, { timeoutMs: 15_000, tail });
    return;
  }
  await assertPortFree(settings.smtpPort, 'the mail catcher (SMTP)', 'KOLLEGIA_SMTP_PORT');
  await assertPortFree(settings.mailWebPort, 'the mail catcher (web)', 'KOLLEGIA_MAIL_WEB_PORT');
  const mailDir = join(settings.stateDir, MAIL_DIR);
  mkdirSync(mailDir, { recursive: true });
  mkdirSync(join(settings.stateDir, 'logs'), { recursive: true });
  const bin = join(installedPackageDir('maildev'), 'dist/bin/maildev.js');
  startDetached(
    proc,
    process.execPath,
    [
      bin,
      '--ip',
      '127.0.0.1',
      '--smtp',
      String(settings.smtpPort),
      '--web-ip',
      '127.0.0.1',
      '--web',
      String(settings.mailWebPort),
      '--mail-directory',
      mailDir,
      // The newest messages are kept, the oldest discarded with their files: a catcher, not an
      // archive, and test runs add to it.
      '--max-emails',
      String(MAX_CAUGHT_MAILS),
    ],
    { cwd: settings.stateDir },
  );
  await waitUntilReady(proc, probe, { timeoutMs: 30_000, tail });
}
