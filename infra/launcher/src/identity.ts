import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { demoWorkspace } from '@kollegia/demo';

import type { ServiceSpec } from './services';

/** A demo account `npm start` keeps in identity: who, with which roles, under which login. */
export interface DemoPerson {
  role: 'admin' | 'secretary' | 'member' | 'addressee';
  login: string;
  displayName: string;
}

const person = (key: string) => {
  const found = demoWorkspace.people.find((p) => p.key === key);
  if (!found?.email) throw new Error(`the demo workspace has no person ${key} with an e-mail`);
  return { login: found.email, displayName: found.fullName };
};

/**
 * One account per role: the association's staff of the demo workspace, and the ministry's clerk
 * (invented, as the staff are) who answers the requests to Минпромторг России.
 */
export function demoPeople(): DemoPerson[] {
  return [
    { role: 'admin', ...person('orlova') },
    { role: 'secretary', ...person('lapteva') },
    { role: 'member', ...person('sedov') },
    {
      role: 'addressee',
      login: 'clerk.minpromtorg@example.org',
      displayName: 'Исполнитель Минпромторга России (демо)',
    },
  ];
}

/** The demo's passwords and partner credentials: made once per machine, kept in the state dir. */
export interface DemoCredentials {
  passwords: Record<string, string>;
  partner: { clientId: string; clientSecret: string };
}

/**
 * Reads the demo credentials of this machine, making what is missing: random passwords and a
 * partner secret, in a file only its owner reads (`<state dir>/identity/demo-credentials.json`),
 * never in the repository. A second `npm start` finds the same ones.
 */
export function loadOrCreateDemoCredentials(dir: string, people: DemoPerson[]): DemoCredentials {
  const file = join(dir, 'demo-credentials.json');
  const stored = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as Partial<DemoCredentials>)
    : {};
  const secret = (bytes: number) => randomBytes(bytes).toString('base64url');
  const credentials: DemoCredentials = {
    passwords: Object.fromEntries(
      people.map(({ login }) => [login, stored.passwords?.[login] ?? secret(12)]),
    ),
    partner: stored.partner ?? {
      clientId: `partner-demo-${randomBytes(4).toString('hex')}`,
      clientSecret: secret(32),
    },
  };
  if (JSON.stringify(credentials) !== JSON.stringify(stored)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
  }
  return credentials;
}

/**
 * The seed identity's CLI reads (`services/identity/src/application/seed.ts`). The staff's
 * accounts are linked to their directory persons as the demo load found them (`staffIds`, by
 * login): the ids are the members service's, known only once the demo is loaded.
 */
export function demoSeed(options: {
  tenant: string;
  ministryId: string | undefined;
  staffIds?: Record<string, string> | undefined;
  people: DemoPerson[];
  credentials: DemoCredentials;
}) {
  const association = demoWorkspace.organizations.find((org) => org.key === 'association');
  return {
    tenant: { id: options.tenant, name: association?.name ?? options.tenant },
    accounts: options.people
      // The clerk speaks for the ministry as loaded: without the demo there is no clerk.
      .filter(({ role }) => role !== 'addressee' || options.ministryId)
      .map(({ role, login, displayName }) => ({
        email: login,
        displayName,
        roles: [role],
        ...(role === 'addressee' ? { organizationId: options.ministryId } : {}),
        ...(options.staffIds?.[login] ? { personId: options.staffIds[login] } : {}),
        password: options.credentials.passwords[login]!,
      })),
    partnerClients: [{ ...options.credentials.partner, name: 'Партнёрское приложение (демо)' }],
  };
}

export interface SeedResult {
  tenant: 'created' | 'found';
  accounts: { email: string; id: string; status: 'created' | 'found' }[];
  partnerClients: { clientId: string; status: 'created' | 'found' }[];
}

/**
 * Runs identity's seed CLI against its database (`node services/identity/dist/seed.js`, the
 * seed on stdin: passwords never show in a process list). Nothing of it listens on the network.
 */
export async function runIdentitySeed(
  identity: ServiceSpec,
  env: NodeJS.ProcessEnv,
  seed: object,
): Promise<SeedResult> {
  const child = spawn(process.execPath, [join(identity.main, '..', 'seed.js')], {
    env,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(JSON.stringify(seed));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', resolve);
  });
  if (code !== 0) throw new Error(stderr.trim() || `the identity seed exited with code ${code}`);
  return JSON.parse(stdout) as SeedResult;
}
