import { DomainError, type CreationContext } from '@kollegia/service-kit/domain';

import type { Conference } from './conference';
import type { Roundtable } from './roundtable';

// Builders for the domain's unit tests: fixed ids and times, so tests assert exact values.

export const TENANT = 'akit';
export const CREATED_AT = new Date('2016-10-01T09:00:00.000Z');

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

export function aConference(overrides: Partial<Conference> = {}): Conference {
  return {
    id: 'conf-1',
    tenantId: TENANT,
    version: 1,
    title: 'Промышленная Россия 4.0: механизмы опережающего развития',
    kind: 'CONFERENCE',
    startsOn: '2016-11-10',
    endsOn: '2016-11-10',
    city: 'Москва',
    organizerIds: ['org-akit'],
    published: true,
    status: 'PLANNED',
    createdAt: CREATED_AT,
    updatedAt: CREATED_AT,
    ...overrides,
  };
}

/** A round table scheduled in the conference, with no participants, agenda or resolutions. */
export function aRoundtable(overrides: Partial<Roundtable> = {}): Roundtable {
  return {
    id: 'rt-1',
    tenantId: TENANT,
    version: 1,
    conferenceId: 'conf-1',
    title: 'Индустрия 4.0 в ТЭК и ОПК: кластеры как точки роста',
    format: 'ROUND_TABLE',
    startsAt: new Date('2016-11-10T08:00:00.000Z'),
    endsAt: new Date('2016-11-10T10:00:00.000Z'),
    venue: 'Малый зал',
    moderator: { kind: 'PERSON', id: 'person-moderator' },
    published: true,
    status: 'SCHEDULED',
    participants: [],
    agenda: [],
    resolutions: [],
    statementCount: 0,
    lastStatementSequence: 0,
    createdAt: CREATED_AT,
    updatedAt: CREATED_AT,
    ...overrides,
  };
}

/**
 * A round table in session: a speaker for the association and the ministry as observer, the
 * second of three questions in discussion, one resolution proposed, sixteen statements so far.
 */
export function aLiveRoundtable(overrides: Partial<Roundtable> = {}): Roundtable {
  return aRoundtable({
    status: 'LIVE',
    startedAt: new Date('2016-11-10T08:05:00.000Z'),
    participants: [
      {
        id: 'part-1',
        personId: 'person-speaker',
        organizationId: 'org-akit',
        role: 'SPEAKER',
        attendance: 'ATTENDED',
      },
      { id: 'part-2', organizationId: 'org-minprom', role: 'OBSERVER', attendance: 'REGISTERED' },
    ],
    agenda: [
      { id: 'item-1', title: 'Опыт Германии и Китая', status: 'DISCUSSED' },
      { id: 'item-2', title: '«Мягкая ловушка» зарубежных технологий', status: 'IN_DISCUSSION' },
      { id: 'item-3', title: 'Кластеры и диверсификация ОПК', status: 'PENDING' },
    ],
    resolutions: [
      {
        id: 'res-1',
        kind: 'RECOMMENDATION',
        text: 'Продолжить информационную и консультационную работу в регионах',
        addresseeIds: [],
        responsible: { kind: 'ORGANIZATION', id: 'org-akit' },
        status: 'PROPOSED',
      },
    ],
    statementCount: 16,
    lastStatementSequence: 16,
    ...overrides,
  });
}
