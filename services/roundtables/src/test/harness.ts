import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
  decodeEvent,
  encodeEvent,
  organizationRegisteredV1,
  personRegisteredV1,
  createEvent,
  topicName,
  type CloudEventEnvelope,
  type KollegiaEvent,
} from '@kollegia/events';
import { devAuth, type Role } from '@kollegia/service-kit';
import {
  graphqlRequest,
  sendRaw,
  testNamespace,
  uniqueId,
  type GraphQLResponse,
  type ReceivedMessage,
} from '@kollegia/testing';
import mongoose from 'mongoose';

import { createApp, type RoundtablesApp } from '../app';
import type { Clock } from '../application/context';
import { roundtablesConfigSchema } from '../config';

export const TENANT = 'akit';
export const OTHER_TENANT = 'other-association';

/** Boots the roundtables service in-process against the real stack, in its own database and topics. */
export async function startRoundtables(label: string, options: { clock?: Clock } = {}) {
  const ns = testNamespace(label);
  const auth = devAuth(mkdtempSync(join(tmpdir(), 'kollegia-auth-')));
  const config = roundtablesConfigSchema.parse({
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
    STATEMENT_SWEEP_INTERVAL_MS: '60000',
  });
  const app: RoundtablesApp = await createApp(config, options);
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
    /** Publishes events to their (prefixed) topics, as another service would. */
    async publish(events: CloudEventEnvelope[]): Promise<void> {
      for (const event of events) {
        const aggregate = event.type.split('.')[2] as Parameters<typeof topicName>[0];
        await sendRaw(ns.kafkaBrokers, topicName(aggregate, ns.topicPrefix), [encodeEvent(event)]);
      }
    },
    async stop() {
      await app.stop();
      const conn = await mongoose.createConnection(ns.mongoUrl, { dbName: ns.dbName }).asPromise();
      await conn.dropDatabase();
      await conn.close();
    },
  };
}

export type Roundtables = Awaited<ReturnType<typeof startRoundtables>>;

/** Fails with the errors when a response has any; returns its data. */
export function dataOf<T>(response: GraphQLResponse<T>): T {
  if (response.errors?.length || !response.data) {
    throw new Error(`unexpected GraphQL errors: ${JSON.stringify(response.errors)}`);
  }
  return response.data;
}

/** The decoded events of one aggregate, in the order the topic holds them. */
export function eventsOf(messages: ReceivedMessage[], key: string): KollegiaEvent[] {
  return messages
    .filter((m) => m.key === key)
    .map((m) => {
      const decoded = decodeEvent(m.value);
      if (!decoded.ok) throw new Error(decoded.reason);
      return decoded.event;
    });
}

/** Short type names: `kollegia.roundtables.roundtable.started.v1` → `started`. */
export const shortTypes = (events: KollegiaEvent[]) => events.map((e) => e.type.split('.')[3]);

/** An organisation's `registered` event as members would publish it. */
export function organizationRegistered(
  id: string,
  name: string,
  shortName: string,
  tenantId = TENANT,
) {
  return createEvent(
    organizationRegisteredV1,
    { subject: id, tenantId, aggregateVersion: 1, correlationId: id, actor: 'system:members' },
    { ...organizationRegisteredV1.example, id, name, shortName, inn: undefined, ogrn: undefined },
  );
}

/** A person's `registered` event as members would publish it. */
export function personRegistered(id: string, fullName: string, tenantId = TENANT) {
  return createEvent(
    personRegisteredV1,
    { subject: id, tenantId, aggregateVersion: 1, correlationId: id, actor: 'system:members' },
    { id, fullName, expertise: [] },
  );
}

/** Fresh member ids for one test's cast. */
export function cast() {
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
    who?: ReturnType<typeof cast>;
    title?: string;
  } = {},
) {
  const who = options.who ?? cast();
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
