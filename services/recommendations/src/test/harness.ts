import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
  createEvent,
  decodeEvent,
  encodeEvent,
  requestAnsweredV1,
  requestOverdueV1,
  requestRegisteredV1,
  roundtableConcludedV1,
  topicName,
  type AnswerOutcome,
  type CloudEventEnvelope,
  type KollegiaEvent,
  type ResolutionSnapshot,
} from '@kollegia/events';
import { devAuth, type Role } from '@kollegia/service-kit';
import {
  graphqlRequest,
  sendRaw,
  testNamespace,
  uniqueId,
  type GraphQLResponse,
  type ReceivedMessage,
  type TestNamespace,
} from '@kollegia/testing';
import mongoose from 'mongoose';

import { createApp, type RecommendationsApp } from '../app';
import { recommendationsConfigSchema } from '../config';

export const TENANT = 'akit';
export const OTHER_TENANT = 'other-association';

/** A clock the test moves by hand. */
export function testClock(iso: string) {
  let now = new Date(iso);
  return {
    now: () => now,
    set(next: string) {
      now = new Date(next);
    },
  };
}

export type TestClock = ReturnType<typeof testClock>;

/** One auth key pair per test run, so several app instances accept the same tokens. */
const auth = devAuth(mkdtempSync(join(tmpdir(), 'kollegia-auth-')));

/**
 * Boots the recommendations service in-process against the real stack. By default in its own
 * database and topics; pass `ns` to boot another instance on the same ones (restarts, replicas).
 */
export async function startRecommendations(
  label: string,
  options: { clock?: TestClock; ns?: TestNamespace; env?: Record<string, string> } = {},
) {
  const ns = options.ns ?? testNamespace(label);
  const config = recommendationsConfigSchema.parse({
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
    CONSUMER_MAX_ATTEMPTS: '2',
    // The tests run the scheduler themselves (app.runScheduler()).
    FOLLOW_UP_INTERVAL_MS: '3600000',
    ...options.env,
  });
  const app: RecommendationsApp = await createApp(
    config,
    options.clock ? { clock: options.clock.now } : {},
  );
  const tokens = new Map<string, string>();
  async function token(role: Role, tenant = TENANT, org?: string, sub?: string): Promise<string> {
    const key = `${role}/${tenant}/${org ?? ''}/${sub ?? ''}`;
    if (!tokens.has(key))
      tokens.set(
        key,
        await auth.token({
          tenant,
          roles: [role],
          ...(org ? { org } : {}),
          ...(sub ? { sub } : {}),
        }),
      );
    return tokens.get(key)!;
  }
  return {
    ns,
    app,
    token,
    /** Runs an operation as a role of a tenant (default: secretary of TENANT). */
    async gql<T = Record<string, any>>(
      query: string,
      variables: Record<string, unknown> = {},
      as: { role?: Role; tenant?: string; org?: string; sub?: string; token?: string | null } = {},
    ): Promise<GraphQLResponse<T>> {
      const bearer =
        as.token === null
          ? undefined
          : (as.token ?? (await token(as.role ?? 'secretary', as.tenant, as.org, as.sub)));
      return graphqlRequest<T>(app.url, query, variables, bearer);
    },
    /** Publishes events to their (prefixed) topics, as another service would. */
    async publish(events: CloudEventEnvelope[]): Promise<void> {
      const byTopic = new Map<string, { key: string; value: string }[]>();
      for (const event of events) {
        const aggregate = event.type.split('.')[2] as Parameters<typeof topicName>[0];
        const topic = topicName(aggregate, ns.topicPrefix);
        const { key, value } = encodeEvent(event);
        byTopic.set(topic, [...(byTopic.get(topic) ?? []), { key, value }]);
      }
      for (const [topic, messages] of byTopic) await sendRaw(ns.kafkaBrokers, topic, messages);
    },
    /** Stops this instance; `drop` also removes its database (the last instance does). */
    async stop({ drop = true }: { drop?: boolean } = {}) {
      await app.stop();
      if (!drop) return;
      const conn = await mongoose.createConnection(ns.mongoUrl, { dbName: ns.dbName }).asPromise();
      await conn.dropDatabase();
      await conn.close();
    },
  };
}

export type Recommendations = Awaited<ReturnType<typeof startRecommendations>>;

/** Fails with the errors when a response has any; returns its data. */
export function dataOf<T>(response: GraphQLResponse<T>): T {
  if (response.errors?.length || !response.data) {
    throw new Error(`unexpected GraphQL errors: ${JSON.stringify(response.errors)}`);
  }
  return response.data;
}

/** The recommendation events among collected messages, decoded, for one recommendation. */
/**
 * The aggregate's published events, one per event id: the outbox publishes at least once (two
 * instances' relays may both send an event before either removes it) and consumers drop copies
 * by id, so what a test may count is events, not messages.
 */
