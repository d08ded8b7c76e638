#!/usr/bin/env node
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';

import { down, readSettings, StackError, up } from '@kollegia/local-stack';
import { devAuth, type Role } from '@kollegia/service-kit';

import { formatLogLine } from './log-format';
import { devKeyDir } from './paths';
import { discoverServices, type ServiceSpec } from './services';

const TENANT = process.env.KOLLEGIA_TENANT ?? 'akit';
const color = process.stdout.isTTY;

function say(line: string): void {
  process.stdout.write(
    `${formatLogLine('start', JSON.stringify({ level: 30, time: new Date().toISOString(), msg: line }), color)}\n`,
  );
}

function run(service: ServiceSpec, env: NodeJS.ProcessEnv): ChildProcess {
  const child = // kafkajs 2.2.4 computes negative timeouts that Node 24 warns about on every connection.
    spawn(
      process.execPath,
      ['--enable-source-maps', '--disable-warning=TimeoutNegativeWarning', service.main],
      {
        env: { ...process.env, ...env, PORT: String(service.port) },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue;
    createInterface({ input: stream }).on('line', (line) => {
      process.stdout.write(`${formatLogLine(service.name, line, color)}\n`);
    });
  }
  return child;
}

async function waitReady(
  service: ServiceSpec,
  child: ChildProcess,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`${service.name} exited (code ${child.exitCode}) while starting`);
    try {
      const response = await fetch(`http://127.0.0.1:${service.port}/readyz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline)
      throw new Error(`${service.name} was not ready within ${timeoutMs / 1000}s`);
    await sleep(200);
  }
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolvePromise) => child.once('exit', () => resolvePromise()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

async function main(): Promise<number> {
  const started = Date.now();
  const settings = readSettings();
  const endpoints = await up(settings, say);
  const auth = devAuth(devKeyDir());
  const services = discoverServices();
  const children: ChildProcess[] = [];
  let stopping = false;

  const stopAll = async () => {
    if (stopping) return;
    stopping = true;
    say('stopping …');
    await Promise.all(children.map(stopChild));
    if (endpoints.started) {
      const { KAFKA_BROKERS: _k, MONGO_URL: _m, ...local } = process.env;
      await down(readSettings(local));
      say('stopped the services, Kafka and FerretDB');
    } else {
      say('stopped the services (the stack was already running and keeps running)');
    }
  };
  const stopped = new Promise<void>((resolvePromise) => {
    const onSignal = () => void stopAll().then(resolvePromise);
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  });

  try {
    const env = {
      NODE_ENV: 'development',
      KAFKA_BROKERS: endpoints.kafkaBrokers.join(','),
      MONGO_URL: endpoints.mongoUrl,
      AUTH_DEV_PUBLIC_KEY_FILE: auth.publicKeyFile,
      AUTH_ISSUER: auth.issuer,
      AUTH_AUDIENCE: auth.audience,
    };
    for (const service of services) {
      const child = run(service, env);
      children.push(child);
      child.once('exit', (code, signal) => {
        if (!stopping)
          say(`${service.name} exited (${signal ?? `code ${code}`}); Ctrl-C to stop the rest`);
      });
    }
    await Promise.all(services.map((service, i) => waitReady(service, children[i]!)));
  } catch (error) {
    say(error instanceof Error ? error.message : String(error));
    await stopAll();
    return 1;
  }

  const tokens: [Role, string][] = [];
  for (const role of ['admin', 'secretary', 'member', 'partner'] as Role[]) {
    tokens.push([role, await auth.token({ tenant: TENANT, roles: [role], sub: `demo-${role}` })]);
  }
  // The gateway is the one endpoint clients use; the subgraphs are listed for debugging.
  const first = services.find((s) => s.name === 'gateway') ?? services[0];
  process.stdout.write(`
Kollegia is ready in ${((Date.now() - started) / 1000).toFixed(1)}s (tenant "${TENANT}").
${services.map((s) => `  ${s.name.padEnd(16)} http://127.0.0.1:${s.port}/graphql`).join('\n') || '  (no services are built yet: only Kafka and FerretDB run)'}
  Kafka ${endpoints.kafkaBrokers.join(',')}   MongoDB ${endpoints.mongoUrl}

Tokens (12 h; more with: npm run token -- --tenant ${TENANT} --role member):
${tokens.map(([role, token]) => `  ${role.padEnd(10)} ${token}`).join('\n')}
${
  first
    ? `
A first query (${first.name}):
  curl -s http://127.0.0.1:${first.port}/graphql -H 'content-type: application/json' \\
    -H "authorization: Bearer ${tokens[0]?.[1] ?? ''}" \\
    -d '{"query":"{ organizations(first: 5) { totalCount nodes { id shortName kind region } } }"}'
`
    : ''
}
Ctrl-C stops everything this command started.
`);
  await stopped;
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `${error instanceof StackError ? error.message : String((error as Error).stack ?? error)}\n`,
    );
    if (error instanceof StackError && error.hint) process.stderr.write(`hint: ${error.hint}\n`);
    process.exit(1);
  },
);
