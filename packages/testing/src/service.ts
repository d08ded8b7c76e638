import { encodeEvent, topicName, type Aggregate, type CloudEventEnvelope } from '@kollegia/events';
import mongoose from 'mongoose';

import { graphqlRequest, type GraphQLResponse } from './graphql';
import { sendRaw } from './kafka';
import type { TestNamespace } from './namespace';

/** The tenant the tests act in unless they say otherwise. */
export const TEST_TENANT = 'akit';

/**
 * The organisation a test's addressee user speaks for unless the test names one: an addressee
 * token without `org` is refused (the kit's `tokenClaimsProblem`). A test that wants such a token
 * signs it with its `TestAuth`.
 */
export const TEST_ADDRESSEE_ORG = 'org-of-the-test-addressee';

/**
 * What the harness needs of the kit's `devAuth` (typed by shape: the kit's own tests depend on this
 * package, so it cannot depend on the kit).
 */
export interface TestAuth<TRole extends string = string> {
  publicKeyFile: string;
  token(
    claims: { sub?: string; tenant: string; roles: TRole[]; org?: string; person?: string },
    expiresIn?: string,
  ): Promise<string>;
}

/** Who a test request is made as: a role of a tenant (default secretary of TEST_TENANT), or a token. */
export interface As<TRole extends string = string> {
  role?: TRole;
  tenant?: string;
  org?: string;
  sub?: string;
  /** A token as is; `null` sends none. */
  token?: string | null;
}

/**
 * Tokens of a test's users, each minted once; every one is valid (an addressee's speaks for
 * `TEST_ADDRESSEE_ORG` unless given an `org`). The subject is `user-<role>` (`user-<role>-<org>`
 * with an organisation) unless given, so actors recorded by the services are predictable.
 */
export function testTokens<TRole extends string>(
  auth: TestAuth<TRole>,
  defaultTenant = TEST_TENANT,
) {
  const tokens = new Map<string, Promise<string>>();
  return (
    role: TRole,
    tenant = defaultTenant,
    org = role === 'addressee' ? TEST_ADDRESSEE_ORG : undefined,
    sub?: string,
  ): Promise<string> => {
    const key = `${role}/${tenant}/${org ?? ''}/${sub ?? ''}`;
    let token = tokens.get(key);
    if (!token) {
      token = auth.token({
        sub: sub ?? `user-${role}${org ? `-${org}` : ''}`,
        tenant,
        roles: [role],
        ...(org ? { org } : {}),
      });
      tokens.set(key, token);
    }
    return token;
  };
}

/** Publishes events to their aggregates' (prefixed) topics, as their owning services would. */
export async function publishEvents(
  ns: TestNamespace,
  events: CloudEventEnvelope[],
): Promise<void> {
  const byTopic = new Map<string, { key: string; value: string }[]>();
  for (const event of events) {
    const topic = topicName(event.type.split('.')[2] as Aggregate, ns.topicPrefix);
    byTopic.set(topic, [...(byTopic.get(topic) ?? []), encodeEvent(event)]);
  }
  for (const [topic, messages] of byTopic) await sendRaw(ns.kafkaBrokers, topic, messages);
}

/** Drops a test database (what a harness's `stop` does after the last instance). */
export async function dropDatabase(mongoUrl: string, dbName: string): Promise<void> {
  const connection = await mongoose.createConnection(mongoUrl, { dbName }).asPromise();
  try {
    await connection.dropDatabase();
  } finally {
    await connection.close();
  }
}

/** What every service's `createApp` gives back. */
export interface TestableApp {
  url: string;
  stop(): Promise<void>;
}

export interface StartServiceOptions<TApp extends TestableApp, TRole extends string> {
  /** The test file's namespace; another instance's to start a replica or a restart on its data. */
  ns: TestNamespace;
  auth: TestAuth<TRole>;
  /** Parses the settings with the service's config schema and boots it (its `createApp`). */
  create: (settings: Record<string, string>) => Promise<TApp>;
  /** The service's own settings, over the common ones. */
  env?: Record<string, string>;
  /** Default: the namespace's database. */
  dbName?: string;
}

/**
 * Boots one service in-process against the real stack — its own database and topics of the test
 * file's namespace, one partition per topic (events in order), the outbox swept every second —
 * with a client that speaks as any role. Every service's test harness starts through here.
 */
export async function startService<TApp extends TestableApp, TRole extends string>(
  options: StartServiceOptions<TApp, TRole>,
) {
  const { ns, auth } = options;
  const dbName = options.dbName ?? ns.dbName;
  const app = await options.create({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    PORT: '0',
    MONGO_URL: ns.mongoUrl,
    MONGO_DB: dbName,
    KAFKA_BROKERS: ns.kafkaBrokers.join(','),
    KAFKA_TOPIC_PREFIX: ns.topicPrefix,
    KAFKA_TOPIC_PARTITIONS: '1',
    AUTH_DEV_PUBLIC_KEY_FILE: auth.publicKeyFile,
    OUTBOX_SWEEP_INTERVAL_MS: '1000',
    ...options.env,
  });
  const token = testTokens(auth);
  return {
    ns,
    app,
    auth,
    token,
    /** Runs an operation on this service as a role of a tenant (default: secretary of TEST_TENANT). */
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests assert on selected fields
    async gql<T = Record<string, any>>(
      query: string,
      variables: Record<string, unknown> = {},
      as: As<TRole> = {},
    ): Promise<GraphQLResponse<T>> {
      const bearer =
        as.token === null
          ? undefined
          : (as.token ??
            (await token(as.role ?? ('secretary' as TRole), as.tenant, as.org, as.sub)));
      return graphqlRequest<T>(app.url, query, variables, bearer);
    },
    /** Publishes events to their (prefixed) topics, as another service would. */
    publish: (events: CloudEventEnvelope[]) => publishEvents(ns, events),
    /** Stops this instance; `drop` (default) also removes its database — leave it for a replica. */
    async stop({ drop = true }: { drop?: boolean } = {}) {
      await app.stop();
      if (drop) await dropDatabase(ns.mongoUrl, dbName);
    },
  };
}

export type ServiceUnderTest<TApp extends TestableApp, TRole extends string = string> = Awaited<
  ReturnType<typeof startService<TApp, TRole>>
>;
