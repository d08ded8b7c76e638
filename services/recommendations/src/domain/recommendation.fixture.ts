import { type CreationContext, DomainError } from '@kollegia/service-kit/domain';

import type { Recommendation } from './recommendation';

// Builders for the domain's unit tests: fixed ids and times, so tests assert exact values.

export const TENANT = 'akit';
export const CREATED_AT = new Date('2016-11-10T10:10:00.000Z');
export const ADOPTED_AT = new Date('2016-11-24T13:00:00.000Z');

export const MINPROMTORG = 'org-minpromtorg';
export const NTI_OFFICE = 'org-nti-office';
export const ASSOCIATION = 'org-akit';
export const CHAIR = 'person-chair';

/**
 * A decision context at a fixed time that hands out the given ids in order, then `id-1`,
 * `id-2`, … so a test that does not care about timeline ids still gets exact, stable ones.
 */
export function contextAt(iso: string, ...ids: string[]): CreationContext {
  const queue = [...ids];
  let counter = 0;
  return {
    now: new Date(iso),
    tenantId: TENANT,
    ids: () => queue.shift() ?? `id-${++counter}`,
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

/**
 * Recommendation 4 of «Промышленная Россия 4.0» as the round table proposed it: an appeal to
 * Минпромторг России and the НТИ project office, the association responsible.
 */
export function aRecommendation(overrides: Partial<Recommendation> = {}): Recommendation {
  return {
    id: 'rec-4',
    tenantId: TENANT,
    version: 1,
    code: 'R-2016-04',
    title: 'Отбор совместных проектов участников промышленных кластеров',
    recommendedText:
      'Обратиться в Минпромторг России и Проектный офис НТИ с предложением провести отбор ' +
      'совместных проектов участников промышленных кластеров.',
    actionType: 'APPEAL',
    addresseeIds: [MINPROMTORG, NTI_OFFICE],
    responsible: { kind: 'ORGANIZATION', id: ASSOCIATION },
    legalBasis: 'Постановление Правительства Российской Федерации от 31.07.2015 № 779',
    priority: 'HIGH',
    source: { conferenceId: 'conf-1', roundtableId: 'rt-1', resolutionId: 'res-4' },
    dueDate: '2017-06-30',
    reviewDate: '2017-03-01',
    published: true,
    status: 'PROPOSED',
    proposedAt: CREATED_AT,
    addresseePositions: [
      { organizationId: MINPROMTORG, position: 'PENDING', requestIds: [] },
      { organizationId: NTI_OFFICE, position: 'PENDING', requestIds: [] },
    ],
    endorsements: [],
    progressReportCount: 0,
    requestFacts: [],
    announced: {},
    createdAt: CREATED_AT,
    updatedAt: CREATED_AT,
    ...overrides,
  };
}

/** The same recommendation, adopted as recommended by the chair on 24 November 2016. */
export function anAdoptedRecommendation(overrides: Partial<Recommendation> = {}): Recommendation {
  const proposed = aRecommendation();
  return aRecommendation({
    status: 'ADOPTED',
    decidedText: proposed.recommendedText,
    decidedBy: { kind: 'PERSON', id: CHAIR },
    decidedAt: ADOPTED_AT,
    updatedAt: ADOPTED_AT,
    ...overrides,
  });
}
