import type { RoundtableConcludedV1, RoundtableStatementRecordedV1 } from '@kollegia/events';
import {
  collectMessages,
  errorCode,
  expectEventually,
  type ReceivedMessage,
} from '@kollegia/testing';

import {
  cast,
  dataOf,
  eventsOf,
  industrialRussiaConference,
  SCHEDULE_CONFERENCE,
  shortTypes,
  startRoundtables,
  type Cast,
  type Roundtables,
} from './test/harness';

let rt: Roundtables;
let collector: { messages: ReceivedMessage[]; stop: () => Promise<void> };

beforeAll(async () => {
  rt = await startRoundtables('past');
  collector = await collectMessages(rt.ns.kafkaBrokers, [rt.app.runtime.topic('roundtable')]);
});

afterAll(async () => {
  await collector.stop();
  await rt.stop();
});

const SITTING_FIELDS = `id version status statementCount startsAt endsAt startedAt concludedAt minutesApprovedAt
  source { url title publisher } workingGroup { id }
  participants { id role attendance organization { id } delegation { description headCount } }
  agenda { id position title status result openedAt closedAt }
  resolutions { id kind status agendaItemId agendaItemIds }`;
const RECORD_SITTING = `mutation($input: RecordSittingInput!) { recordSitting(input: $input) { ${SITTING_FIELDS} } }`;
const OPEN_CONFERENCE = `mutation($id: ID!, $v: Int!, $at: DateTimeISO) { openConference(id: $id, expectedVersion: $v, openedAt: $at) { id version status openedAt } }`;
const CLOSE_CONFERENCE = `mutation($id: ID!, $v: Int!, $at: DateTimeISO) { closeConference(id: $id, expectedVersion: $v, closedAt: $at) { id version status openedAt closedAt } }`;
const RECORD = `mutation($id: ID!, $input: RecordStatementInput!) { recordStatement(roundtableId: $id, input: $input) { id sequence occurredAt recordedAt } }`;
const CORRECT = `mutation($id: ID!, $s: ID!, $input: CorrectStatementInput!) { correctStatement(roundtableId: $id, statementId: $s, input: $input) { id sequence revision text occurredAt } }`;
const UPDATE = `mutation($id: ID!, $v: Int!, $input: UpdateRoundtableInput!) { updateRoundtable(id: $id, expectedVersion: $v, input: $input) { ${SITTING_FIELDS} } }`;
const RESULT = `mutation($id: ID!, $v: Int!, $item: ID!, $result: String) { recordAgendaResult(roundtableId: $id, expectedVersion: $v, agendaItemId: $item, result: $result) { ${SITTING_FIELDS} } }`;
const REGISTER = `mutation($id: ID!, $v: Int!, $input: RegisterParticipantInput!) { registerParticipant(roundtableId: $id, expectedVersion: $v, input: $input) { ${SITTING_FIELDS} } }`;
const APPROVE = `mutation($id: ID!, $v: Int!, $at: DateTimeISO) { approveMinutes(id: $id, expectedVersion: $v, approvedAt: $at) { ${SITTING_FIELDS} } }`;
const GET = `query($id: ID!) { roundtable(id: $id) { ${SITTING_FIELDS} statements(first: 100) { totalCount nodes { id sequence revision occurredAt recordedAt text } } } }`;
const MINUTES = `query($id: ID!) { roundtableMinutes(id: $id) { markdown } }`;

/** 10 November 2016 in Moscow, where the documents print their times. */
const msk = (time: string) => new Date(`2016-11-10T${time}:00+03:00`).toISOString();

/** The 2016 round table as its minutes record it, typed up today. */
const WORKING_GROUP = '6650a1f0c2b9e4a1d3f00701';

