import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { KollegiaEvent } from '@kollegia/events';
import { devAuth } from '@kollegia/service-kit';
import {
  announceMembers,
  dataOf,
  organizationAnnounced,
  personAnnounced,
  startService,
  testNamespace,
  TEST_TENANT,
  type TestNamespace,
  uniqueId,
} from '@kollegia/testing';

import { createApp } from '../app';
import type { Clock } from '../application/context';
import { roundtablesConfigSchema } from '../config';

export {
  announceMembers,
  dataOf,
  eventsOf,
  organizationAnnounced,
  personAnnounced,
} from '@kollegia/testing';

export const TENANT = TEST_TENANT;
export const OTHER_TENANT = 'other-association';

/**
 * Boots the roundtables service in-process against the real stack, in its own database and topics;
 * pass `ns` to boot another instance on the same ones (a restart, a replica).
 */
export function startRoundtables(
  label: string,
  options: { clock?: Clock; ns?: TestNamespace } = {},
) {
  return startService({
    ns: options.ns ?? testNamespace(label),
    auth: devAuth(mkdtempSync(join(tmpdir(), 'kollegia-auth-'))),
    env: { STATEMENT_SWEEP_INTERVAL_MS: '60000' },
    create: (settings) =>
      createApp(
        roundtablesConfigSchema.parse(settings),
        options.clock ? { clock: options.clock } : {},
      ),
  });
}

export type Roundtables = Awaited<ReturnType<typeof startRoundtables>>;

/** Short type names: `kollegia.roundtables.roundtable.started.v1` → `started`. */
export const shortTypes = (events: KollegiaEvent[]) => events.map((e) => e.type.split('.')[3]);

/** Fresh member ids for one test's cast. */
export function castIds() {
  return {
    association: uniqueId('org'),
    ministry: uniqueId('org'),
    ntiOffice: uniqueId('org'),
    duma: uniqueId('org'),
    moderator: uniqueId('person'),
    speaker: uniqueId('person'),
    expert: uniqueId('person'),
  };
}

export type Cast = ReturnType<typeof castIds>;

/**
 * A test's cast announced as members would (organisations published) and known to the service's
 * directory, so round tables may name them.
 */
export async function cast(rt: Roundtables, tenant = TENANT, who: Cast = castIds()) {
  await announceMembers(rt, [
    organizationAnnounced({ id: who.association, name: 'АКИТ РФ', tenant }),
    organizationAnnounced({ id: who.ministry, name: 'Минпромторг России', tenant }),
    organizationAnnounced({ id: who.ntiOffice, name: 'Проектный офис НТИ', tenant }),
    organizationAnnounced({ id: who.duma, name: 'Комитет Госдумы', tenant }),
    personAnnounced({ id: who.moderator, fullName: 'Петров Алексей Николаевич', tenant }),
    personAnnounced({ id: who.speaker, fullName: 'Иванова Мария Сергеевна', tenant }),
    personAnnounced({ id: who.expert, fullName: 'Сидоров Игорь', tenant }),
  ]);
  return who;
}

export const RT_FIELDS = `id version title status format published statementCount startsAt endsAt venue
  conference { id title }
  moderator { __typename ... on Person { id } ... on Organization { id } }
  participants { id role attendance person { id } organization { id } }
  agenda { id position title status }
  resolutions { id kind text status dueDate agendaItemId withdrawReason addressees { id }
    responsible { __typename ... on Person { id } ... on Organization { id } } }`;

