import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
  createEvent,
  encodeEvent,
  organizationRegisteredV1,
  recommendationAdoptedV1,
  type CloudEventEnvelope,
  type OrganizationKind,
  type RecommendationActionType,
} from '@kollegia/events';
import { devAuth, type Role } from '@kollegia/service-kit';
import {
  expectEventually,
  graphqlRequest,
  sendRaw,
  testNamespace,
  type GraphQLResponse,
  type TestNamespace,
} from '@kollegia/testing';
import mongoose from 'mongoose';

import { createApp, type RequestsApp } from '../app';
import { requestsConfigSchema } from '../config';

export const TENANT = 'akit';
export const OTHER_TENANT = 'other-association';

/** 10:00 in Moscow on Monday 2 March 2026: the tests' "now" unless they move the clock. */
export const START = '2026-03-02T07:00:00.000Z';
const DAY_MS = 24 * 60 * 60 * 1000;

/** A clock the tests set and move; the app reads it for every command, query and scheduler run. */
export function testClock(start = START) {
  let now = new Date(start);
  const clock = () => new Date(now);
  return Object.assign(clock, {
    set(iso: string) {
      now = new Date(iso);
    },
    advanceDays(days: number) {
      now = new Date(now.getTime() + days * DAY_MS);
    },
  });
}
export type TestClock = ReturnType<typeof testClock>;

/**
 * Boots the requests service in-process against the real stack, in its own database and topics
 * (or in another instance's, given its namespace: a second replica, or a restart).
 */
export async function startRequests(
  label: string,
  options: {
    clock?: TestClock;
    ns?: TestNamespace;
    authDir?: string;
    schedulerIntervalMs?: number;
  } = {},
) {
  const ns = options.ns ?? testNamespace(label);
  const authDir = options.authDir ?? mkdtempSync(join(tmpdir(), 'kollegia-auth-'));
  const auth = devAuth(authDir);
  const clock = options.clock ?? testClock();
  const config = requestsConfigSchema.parse({
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
    // The tests run the scheduler themselves unless they ask for the timer.
    SCHEDULER_INTERVAL_MS: String(options.schedulerIntervalMs ?? 3_600_000),
    CONSUMER_MAX_ATTEMPTS: '2',
  });
  const app: RequestsApp = await createApp(config, { clock });
  const tokens = new Map<string, string>();
  async function token(role: Role, tenant = TENANT, org?: string): Promise<string> {
    const key = `${role}/${tenant}/${org ?? ''}`;
    if (!tokens.has(key))
      tokens.set(
        key,
        await auth.token({
          sub: `user-${role}${org ? `-${org}` : ''}`,
          tenant,
          roles: [role],
          ...(org ? { org } : {}),
        }),
      );
    return tokens.get(key)!;
  }
  const topic = (aggregate: 'organization' | 'recommendation' | 'request') =>
    app.runtime.topic(aggregate);
  return {
    ns,
    app,
    clock,
    authDir,
    topic,
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
    /** Publishes events as their owning service would (the recommendations service, members). */
    async publish(
      aggregate: 'organization' | 'recommendation' | 'request',
      events: CloudEventEnvelope[],
    ) {
      await sendRaw(
        ns.kafkaBrokers,
        topic(aggregate),
        events.map((event) => {
          const { key, value } = encodeEvent(event);
          return { key, value };
        }),
      );
    },
    /** Stops this instance; the database stays unless `drop`. */
    async stop({ drop = true }: { drop?: boolean } = {}) {
      await app.stop();
      if (!drop) return;
      const conn = await mongoose.createConnection(ns.mongoUrl, { dbName: ns.dbName }).asPromise();
      await conn.dropDatabase();
      await conn.close();
    },
  };
}

export type Requests = Awaited<ReturnType<typeof startRequests>>;

/** Fails with the errors when a response has any; returns its data. */
export function dataOf<T>(response: GraphQLResponse<T>): T {
  if (response.errors?.length || !response.data) {
    throw new Error(`unexpected GraphQL errors: ${JSON.stringify(response.errors)}`);
  }
  return response.data;
}

let sequence = 0;
/** A fresh 24-hex id, like the services' ObjectIds. */
export function hexId(): string {
  sequence += 1;
  return (
    Date.now().toString(16).padStart(12, '0') + sequence.toString(16).padStart(12, '0')
  ).slice(-24);
}