export function eventsOf(messages: ReceivedMessage[], id: string): KollegiaEvent[] {
  const seen = new Set<string>();
  return messages
    .filter((m) => m.key === id)
    .map((m) => {
      const decoded = decodeEvent(m.value ?? '');
      if (!decoded.ok) throw new Error(decoded.reason);
      return decoded.event;
    })
    .filter((event) => !seen.has(event.id) && Boolean(seen.add(event.id)));
}

export const MINPROMTORG = 'org-minpromtorg';
export const NTI_OFFICE = 'org-nti-office';
export const DUMA_COMMITTEE = 'org-duma-committee';
export const ASSOCIATION = 'org-akit';
export const CHAIR = 'person-chair';

type Resolution = Omit<ResolutionSnapshot, 'status'> & { status?: ResolutionSnapshot['status'] };

/** A resolution of a concluded round table. */
export function resolution(overrides: Partial<Resolution> = {}): ResolutionSnapshot {
  return {
    id: uniqueId('res'),
    kind: 'RECOMMENDATION',
    text: 'Предложить Минпромторгу России провести отбор совместных проектов участников кластеров.',
    addresseeIds: [MINPROMTORG],
    responsible: { kind: 'ORGANIZATION', id: ASSOCIATION },
    status: 'ADOPTED',
    ...overrides,
  };
}

/** `roundtable.concluded` as the roundtables service publishes it. */
export function concluded(options: {
  resolutions: ResolutionSnapshot[];
  roundtableId?: string;
  conferenceId?: string;
  published?: boolean;
  tenantId?: string;
  concludedAt?: string;
}) {
  const roundtableId = options.roundtableId ?? uniqueId('rt');
  return createEvent(
    roundtableConcludedV1,
    {
      subject: roundtableId,
      tenantId: options.tenantId ?? TENANT,
      aggregateVersion: 7,
      correlationId: uniqueId('corr'),
      actor: 'user-secretary',
    },
    {
      id: roundtableId,
      ...(options.conferenceId === undefined ? {} : { conferenceId: options.conferenceId }),
      published: options.published ?? true,
      title: 'Индустрия 4.0 в ТЭК и ОПК: кластеры как точки роста',
      format: 'ROUND_TABLE',
      concludedAt: options.concludedAt ?? '2016-11-10T13:10:00+03:00',
      agenda: [],
      resolutions: options.resolutions,
      statementCount: 12,
    },
  );
}

interface RequestRef {
  requestId?: string;
  recommendationId: string;
  addresseeId: string;
  tenantId?: string;
}

function requestMeta(ref: RequestRef & { requestId: string }, version: number) {
  return {
    subject: ref.requestId,
    tenantId: ref.tenantId ?? TENANT,
    aggregateVersion: version,
    correlationId: uniqueId('corr'),
    actor: 'system:requests',
  };
}

/** The requests service's events, built from the contract's examples. */
export const requestEvents = {
  registered(ref: RequestRef & { requestId: string }) {
    return createEvent(requestRegisteredV1, requestMeta(ref, 3), {
      ...requestRegisteredV1.example,
      id: ref.requestId,
      recommendationId: ref.recommendationId,
      addresseeId: ref.addresseeId,
    });
  },
  answered(ref: RequestRef & { requestId: string }, outcome: AnswerOutcome, answeredAt: string) {
    return createEvent(requestAnsweredV1, requestMeta(ref, 4), {
      ...requestAnsweredV1.example,
      id: ref.requestId,
      recommendationId: ref.recommendationId,
      addresseeId: ref.addresseeId,
      answer: { ...requestAnsweredV1.example.answer, outcome, answeredAt },
    });
  },
  overdue(ref: RequestRef & { requestId: string }, dueOn: string) {
    return createEvent(requestOverdueV1, requestMeta(ref, 4), {
      ...requestOverdueV1.example,
      id: ref.requestId,
      recommendationId: ref.recommendationId,
      addresseeId: ref.addresseeId,
      dueOn,
      dueAt: `${dueOn}T23:59:59.999+03:00`,
    });
  },
};

export const REC_FIELDS = `id version code title status recommendedText actionType published dueDate reviewDate overdue
  addressees { id } responsible { __typename ... on Organization { id } ... on Person { id } }
  source { conference { id } roundtable { id } resolutionId }
  decision { decidedText decidedAt decidedBy { __typename ... on Organization { id } ... on Person { id } } }
  rejection { reason decidedAt decidedBy { __typename ... on RecommendationAddressees { organizations { id } } ... on Person { id } ... on Organization { id } } }
  addresseePositions { addressee { id } position requestIds }
  endorsements { party { __typename ... on Organization { id } ... on Person { id } } comment }
  progressReportCount lastProgressPercent`;

export const GET = `query($id: ID!) { recommendation(id: $id) { ${REC_FIELDS} } }`;

export const DRAFT = `mutation($input: DraftRecommendationInput!) { draftRecommendation(input: $input) { ${REC_FIELDS} } }`;