export const SCHEDULE_CONFERENCE = `mutation($input: ScheduleConferenceInput!) { scheduleConference(input: $input) { id version title status published city startsOn endsOn organizers { id } } }`;
export const SCHEDULE_ROUNDTABLE = `mutation($input: ScheduleRoundtableInput!) { scheduleRoundtable(input: $input) { ${RT_FIELDS} } }`;
export const REGISTER = `mutation($id: ID!, $v: Int!, $input: RegisterParticipantInput!) { registerParticipant(roundtableId: $id, expectedVersion: $v, input: $input) { ${RT_FIELDS} } }`;
export const SET_AGENDA = `mutation($id: ID!, $v: Int!, $items: [AgendaItemInput!]!) { setAgenda(roundtableId: $id, expectedVersion: $v, items: $items) { ${RT_FIELDS} } }`;
export const START = `mutation($id: ID!, $v: Int!) { startRoundtable(id: $id, expectedVersion: $v) { ${RT_FIELDS} } }`;
export const OPEN_ITEM = `mutation($id: ID!, $v: Int!, $item: ID!) { openAgendaItem(roundtableId: $id, expectedVersion: $v, agendaItemId: $item) { ${RT_FIELDS} } }`;
export const CLOSE_ITEM = `mutation($id: ID!, $v: Int!, $item: ID!) { closeAgendaItem(roundtableId: $id, expectedVersion: $v, agendaItemId: $item) { ${RT_FIELDS} } }`;
export const RECORD = `mutation($id: ID!, $input: RecordStatementInput!) { recordStatement(roundtableId: $id, input: $input) { id sequence text agendaItemId recordedAt speaker { __typename ... on Person { id } ... on Organization { id } } } }`;
export const RECORD_MANY = `mutation($id: ID!, $statements: [RecordStatementInput!]!) { recordStatements(roundtableId: $id, statements: $statements) { id sequence } }`;
export const PROPOSE = `mutation($id: ID!, $v: Int!, $input: ProposeResolutionInput!) { proposeResolution(roundtableId: $id, expectedVersion: $v, input: $input) { ${RT_FIELDS} } }`;
export const AMEND = `mutation($id: ID!, $v: Int!, $r: ID!, $input: AmendResolutionInput!) { amendResolution(roundtableId: $id, expectedVersion: $v, resolutionId: $r, input: $input) { ${RT_FIELDS} } }`;
export const WITHDRAW = `mutation($id: ID!, $v: Int!, $r: ID!, $reason: String) { withdrawResolution(roundtableId: $id, expectedVersion: $v, resolutionId: $r, reason: $reason) { ${RT_FIELDS} } }`;
export const CONCLUDE = `mutation($id: ID!, $v: Int!) { concludeRoundtable(id: $id, expectedVersion: $v) { ${RT_FIELDS} } }`;
export const GET_ROUNDTABLE = `query($id: ID!) { roundtable(id: $id) { ${RT_FIELDS} } }`;

/** The conference of FACTS.md A, as a secretary schedules it. */
export function industrialRussiaConference(organizerIds: string[], published = true) {
  return {
    title: 'Промышленная Россия 4.0: механизмы опережающего развития',
    kind: 'CONFERENCE',
    startsOn: '2016-11-10',
    endsOn: '2016-11-10',
    city: 'Москва',
    venue: 'Конгресс-центр',
    organizerIds,
    description: 'Практическая конференция о кластерах, технопарках и дорожных картах НТИ.',
    published,
  };
}

/** A round table of that conference, moderated by `moderatorId`. */
export function industryRoundtable(
  conferenceId: string | undefined,
  moderatorId: string,
  overrides: Record<string, unknown> = {},
) {
  return {
    ...(conferenceId ? { conferenceId } : {}),
    title: 'Индустрия 4.0 в ТЭК и ОПК: кластеры как точки роста',
    format: 'ROUND_TABLE',
    startsAt: '2016-11-10T08:00:00.000Z',
    endsAt: '2016-11-10T10:00:00.000Z',
    venue: 'Малый зал',
    moderator: { kind: 'PERSON', id: moderatorId },
    published: true,
    ...overrides,
  };
}

/**
 * A round table sitting now: a speaker for the association, the ministry as observer, an expert,
 * three questions with the first in discussion. Returns it at its current version.
 */
export async function aLiveRoundtable(
  rt: Roundtables,
  options: {
    conferenceId?: string;
    published?: boolean;
    tenant?: string;
    who?: Cast;
    title?: string;
  } = {},
) {
  const who = options.who ?? (await cast(rt, options.tenant));
  const as = { tenant: options.tenant ?? TENANT };
  let roundtable = dataOf(
    await rt.gql(
      SCHEDULE_ROUNDTABLE,
      {
        input: industryRoundtable(options.conferenceId, who.moderator, {
          published: options.published ?? true,
          ...(options.title ? { title: options.title } : {}),
        }),
      },
      as,
    ),
  ).scheduleRoundtable;
  const seats = [
    { personId: who.speaker, organizationId: who.association, role: 'SPEAKER' },
    { organizationId: who.ministry, role: 'OBSERVER' },
    { personId: who.expert, role: 'EXPERT' },
  ];
  for (const input of seats) {
    roundtable = dataOf(
      await rt.gql(REGISTER, { id: roundtable.id, v: roundtable.version, input }, as),
    ).registerParticipant;
  }
  roundtable = dataOf(
    await rt.gql(
      SET_AGENDA,
      {
        id: roundtable.id,
        v: roundtable.version,
        items: [
          { title: 'Industrie 4.0 и «Made in China 2025»: опыт Германии и Китая' },
          { title: 'Как не попасть в «мягкую ловушку» зарубежных технологий' },
          { title: 'Кластеры как инструмент диверсификации предприятий ОПК' },
        ],
      },
      as,
    ),
  ).setAgenda;
  roundtable = dataOf(
    await rt.gql(START, { id: roundtable.id, v: roundtable.version }, as),
  ).startRoundtable;
  roundtable = dataOf(
    await rt.gql(
      OPEN_ITEM,
      { id: roundtable.id, v: roundtable.version, item: roundtable.agenda[0].id },
      as,
    ),
  ).openAgendaItem;
  return { roundtable, who };
}
