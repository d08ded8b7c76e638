import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';

import { readSettings, stopKafka, up } from '@kollegia/local-stack';
import { devAuth, loadOrCreateDevKeys, type Role } from '@kollegia/service-kit';
import {
  basicAuth,
  graphqlData,
  graphqlRequest,
  signInWithCode,
  testNamespace,
  tokenRequest,
  type GraphQLResponse,
  type TestNamespace,
  type TokenResponse,
} from '@kollegia/testing';
import { MongoClient } from 'mongodb';

/** The subgraphs, in the order they are listed to the gateway. */
export const SUBGRAPHS = ['members', 'roundtables', 'recommendations', 'requests'] as const;
export type Subgraph = (typeof SUBGRAPHS)[number];
export type ServiceName = Subgraph | 'gateway' | 'identity';
/** A process: a service's first replica by its name, the others as `name#2`, `name#3`, … */
export type Instance = ServiceName | `${ServiceName}#${number}`;

export interface SystemOptions {
  /** Processes per subgraph (default 1); the gateway talks to the first, all share one database. */
  replicas?: Partial<Record<Subgraph, number>>;
  /** Gateway processes (default 1): `gateway`, `gateway#2`, … each of its own, one database. */
  gateways?: number;
  /** Partitions of the topics the services create (default 1: one file's events in order). */
  partitions?: number;
  /** Extra settings per service (every replica of it) and for the gateway. */
  env?: Partial<Record<ServiceName, Record<string, string>>>;
}

export const TENANT = 'akit';
/** Where the web board would receive its codes: nothing listens there, the sign-in reads the redirect. */
const WEB_REDIRECT_URI = 'http://127.0.0.1:5173/callback';
/** A person's role, as an account in the identity provider holds it. */
export type PersonRole = Exclude<Role, 'partner'>;
const repoRoot = resolve(__dirname, '..');
const LOG_LINES_KEPT = 200;
const READY_TIMEOUT_MS = 90_000;
const STOP_GRACE_MS = 15_000;

interface Proc {
  name: Instance;
  service: ServiceName;
  port: number;
  env: Record<string, string>;
  child?: ChildProcess;
  exited?: Promise<void>;
  log: string[];
}

/** A port nobody listens on right now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolvePromise) => server.listen(0, '127.0.0.1', resolvePromise));
  const address = server.address();
  await new Promise<void>((resolvePromise) => server.close(() => resolvePromise()));
  if (!address || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

function inherited(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of ['PATH', 'HOME', 'TMPDIR', 'LANG']) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  return env;
}

function mainOf(name: ServiceName): string {
  const main = join(repoRoot, 'services', name, 'dist', 'main.js');
  if (!existsSync(main)) throw new Error(`${main} is missing: run npm run build first`);
  return main;
}

/**
 * The whole system as separate processes — the four subgraphs, the gateway and the identity
 * provider, built (`services/<name>/dist/main.js`) and started like `npm start` does — on free
 * ports, against the local stack the jest global setup started. Each service has its own database
 * of this test file's namespace, and all share its topic prefix, so files never see each other's
 * data or events. The gateway and services trust the dev key (`token`) and the provider
 * (`signIn`, `partnerToken`).
 */
export class System {
  private readonly procs = new Map<Instance, Proc>();
  private readonly tokens = new Map<string, Promise<string>>();
  private readonly keyDir = mkdtempSync(join(tmpdir(), 'kollegia-e2e-auth-'));
  private readonly auth = devAuth(this.keyDir);
  /** The test accounts' password, and the partner client's secret (one per system). */
  private readonly password = randomBytes(12).toString('base64url');
  private readonly partner = {
    clientId: 'partner-e2e',
    clientSecret: randomBytes(32).toString('base64url'),
  };

  private constructor(
    readonly ns: TestNamespace,
    private readonly options: SystemOptions,
  ) {}

  /** Boots every service (and its replicas) and the gateway, and waits until all are ready. */
  static async start(label: string, options: SystemOptions = {}): Promise<System> {
    const system = new System(testNamespace(label), options);
    await system.boot();
    return system;
  }

  /** A process's own GraphQL endpoint (a subgraph's, bypassing the gateway). */
  url(name: Instance): string {
    return `http://127.0.0.1:${this.proc(name).port}/graphql`;
  }

  /** The processes of a subgraph: `[name, name#2, …]`. */
  replicas(name: Subgraph): Instance[] {
    const count = this.options.replicas?.[name] ?? 1;
    return Array.from({ length: count }, (_, i): Instance => (i === 0 ? name : `${name}#${i + 1}`));
  }

