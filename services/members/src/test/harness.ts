import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { devAuth, type Role } from '@kollegia/service-kit';
import { graphqlRequest, testNamespace, type GraphQLResponse } from '@kollegia/testing';
import mongoose from 'mongoose';

import { createApp, type MembersApp } from '../app';
import type { Clock } from '../application/context';
import { membersConfigSchema } from '../config';

export const TENANT = 'akit';
export const OTHER_TENANT = 'other-association';

/** Boots the members service in-process against the real stack, in its own database and topics. */
export async function startMembers(label: string, options: { clock?: Clock } = {}) {
  const ns = testNamespace(label);
  const auth = devAuth(mkdtempSync(join(tmpdir(), 'kollegia-auth-')));
  const config = membersConfigSchema.parse({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    PORT: '0',
    MONGO_URL: ns.mongoUrl,
    MONGO_DB: ns.dbName,
    KAFKA_BROKERS: ns.kafkaBrokers.join(','),
    KAFKA_TOPIC_PREFIX: ns.topicPrefix,
    KAFKA_TOPIC_PARTITIONS: '1',
    AUTH_DEV_PUBLIC_KEY_FILE: auth.publicKeyFile,
    OUTBOX_SWEEP_INTERVAL_MS: '1000',
  });
  const app: MembersApp = await createApp(config, options);
  const tokens = new Map<string, string>();
  async function token(role: Role, tenant = TENANT, org?: string): Promise<string> {
    const key = `${role}/${tenant}/${org ?? ''}`;
    if (!tokens.has(key))
      tokens.set(key, await auth.token({ tenant, roles: [role], ...(org ? { org } : {}) }));
    return tokens.get(key)!;
  }
  return {
    ns,
    app,
    auth,
    token,
    /** Runs an operation as a role of a tenant (default: secretary of TENANT). */
    async gql<T = Record<string, any>>(
      query: string,
      variables: Record<string, unknown> = {},
      as: { role?: Role; tenant?: string; org?: string; token?: string | null } = {},
    ): Promise<GraphQLResponse<T>> {
      const bearer =
        as.token === null
          ? undefined
          : (as.token ?? (await token(as.role ?? 'secretary', as.tenant, as.org)));
      return graphqlRequest<T>(app.url, query, variables, bearer);
    },
    async stop() {
      await app.stop();
      const conn = await mongoose.createConnection(ns.mongoUrl, { dbName: ns.dbName }).asPromise();
      await conn.dropDatabase();
      await conn.close();
    },
  };
}

export type Members = Awaited<ReturnType<typeof startMembers>>;

/** Fails with the errors when a response has any; returns its data. */
export function dataOf<T>(response: GraphQLResponse<T>): T {
  if (response.errors?.length || !response.data) {
    throw new Error(`unexpected GraphQL errors: ${JSON.stringify(response.errors)}`);
  }
  return response.data;
}

export const ORG_FIELDS = `id version name shortName kind region industries inn ogrn website status published archiveReason parent { id name }`;

export const REGISTER_ORG = `mutation($input: RegisterOrganizationInput!) { registerOrganization(input: $input) { ${ORG_FIELDS} } }`;

/** Valid INNs/OGRNs (real check digits) for test organisations. */
export const VALID = {
  inn10: '7707083893',
  inn12: '500100732259',
  ogrn13: '1027700132195',
  ogrn15: '304500116000157',
};