function sitting(who: Cast, conferenceId: string) {
  const speaker = { kind: 'PERSON', id: who.speaker };
  const ministry = { kind: 'ORGANIZATION', id: who.ministry };
  return {
    conferenceId,
    title: 'Индустрия 4.0 в ТЭК и ОПК: кластеры как точки роста',
    format: 'ROUND_TABLE',
    moderator: { kind: 'PERSON', id: who.moderator },
    venue: 'Малый зал',
    published: true,
    source: {
      url: 'https://akitrf.ru/news/promyshlennaya-rossiya-4-0/',
      title: 'Итоги конференции «Промышленная Россия 4.0»',
      publisher: 'Ассоциация кластеров и технопарков',
    },
    workingGroupId: WORKING_GROUP,
    startedAt: msk('11:00'),
    concludedAt: msk('13:00'),
    participants: [
      { personId: who.speaker, organizationId: who.association, role: 'SPEAKER' },
      {
        organizationId: who.ministry,
        role: 'PARTICIPANT',
        attendance: 'ATTENDED',
        delegation: { description: 'руководство и специалисты министерства', headCount: 4 },
      },
    ],
    agenda: [
      {
        title: 'Отбор совместных проектов кластеров для дорожных карт НТИ',
        result: 'Подготовить перечень проектов к 1 марта',
      },
      { title: 'Кластеры как инструмент диверсификации ОПК' },
      {
        title: 'Молодёжное технологическое предпринимательство',
        deferred: true,
        deferReason: 'Перенесено на следующую встречу',
      },
    ],
    statements: [
      {
        speaker,
        question: 1,
        text: 'Предлагаем провести отбор проектов.',
        occurredAt: msk('11:05'),
      },
      {
        speaker: ministry,
        question: 1,
        text: 'Министерство поддерживает.',
        occurredAt: msk('11:30'),
      },
      { speaker, question: 2, text: 'Нужна рабочая группа по ОПК.', occurredAt: msk('12:15') },
    ],
    resolutions: [
      {
        kind: 'CONTROL_ITEM',
        text: 'Взять на контроль отбор проектов и создание рабочей группы',
        addresseeIds: [who.ministry],
        questions: [1, 2],
      },
      {
        kind: 'QUESTION_TO_REGULATOR',
        text: 'Просить Минпромторг России рассмотреть создание временной рабочей группы',
        addresseeIds: [who.ministry],
        questions: [2],
      },
    ],
  };
}

async function closedConference(who: Cast) {
  const conference = dataOf(
    await rt.gql(SCHEDULE_CONFERENCE, { input: industrialRussiaConference([who.association]) }),
  ).scheduleConference;
  const opened = dataOf(
    await rt.gql(OPEN_CONFERENCE, { id: conference.id, v: 1, at: msk('10:00') }),
  ).openConference;
  expect(opened).toMatchObject({ status: 'OPEN', openedAt: msk('10:00') });
  const closed = dataOf(
    await rt.gql(CLOSE_CONFERENCE, { id: conference.id, v: 2, at: msk('18:30') }),
  ).closeConference;
  expect(closed).toMatchObject({ status: 'CLOSED', closedAt: msk('18:30') });
  return closed;
}

