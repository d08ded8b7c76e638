import { type CreationContext, DomainError } from '@kollegia/service-kit/domain';

import { dayCounting, deadlinePolicy } from './deadline';
import type { Actor } from './permissions';
import type { Request } from './request';

// Builders for the domain's unit tests: fixed ids and times, so tests assert exact values.

export const TENANT = 'akit';
export const MINPROMTORG = 'org-minpromtorg';
export const CREATED_AT = new Date('2016-11-25T09:00:00.000Z');
/** 10:00 in Moscow on Monday 5 December 2016. */
export const SUBMITTED_AT = new Date('2016-12-05T07:00:00.000Z');
/** When the registration on 7 December 2016 was recorded: 15:00 in Moscow that day. */
export const REGISTERED_AT = new Date('2016-12-07T12:00:00.000Z');

/** The Russian non-working days the tests cross: the New Year holidays and Defender's Day 2017. */
export const RUSSIAN_HOLIDAYS = [
  '2017-01-01',
  '2017-01-02',
  '2017-01-03',
  '2017-01-04',
  '2017-01-05',
  '2017-01-06',
  '2017-01-07',
  '2017-01-08',
  '2017-02-23',
  '2017-02-24',
];

/** The default policy of 59-FZ with the holiday calendar above. */
export const POLICY = deadlinePolicy({ holidays: RUSSIAN_HOLIDAYS });

export const SECRETARY: Actor = { subject: 'user-secretary', roles: ['secretary'] };
export const MINISTRY_CLERK: Actor = {
  subject: 'user-minpromtorg',
  roles: ['addressee'],
  organizationId: MINPROMTORG,
};

/** A decision context at a fixed time that hands out the given ids, in order. */
export function contextAt(iso: string, ...ids: string[]): CreationContext {
  const queue = [...ids];
  return {
    now: new Date(iso),
    tenantId: TENANT,
    ids: () => {
      const id = queue.shift();
      if (id === undefined) throw new Error('the decision asked for more ids than the test gave');
      return id;
    },
  };
}

/** The error a refused decision throws; fails the test when the decision goes through. */
export function refusal(decide: () => unknown): DomainError {
  try {
    decide();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected the decision to be refused, but it went through');
}

/** The association's appeal to Минпромторг России on recommendation R-2016-04, as a draft. */
export function aRequest(overrides: Partial<Request> = {}): Request {
  return {
    id: 'req-1',
    tenantId: TENANT,
    version: 1,
    recommendationId: 'rec-4',
    addresseeId: MINPROMTORG,
    kind: 'APPEAL',
    subject: 'О конкурсном отборе совместных проектов участников промышленных кластеров',
    body:
      'Ассоциация просит рассмотреть возможность провести отбор совместных проектов участников ' +
      'промышленных кластеров с финансированием из средств дорожных карт НТИ.',
    signatory: { kind: 'PERSON', id: 'person-president' },
    status: 'DRAFT',
    announced: {},
    createdAt: CREATED_AT,
    updatedAt: CREATED_AT,
    ...overrides,
  };
}

/** Sent as АКИТ-2016/014 at 10:00 in Moscow on 5 December 2016: registration due on the 8th. */
export function aSubmittedRequest(overrides: Partial<Request> = {}): Request {
  return aRequest({
    status: 'SUBMITTED',
    outgoingNumber: 'АКИТ-2016/014',
    submittedAt: SUBMITTED_AT,
    timeZone: 'Europe/Moscow',
    counting: dayCounting(POLICY),
    registrationDueOn: '2016-12-08',
    deadline: {
      stage: 'REGISTRATION',
      dueOn: '2016-12-08',
      dueAt: new Date('2016-12-08T20:59:59.999Z'),
    },
    deadlineRecordedAt: SUBMITTED_AT,
    dueSoonDays: POLICY.dueSoonDays,
    updatedAt: SUBMITTED_AT,
    ...overrides,
  });
}

/** Registered on 7 December: thirty days end on 6 January, a holiday, so the answer is due on the 9th. */
export function aRegisteredRequest(overrides: Partial<Request> = {}): Request {
  return aSubmittedRequest({
    status: 'REGISTERED',
    incomingNumber: 'ВХ-53117/16',
    registeredOn: '2016-12-07',
    registeredOnTime: true,
    deadline: {
      stage: 'ANSWER',
      dueOn: '2017-01-09',
      dueAt: new Date('2017-01-09T20:59:59.999Z'),
    },
    deadlineRecordedAt: REGISTERED_AT,
    ...overrides,
  });
}
