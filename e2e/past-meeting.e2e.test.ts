import { demoResolutions, demoWorkspace } from '@kollegia/demo';
import { createEvent, encodeEvent, roundtableConcludedV1, topicName } from '@kollegia/events';
import { DEFAULT_TIME_ZONE, localDate } from '@kollegia/service-kit/domain';
import { expectEventually, sendRaw, uniqueId } from '@kollegia/testing';
import { MongoClient } from 'mongodb';

import { System, TENANT } from './system';

/**
 * The held-out kind of meeting (issue #17), entered through the gateway as a new user would, after
 * it happened: a working meeting of a Belarusian technology park with the Belarusian ministry of
 * industry in April 2025 — questions with results, a delegation without names, a recommendation,
 * a question to the regulator and an item the ministry took under control — typed up from its
 * minutes, approved, followed up, with letters sent and registered in 2025 under Belarus's law on
 * appeals and its official calendar. Then one of the demo's 2016 round tables as the API stored it
 * before #17 (typed up "now"), moved onto its schedule by the next start of roundtables (ADR 0019).
 */
let system: System;

beforeAll(async () => {
  // The scheduler runs often, so that a notice it wrongly thought due would show up at once.
  system = await System.start('past-meeting', {
    // Debug: each scheduler run is logged, which step 7 waits for.
    env: { requests: { SCHEDULER_INTERVAL_MS: '1000', LOG_LEVEL: 'debug' } },
  });
}, 180_000);

afterAll(async () => {
  await system?.stop();
});

const REGISTER_ORGANIZATION = `mutation($input: RegisterOrganizationInput!) {
  registerOrganization(input: $input) { id country subdivision description }
}`;
const REGISTER_PERSON = `mutation($input: RegisterPersonInput!) { registerPerson(input: $input) { id } }`;
const REQUEST_FIELDS = `id version kind status timeZone registeredOnTime overdue daysRemaining
  deadline { stage dueOn dueAt } addressee { id } timeline { kind }`;

interface Party {
  kind: 'ORGANIZATION' | 'PERSON';
  id: string;
}

async function registerOrganization(input: Record<string, unknown>) {
  return (await system.data(REGISTER_ORGANIZATION, { input })).registerOrganization as {
    id: string;
    country: string;
    subdivision: string;
    description: string;
  };
}

async function registerPerson(input: Record<string, unknown>): Promise<string> {
  return (await system.data(REGISTER_PERSON, { input })).registerPerson.id as string;
}

/** A request of a recommendation once it was drafted from its adoption. */
async function requestOf(recommendationId: string) {
  return expectEventually(async () => {
    const { nodes } = (
      await system.data(
        `query($r: ID!) { requests(filter: { recommendationId: $r }) { nodes { ${REQUEST_FIELDS} } } }`,
        { r: recommendationId },
      )
    ).requests;
    expect(nodes).toHaveLength(1);
    return nodes[0] as Record<string, any>;
  });
}

async function submit(id: string, version: number, sentAt: string) {
  return (
    await system.data(
      `mutation($id: ID!, $v: Int!, $at: DateTimeISO!) { submitRequest(id: $id, expectedVersion: $v, sentAt: $at) { ${REQUEST_FIELDS} } }`,
      { id, v: version, at: sentAt },
    )
  ).submitRequest as Record<string, any>;
}

/** The addressee's own user registers it under its incoming number, on the day it did. */
async function register(id: string, version: number, registeredOn: string, ministry: string) {
  return (
    await system.data(
      `mutation($id: ID!, $v: Int!, $input: RegisterRequestInput!) { registerRequest(id: $id, expectedVersion: $v, input: $input) { ${REQUEST_FIELDS} } }`,
      { id, v: version, input: { incomingNumber: `02-17/${registeredOn}`, registeredOn } },
      'addressee',
      ministry,
    )
  ).registerRequest as Record<string, any>;
}

function decoded(file: { base64: string; size: number }): Buffer {
  const bytes = Buffer.from(file.base64, 'base64');
  expect(bytes.length).toBe(file.size);
  return bytes;
}

