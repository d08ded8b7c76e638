#!/usr/bin/env node
import { join } from 'node:path';

import { down, readSettings, StackError, status, up } from '@kollegia/local-stack';
import { devAuth, type Role } from '@kollegia/service-kit';

import { DemoLoadError, loadDemo } from './load';
import { resetDemoData } from './reset';
import { formatSummary } from './summary';

const USAGE = `usage: npm run demo:load     loads the demo workspace into the running system (if it is empty)
       npm run demo:reset    empties the services' databases, then loads the demo again if the system runs

Environment: KOLLEGIA_GATEWAY_URL (default http://127.0.0.1:4000/graphql), KOLLEGIA_TENANT (default akit).`;

const gatewayUrl = process.env.KOLLEGIA_GATEWAY_URL ?? 'http://127.0.0.1:4000/graphql';
const tenant = process.env.KOLLEGIA_TENANT ?? 'akit';

function say(line: string): void {
  process.stdout.write(`[demo] ${line}\n`);
}

/** The stack's settings for the local stack itself, whatever KAFKA_BROKERS/MONGO_URL say. */
function localSettings() {
  const { KAFKA_BROKERS: _k, MONGO_URL: _m, ...local } = process.env;
  return readSettings(local);
}

/** Tokens signed with the dev key `npm start` gives the services (see infra/launcher). */
function tokens() {
  const auth = devAuth(join(localSettings().stateDir, 'auth'));
  return (role: Role, org?: string) =>
    auth.token({ tenant, roles: [role], sub: `demo-loader-${role}`, ...(org ? { org } : {}) });
}

/** Is the gateway up and are its subgraphs ready? */
async function systemRuns(): Promise<boolean> {
  try {
    const response = await fetch(new URL('/readyz', gatewayUrl), {
      signal: AbortSignal.timeout(3000),
    });
    return response.ok;
  } catch {
    return false;
  }
}

async function load(): Promise<number> {
  if (!(await systemRuns())) {
    say(`the system does not answer at ${gatewayUrl}: start it with npm start (it loads the demo)`);
    return 1;
  }
  const summary = await loadDemo({ gatewayUrl, token: tokens(), log: say });
  say(
    summary.status === 'loaded'
      ? `loaded in ${(summary.durationMs / 1000).toFixed(1)} s: ${formatSummary(summary)}`
      : `already there: ${formatSummary(summary)}`,
  );
  return 0;
}

async function reset(): Promise<number> {
  const running = await systemRuns();
  const settings = readSettings();
  // Without the services, the database may be down too: start the stack for the reset only.
  let startedStack = false;
  let mongoUrl = settings.external?.mongoUrl;
  if (!mongoUrl) {
    const database = (await status(settings)).find((component) => component.name === 'MongoDB');
    if (!database?.answers) {
      say('the database is not running: starting the local stack for the reset');
      const endpoints = await up(settings);
      startedStack = endpoints.started;
      mongoUrl = endpoints.mongoUrl;
    } else {
      mongoUrl = database.endpoint;
    }
  }
  try {
    const results = await resetDemoData({ mongoUrl, servicesRunning: running });
    for (const { database, documents } of results) {
      say(`${running ? 'emptied' : 'dropped'} ${database} (${documents} documents)`);
    }
  } finally {
    if (startedStack) await down(localSettings());
  }
  if (!running) {
    say('the system is not running: npm start loads the demo into the empty databases');
    return 0;
  }
  return load();
}

async function main(): Promise<number> {
  const command = process.argv[2];
  if (command === 'load') return load();
  if (command === 'reset') return reset();
  process.stdout.write(`${USAGE}\n`);
  return command === undefined || command === '--help' || command === '-h' ? 0 : 2;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof DemoLoadError || error instanceof StackError) {
      process.stderr.write(`${error.message}\n`);
      if (error instanceof StackError && error.hint) process.stderr.write(`hint: ${error.hint}\n`);
    } else {
      process.stderr.write(`${String((error as Error).stack ?? error)}\n`);
    }
    process.exit(1);
  },
);
