import {
  collectMessages,
  errorCode,
  expectEventually,
  type ReceivedMessage,
} from '@kollegia/testing';

import {
  aLiveRoundtable,
  AMEND,
  cast,
  CLOSE_ITEM,
  CONCLUDE,
  dataOf,
  eventsOf,
  GET_ROUNDTABLE,
  industrialRussiaConference,
  industryRoundtable,
  OPEN_ITEM,
  PROPOSE,
  RECORD,
  REGISTER,
  SCHEDULE_CONFERENCE,
  SCHEDULE_ROUNDTABLE,
  SET_AGENDA,
  shortTypes,
  START,
  startRoundtables,
  TENANT,
  WITHDRAW,
  type Roundtables,
} from './test/harness';

let rt: Roundtables;
let collector: { messages: ReceivedMessage[]; stop: () => Promise<void> };

beforeAll(async () => {
  rt = await startRoundtables('live');
  collector = await collectMessages(rt.ns.kafkaBrokers, [
    rt.app.runtime.topic('roundtable'),
    rt.app.runtime.topic('conference'),
  ]);
});

afterAll(async () => {
  await collector.stop();
  await rt.stop();
});

const STATEMENTS = `query($id: ID!, $after: String) { roundtable(id: $id) { statements(first: 100, after: $after) { totalCount nodes { id sequence text agendaItemId agendaItem { id position } speaker { __typename ... on Person { id } } } pageInfo { hasNextPage endCursor } } } }`;