  get gatewayUrl(): string {
    return this.gatewayUrlOf('gateway');
  }

  /** The GraphQL endpoint of one gateway process. */
  gatewayUrlOf(name: 'gateway' | `gateway#${number}`): string {
    return `http://127.0.0.1:${this.proc(name).port}/graphql`;
  }

  /** The identity provider's address: its issuer, and the base of its endpoints. */
  get identityUrl(): string {
    return `http://127.0.0.1:${this.proc('identity').port}`;
  }

  /** The login of the test tenant's account of a role. */
  login(role: PersonRole): string {
    return `${role}@e2e.test`;
  }

  /**
   * Makes the account of a role exist as asked (an addressee speaks for `org`; `disabled` when
   * given), through the provider's seed CLI against its database, as `npm start` seeds the demo.
   */
  async account(role: PersonRole, options: { org?: string; disabled?: boolean } = {}) {
    await this.seed({
      accounts: [
        {
          email: this.login(role),
          displayName: `Тест ${role}`,
          roles: [role],
          ...(options.org ? { organizationId: options.org } : {}),
          password: this.password,
          ...(options.disabled === undefined ? {} : { disabled: options.disabled }),
        },
      ],
    });
  }

  /** The login and password of a role's account (made first), to sign in on the provider's page. */
  async credentials(role: PersonRole): Promise<{ login: string; password: string }> {
    await this.account(role, { disabled: false });
    return { login: this.login(role), password: this.password };
  }

  /**
   * Signs the account of a role in through the provider over HTTP as the web board does
   * (authorization code + PKCE), making the account first; its access and refresh tokens.
   */
  async signIn(
    role: PersonRole,
    org?: string,
  ): Promise<{ accessToken: string; refreshToken: string }> {
    await this.account(role, { ...(org ? { org } : {}), disabled: false });
    const { status, body } = await signInWithCode(
      {
        issuerUrl: this.identityUrl,
        clientId: 'kollegia-web',
        redirectUri: WEB_REDIRECT_URI,
        scope: 'openid kollegia api',
      },
      this.login(role),
      this.password,
    );
    if (status !== 200 || !body.access_token || !body.refresh_token) {
      throw new Error(`signing in as ${role} failed: ${status} ${JSON.stringify(body)}`);
    }
    return { accessToken: body.access_token, refreshToken: body.refresh_token };
  }

  /** The web board's refresh of a sign-in: the provider's answer as it came. */
  refresh(refreshToken: string): Promise<{ status: number; body: TokenResponse }> {
    return tokenRequest(this.identityUrl, {
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      client_id: 'kollegia-web',
    });
  }

  /** A partner application's access token, by client credentials (the client made first). */
  async partnerToken(): Promise<string> {
    await this.seed({ partnerClients: [{ ...this.partner, name: 'Партнёр e2e' }] });
    const { status, body } = await tokenRequest(
      this.identityUrl,
      { grant_type: 'client_credentials', scope: 'api' },
      { authorization: basicAuth(this.partner.clientId, this.partner.clientSecret) },
    );
    if (status !== 200 || !body.access_token) {
      throw new Error(`client credentials failed: ${status} ${JSON.stringify(body)}`);
    }
    return body.access_token;
  }

