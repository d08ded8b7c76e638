#!/usr/bin/env node
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';

import { formatSummary, loadDemo, type DemoSummary } from '@kollegia/demo';
import { assertPortFree, down, readSettings, StackError, up } from '@kollegia/local-stack';
import { devAuth, type Role } from '@kollegia/service-kit';

import {
  demoPeople,
  demoSeed,
  loadOrCreateDemoCredentials,
  runIdentitySeed,
  type DemoCredentials,
} from './identity';
import { formatLogLine } from './log-format';
import { devKeyDir, identityStateDir } from './paths';
import { discoverServices, serviceUrl, type ServiceSpec } from './services';

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

// The conferences, their round tables and what became of their recommendations (through the
// gateway); the directory when only the members subgraph runs.
const DIRECTORY_QUERY =
  '{ organizations(first: 5) { totalCount nodes { id shortName kind region } } }';
const FIRST_QUERY =
  '{ conferences(first: 5) { nodes { title startsOn city recommendationCounts { total adopted inProgress implemented } roundtables { nodes { title status } } } } }';

/**
 * Loads the demo workspace into an empty database through the gateway (DESIGN.md section 8); a
 * workspace that has data keeps it. A failure leaves the system running and says how to retry.
 */
async function loadDemoWorkspace(
  gateway: ServiceSpec,
  token: (role: Role, org?: string) => Promise<string>,
): Promise<DemoSummary | undefined> {
  if (process.env.KOLLEGIA_DEMO === 'off') return undefined;
  say('loading the demo workspace …');
  try {
    const summary = await loadDemo({
      gatewayUrl: `http://127.0.0.1:${gateway.port}/graphql`,
      token,
      log: (line) => say(`demo: ${line}`),
    });
    say(
      summary.status === 'loaded'
        ? `demo workspace loaded in ${(summary.durationMs / 1000).toFixed(1)}s`
        : 'demo workspace: the database has data already; nothing loaded (npm run demo:reset starts over)',
    );
    return summary;
  } catch (error) {
    say(
      `the demo workspace did not load: ${(error as Error).message}. The services keep running; npm run demo:reset empties the databases and tries again.`,
    );
    return undefined;
  }
}

/**
 * Makes the demo workspace's people accounts in the identity provider (one per role; the ministry's
 * clerk speaks for Минпромторг России as loaded, the staff are linked to their directory persons
 * as loaded) and a partner client, with this machine's demo credentials; a second start finds
 * them. A failure leaves the system running and says so.
 */
