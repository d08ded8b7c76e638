#!/usr/bin/env node
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

import { backupDatabases, withoutCredentials } from './backup/backup';
import { BackupError } from './backup/manifest';
import { replayConsumerGroups } from './backup/replay';
import { restoreBackup } from './backup/restore';
import { kafkaBrokers } from './kafka';
import { mongoUrl } from './mongo';
import { readSettings } from './settings';

const USAGE = `usage: npm run backup -- <dir> [--db <name>]...
       npm run restore -- <dir> [--db <name>]... [--force]
       npm run replay -- <time> --group <id>...

  backup   writes every kollegia_* database (or each --db) to <dir>, a new or empty directory
  restore  loads a backup's databases (or each --db); refuses databases that hold documents
           unless --force, which drops and replaces them
  replay   moves stopped consumer groups back to the first event at or after <time> (ISO 8601),
           so a service whose database alone was restored reads again what followed its backup

The database is MONGO_URL, Kafka is KAFKA_BROKERS, or the local stack's (npm run infra:up).
See docs/operations.md, "Back up and restore".`;

function say(line: string): void {
  process.stdout.write(`[backup] ${line}\n`);
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      db: { type: 'string', multiple: true },
      group: { type: 'string', multiple: true },
      force: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, dir, ...extra] = positionals;
  const known = ['backup', 'restore', 'replay'];
  if (values.help || !dir || extra.length > 0 || !command || !known.includes(command)) {
    process.stderr.write(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  const misplaced = [
    values.force && command !== 'restore' && '--force',
    values.db && command === 'replay' && '--db',
    values.group && command !== 'replay' && '--group',
  ].filter(Boolean);
  if (misplaced.length > 0) {
    process.stderr.write(`${misplaced.join(', ')} not for ${command}\n${USAGE}\n`);
    return 2;
  }
  // The local stack's unless MONGO_URL / KAFKA_BROKERS name others (each command needs one of them).
  const local = readSettings({ ...process.env, KAFKA_BROKERS: '', MONGO_URL: '' });
  const started = Date.now();
  const seconds = () => ((Date.now() - started) / 1000).toFixed(1);
  if (command === 'replay') {
    const since = new Date(dir);
    if (Number.isNaN(since.getTime()) || !values.group) {
      process.stderr.write(`replay needs an ISO 8601 time and at least one --group\n${USAGE}\n`);
      return 2;
    }
    const brokers = process.env.KAFKA_BROKERS?.trim();
    const moves = await replayConsumerGroups({
      kafkaBrokers: brokers ? brokers.split(',').map((b) => b.trim()) : kafkaBrokers(local),
      groups: values.group,
      since,
      log: say,
    });
    say(`moved ${moves.length} topic positions back to ${since.toISOString()}`);
    return 0;
  }
  const url = process.env.MONGO_URL?.trim() || mongoUrl(local);
  const target = resolve(dir);
  if (command === 'backup') {
    say(`backing up ${withoutCredentials(url)} to ${target}`);
    const manifest = await backupDatabases({
      mongoUrl: url,
      dir: target,
      databases: values.db,
      log: say,
    });
    say(
      `done in ${seconds()} s: ${manifest.databases.map((db) => db.name).join(', ')}; started ${manifest.startedAt}`,
    );
    return 0;
  }
  say(`restoring ${target} into ${withoutCredentials(url)}`);
  const manifest = await restoreBackup({
    mongoUrl: url,
    dir: target,
    databases: values.db,
    force: values.force,
    log: say,
  });
  say(
    `done in ${seconds()} s. The backup started at ${manifest.startedAt}; before starting the services read "After a restore" in docs/operations.md`,
  );
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (
      error instanceof BackupError ||
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    ) {
      process.stderr.write(`[backup] ${(error as Error).message}\n`);
    } else {
      process.stderr.write(
        `[backup] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
    }
    process.exit(1);
  },
);
