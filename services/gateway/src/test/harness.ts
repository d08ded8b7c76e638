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
import { graphqlRequest, testNamespace, type GraphQLResponse } from '@kollegia/testing';
import mongoose from 'mongoose';

import { createGateway, type Gateway } from '../app';
import { gatewayConfigSchema } from '../config';

export const TENANT = 'akit';

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
export async function startGateway(label: string, overrides: Record<string, string> = {}) {
  const ns = testNamespace(label);
  const auth = devAuth(mkdtempSync(join(tmpdir(), 'kollegia-auth-')));
  const common = {
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    KAFKA_BROKERS: ns.kafkaBrokers.join(','),
    KAFKA_TOPIC_PREFIX: ns.topicPrefix,
    AUTH_DEV_PUBLIC_KEY_FILE: auth.publicKeyFile,
    OUTBOX_SWEEP_INTERVAL_MS: '1000',
  };
  const databases = {
    members: `${ns.dbName}_mem`,
    roundtables: `${ns.dbName}_rt`,
    recommendations: `${ns.dbName}_rec`,
    requests: `${ns.dbName}_req`,
  };
  const members = await createMembers(
    membersConfigSchema.parse({
      ...common,
      PORT: '0',
      MONGO_URL: ns.mongoUrl,
      MONGO_DB: ns.dbName,
      KAFKA_TOPIC_PARTITIONS: '1',
    }),
  );
  const roundtables = await createRoundtables(
    roundtablesConfigSchema.parse({
      ...common,
      PORT: '0',
      MONGO_URL: ns.mongoUrl,
      MONGO_DB: databases.roundtables,
      KAFKA_TOPIC_PARTITIONS: '1',
    }),
  );
  const recommendations = await createRecommendations(
    recommendationsConfigSchema.parse({
      ...common,
      PORT: '0',
      MONGO_URL: ns.mongoUrl,
      MONGO_DB: databases.recommendations,
      KAFKA_TOPIC_PARTITIONS: '1',
    }),
  );
  const requests = await createRequests(
    requestsConfigSchema.parse({
      ...common,
      PORT: '0',
      MONGO_URL: ns.mongoUrl,
      MONGO_DB: databases.requests,
      KAFKA_TOPIC_PARTITIONS: '1',
    }),
  );
  const proxies = {
    members: await countingProxy(members.url),
    roundtables: await countingProxy(roundtables.url),
    recommendations: await countingProxy(recommendations.url),
    requests: await countingProxy(requests.url),
  };
  const gateway: Gateway = await createGateway(
    gatewayConfigSchema.parse({
      ...common,
      PORT: '0',
      SUBGRAPH_URLS: Object.entries(proxies)
        .map(([name, proxy]) => `${name}=${proxy.url}`)
        .join(','),
      ...overrides,
    }),
  );
  const tokens = new Map<string, string>();
  async function token(role: Role, tenant = TENANT, org?: string): Promise<string> {
    const key = `${role}/${tenant}/${org ?? ''}`;
    if (!tokens.has(key))
      tokens.set(
        key,
        await auth.token({
          tenant,
          roles: [role],
          sub: `${role}@${tenant}${org ? `/${org}` : ''}`,
          ...(org ? { org } : {}),
        }),
      );
    return tokens.get(key)!;
  }
  return {
    ns,
    auth,
    gateway,
    members,
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
    async stop() {
      await gateway.stop();
      await Promise.all(Object.values(proxies).map((proxy) => proxy.close()));
      await Promise.all([
        members.stop(),
        roundtables.stop(),
        recommendations.stop(),
        requests.stop(),
      ]);
      for (const dbName of Object.values(databases)) {
        const connection = await mongoose.createConnection(ns.mongoUrl, { dbName }).asPromise();
        await connection.dropDatabase();
        await connection.close();
      }
    },
  };
}

export type GatewayUnderTest = Awaited<ReturnType<typeof startGateway>>;
