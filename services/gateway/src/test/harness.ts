import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createApp as createMembers, membersConfigSchema } from '@kollegia/members';
import {
  createApp as createRecommendations,
  recommendationsConfigSchema,
} from '@kollegia/recommendations';
import { createApp as createRequests, requestsConfigSchema } from '@kollegia/requests';
import { createApp as createRoundtables, roundtablesConfigSchema } from '@kollegia/roundtables';
import { devAuth, type Role } from '@kollegia/service-kit';
import {
  dropDatabase,
  graphqlRequest,
  waitForDirectory,
  startService,
  testNamespace,
  testTokens,
  TEST_TENANT,
  type GraphQLResponse,
  type TestableApp,
} from '@kollegia/testing';

import { createGateway, type Gateway } from '../app';
import { gatewayConfigSchema } from '../config';
import { gatewayCredential } from '../subgraph-credential';

export const TENANT = TEST_TENANT;

/** A pass-through proxy in front of a subgraph that counts the requests reaching it. */
async function countingProxy(
  target: string,
): Promise<{ url: string; count: () => number; close: () => Promise<void> }> {
  const upstream = new URL(target);
  let requests = 0;
  const server: Server = createServer((req, res) => {
    if (req.url?.startsWith('/graphql')) requests += 1;
    const forward = httpRequest(
      {
        host: upstream.hostname,
        port: upstream.port,
        path: req.url,
        method: req.method,
        headers: req.headers,
      },
      (upstreamResponse) => {
        res.writeHead(upstreamResponse.statusCode ?? 502, upstreamResponse.headers);
        upstreamResponse.pipe(res);
      },
    );
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    count: () => requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * The four subgraphs and the gateway in-process, against the real stack, in their own databases
 * and topics; each subgraph behind a proxy that counts the calls reaching it.
 */
export async function startGateway(
  label: string,
  overrides: Record<string, string> = {},
  /** Settings of all four subgraphs besides the harness's own. */
  subgraphSettings: Record<string, string> = {},
) {
  const ns = testNamespace(label);
  const auth = devAuth(mkdtempSync(join(tmpdir(), 'kollegia-auth-')));
  // The subgraphs answer only the gateway, as in production.
  const gatewaySecret = randomBytes(32).toString('hex');
  // Each subgraph in a database of its own: `<ns>_mem`, … (none is a prefix of another, which
  // the embedded engine needs, docs/adr/0009).
  const subgraph = <TApp extends TestableApp>(
    suffix: string,
    create: (settings: Record<string, string>) => Promise<TApp>,
  ) =>
    startService({
      ns,
      auth,
      dbName: `${ns.dbName}_${suffix}`,
      env: { GATEWAY_SECRET: gatewaySecret, ...subgraphSettings },
      create,
    });
  const services = {
    members: await subgraph('mem', (s) => createMembers(membersConfigSchema.parse(s))),
    roundtables: await subgraph('rt', (s) => createRoundtables(roundtablesConfigSchema.parse(s))),
    recommendations: await subgraph('rec', (s) =>
      createRecommendations(recommendationsConfigSchema.parse(s)),
    ),
    requests: await subgraph('req', (s) => createRequests(requestsConfigSchema.parse(s))),
  };
  const proxies = {
    members: await countingProxy(services.members.app.url),
    roundtables: await countingProxy(services.roundtables.app.url),
    recommendations: await countingProxy(services.recommendations.app.url),
    requests: await countingProxy(services.requests.app.url),
  };
  const gatewayDb = `${ns.dbName}_gw`;
  const startInstance = (settings: Record<string, string>) =>
    createGateway(
      gatewayConfigSchema.parse({
        NODE_ENV: 'test',
        LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
        PORT: '0',
        MONGO_URL: ns.mongoUrl,
        MONGO_DB: gatewayDb,
        KAFKA_BROKERS: ns.kafkaBrokers.join(','),
        KAFKA_TOPIC_PREFIX: ns.topicPrefix,
        AUTH_DEV_PUBLIC_KEY_FILE: auth.publicKeyFile,
        GATEWAY_SECRET: gatewaySecret,
        SUBGRAPH_URLS: Object.entries(proxies)
          .map(([name, proxy]) => `${name}=${proxy.url}`)
          .join(','),
        ...settings,
      }),
    );
  const gateway: Gateway = await startInstance(overrides);
  const replicas: Gateway[] = [];
  const token = testTokens(auth);
  return {
    ns,
    auth,
    gateway,
    members: services.members.app,
    roundtables: services.roundtables.app,
    recommendations: services.recommendations.app,
    requests: services.requests.app,
    /**
     * Waits until the subgraphs that keep members' directory know these members (just registered
     * in members): references to members are checked against it when written.
     */
    directoriesKnow: (refs: { kind: 'ORGANIZATION' | 'PERSON'; id: string }[], tenant = TENANT) =>
      waitForDirectory(
        [services.roundtables.app, services.recommendations.app, services.requests.app],
        refs.map((ref) => ({ ...ref, tenant })),
      ),
    /** The headers of a call from the gateway: without them a subgraph answers 403. */
    asGateway: gatewayCredential(gatewaySecret),
    membersCalls: proxies.members.count,
    roundtablesCalls: proxies.roundtables.count,
    /** Calls that reached each subgraph so far. */
    calls: () =>
      Object.fromEntries(Object.entries(proxies).map(([name, proxy]) => [name, proxy.count()])),
    token,
    async gql<T = Record<string, any>>(
      query: string,
      variables: Record<string, unknown> = {},
      role: Role = 'secretary',
      tenant = TENANT,
      org?: string,
    ): Promise<GraphQLResponse<T>> {
      return graphqlRequest<T>(gateway.url, query, variables, await token(role, tenant, org));
    },
    /** Another gateway replica: the same subgraphs, database and settings (and `more`). */
    async replica(more: Record<string, string> = {}): Promise<Gateway> {
      const replica = await startInstance({ ...overrides, ...more });
      replicas.push(replica);
      return replica;
    },
    async stop() {
      await Promise.all(replicas.map((replica) => replica.stop()));
      await gateway.stop();
      await Promise.all(Object.values(proxies).map((proxy) => proxy.close()));
      await Promise.all(Object.values(services).map((service) => service.stop()));
      await dropDatabase(ns.mongoUrl, gatewayDb);
    },
  };
}

export type GatewayUnderTest = Awaited<ReturnType<typeof startGateway>>;