describe('a round table sitting live', () => {
  it('should carry a round table from scheduling to conclusion and announce every step in order', async () => {
    const who = await cast(rt);
    const conference = dataOf(
      await rt.gql(SCHEDULE_CONFERENCE, { input: industrialRussiaConference([who.association]) }),
    ).scheduleConference;
    expect(conference).toMatchObject({ version: 1, status: 'PLANNED', city: 'Москва' });

    let r = dataOf(
      await rt.gql(SCHEDULE_ROUNDTABLE, {
        input: industryRoundtable(conference.id, who.moderator),
      }),
    ).scheduleRoundtable;
    expect(r).toMatchObject({
      version: 1,
      status: 'SCHEDULED',
      conference: { id: conference.id, title: conference.title },
      moderator: { __typename: 'Person', id: who.moderator },
    });
    const step = async (query: string, variables: Record<string, unknown>) => {
      const data = dataOf(await rt.gql(query, { id: r.id, v: r.version, ...variables }));
      r = Object.values(data)[0];
      return r;
    };

    await step(REGISTER, {
      input: { personId: who.speaker, organizationId: who.association, role: 'SPEAKER' },
    });
    await step(REGISTER, { input: { organizationId: who.ministry, role: 'OBSERVER' } });
    await step(REGISTER, {
      input: { personId: who.expert, role: 'EXPERT', attendance: 'ATTENDED' },
    });
    expect(r.participants).toEqual([
      expect.objectContaining({
        role: 'SPEAKER',
        attendance: 'REGISTERED',
        person: { id: who.speaker },
        organization: { id: who.association },
      }),
      expect.objectContaining({
        role: 'OBSERVER',
        person: null,
        organization: { id: who.ministry },
      }),
      expect.objectContaining({ role: 'EXPERT', attendance: 'ATTENDED', organization: null }),
    ]);
    await step(SET_AGENDA, {
      items: [
        { title: 'Опыт Германии и Китая' },
        { title: '«Мягкая ловушка» зарубежных технологий' },
      ],
    });
    const [first, second] = r.agenda;
    expect(
      r.agenda.map((a: { position: number; status: string }) => [a.position, a.status]),
    ).toEqual([
      [1, 'PENDING'],
      [2, 'PENDING'],
    ]);
    await step(START, {});
    expect(r.status).toBe('LIVE');
    await step(OPEN_ITEM, { item: first.id });

    const said = [
      {
        speaker: { kind: 'PERSON', id: who.moderator },
        text: 'Открываем обсуждение первого вопроса.',
      },
      {
        speaker: { kind: 'PERSON', id: who.speaker },
        text: 'Германия строит Industrie 4.0 в рамках стратегии High-Tech 2020 с 2011 года.',
      },
      {
        speaker: { kind: 'PERSON', id: who.expert },
        text: 'Китай ответил программой «Made in China 2025»; нам нужна своя дорожная карта.',
      },
    ];
    const recorded = [];
    for (const input of said) {
      recorded.push(
        dataOf(await rt.gql(RECORD, { id: r.id, input: { ...input, agendaItemId: first.id } }))
          .recordStatement,
      );
    }
    expect(recorded.map((s) => s.sequence)).toEqual([1, 2, 3]);
    expect(recorded[1]).toMatchObject({
      agendaItemId: first.id,
      speaker: { __typename: 'Person', id: who.speaker },
    });

    r = dataOf(await rt.gql(GET_ROUNDTABLE, { id: r.id })).roundtable;
    expect(r).toMatchObject({ version: 10, statementCount: 3 });
    await step(PROPOSE, {
      input: {
        kind: 'RECOMMENDATION',
        text: 'Предложить Минпромторгу России и Проектному офису НТИ отобрать совместные проекты кластеров.',
        addresseeIds: [who.ministry],
        responsible: { kind: 'ORGANIZATION', id: who.association },
        dueDate: '2017-06-30',
        agendaItemId: first.id,
      },
    });
    await step(PROPOSE, {
      input: { kind: 'DECISION', text: 'Провести следующее заседание весной.' },
    });
    const [recommendation, decision] = r.resolutions;
    await step(AMEND, {
      r: recommendation.id,
      input: { addresseeIds: [who.ministry, who.ntiOffice], kind: 'QUESTION_TO_REGULATOR' },
    });
    await step(WITHDRAW, { r: decision.id, reason: 'Поглощено общим решением' });
    await step(CLOSE_ITEM, { item: first.id });
    await step(CONCLUDE, {});

    expect(r).toMatchObject({ status: 'CONCLUDED', statementCount: 3, version: 16 });
    expect(r.agenda.map((a: { status: string }) => a.status)).toEqual(['DISCUSSED', 'PENDING']);
    expect(r.agenda[1].id).toBe(second.id);
    expect(r.resolutions).toEqual([
      expect.objectContaining({
        id: recommendation.id,
        kind: 'QUESTION_TO_REGULATOR',
        status: 'ADOPTED',
        dueDate: '2017-06-30',
        addressees: [{ id: who.ministry }, { id: who.ntiOffice }],
        responsible: { __typename: 'Organization', id: who.association },
      }),
      expect.objectContaining({
        id: decision.id,
        status: 'WITHDRAWN',
        withdrawReason: 'Поглощено общим решением',
      }),
    ]);
    const minutes = dataOf(await rt.gql(STATEMENTS, { id: r.id })).roundtable.statements;
    expect(minutes.totalCount).toBe(3);
    expect(minutes.nodes.map((s: { text: string }) => s.text)).toEqual(said.map((s) => s.text));
    expect(minutes.nodes[0].agendaItem).toEqual({ id: first.id, position: 1 });

    const stored = await rt.app.runtime.connection
      .collection('statements')
      .find({ roundtableId: r.id })
      .sort({ sequence: 1 })
      .toArray();
    expect(stored.map((s) => [s._id, s.sequence])).toEqual(recorded.map((s) => [s.id, s.sequence]));

    const events = await expectEventually(() => {
      const list = eventsOf(collector.messages, r.id);
      expect(list).toHaveLength(16);
      return list;
    });
    expect(shortTypes(events)).toEqual([
      'scheduled',
      'participant-registered',
      'participant-registered',
      'participant-registered',
      'agenda-set',
      'started',
      'agenda-item-opened',
      'statement-recorded',
      'statement-recorded',
      'statement-recorded',
      'resolution-proposed',
      'resolution-proposed',
      'resolution-amended',
      'resolution-withdrawn',
      'agenda-item-closed',
      'concluded',
    ]);
    expect(events.map((e) => e.aggregateversion)).toEqual(
      Array.from({ length: 16 }, (_, i) => i + 1),
    );
    expect(events.every((e) => e.tenantid === TENANT && e.actor === 'user-secretary')).toBe(true);
    expect(events[8]?.data).toEqual({
      id: r.id,
      conferenceId: conference.id,
      published: true,
      statement: {
        id: recorded[1].id,
        sequence: 2,
        speaker: { kind: 'PERSON', id: who.speaker },
        agendaItemId: first.id,
        text: said[1]!.text,
        recordedAt: recorded[1].recordedAt,
        // Typed live: said when recorded.
        occurredAt: recorded[1].recordedAt,
      },
    });
    expect(events[12]?.data).toMatchObject({ changedFields: ['kind', 'addresseeIds'] });
    expect(events[15]?.data).toMatchObject({
      title: r.title,
      statementCount: 3,
      agenda: [
        { id: first.id, position: 1, status: 'DISCUSSED' },
        { id: second.id, position: 2, status: 'PENDING' },
      ],
      resolutions: [
        {
          id: recommendation.id,
          kind: 'QUESTION_TO_REGULATOR',
          addresseeIds: [who.ministry, who.ntiOffice],
          responsible: { kind: 'ORGANIZATION', id: who.association },
          status: 'ADOPTED',
        },
      ],
    });
    await expectEventually(async () => {
      const doc = await rt.app.runtime.connection
        .collection('roundtables')
        .findOne({ _id: r.id as never });
      expect(doc?.outbox).toEqual([]);
    });
  });

  it('should refuse every illegal transition with CONFLICT naming the current state', async () => {
    const { roundtable, who } = await aLiveRoundtable(rt);
    const started = await rt.gql(START, { id: roundtable.id, v: roundtable.version });
    expect(errorCode(started)).toBe('CONFLICT');
    expect(started.errors?.[0]?.extensions?.currentState).toBe('LIVE');
    expect(started.errors?.[0]?.message).toMatch(/LIVE/);

    const opened = await rt.gql(OPEN_ITEM, {
      id: roundtable.id,
      v: roundtable.version,
      item: roundtable.agenda[1].id,
    });
    expect(errorCode(opened)).toBe('CONFLICT');
    expect(opened.errors?.[0]?.extensions?.currentState).toBe('IN_DISCUSSION');

    const concluded = dataOf(
      await rt.gql(CONCLUDE, { id: roundtable.id, v: roundtable.version }),
    ).concludeRoundtable;
    // Once concluded, a statement is typed up from the minutes: it must say when it was said.
    const late = await rt.gql(RECORD, {
      id: roundtable.id,
      input: { speaker: { kind: 'PERSON', id: who.moderator }, text: 'Поздно' },
    });
    expect(errorCode(late)).toBe('BAD_USER_INPUT');
    expect(late.errors?.[0]?.extensions?.field).toBe('occurredAt');
    const again = await rt.gql(CONCLUDE, { id: roundtable.id, v: concluded.version });
    expect(again.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      currentState: 'CONCLUDED',
    });
  });

  it('should take a conference from PLANNED to OPEN to CLOSED and refuse a step out of order', async () => {
    const conference = dataOf(
      await rt.gql(SCHEDULE_CONFERENCE, { input: industrialRussiaConference([]) }),
    ).scheduleConference;
    const move = (name: string, v: number) =>
      rt.gql(
        `mutation($id: ID!, $v: Int!) { ${name}(id: $id, expectedVersion: $v) { version status openedAt closedAt } }`,
        { id: conference.id, v },
      );
    const early = await move('closeConference', 1);
    expect(early.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      currentState: 'PLANNED',
    });
    expect(dataOf(await move('openConference', 1)).openConference).toMatchObject({
      version: 2,
      status: 'OPEN',
    });
    expect(dataOf(await move('closeConference', 2)).closeConference).toMatchObject({
      version: 3,
      status: 'CLOSED',
    });
    const closedTo = await rt.gql(SCHEDULE_ROUNDTABLE, {
      input: industryRoundtable(conference.id, 'person-1'),
    });
    expect(closedTo.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      currentState: 'CLOSED',
    });
    await expectEventually(() =>
      expect(shortTypes(eventsOf(collector.messages, conference.id))).toEqual([
        'scheduled',
        'opened',
        'closed',
      ]),
    );
  });
});

