import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
  createEvent,
  organizationRegisteredV1,
  recommendationAdoptedV1,
  type OrganizationKind,
  type RecommendationActionType,
} from '@kollegia/events';
import { devAuth } from '@kollegia/service-kit';
import {
  announceMembers,
  startService,
  testNamespace,
  TEST_TENANT,
  type TestNamespace,
} from '@kollegia/testing';

import { createApp } from '../app';
import { requestsConfigSchema } from '../config';

export { announceMembers, dataOf, personAnnounced } from '@kollegia/testing';

export const TENANT = TEST_TENANT;
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
  const authDir = options.authDir ?? mkdtempSync(join(tmpdir(), 'kollegia-auth-'));
  const clock = options.clock ?? testClock();
  const service = await startService({
    ns: options.ns ?? testNamespace(label),
    auth: devAuth(authDir),
    env: {
      // The tests run the scheduler themselves unless they ask for the timer.
      SCHEDULER_INTERVAL_MS: String(options.schedulerIntervalMs ?? 3_600_000),
      CONSUMER_MAX_ATTEMPTS: '2',
    },
    create: (settings) => createApp(requestsConfigSchema.parse(settings), { clock }),
  });
  return {
    ...service,
    clock,
    authDir,
    topic: (aggregate: 'organization' | 'recommendation' | 'request') =>
      service.app.runtime.topic(aggregate),
  };
}

export type Requests = Awaited<ReturnType<typeof startRequests>>;

let sequence = 0;
/** A fresh 24-hex id, like the services' ObjectIds. */
export function hexId(): string {
  sequence += 1;
  return (
    Date.now().toString(16).padStart(12, '0') + sequence.toString(16).padStart(12, '0')
  ).slice(-24);
}

/** An organisation as members announces it: a Russian one, or one of the country given (RU, BY). */
export function organizationRegistered(
  id: string,
  name: string,
  kind: OrganizationKind,
  tenant = TENANT,
  country = 'RU',
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
      country,
      // The capital: Moscow, or Minsk for a Belarusian organisation.
      region: country === 'BY' ? 'BY-HM' : organizationRegisteredV1.example.region,
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
  organizations: {
    id: string;
    name: string;
    kind: OrganizationKind;
    tenant?: string;
    country?: string;
  }[],
) {
  await announceMembers(
    requests,
    organizations.map((o) => organizationRegistered(o.id, o.name, o.kind, o.tenant, o.country)),
  );
}

export const REQUEST_FIELDS = `id version status kind subject body outgoingNumber incomingNumber registeredOn registeredOnTime
  dueAt daysRemaining dayCount overdue deadline { stage dueOn dueAt } extension { days reason previous { dueOn } }
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