async function seedDemoPeople(
  identity: ServiceSpec,
  env: NodeJS.ProcessEnv,
  landmarks: DemoSummary['landmarks'] | undefined,
): Promise<DemoCredentials | undefined> {
  const people = demoPeople();
  const credentials = loadOrCreateDemoCredentials(identityStateDir(), people);
  try {
    const result = await runIdentitySeed(
      identity,
      env,
      demoSeed({
        tenant: TENANT,
        ministryId: landmarks?.ministryId,
        staffIds: landmarks?.staffIds,
        people,
        credentials,
      }),
    );
    const created = result.accounts.filter((account) => account.status === 'created').length;
    say(
      `identity: ${result.accounts.length} demo accounts and a partner client (${created ? `${created} created` : 'all there already'})`,
    );
    return credentials;
  } catch (error) {
    say(
      `the demo accounts were not made in identity: ${(error as Error).message}. The services keep running; npm run token gives tokens meanwhile.`,
    );
    return undefined;
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
  const services = discoverServices();
  // A port taken (most often by another npm start still running) would make a service die at once
  // while the other one's answers looked like readiness: refuse before starting anything.
  for (const service of services)
    await assertPortFree(
      service.port,
      service.name,
      `the "kollegia.port" of services/${service.name}`,
    );
  const settings = readSettings();
  const endpoints = await up(settings, say);
  const auth = devAuth(devKeyDir());
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
      say('stopped the services, Kafka, the database and the mail catcher');
    } else {
      say('stopped the services (the stack was already running and keeps running)');
    }
  };
  const stopped = new Promise<void>((resolvePromise) => {
    const onSignal = () => void stopAll().then(resolvePromise);
    // `on`: a second Ctrl-C must not kill the launcher before its children are stopped (stopAll
    // runs once).
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });

  // The identity provider, when built: the gateway and services trust its tokens besides the dev
  // key's (npm run token), and it names itself by the address it is reached at.
  const identity = services.find((s) => s.name === 'identity');
  const identityUrl = identity ? serviceUrl(identity) : undefined;
  // The web board, when built: the provider sends its sign-ins back there, and the gateway takes
  // its browser's requests and WebSocket (an origin it allows).
  const web = services.find((s) => s.name === 'web');
  const webUrl = web ? serviceUrl(web) : undefined;
  const env = {
    NODE_ENV: 'development',
    KAFKA_BROKERS: endpoints.kafkaBrokers.join(','),
    MONGO_URL: endpoints.mongoUrl,
    AUTH_DEV_PUBLIC_KEY_FILE: auth.publicKeyFile,
    AUTH_ISSUER: auth.issuer,
    AUTH_AUDIENCE: auth.audience,
    ...(identityUrl
      ? {
          AUTH_TRUSTED_ISSUERS: JSON.stringify([
            { issuer: identityUrl, jwksUrl: `${identityUrl}/jwks` },
          ]),
          OIDC_ISSUER: identityUrl,
          WEB_OIDC_ISSUER: identityUrl,
        }
      : {}),
    ...(webUrl
      ? {
          WEB_REDIRECT_URIS: `${webUrl}/callback`,
          WEB_POST_LOGOUT_REDIRECT_URIS: `${webUrl}/`,
          ALLOWED_ORIGINS: webUrl,
        }
      : {}),
  };
  try {
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

  const token = (role: Role, org?: string) =>
    auth.token({ tenant: TENANT, roles: [role], sub: `demo-${role}`, ...(org ? { org } : {}) });
  // The gateway is the one endpoint clients use; the subgraphs are listed for debugging.
  const gateway = services.find((s) => s.name === 'gateway');
  const demo = gateway ? await loadDemoWorkspace(gateway, token) : undefined;
  const demoCredentials = identity
    ? await seedDemoPeople(identity, { ...process.env, ...env }, demo?.landmarks)
    : undefined;

  const tokens: [string, string][] = [];
  for (const role of ['admin', 'secretary', 'member', 'partner'] as Role[]) {
    tokens.push([role, await token(role)]);
  }
  const ministryId = demo?.landmarks.ministryId;
  if (ministryId) tokens.push(['addressee', await token('addressee', ministryId)]);
  const first = gateway ?? services.find((s) => s.graphql);
  const url = first ? serviceUrl(first) : '';
  const upcoming = demo?.landmarks.upcomingRoundtable;
  const tokenOf = (role: string) => tokens.find(([name]) => name === role)?.[1] ?? '';
  const firstQuery = gateway ? FIRST_QUERY : DIRECTORY_QUERY;
  process.stdout.write(`
Kollegia is ready in ${((Date.now() - started) / 1000).toFixed(1)}s (tenant "${TENANT}").
${services.map((s) => `  ${s.name.padEnd(16)} ${serviceUrl(s)}`).join('\n') || '  (no services are built yet: only Kafka and the database run)'}
  Kafka ${endpoints.kafkaBrokers.join(',')}   MongoDB ${endpoints.mongoUrl}${endpoints.mail ? `\n  Mail ${endpoints.mail.smtpUrl}: what is sent there is caught, not delivered; read it at ${endpoints.mail.webUrl}` : ''}
${demo ? `\nDemo workspace: ${formatSummary(demo)}.\n` : ''}${webUrl ? `\nThe web board: open ${webUrl} and sign in (below).\n` : ''}${identityUrl && demoCredentials ? signInHelp(identityUrl, demoCredentials, ministryId) : ''}
Tokens (12 h; more with: npm run token -- --tenant ${TENANT} --role member):
${tokens.map(([role, value]) => `  ${role.padEnd(10)} ${value}`).join('\n')}${ministryId ? `\n  (addressee speaks for Минпромторг России, org ${ministryId})` : ''}
${
  first
    ? `
A first query (${first.name}):
  curl -s ${url} -H 'content-type: application/json' \\
    -H "authorization: Bearer ${tokenOf('admin')}" \\
    -d '{"query":"${firstQuery}"}'
`
    : ''
}${
    gateway && upcoming
      ? `
A first subscription: the working group's sitting, live (server-sent events; graphql-ws works too):
  curl -sN ${url} -H 'accept: text/event-stream' -H 'content-type: application/json' \\
    -H "authorization: Bearer ${tokenOf('member')}" \\
    -d '{"query":"subscription { roundtableLive(roundtableId: \\"${upcoming.id}\\") { type cursor roundtable { title status } } }"}'
and, in another terminal, start the sitting as the secretary:
  curl -s ${url} -H 'content-type: application/json' \\
    -H "authorization: Bearer ${tokenOf('secretary')}" \\
    -d '{"query":"mutation { startRoundtable(id: \\"${upcoming.id}\\", expectedVersion: ${upcoming.version}) { status version } }"}'
`
      : ''
  }
Ctrl-C stops everything this command started.
`);
  await stopped;
  return 0;
}

/** How to sign in: the provider, the demo logins with this machine's passwords, the partner app. */
function signInHelp(
  identityUrl: string,
  credentials: DemoCredentials,
  ministryId: string | undefined,
): string {
  const people = demoPeople().filter(({ role }) => role !== 'addressee' || ministryId);
  const { clientId, clientSecret } = credentials.partner;
  return `
Sign in at the OpenID Connect provider ${identityUrl} (demo accounts only: the passwords were made
for this machine and are kept in ${identityStateDir()}/demo-credentials.json):
${people.map(({ role, login }) => `  ${role.padEnd(10)} ${login.padEnd(32)} ${credentials.passwords[login]}`).join('\n')}${ministryId ? '\n  (addressee: the clerk of Минпромторг России)' : ''}
Partner application (client credentials, published material only):
  client_id ${clientId}   client_secret ${clientSecret}
  curl -s ${identityUrl}/token -u '${clientId}:${clientSecret}' -d grant_type=client_credentials -d scope=api
`;
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