describe('a past working meeting with a Belarusian ministry, entered as it happened', () => {
  it('should record it from its minutes and yield its documents, codes, item under control, requests and Belarusian deadlines', async () => {
    // 1. Who was at the table: a technology park in Gomel and the ministry in Minsk (ISO 3166-2:BY).
    const technopark = await registerOrganization({
      name: 'Научно-технологический парк «Гомельский технопарк»',
      shortName: 'Гомельский технопарк',
      kind: 'TECHNOPARK',
      country: 'BY',
      subdivision: 'BY-HO',
      description:
        'Субъект инновационной инфраструктуры Гомельской области; принимающая сторона встречи',
      published: true,
    });
    expect(technopark).toMatchObject({ country: 'BY', subdivision: 'BY-HO' });
    const ministry = await registerOrganization({
      name: 'Министерство промышленности Республики Беларусь',
      shortName: 'Минпром Беларуси',
      kind: 'MINISTRY',
      country: 'BY',
      subdivision: 'BY-HM',
      description: 'Республиканский орган государственного управления в сфере промышленности',
      published: true,
    });
    expect(ministry).toMatchObject({ country: 'BY', subdivision: 'BY-HM' });
    const association = await registerOrganization({
      name: 'Ассоциация кластеров, технопарков и ОЭЗ России',
      shortName: 'АКИТ РФ',
      kind: 'ASSOCIATION',
      country: 'RU',
      subdivision: 'RU-MOW',
      published: true,
    });
    // A subdivision of another country is refused, naming the field.
    const wrong = await system.gql(REGISTER_ORGANIZATION, {
      input: { name: 'Минпром', kind: 'MINISTRY', country: 'BY', subdivision: 'RU-MOW' },
    });
    expect(wrong.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'subdivision',
    });
    const director = await registerPerson({
      fullName: 'Директор Гомельского Технопарка',
      position: 'директор',
      organizationId: technopark.id,
    });
    const deputyMinister = await registerPerson({
      fullName: 'Заместитель Министра Промышленности',
      position: 'заместитель Министра промышленности',
      organizationId: ministry.id,
    });
    const asMinistry: Party = { kind: 'ORGANIZATION', id: ministry.id };
    const asDirector: Party = { kind: 'PERSON', id: director };
    const asDeputy: Party = { kind: 'PERSON', id: deputyMinister };

    // 2. The sitting of 15 April 2025, 10:00–12:30 in Gomel (UTC+3, as Moscow), from its minutes.
    const sitting = {
      title: 'Рабочая встреча с Министерством промышленности Республики Беларусь',
      format: 'WORKING_MEETING',
      moderator: asDirector,
      venue: 'Гомельский технопарк, г. Гомель',
      source: {
        url: 'https://example.org/gomel-technopark/news/2025-04-15',
        title: 'Рабочая встреча с Минпромом',
        publisher: 'Гомельский технопарк',
      },
      startedAt: '2025-04-15T10:00:00+03:00',
      concludedAt: '2025-04-15T12:30:00+03:00',
      participants: [
        {
          personId: director,
          organizationId: technopark.id,
          role: 'MODERATOR',
          attendance: 'ATTENDED',
        },
        {
          personId: deputyMinister,
          organizationId: ministry.id,
          role: 'SPEAKER',
          attendance: 'ATTENDED',
        },
        {
          organizationId: ministry.id,
          role: 'PARTICIPANT',
          attendance: 'ATTENDED',
          delegation: { description: 'руководство и специалисты министерства', headCount: 5 },
        },
      ],
      agenda: [
        {
          title: 'О ходе реализации инновационных проектов резидентов технопарка',
          result: 'Информацию принять к сведению; проекты резидентов представить в министерство',
        },
        {
          title: 'О мерах государственной поддержки субъектов инновационной инфраструктуры',
          result: 'Подготовить предложения по мерам поддержки',
        },
        { title: 'О вопросах, требующих разъяснения регулятора' },
      ],
      statements: [
        {
          speaker: asDirector,
          question: 1,
          text: 'Резиденты технопарка реализуют двенадцать инновационных проектов.',
          occurredAt: '2025-04-15T10:05:00+03:00',
        },
        {
          speaker: asDeputy,
          question: 1,
          text: 'Министерство готово рассмотреть проекты резидентов для отраслевой программы.',
          occurredAt: '2025-04-15T10:40:00+03:00',
        },
        {
          speaker: asMinistry,
          question: 2,
          text: 'Специалисты министерства представили действующие меры поддержки.',
          occurredAt: '2025-04-15T11:15:00+03:00',
        },
        {
          speaker: asDirector,
          question: 3,
          text: 'Требуется разъяснение порядка отнесения продукции резидентов к инновационной.',
          occurredAt: '2025-04-15T12:05:00+03:00',
        },
      ],
      resolutions: [
        {
          kind: 'RECOMMENDATION',
          text: 'Рекомендовать Министерству промышленности рассмотреть включение проектов резидентов технопарка в отраслевую программу.',
          addresseeIds: [ministry.id],
          questions: [1],
        },
        {
          kind: 'QUESTION_TO_REGULATOR',
          text: 'Просить Министерство промышленности разъяснить порядок отнесения продукции резидентов технопарка к инновационной.',
          addresseeIds: [ministry.id],
          questions: [2, 3],
        },
        {
          kind: 'CONTROL_ITEM',
          text: 'Ход рассмотрения предложений по мерам поддержки взят на контроль Министерством промышленности.',
          addresseeIds: [ministry.id],
          responsible: asMinistry,
          dueDate: '2025-09-30',
          questions: [2],
        },
      ],
    };
    // Refused until roundtables has learnt of the new members from their events; nothing is stored.
    const recorded = await expectEventually(
      async () =>
        (
          await system.data(
            `mutation($input: RecordSittingInput!) { recordSitting(input: $input) {
              id version status startedAt concludedAt agenda { status result } } }`,
            { input: sitting },
          )
        ).recordSitting,
    );
    expect(recorded).toMatchObject({
      status: 'CONCLUDED',
      startedAt: '2025-04-15T07:00:00.000Z',
      concludedAt: '2025-04-15T09:30:00.000Z',
      agenda: [
        { status: 'DISCUSSED', result: sitting.agenda[0]!.result },
        { status: 'DISCUSSED', result: sitting.agenda[1]!.result },
        { status: 'DISCUSSED', result: null },
      ],
    });
    const approved = (
      await system.data(
        `mutation($id: ID!, $v: Int!) { approveMinutes(id: $id, expectedVersion: $v, approvedAt: "2025-04-17T15:00:00+03:00") { minutesApprovedAt } }`,
        { id: recorded.id, v: recorded.version },
      )
    ).approveMinutes;
    expect(approved.minutesApprovedAt).toBe('2025-04-17T12:00:00.000Z');

    // 3. The minutes print when it happened, not when it was typed.
    const minutes = (
      await system.data(
        `query($id: ID!) { roundtableMinutes(id: $id) { title markdown
          docx: file(format: DOCX) { fileName mimeType base64 size }
          pdf: file(format: PDF) { fileName mimeType base64 size } } }`,
        { id: recorded.id },
      )
    ).roundtableMinutes;
    expect(minutes.title).toContain(sitting.title);
    for (const line of [
      '15 апреля 2025 г., 10:00–12:30',
      '10:05 Директор Гомельского Технопарка (Гомельский технопарк):',
      '10:40 Заместитель Министра Промышленности (Минпром Беларуси):',
      '11:15 Минпром Беларуси: руководство и специалисты министерства (5 чел.):',
      '12:05 Директор Гомельского Технопарка',
      'Итог:* Подготовить предложения по мерам поддержки',
      'По вопросам повестки:* 2, 3',
      'Срок:* 30 сентября 2025 г.',
      'Протокол утверждён 17 апреля 2025 г.',
    ]) {
      expect(minutes.markdown).toContain(line);
    }
    expect(minutes.markdown).not.toContain('2026');
    expect(minutes.docx).toMatchObject({
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    });
    expect(minutes.docx.fileName).toMatch(/\.docx$/);
    expect(decoded(minutes.docx).subarray(0, 2).toString('latin1')).toBe('PK');
    expect(minutes.pdf).toMatchObject({ mimeType: 'application/pdf' });
    expect(minutes.pdf.fileName).toMatch(/\.pdf$/);
    expect(decoded(minutes.pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // 4. The recommendation and the question take the meeting's year; the control item is tracked.
    const recommendations = await expectEventually(async () => {
      const { nodes } = (
        await system.data(
          `query($rt: ID!) { recommendations(filter: { roundtableId: $rt }) {
            nodes { id version code actionType status addressees { id } source { meetingDate } } } }`,
          { rt: recorded.id },
        )
      ).recommendations;
      expect(nodes).toHaveLength(2);
      return nodes as Record<string, any>[];
    });
    expect(recommendations.map((r) => r.code).sort()).toEqual(['R-2025-01', 'R-2025-02']);
    const proposal = recommendations.find((r) => r.actionType === 'PROPOSAL')!;
    const question = recommendations.find((r) => r.actionType === 'QUESTION')!;
    for (const recommendation of [proposal, question]) {
      expect(recommendation).toMatchObject({
        status: 'PROPOSED',
        addressees: [{ id: ministry.id }],
        source: { meetingDate: '2025-04-15' },
      });
    }

    const item = await expectEventually(async () => {
      const { nodes } = (
        await system.data(
          `query($rt: ID!) { controlItems(filter: { roundtableId: $rt }) { nodes {
            id version text status dueDate overdue takenAt controller { id } source { meetingDate } } } }`,
          { rt: recorded.id },
        )
      ).controlItems;
      expect(nodes).toHaveLength(1);
      return nodes[0] as Record<string, any>;
    });
    expect(item).toMatchObject({
      text: sitting.resolutions[2]!.text,
      status: 'UNDER_CONTROL',
      dueDate: '2025-09-30',
      overdue: true,
      takenAt: '2025-04-15T09:30:00.000Z',
      controller: { id: ministry.id },
      source: { meetingDate: '2025-04-15' },
    });
    // The ministry's own user reports on it, as the responsible side.
    const reported = (
      await system.data(
        `mutation($id: ID!, $v: Int!) { reportControlItemProgress(id: $id, expectedVersion: $v,
          input: { text: "Предложения рассмотрены на коллегии министерства", percent: 60 }) {
          status progress { text percent author { ... on Organization { id } } } } }`,
        { id: item.id, v: item.version },
        'addressee',
        ministry.id,
      )
    ).reportControlItemProgress;
    expect(reported).toMatchObject({
      status: 'UNDER_CONTROL',
      progress: [
        {
          text: 'Предложения рассмотрены на коллегии министерства',
          percent: 60,
          author: { id: ministry.id },
        },
      ],
    });

    // 5. Adopting both drafts a request to the ministry each, of the matching kind.
    const decidedBy = { kind: 'ORGANIZATION', id: association.id };
    for (const recommendation of [proposal, question]) {
      await expectEventually(async () =>
        system.data(
          `mutation($id: ID!, $v: Int!, $by: RecommendationPartyInput!) {
            adoptRecommendation(id: $id, expectedVersion: $v, input: { decidedBy: $by }) { status } }`,
          { id: recommendation.id, v: recommendation.version, by: decidedBy },
        ),
      );
    }
    const appeal = await requestOf(proposal.id);
    const asked = await requestOf(question.id);
    expect(appeal).toMatchObject({
      kind: 'PROPOSAL',
      status: 'DRAFT',
      addressee: { id: ministry.id },
    });
    expect(asked).toMatchObject({
      kind: 'QUESTION',
      status: 'DRAFT',
      addressee: { id: ministry.id },
    });

    // 6. Belarus's procedure (300-З) for a Belarusian addressee.
    const policy = (
      await system.data(
        `query { deadlinePolicy(country: "BY") { jurisdiction law registrationDays answerDays maxExtensionDays dayCount rollToWorkingDay timeZone } }`,
        {},
        'admin',
      )
    ).deadlinePolicy;
    expect(policy).toMatchObject({
      jurisdiction: 'BY',
      registrationDays: 1,
      answerDays: 15,
      maxExtensionDays: 16,
      dayCount: 'CALENDAR',
      rollToWorkingDay: true,
      timeZone: 'Europe/Minsk',
    });
    expect(policy.law).toContain('300-З');

    // The proposal, sent on Tuesday 17 June 2025: registered by the next day, Wednesday 18 June.
    let sent = await submit(appeal.id, appeal.version, '2025-06-17T11:00:00+03:00');
    expect(sent).toMatchObject({
      status: 'SUBMITTED',
      timeZone: 'Europe/Minsk',
      deadline: { stage: 'REGISTRATION', dueOn: '2025-06-18' },
    });
    // Registered on 18 June: 15 days from the day after end on Thursday 3 July, Independence Day;
    // Friday 4 July is a day off by transfer (Council of Ministers resolution No. 839 of
    // 14.11.2024), then the weekend: the term ends on Monday 7 July 2025.
    sent = await register(sent.id, sent.version, '2025-06-18', ministry.id);
    expect(sent).toMatchObject({
      status: 'REGISTERED',
      registeredOnTime: true,
      deadline: { stage: 'ANSWER', dueOn: '2025-07-07', dueAt: '2025-07-07T20:59:59.999Z' },
      overdue: true,
    });
    expect(sent.daysRemaining).toBeLessThan(0);

    // The question, sent on Friday 25 April 2025: its registration term ends on Saturday 26 April,
    // a working day in Belarus that year (worked for Monday 28 April), so it is not moved.
    let question2 = await submit(asked.id, asked.version, '2025-04-25T16:00:00+03:00');
    expect(question2.deadline).toMatchObject({ stage: 'REGISTRATION', dueOn: '2025-04-26' });
    expect(question2.overdue).toBe(true);
    // Registered that Saturday: 15 days from Sunday 27 April end on Sunday 11 May → Monday 12 May.
    question2 = await register(question2.id, question2.version, '2025-04-26', ministry.id);
    expect(question2).toMatchObject({
      registeredOnTime: true,
      deadline: { stage: 'ANSWER', dueOn: '2025-05-12' },
      overdue: true,
    });

    // The letter carries its outgoing number and date as sent, in 2025.
    const letter = (
      await system.data(
        `query($id: ID!) { request(id: $id) { outgoingNumber letter { markdown pdf: file(format: PDF) { mimeType size } } } }`,
        { id: appeal.id },
      )
    ).request;
    expect(letter.outgoingNumber).toBe('AKIT-2025/001');
    expect(letter.letter.markdown).toContain('Исх. № AKIT-2025/001 от 17 июня 2025 г.');
    expect(letter.letter.markdown).toContain('Министерство промышленности Республики Беларусь');
    expect(letter.letter.pdf.mimeType).toBe('application/pdf');
    expect(letter.letter.pdf.size).toBeGreaterThan(0);

    // 7. Overdue, but history: two scheduler runs (every second here) announce nothing about them.
    const since = Date.now();
    await expectEventually(
      () =>
        expect(system.loggedSince('requests', 'due-notice run', since)).toBeGreaterThanOrEqual(2),
      { timeoutMs: 30_000, intervalMs: 250 },
    );
    const inbox = (
      await system.data(
        `query { inbox(first: 10) { nodes { ${REQUEST_FIELDS} } } }`,
        {},
        'addressee',
        ministry.id,
      )
    ).inbox.nodes as Record<string, any>[];
    expect(inbox.map((r) => r.id).sort()).toEqual([appeal.id, asked.id].sort());
    for (const request of inbox) {
      expect(request.overdue).toBe(true);
      expect(request.timeline.map((entry: { kind: string }) => entry.kind)).toEqual([
        'DRAFTED',
        'SUBMITTED',
        'REGISTERED',
      ]);
    }
  });
});

/** A round table through the gateway: when it sat, its statements and its recommendations. */
async function sittingOf(id: string) {
  return (
    await system.data(
      `query($id: ID!) { roundtable(id: $id) { startedAt concludedAt
        statements(first: 10) { nodes { occurredAt } }
        recommendations { nodes { id version code source { meetingDate resolutionId } } } } }`,
      { id },
    )
  ).roundtable as Record<string, any>;
}

describe('a 2016 round table typed up before #17, on the first start of the build that redates', () => {
  it('should move it, its statements and its recommendations onto its schedule: R-2016-NN, adoptable on 24 November 2016', async () => {
    // 1. The demo's 2016 energy round table, its parties registered through the gateway.
    const energy = demoWorkspace.conferences
      .flatMap((conference) => conference.roundtables)
      .find((roundtable) => roundtable.key === 'energyRoundtable')!;
    const ids = new Map<string, string>();
    for (const org of demoWorkspace.organizations.filter((o) =>
      ['association', 'minpromtorg', 'ntiOffice'].includes(o.key),
    )) {
      const { name, shortName, kind, region, industries, inn, ogrn } = org;
      const input = { name, shortName, kind, subdivision: region, industries, inn, ogrn };
      ids.set(org.key, (await registerOrganization({ ...input, published: true })).id);
    }
    for (const person of demoWorkspace.people.filter((p) => ['orlova', 'sedov'].includes(p.key))) {
      const { fullName, position, organization } = person;
      ids.set(
        person.key,
        await registerPerson({ fullName, position, organizationId: ids.get(organization) }),
      );
    }
    const party = (ref: typeof energy.moderator): Party =>
      'org' in ref
        ? { kind: 'ORGANIZATION', id: ids.get(ref.org)! }
        : { kind: 'PERSON', id: ids.get(ref.person)! };
    const questionId = (index: number) => `q-${index + 1}`;
    // Its last two questions: their statements, and its resolutions addressed to someone — № 3 to
    // the ministry, № 4 to the ministry and the NTI office.
    const said = energy.agenda.flatMap((item, index) =>
      index < 2 ? [] : item.statements.map((s) => ({ ...s, agendaItemId: questionId(index) })),
    );
    const resolutions = energy.agenda.flatMap((item, index) =>
      item.resolutions
        .filter((r) => r.addressees.length > 0)
        .map((r) => ({
          id: `res-${r.number}`,
          kind: r.kind,
          text: r.text,
          addresseeIds: r.addressees.map((key) => ids.get(key)!),
          responsible: party(r.responsible!),
          ...(r.dueDate ? { dueDate: r.dueDate } : {}),
          agendaItemId: questionId(index),
          status: 'ADOPTED' as const,
        })),
    );
    expect(resolutions.map((r) => [r.id, r.kind])).toEqual([
      ['res-3', 'RECOMMENDATION'],
      ['res-4', 'QUESTION_TO_REGULATOR'],
    ]);
    const participants = energy.participants
      .filter(({ party: ref }) => ids.has('org' in ref ? ref.org : ref.person))
      .map(({ party: ref, for: onBehalfOf, role }, index) => ({
        id: `p-${index + 1}`,
        ...('person' in ref
          ? { personId: ids.get(ref.person)!, organizationId: ids.get(onBehalfOf!)! }
          : { organizationId: ids.get(ref.org)! }),
        role,
        attendance: 'ATTENDED',
      }));

    // As the old API stored it, typed up twelve minutes ago: every moment the server's, each
    // statement said when it was typed (two minutes apart), and nothing #17 added.
    const typedFrom = Date.now() - 12 * 60 * 1000;
    const minute = (n: number) => new Date(typedFrom + n * 60 * 1000);
    const concludedAt = minute(2 * said.length + 2);
    const id = uniqueId('rt-energy-2016');
    const client = await MongoClient.connect(system.ns.mongoUrl);
    try {
      const db = client.db(system.database('roundtables'));
      await db.collection<{ _id: string; [field: string]: unknown }>('roundtables').insertOne({
        _id: id,
        tenantId: TENANT,
        version: 9,
        title: energy.title,
        format: energy.format,
        startsAt: new Date(energy.startsAt),
        endsAt: new Date(energy.endsAt),
        description: energy.description,
        moderator: party(energy.moderator),
        published: true,
        status: 'CONCLUDED',
        participants,
        agenda: energy.agenda.map((item, index) => ({
          id: questionId(index),
          title: item.title,
          status: 'DISCUSSED',
        })),
        resolutions,
        statementCount: said.length,
        lastStatementSequence: said.length,
        startedAt: minute(0),
        concludedAt,
        searchTokens: [],
        // The moderator (the association) and every participant: all it registered.
        partyIds: [...ids.values()],
        organizerIds: [],
        pendingStatements: [],
        createdAt: minute(-1),
        updatedAt: concludedAt,
        outbox: [],
      });
      await db.collection<{ _id: string; [field: string]: unknown }>('statements').insertMany(
        said.map((statement, index) => ({
          _id: `${id}-s${index + 1}`,
          tenantId: TENANT,
          roundtableId: id,
          sequence: index + 1,
          speaker: party(statement.speaker),
          agendaItemId: statement.agendaItemId,
          text: statement.text,
          recordedAt: minute(2 * index + 2),
        })),
      );
      // What the old service announced on concluding it, then.
      const concluded = createEvent(
        roundtableConcludedV1,
        {
          subject: id,
          tenantId: TENANT,
          aggregateVersion: 9,
          correlationId: id,
          actor: 'e2e-secretary',
          time: concludedAt,
        },
        {
          id,
          published: true,
          title: energy.title,
          format: energy.format,
          concludedAt: concludedAt.toISOString(),
          agenda: energy.agenda.map((item, index) => ({
            id: questionId(index),
            position: index + 1,
            title: item.title,
            status: 'DISCUSSED' as const,
          })),
          resolutions,
          statementCount: said.length,
        },
      );
      await sendRaw(system.ns.kafkaBrokers, topicName('roundtable', system.ns.topicPrefix), [
        encodeEvent(concluded),
      ]);

      // 2. Drafted as back then: the typing day, and codes of its year.
      const typedOn = localDate(concludedAt, DEFAULT_TIME_ZONE);
      const drafted = await expectEventually(async () => {
        const nodes = (await sittingOf(id)).recommendations.nodes as Record<string, any>[];
        expect(nodes).toHaveLength(2);
        return nodes;
      });
      for (const recommendation of drafted) {
        expect(recommendation).toMatchObject({
          code: expect.stringMatching(new RegExp(`^R-${typedOn.slice(0, 4)}-\\d{2}$`)),
          source: { meetingDate: typedOn },
        });
      }

      // 3. The new build's first start on these data: this system's first start ran the migration
      // on an empty database, so its claim goes, as if it never had.
      const claims = await db
        .collection('roundtable_migrations')
        .deleteMany({ claimKey: 'migration:sittings-dated-by-schedule' });
      expect(claims.deletedCount).toBeGreaterThan(0);
    } finally {
      await client.close();
    }
    await system.restart('roundtables');

    // 4. It sat on 10 November 2016 on its schedule; the statements keep their order inside it
    // (2, 4, 6 and 8 minutes into 10 map onto 2 hours).
    const moved = await sittingOf(id);
    expect(moved).toMatchObject({
      startedAt: '2016-11-10T07:00:00.000Z',
      concludedAt: '2016-11-10T09:00:00.000Z',
    });
    const spoken = ['10:24', '10:48', '11:12', '11:36'];
    expect(moved.statements.nodes.map((s: { occurredAt: string }) => s.occurredAt)).toEqual(
      spoken.map((time) => new Date(`2016-11-10T${time}:00+03:00`).toISOString()),
    );
    const renumbered = await expectEventually(async () => {
      const nodes = (await sittingOf(id)).recommendations.nodes as Record<string, any>[];
      expect(nodes.map((r) => r.code).sort()).toEqual(['R-2016-01', 'R-2016-02']);
      return nodes;
    });
    for (const recommendation of renumbered) {
      expect(recommendation.source.meetingDate).toBe('2016-11-10');
    }
    // Adopted by the association's council two weeks after the meeting, as the demo has it.
    const question = renumbered.find((r) => r.source.resolutionId === 'res-4')!;
    const adopt = demoResolutions().find((r) => r.number === 4)!.followUp.adopt!;
    const adopted = (
      await system.data(
        `mutation($id: ID!, $v: Int!, $input: AdoptRecommendationInput!) {
          adoptRecommendation(id: $id, expectedVersion: $v, input: $input) { status decision { decidedAt } } }`,
        {
          id: question.id,
          v: question.version,
          input: {
            decidedBy: { kind: 'ORGANIZATION', id: ids.get('association') },
            decidedAt: adopt.decidedAt,
          },
        },
      )
    ).adoptRecommendation;
    expect(adopted).toMatchObject({
      status: 'ADOPTED',
      decision: { decidedAt: '2016-11-24T13:00:00.000Z' },
    });

    const { markdown } = (
      await system.data(`query($id: ID!) { roundtableMinutes(id: $id) { markdown } }`, { id })
    ).roundtableMinutes;
    expect(markdown).toContain('10 ноября 2016 г., 10:00–12:00');
    for (const time of spoken) expect(markdown).toContain(`${time} `);
  });
});
