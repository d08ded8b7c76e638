import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
  createEvent,
  requestAnsweredV1,
  requestOverdueV1,
  requestRegisteredV1,
  roundtableConcludedV1,
  roundtableRedatedV1,
  type AnswerOutcome,
  type ResolutionSnapshot,
} from '@kollegia/events';
import { devAuth } from '@kollegia/service-kit';
import {
  announceMembers,
  organizationAnnounced,
  personAnnounced,
  startService,
  testNamespace,
  TEST_TENANT,
  uniqueId,
  type TestNamespace,
} from '@kollegia/testing';

import { createApp } from '../app';
import { recommendationsConfigSchema } from '../config';

export {
  announceMembers,
  dataOf,
  eventsOf,
  organizationAnnounced,
  personAnnounced,
} from '@kollegia/testing';

export const TENANT = TEST_TENANT;
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
 * The members the tests name are in its directory once it is up.
 */
export async function startRecommendations(
  label: string,
  options: { clock?: TestClock; ns?: TestNamespace; env?: Record<string, string> } = {},
) {
  const service = await startService({
    ns: options.ns ?? testNamespace(label),
    auth,
    env: {
      CONSUMER_MAX_ATTEMPTS: '2',
      // The tests run the scheduler themselves (app.runScheduler()).
      FOLLOW_UP_INTERVAL_MS: '3600000',
      ...options.env,
    },
    create: (settings) =>
      createApp(
        recommendationsConfigSchema.parse(settings),
        options.clock ? { clock: options.clock.now } : {},
      ),
  });
  await announceMembers(service, [
    organizationAnnounced({ id: MINPROMTORG, name: 'Минпромторг России', kind: 'MINISTRY' }),
    organizationAnnounced({ id: NTI_OFFICE, name: 'Проектный офис НТИ' }),
    organizationAnnounced({
      id: DUMA_COMMITTEE,
      name: 'Комитет Госдумы по экономической политике',
    }),
    organizationAnnounced({ id: ASSOCIATION, name: 'АКИТ РФ', kind: 'ASSOCIATION' }),
    personAnnounced({ id: CHAIR, fullName: 'Председатель совета АКИТ РФ' }),
    personAnnounced({ id: EXPERT, fullName: 'Эксперт Иван Петрович' }),
  ]);
  return service;
}

export type Recommendations = Awaited<ReturnType<typeof startRecommendations>>;

export const MINPROMTORG = 'org-minpromtorg';
export const NTI_OFFICE = 'org-nti-office';
export const DUMA_COMMITTEE = 'org-duma-committee';
export const ASSOCIATION = 'org-akit';
export const CHAIR = 'person-chair';
export const EXPERT = 'person-expert';

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

/**
 * `roundtable.redated` as the roundtables service publishes it: a concluded sitting's new dates
 * (the conclusion carries no start, so its previous start is given as its conclusion).
 */
export function redated(
  sitting: ReturnType<typeof concluded>,
  dates: { startedAt: string; concludedAt: string },
) {
  return createEvent(
    roundtableRedatedV1,
    {
      subject: sitting.subject,
      tenantId: sitting.tenantid,
      aggregateVersion: sitting.aggregateversion + 1,
      correlationId: uniqueId('corr'),
      actor: 'user-secretary',
    },
    {
      id: sitting.data.id,
      ...(sitting.data.conferenceId === undefined
        ? {}
        : { conferenceId: sitting.data.conferenceId }),
      published: sitting.data.published,
      title: sitting.data.title,
      ...dates,
      previousStartedAt: sitting.data.concludedAt,
      previousConcludedAt: sitting.data.concludedAt,
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