  /** Runs `services/identity/dist/seed.js` for the test tenant against the provider's database. */
  private async seed(seed: { accounts?: object[]; partnerClients?: object[] }): Promise<void> {
    const child = spawn(
      process.execPath,
      [join(repoRoot, 'services', 'identity', 'dist', 'seed.js')],
      {
        cwd: repoRoot,
        env: { ...inherited(), MONGO_URL: this.ns.mongoUrl, MONGO_DB: this.database('identity') },
        stdio: ['pipe', 'ignore', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdin.end(JSON.stringify({ tenant: { id: TENANT, name: 'Ассоциация e2e' }, ...seed }));
    const code = await new Promise<number | null>((resolvePromise) =>
      child.once('exit', resolvePromise),
    );
    if (code !== 0) throw new Error(`the identity seed failed (code ${code}): ${stderr}`);
  }

  /** The database a service uses in this namespace. */
  database(name: ServiceName): string {
    return `${this.ns.dbName}_${name}`;
  }

  /** A token of the test tenant; an addressee speaks for `org`. */
  token = (role: Role, org?: string): Promise<string> => {
    const key = `${role}/${org ?? ''}`;
    let token = this.tokens.get(key);
    if (!token) {
      token = this.auth.token({
        tenant: TENANT,
        roles: [role],
        sub: `e2e-${role}`,
        ...(org ? { org } : {}),
      });
      this.tokens.set(key, token);
    }
    return token;
  };

  /**
   * The key the services trust and the issuer and audience they expect: for tests that sign
   * tokens of their own (other tenants, or tokens the services must refuse).
   */
  signing(): { privateKeyPem: string; issuer: string; audience: string } {
    const { privateKeyPem } = loadOrCreateDevKeys(this.keyDir);
    return { privateKeyPem, issuer: this.auth.issuer, audience: this.auth.audience };
  }

  /** Whether every process of the system is running (none exited or was killed). */
  running(): { name: Instance; alive: boolean }[] {
    return [...this.procs.values()].map((proc) => ({
      name: proc.name,
      alive: !!proc.child && proc.child.exitCode === null && proc.child.signalCode === null,
    }));
  }

  /** One operation through the gateway; the response as it came. */
  async gql<T = Record<string, any>>(
    query: string,
    variables: Record<string, unknown> = {},
    role: Role = 'secretary',
    org?: string,
  ): Promise<GraphQLResponse<T>> {
    return graphqlRequest<T>(this.gatewayUrl, query, variables, await this.token(role, org));
  }

  /** Like gql, but fails unless there is data and no error. */
  async data<T = Record<string, any>>(
    query: string,
    variables: Record<string, unknown> = {},
    role: Role = 'secretary',
    org?: string,
  ): Promise<T> {
    return graphqlData<T>(this.gatewayUrl, query, variables, await this.token(role, org));
  }

  /** The last lines a service wrote (pino JSON), for failure messages. */
  logs(name: Instance): string[] {
    return [...this.proc(name).log];
  }

  /** How many lines with this `msg` a service logged after a moment (its pino JSON lines). */
  loggedSince(name: Instance, msg: string, since: number): number {
    return this.logs(name)
      .flatMap((line) => {
        try {
          return [JSON.parse(line) as { msg?: string; time?: string }];
        } catch {
          return [];
        }
      })
      .filter((entry) => entry.msg === msg && Date.parse(entry.time ?? '') > since).length;
  }

  /** Sends a signal to a service and waits until its process has exited. */
  async kill(name: Instance, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const proc = this.proc(name);
    if (!proc.child || proc.child.exitCode !== null || proc.child.signalCode !== null) return;
    proc.child.kill(signal);
    await proc.exited;
  }

  /** Stops a service (SIGTERM) if it runs, starts it again on the same port and waits until ready. */
  async restart(name: Instance): Promise<void> {
    await this.stopProc(this.proc(name));
    this.spawn(this.proc(name));
    await this.waitReady(this.proc(name));
  }

  /**
   * Stops the local Kafka broker, runs `whileDown` (the services keep serving), and starts the
   * broker again, waiting until it answers. Only with the local stack (not an external broker).
   */
  async brokerOutage(whileDown: () => Promise<void>): Promise<void> {
    // The global setup exported the endpoints; the local stack's own settings are those without them.
    const { KAFKA_BROKERS: _kafka, MONGO_URL: _mongo, ...local } = process.env;
    const settings = readSettings(process.env.KOLLEGIA_STACK_EXTERNAL ? process.env : local);
    await stopKafka(settings);
    try {
      await whileDown();
    } finally {
      await up(settings);
    }
  }

  /** Stops every process (gateways first) and drops this namespace's databases. */
  async stop(): Promise<void> {
    await Promise.all(
      [...this.procs.values()]
        .filter((proc) => proc.service === 'gateway')
        .map((proc) => this.stopProc(proc)),
    );
    await Promise.all(
      [...this.procs.values()]
        .filter((proc) => proc.service !== 'gateway')
        .map((proc) => this.stopProc(proc)),
    );
    const client = await MongoClient.connect(this.ns.mongoUrl);
    try {
      for (const name of [...SUBGRAPHS, 'gateway', 'identity'] as const)
        await client.db(this.database(name)).dropDatabase();
    } finally {
      await client.close();
    }
    rmSync(this.keyDir, { recursive: true, force: true });
  }

  private proc(name: Instance): Proc {
    const proc = this.procs.get(name);
    if (!proc) throw new Error(`unknown service ${name}`);
    return proc;
  }

  private async boot(): Promise<void> {
    const identityPort = await freePort();
    const issuer = `http://127.0.0.1:${identityPort}`;
    this.procs.set('identity', {
      name: 'identity',
      service: 'identity',
      port: identityPort,
      log: [],
      env: {
        NODE_ENV: 'test',
        LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'info',
        HOST: '127.0.0.1',
        MONGO_URL: this.ns.mongoUrl,
        MONGO_DB: this.database('identity'),
        OIDC_ISSUER: issuer,
        WEB_REDIRECT_URIS: WEB_REDIRECT_URI,
        ...this.options.env?.identity,
      },
    });
    const common = {
      NODE_ENV: 'test',
      LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'info',
      HOST: '127.0.0.1',
      KAFKA_BROKERS: this.ns.kafkaBrokers.join(','),
      KAFKA_TOPIC_PREFIX: this.ns.topicPrefix,
      AUTH_DEV_PUBLIC_KEY_FILE: this.auth.publicKeyFile,
      AUTH_ISSUER: this.auth.issuer,
      AUTH_AUDIENCE: this.auth.audience,
      AUTH_TRUSTED_ISSUERS: JSON.stringify([{ issuer, jwksUrl: `${issuer}/jwks` }]),
    };
    for (const service of SUBGRAPHS) {
      for (const name of this.replicas(service)) {
        this.procs.set(name, {
          name,
          service,
          port: await freePort(),
          log: [],
          env: {
            ...common,
            MONGO_URL: this.ns.mongoUrl,
            MONGO_DB: this.database(service),
            KAFKA_TOPIC_PARTITIONS: String(this.options.partitions ?? 1),
            ...this.options.env?.[service],
          },
        });
      }
    }
    const subgraphUrls = SUBGRAPHS.map(
      (name) => `${name}=http://127.0.0.1:${this.proc(name).port}/graphql`,
    ).join(',');
    for (let index = 1; index <= (this.options.gateways ?? 1); index += 1) {
      const name: Instance = index === 1 ? 'gateway' : `gateway#${index}`;
      this.procs.set(name, {
        name,
        service: 'gateway',
        port: await freePort(),
        log: [],
        env: {
          ...common,
          SUBGRAPH_URLS: subgraphUrls,
          GATEWAY_INSTANCE: `e2e-${this.ns.id}-${index}`,
          MONGO_URL: this.ns.mongoUrl,
          MONGO_DB: this.database('gateway'),
          KAFKA_TOPIC_PARTITIONS: String(this.options.partitions ?? 1),
          ...this.options.env?.gateway,
        },
      });
    }
    const all = [...this.procs.values()];
    for (const proc of all) this.spawn(proc);
    try {
      await Promise.all(all.map((proc) => this.waitReady(proc)));
    } catch (error) {
      await this.stop().catch(() => undefined);
      throw error;
    }
  }

  private spawn(proc: Proc): void {
    // kafkajs 2.2.4 computes negative timeouts that Node 24 warns about on every connection.
    const child = spawn(
      process.execPath,
      ['--enable-source-maps', '--disable-warning=TimeoutNegativeWarning', mainOf(proc.service)],
      {
        cwd: repoRoot,
        // A clean environment: nothing of the developer's shell configures the services here.
        // Ports are free ones here: PORT + 5000 may be taken or past 65535, so metrics take any.
        env: { ...inherited(), ...proc.env, PORT: String(proc.port), METRICS_PORT: '0' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    proc.child = child;
    proc.exited = new Promise((resolvePromise) => child.once('exit', () => resolvePromise()));
    const echo = process.env.E2E_LOGS === '1';
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on('line', (line) => {
        proc.log.push(line);
        if (proc.log.length > LOG_LINES_KEPT) proc.log.shift();
        if (echo) process.stderr.write(`${proc.name.padEnd(16)} ${line}\n`);
      });
    }
  }

  private async waitReady(proc: Proc): Promise<void> {
    const deadline = Date.now() + READY_TIMEOUT_MS;
    let last = '';
    for (;;) {
      const child = proc.child;
      if (!child || child.exitCode !== null || child.signalCode !== null) {
        throw new Error(
          `${proc.name} exited (${child?.signalCode ?? `code ${child?.exitCode}`}) while starting:\n${proc.log.slice(-20).join('\n')}`,
        );
      }
      try {
        const response = await fetch(`http://127.0.0.1:${proc.port}/readyz`, {
          signal: AbortSignal.timeout(2000),
        });
        if (response.ok) return;
        last = `${response.status} ${await response.text()}`;
      } catch (error) {
        last = (error as Error).message;
      }
      if (Date.now() > deadline) {
        throw new Error(
          `${proc.name} was not ready within ${READY_TIMEOUT_MS / 1000}s (${last}):\n${proc.log.slice(-20).join('\n')}`,
        );
      }
      await sleep(200);
    }
  }

  private async stopProc(proc: Proc): Promise<void> {
    const child = proc.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
    child.kill('SIGTERM');
    await proc.exited;
    clearTimeout(timer);
  }
}