describe('concurrent edits', () => {
  it('should refuse a change at a stale expectedVersion and keep the winner’s', async () => {
    const { roundtable } = await aLiveRoundtable(rt);
    const propose = (text: string) =>
      rt.gql(PROPOSE, {
        id: roundtable.id,
        v: roundtable.version,
        input: { kind: 'DECISION', text },
      });
    const [a, b] = await Promise.all([propose('Первое решение'), propose('Второе решение')]);
    const outcomes = [a, b].map((response) => errorCode(response) ?? 'OK').sort();
    expect(outcomes).toEqual(['CONFLICT', 'OK']);
    const loser = [a, b].find((response) => errorCode(response) === 'CONFLICT')!;
    expect(loser.errors?.[0]?.extensions).toMatchObject({
      field: 'expectedVersion',
      currentVersion: roundtable.version + 1,
    });
    const stored = dataOf(await rt.gql(GET_ROUNDTABLE, { id: roundtable.id })).roundtable;
    expect(stored.version).toBe(roundtable.version + 1);
    expect(stored.resolutions).toHaveLength(1);
  });

  it('should record every statement, numbered without gaps, while other edits go on', async () => {
    const { roundtable, who } = await aLiveRoundtable(rt);
    const item = roundtable.agenda[0].id;
    const lines = Array.from({ length: 25 }, (_, i) => `Реплика ${i + 1}`);
    const edits = (async () => {
      // A secretary's versioned edits interleave with the statements; each reloads its version.
      let done = 0;
      while (done < 3) {
        const current = dataOf(await rt.gql(GET_ROUNDTABLE, { id: roundtable.id })).roundtable;
        const response = await rt.gql(PROPOSE, {
          id: roundtable.id,
          v: current.version,
          input: { kind: 'DECISION', text: `Решение ${done + 1}` },
        });
        if (!response.errors) done += 1;
        else expect(errorCode(response)).toBe('CONFLICT');
      }
    })();
    const results = await Promise.all(
      lines.map((text) =>
        rt.gql(RECORD, {
          id: roundtable.id,
          input: { speaker: { kind: 'PERSON', id: who.speaker }, agendaItemId: item, text },
        }),
      ),
    );
    await edits;
    const sequences = results.map((response) => dataOf(response).recordStatement.sequence);
    expect([...sequences].sort((x, y) => x - y)).toEqual(lines.map((_, i) => i + 1));
    const stored = dataOf(await rt.gql(GET_ROUNDTABLE, { id: roundtable.id })).roundtable;
    expect(stored.statementCount).toBe(25);
    expect(stored.resolutions).toHaveLength(3);
    expect(
      await rt.app.runtime.connection
        .collection('statements')
        .countDocuments({ roundtableId: roundtable.id }),
    ).toBe(25);
    const texts = await expectEventually(() => {
      const recorded = eventsOf(collector.messages, roundtable.id).filter(
        (e) => e.type === 'kollegia.roundtables.roundtable.statement-recorded.v1',
      );
      expect(recorded).toHaveLength(25);
      return recorded.map((e) => (e.data as { statement: { text: string } }).statement.text);
    });
    expect([...texts].sort()).toEqual([...lines].sort());
  });
});