/** An organisation as members announces it. */
export function organizationRegistered(
  id: string,
  name: string,
  kind: OrganizationKind,
  tenant = TENANT,
) {
  return createEvent(
    organizationRegisteredV1,
    { subject: id, tenantId: tenant, aggregateVersion: 1, correlationId: id, actor: 'test' },
    {
      ...organizationRegisteredV1.example,
      id,
      name,
      shortName: name,
      kind,
      inn: undefined,
      ogrn: undefined,
      website: undefined,
    },
  );
}

/** A recommendation adopted, as the recommendations service announces it. */
export function recommendationAdopted(
  id: string,
  addresseeIds: string[],
  options: { actionType?: RecommendationActionType; tenant?: string; title?: string } = {},
) {
  return createEvent(
    recommendationAdoptedV1,
    {
      subject: id,
      tenantId: options.tenant ?? TENANT,
      aggregateVersion: 3,
      correlationId: `adoption-${id}`,
      actor: 'user-chair',
    },
    {
      ...recommendationAdoptedV1.example,
      id,
      addresseeIds,
      actionType: options.actionType ?? 'APPEAL',
      ...(options.title ? { title: options.title } : {}),
    },
  );
}

/** Announces organisations and waits until the service knows them (drafts need known addressees). */
export async function knowOrganizations(
  requests: Requests,
  organizations: { id: string; name: string; kind: OrganizationKind; tenant?: string }[],
) {
  await requests.publish(
    'organization',
    organizations.map((o) => organizationRegistered(o.id, o.name, o.kind, o.tenant)),
  );
  const addressees = requests.app.runtime.connection.collection('addressees');
  await expectEventually(async () => {
    const known = await addressees.countDocuments({
      organizationId: { $in: organizations.map((o) => o.id) },
    });
    expect(known).toBe(organizations.length);
  });
}

export const REQUEST_FIELDS = `id version status kind subject body outgoingNumber incomingNumber registeredOn registeredOnTime
  dueAt daysRemaining overdue deadline { stage dueOn dueAt } extension { days reason previous { dueOn } }
  answer { text outcome onTime answeredAt document { number date url } }
  addressee { id } recommendation { id } signatory { __typename ... on Person { id } ... on Organization { id } }`;

export const DRAFT = `mutation($input: DraftRequestInput!) { draftRequest(input: $input) { ${REQUEST_FIELDS} } }`;
export const SUBMIT = `mutation($id: ID!, $v: Int!) { submitRequest(id: $id, expectedVersion: $v) { ${REQUEST_FIELDS} } }`;
export const REGISTER = `mutation($id: ID!, $v: Int!, $input: RegisterRequestInput!) { registerRequest(id: $id, expectedVersion: $v, input: $input) { ${REQUEST_FIELDS} } }`;
export const EXTEND = `mutation($id: ID!, $v: Int!, $input: ExtendRequestDeadlineInput!) { extendRequestDeadline(id: $id, expectedVersion: $v, input: $input) { ${REQUEST_FIELDS} } }`;
export const ANSWER = `mutation($id: ID!, $v: Int!, $input: AnswerRequestInput!) { answerRequest(id: $id, expectedVersion: $v, input: $input) { ${REQUEST_FIELDS} } }`;
export const CLOSE = `mutation($id: ID!, $v: Int!, $note: String) { closeRequest(id: $id, expectedVersion: $v, note: $note) { ${REQUEST_FIELDS} } }`;
export const WITHDRAW = `mutation($id: ID!, $v: Int!, $reason: String!) { withdrawRequest(id: $id, expectedVersion: $v, reason: $reason) { ${REQUEST_FIELDS} } }`;
export const GET = `query($id: ID!) { request(id: $id) { ${REQUEST_FIELDS} } }`;

/** The letter of the association's appeal on recommendation 4 (Промышленная Россия 4.0). */
export function appealTo(addresseeId: string, overrides: Record<string, unknown> = {}) {
  return {
    addresseeId,
    kind: 'APPEAL',
    subject: 'О конкурсном отборе совместных проектов участников промышленных кластеров',
    body:
      'Ассоциация кластеров и технопарков просит рассмотреть возможность провести отбор ' +
      'совместных проектов участников промышленных кластеров с финансированием из средств ' +
      'дорожных карт НТИ.',
    ...overrides,
  };
}