describe('a past meeting recorded from its minutes', () => {
  it('should record a 2016 round table as it happened: events carry the happened times, minutes print them', async () => {
    const typedAt = Date.now();
    const who = await cast(rt);
    const conference = await closedConference(who);

    const r = dataOf(
      await rt.gql(RECORD_SITTING, { input: sitting(who, conference.id) }),
    ).recordSitting;

    expect(r).toMatchObject({
      version: 1,
      status: 'CONCLUDED',
      statementCount: 3,
      startsAt: msk('11:00'),
      startedAt: msk('11:00'),
      concludedAt: msk('13:00'),
      minutesApprovedAt: null,
      source: {
        url: 'https://akitrf.ru/news/promyshlennaya-rossiya-4-0/',
        publisher: 'Ассоциация кластеров и технопарков',
      },
      workingGroup: { id: WORKING_GROUP },
      participants: [
        { role: 'SPEAKER', delegation: null },
        {
          role: 'PARTICIPANT',
          organization: { id: who.ministry },
          delegation: { description: 'руководство и специалисты министерства', headCount: 4 },
        },
      ],
      agenda: [
        {
          status: 'DISCUSSED',
          result: 'Подготовить перечень проектов к 1 марта',
          openedAt: msk('11:05'),
          closedAt: msk('11:30'),
        },
        { status: 'DISCUSSED', result: null, openedAt: msk('12:15'), closedAt: msk('12:15') },
        { status: 'DEFERRED', result: null, openedAt: null, closedAt: null },
      ],
    });
    const [first, second] = r.agenda;
    expect(r.resolutions).toMatchObject([
      {
        kind: 'CONTROL_ITEM',
        status: 'ADOPTED',
        agendaItemId: first.id,
        agendaItemIds: [first.id, second.id],
      },
      { kind: 'QUESTION_TO_REGULATOR', status: 'ADOPTED', agendaItemIds: [second.id] },
    ]);

    const events = await expectEventually(() => {
      const list = eventsOf(collector.messages, r.id);
      expect(list.length).toBe(16);
      return list;
    });
    expect(shortTypes(events)).toEqual([
      'scheduled',
      'participant-registered',
      'participant-registered',
      'agenda-set',
      'started',
      'agenda-item-opened',
      'statement-recorded',
      'statement-recorded',
      'agenda-item-closed',
      'agenda-item-opened',
      'statement-recorded',
      'agenda-item-closed',
      'agenda-item-deferred',
      'resolution-proposed',
      'resolution-proposed',
      'concluded',
    ]);
    // CloudEvents `time` is when it was recorded (ADR 0002); the data say when it happened.
    for (const event of events)
      expect(Date.parse(event.time)).toBeGreaterThanOrEqual(typedAt - 1000);
    expect(events[0]!.data).toMatchObject({
      status: 'SCHEDULED',
      source: { url: 'https://akitrf.ru/news/promyshlennaya-rossiya-4-0/' },
      workingGroupId: WORKING_GROUP,
    });
    const held = dataOf(
      await rt.gql(
        `query($g: ID) { roundtables(filter: { workingGroupId: $g }) { nodes { id } } }`,
        { g: WORKING_GROUP },
      ),
    ).roundtables.nodes.map((node: { id: string }) => node.id);
    expect(held).toContain(r.id);
    const started = events.find((e) => e.type.endsWith('.started.v1'))!;
    expect(started.data).toMatchObject({ startedAt: msk('11:00') });
    const opened = events.find((e) => e.type.endsWith('.agenda-item-opened.v1'))!;
    expect(opened.data).toMatchObject({ occurredAt: msk('11:05') });
    const statement = events.find((e) => e.type.endsWith('.statement-recorded.v1'))!
      .data as RoundtableStatementRecordedV1['data'];
    expect(statement.statement.occurredAt).toBe(msk('11:05'));
    expect(Date.parse(statement.statement.recordedAt)).toBeGreaterThanOrEqual(typedAt - 1000);
    const concluded = events.at(-1)!.data as RoundtableConcludedV1['data'];
    expect(concluded).toMatchObject({
      concludedAt: msk('13:00'),
      statementCount: 3,
      agenda: [
        { id: first.id, status: 'DISCUSSED', result: 'Подготовить перечень проектов к 1 марта' },
        { id: second.id, status: 'DISCUSSED' },
        { status: 'DEFERRED' },
      ],
      resolutions: [
        { kind: 'CONTROL_ITEM', agendaItemId: first.id, agendaItemIds: [first.id, second.id] },
        { kind: 'QUESTION_TO_REGULATOR', agendaItemId: second.id },
      ],
    });

    const minutes = dataOf(await rt.gql(MINUTES, { id: r.id })).roundtableMinutes.markdown;
    expect(minutes).toContain('**Дата:** 10 ноября 2016 г., 11:00–13:00');
    expect(minutes).toContain('3. Молодёжное технологическое предпринимательство — отложен');
    expect(minutes).toContain(
      '**Источник:** Итоги конференции «Промышленная Россия 4.0», Ассоциация кластеров и технопарков, https://akitrf.ru/news/promyshlennaya-rossiya-4-0/',
    );
    expect(minutes).toContain('**11:05 ');
    expect(minutes).toContain('**12:15 ');
    expect(minutes).toContain(
      'Минпромторг России: руководство и специалисты министерства (4 чел.)',
    );
    expect(minutes).toContain('*Итог:* Подготовить перечень проектов к 1 марта');
    expect(minutes).toContain('*По вопросам повестки:* 1, 2');
    expect(minutes).toContain('Проект протокола: не утверждён.');
  });

  it('should take corrections to the minutes until they are approved, and refuse them after', async () => {
    const who = await cast(rt);
    const conference = await closedConference(who);
    let r = dataOf(
      await rt.gql(RECORD_SITTING, { input: sitting(who, conference.id) }),
    ).recordSitting;
    const [first, second] = r.agenda;

    // A line left out when typing up, said between the first two.
    const added = dataOf(
      await rt.gql(RECORD, {
        id: r.id,
        input: {
          speaker: { kind: 'PERSON', id: who.moderator },
          agendaItemId: first.id,
          text: 'Прошу министерство высказаться.',
          occurredAt: msk('11:20'),
        },
      }),
    ).recordStatement;
    expect(added).toMatchObject({ sequence: 4, occurredAt: msk('11:20') });
    r = dataOf(await rt.gql(GET, { id: r.id })).roundtable;
    // A line typed wrong: the ministry said more, and a little later.
    const wrong = r.statements.nodes.find((n: { sequence: number }) => n.sequence === 2);
    const corrected = dataOf(
      await rt.gql(CORRECT, {
        id: r.id,
        s: wrong.id,
        input: { text: 'Министерство поддерживает отбор проектов.', occurredAt: msk('11:32') },
      }),
    ).correctStatement;
    expect(corrected).toMatchObject({
      id: wrong.id,
      sequence: 2,
      revision: 1,
      occurredAt: msk('11:32'),
    });
    await expectEventually(() => {
      const event = eventsOf(collector.messages, r.id).find((e) =>
        e.type.endsWith('.statement-corrected.v1'),
      );
      expect(event?.data).toMatchObject({
        statement: { id: wrong.id, revision: 1, text: 'Министерство поддерживает отбор проектов.' },
        changedFields: ['text', 'occurredAt'],
      });
    });
    r = dataOf(await rt.gql(GET, { id: r.id })).roundtable;
    expect(r.statements.nodes[1]).toMatchObject({
      revision: 1,
      text: 'Министерство поддерживает отбор проектов.',
    });
    r = dataOf(
      await rt.gql(RESULT, {
        id: r.id,
        v: r.version,
        item: second.id,
        result: 'Создать временную рабочую группу',
      }),
    ).recordAgendaResult;
    r = dataOf(
      await rt.gql(REGISTER, {
        id: r.id,
        v: r.version,
        input: {
          organizationId: who.ntiOffice,
          role: 'OBSERVER',
          delegation: { description: 'представители' },
        },
      }),
    ).registerParticipant;
    expect(r).toMatchObject({
      statementCount: 4,
      agenda: [{}, { result: 'Создать временную рабочую группу' }, { status: 'DEFERRED' }],
    });

    const minutes = dataOf(await rt.gql(MINUTES, { id: r.id })).roundtableMinutes.markdown;
    // In the order said, not the order typed.
    expect(minutes.indexOf('**11:05 ')).toBeLessThan(minutes.indexOf('**11:20 '));
    expect(minutes.indexOf('**11:20 ')).toBeLessThan(minutes.indexOf('**11:32 '));
    expect(minutes).toContain('Министерство поддерживает отбор проектов.');
    expect(minutes).not.toContain('**11:30 ');

    // The report is published on another site: the link moves, announced apart from the card.
    r = dataOf(
      await rt.gql(UPDATE, {
        id: r.id,
        v: r.version,
        input: { source: { url: 'https://minpromtorg.gov.ru/press/2016-11-10' } },
      }),
    ).updateRoundtable;
    expect(r.source).toEqual({
      url: 'https://minpromtorg.gov.ru/press/2016-11-10',
      title: null,
      publisher: null,
    });
    await expectEventually(() =>
      expect(
        eventsOf(collector.messages, r.id).find((e) => e.type.endsWith('.links-updated.v1'))?.data,
      ).toMatchObject({ source: { url: 'https://minpromtorg.gov.ru/press/2016-11-10' } }),
    );
    r = dataOf(
      await rt.gql(APPROVE, { id: r.id, v: r.version, at: '2016-11-14T13:00:00.000Z' }),
    ).approveMinutes;
    expect(r.minutesApprovedAt).toBe('2016-11-14T13:00:00.000Z');
    await expectEventually(() =>
      expect(shortTypes(eventsOf(collector.messages, r.id)).at(-1)).toBe('minutes-approved'),
    );
    expect(dataOf(await rt.gql(MINUTES, { id: r.id })).roundtableMinutes.markdown).toContain(
      'Протокол утверждён 14 ноября 2016 г.',
    );

    const refusals = [
      await rt.gql(RECORD, {
        id: r.id,
        input: {
          speaker: { kind: 'PERSON', id: who.moderator },
          text: 'Поздняя правка',
          occurredAt: msk('12:00'),
        },
      }),
      await rt.gql(RESULT, { id: r.id, v: r.version, item: first.id, result: 'Иначе' }),
      await rt.gql(CORRECT, { id: r.id, s: added.id, input: { text: 'Иначе' } }),
      await rt.gql(REGISTER, {
        id: r.id,
        v: r.version,
        input: { organizationId: who.duma, role: 'OBSERVER' },
      }),
    ];
    for (const refused of refusals) {
      expect(errorCode(refused)).toBe('CONFLICT');
      expect(refused.errors?.[0]?.message).toMatch(
        /are APPROVED and cannot .* \(status APPROVED\)/,
      );
    }
    const after = dataOf(await rt.gql(GET, { id: r.id })).roundtable;
    expect(after).toMatchObject({ version: r.version, statementCount: 4 });
  });

  it('should refuse a sitting with a statement outside it, naming the field, and store nothing', async () => {
    const who = await cast(rt);
    const conference = await closedConference(who);
    const input = sitting(who, conference.id);
    input.statements[2]!.occurredAt = msk('13:05');

    const refused = await rt.gql(RECORD_SITTING, { input });

    expect(errorCode(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0]?.extensions).toMatchObject({ field: 'statements[2].occurredAt' });
    const search = dataOf(
      await rt.gql(`query($c: ID) { roundtables(filter: { conferenceId: $c }) { totalCount } }`, {
        c: conference.id,
      }),
    );
    expect(search.roundtables.totalCount).toBe(0);
  });

  it('should record a realistic sitting of 200 statements in one operation within the limits', async () => {
    const who = await cast(rt);
    const conference = await closedConference(who);
    // About 370 characters each: a typed-up sitting of two hours.
    const line = (n: number) =>
      `Выступление ${n}. ` +
      'Кластерам нужны собственные решения и инженеры, а проекты под них стоит включать в дорожные ' +
      'карты НТИ; министерство готово рассмотреть предложения ассоциации после отбора проектов, ' +
      'при условии что участники кластеров внесены в реестр и представят финансовые модели. ' +
      'Отдельно обсуждались меры поддержки экспорта и импортозамещения программного обеспечения.';
    const input = {
      ...sitting(who, conference.id),
      statements: Array.from({ length: 200 }, (_, index) => ({
        speaker: { kind: 'PERSON', id: index % 2 ? who.speaker : who.moderator },
        question: index < 120 ? 1 : 2,
        text: line(index + 1),
        occurredAt: new Date(Date.parse(msk('11:00')) + index * 30_000).toISOString(),
      })),
    };
    // The gateway refuses request bodies over MAX_BODY_BYTES (256 KB by default); the subgraph
    // applies the same token, depth and cost limits as the gateway (the kit's defaults).
    const body = JSON.stringify({ query: RECORD_SITTING, variables: { input } });
    expect(Buffer.byteLength(body)).toBeLessThan(256 * 1024);

    const r = dataOf(await rt.gql(RECORD_SITTING, { input })).recordSitting;

    expect(r).toMatchObject({ status: 'CONCLUDED', statementCount: 200 });
    const stored = dataOf(await rt.gql(GET, { id: r.id })).roundtable;
    expect(stored.statements.totalCount).toBe(200);
    expect(stored.statements.nodes[99]).toMatchObject({
      sequence: 100,
      occurredAt: new Date(Date.parse(msk('11:00')) + 99 * 30_000).toISOString(),
    });
  });
});
