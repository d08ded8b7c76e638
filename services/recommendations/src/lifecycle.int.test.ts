import {
  collectMessages,
  errorCode,
  expectEventually,
  type ReceivedMessage,
} from '@kollegia/testing';

import {
  ASSOCIATION,
  CHAIR,
  DRAFT,
  EXPERT,
  GET,
  MINPROMTORG,
  NTI_OFFICE,
  REC_FIELDS,
  TENANT,
  dataOf,
  eventsOf,
  startRecommendations,
  testClock,
  type Recommendations,
} from './test/harness';

const clock = testClock('2016-11-24T10:00:00.000Z');
let service: Recommendations;
let published: { messages: ReceivedMessage[]; stop: () => Promise<void> };

beforeAll(async () => {
  service = await startRecommendations('lifecycle', { clock });
  published = await collectMessages(service.ns.kafkaBrokers, [
    service.app.runtime.topic('recommendation'),
  ]);
});

afterAll(async () => {
  await published.stop();
  await service.stop();
});

const card = {
  title: 'Отбор совместных проектов участников промышленных кластеров',
  recommendedText:
    'Обратиться в Минпромторг России и Проектный офис НТИ с предложением провести отбор совместных проектов.',
  actionType: 'APPEAL',
  addresseeIds: [MINPROMTORG, NTI_OFFICE],
  responsible: { kind: 'ORGANIZATION', id: ASSOCIATION },
  legalBasis: 'Постановление Правительства РФ от 31.07.2015 № 779',
  priority: 'HIGH',
  dueDate: '2017-06-30',
  reviewDate: '2017-03-01',
  published: true,
};

const M = {
  revise: `mutation($id: ID!, $v: Int!, $input: ReviseRecommendationInput!) { reviseRecommendation(id: $id, expectedVersion: $v, input: $input) { ${REC_FIELDS} } }`,
  propose: `mutation($id: ID!, $v: Int!) { proposeRecommendation(id: $id, expectedVersion: $v) { ${REC_FIELDS} } }`,
  adopt: `mutation($id: ID!, $v: Int!, $input: AdoptRecommendationInput!) { adoptRecommendation(id: $id, expectedVersion: $v, input: $input) { ${REC_FIELDS} } }`,
  reject: `mutation($id: ID!, $v: Int!, $input: RejectRecommendationInput!) { rejectRecommendation(id: $id, expectedVersion: $v, input: $input) { ${REC_FIELDS} } }`,
  withdraw: `mutation($id: ID!, $v: Int!, $reason: String) { withdrawRecommendation(id: $id, expectedVersion: $v, reason: $reason) { ${REC_FIELDS} } }`,
  supersede: `mutation($id: ID!, $v: Int!, $by: ID!) { supersedeRecommendation(id: $id, expectedVersion: $v, supersededBy: $by) { ${REC_FIELDS} supersededBy { id } } }`,
  endorse: `mutation($id: ID!, $v: Int!, $party: RecommendationPartyInput, $comment: String) { endorseRecommendation(id: $id, expectedVersion: $v, party: $party, comment: $comment) { ${REC_FIELDS} } }`,
  unendorse: `mutation($id: ID!, $v: Int!, $party: RecommendationPartyInput) { withdrawRecommendationEndorsement(id: $id, expectedVersion: $v, party: $party) { ${REC_FIELDS} } }`,
  progress: `mutation($id: ID!, $v: Int!, $input: ReportRecommendationProgressInput!) { reportRecommendationProgress(id: $id, expectedVersion: $v, input: $input) { ${REC_FIELDS} progressReports { nodes { text percent author { __typename ... on Organization { id } ... on Person { id } } } } } }`,
  implemented: `mutation($id: ID!, $v: Int!, $note: String) { markRecommendationImplemented(id: $id, expectedVersion: $v, note: $note) { ${REC_FIELDS} } }`,
  partly: `mutation($id: ID!, $v: Int!, $note: String!) { markRecommendationPartlyImplemented(id: $id, expectedVersion: $v, note: $note) { ${REC_FIELDS} } }`,
};

/** A user whose account is linked to a person of the directory (the token's `person`). */
async function asPerson(role: 'secretary' | 'member', person: string) {
  const token = await service.auth.token({
    sub: `user-${role}-linked`,
    tenant: TENANT,
    roles: [role],
    person,
  });
  return { token };
}

async function draft(input: Record<string, unknown> = card) {
  return dataOf(await service.gql(DRAFT, { input })).draftRecommendation;
}

async function adopted() {
  const drafted = await draft();
  dataOf(await service.gql(M.propose, { id: drafted.id, v: 1 }));
  return dataOf(
    await service.gql(M.adopt, {
      id: drafted.id,
      v: 2,
      input: { decidedBy: { kind: 'PERSON', id: CHAIR } },
    }),
  ).adoptRecommendation;
}

describe('the lifecycle by hand', () => {
  it('should draft, revise, propose and adopt, keeping the recommended text apart from the decision, and announce each step', async () => {
    const drafted = await draft();
    expect(drafted).toMatchObject({
      version: 1,
      status: 'DRAFT',
      code: expect.stringMatching(/^R-2016-\d{2,}$/),
      actionType: 'APPEAL',
      overdue: false,
      decision: null,
    });
    const revised = dataOf(
      await service.gql(M.revise, {
        id: drafted.id,
        v: 1,
        input: { dueDate: '2017-09-30', legalBasis: null },
      }),
    ).reviseRecommendation;
    expect(revised).toMatchObject({ version: 2, dueDate: '2017-09-30' });
    const proposed = dataOf(await service.gql(M.propose, { id: drafted.id, v: 2 }));
    expect(proposed.proposeRecommendation).toMatchObject({ version: 3, status: 'PROPOSED' });

    clock.set('2016-11-24T13:00:00.000Z');
    const decidedText = 'Направить обращение о проведении конкурсного отбора в 2017 году.';
    const adoptedRec = dataOf(
      await service.gql(M.adopt, {
        id: drafted.id,
        v: 3,
        input: { decidedBy: { kind: 'PERSON', id: CHAIR }, decidedText },
      }),
    ).adoptRecommendation;
    expect(adoptedRec).toMatchObject({
      version: 4,
      status: 'ADOPTED',
      recommendedText: card.recommendedText,
      decision: {
        decidedText,
        decidedAt: '2016-11-24T13:00:00.000Z',
        decidedBy: { __typename: 'Person', id: CHAIR },
      },
      addresseePositions: [
        { addressee: { id: MINPROMTORG }, position: 'PENDING' },
        { addressee: { id: NTI_OFFICE }, position: 'PENDING' },
      ],
    });

    const events = await expectEventually(() => {
      const list = eventsOf(published.messages, drafted.id);
      expect(list).toHaveLength(4);
      return list;
    });
    expect(events.map((e) => [e.type.split('.').at(-2), e.aggregateversion, e.actor])).toEqual([
      ['drafted', 1, 'user-secretary'],
      ['revised', 2, 'user-secretary'],
      ['proposed', 3, 'user-secretary'],
      ['adopted', 4, 'user-secretary'],
    ]);
    expect(events[1]!.data).toMatchObject({ changedFields: ['legalBasis', 'dueDate'] });
    expect(events[3]!.data).toMatchObject({
      status: 'ADOPTED',
      recommendedText: card.recommendedText,
      decidedText,
      decidedBy: { kind: 'PERSON', id: CHAIR },
    });

    const timeline = dataOf(
      await service.gql(
        `query($id: ID!, $after: String) { recommendation(id: $id) { timeline(first: 3, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id type status } } } }`,
        { id: drafted.id },
      ),
    ).recommendation.timeline;
    expect(timeline.totalCount).toBe(4);
    expect(timeline.nodes.map((n: { type: string }) => n.type)).toEqual([
      'DRAFTED',
      'REVISED',
      'PROPOSED',
    ]);
    expect(timeline.nodes.map((n: { id: string }) => n.id)).toEqual(
      events.slice(0, 3).map((e) => e.id),
    );
    const rest = dataOf(
      await service.gql(
        `query($id: ID!, $after: String) { recommendation(id: $id) { timeline(first: 3, after: $after) { pageInfo { hasNextPage } nodes { type status } } } }`,
        { id: drafted.id, after: timeline.pageInfo.endCursor },
      ),
    ).recommendation.timeline;
    expect(rest).toEqual({
      pageInfo: { hasNextPage: false },
      nodes: [{ type: 'ADOPTED', status: 'ADOPTED' }],
    });
  });

  it('should carry an adopted recommendation out: progress moves it to IN_PROGRESS, then partly and fully implemented', async () => {
    const rec = await adopted();
    const reported = dataOf(
      await service.gql(
        M.progress,
        {
          id: rec.id,
          v: rec.version,
          input: { text: 'Критерии отбора согласуются с Минпромторгом России.', percent: 30 },
        },
        await asPerson('secretary', EXPERT),
      ),
    ).reportRecommendationProgress;
    expect(reported).toMatchObject({
      status: 'IN_PROGRESS',
      progressReportCount: 1,
      lastProgressPercent: 30,
      progressReports: {
        nodes: [{ percent: 30, author: { __typename: 'Person', id: EXPERT } }],
      },
    });
    const partly = dataOf(
      await service.gql(M.partly, {
        id: rec.id,
        v: reported.version,
        note: 'Проектный офис НТИ финансирование не выделил.',
      }),
    ).markRecommendationPartlyImplemented;
    expect(partly.status).toBe('PARTIALLY_IMPLEMENTED');
    const done = dataOf(
      await service.gql(M.implemented, { id: rec.id, v: partly.version }),
    ).markRecommendationImplemented;
    expect(done.status).toBe('IMPLEMENTED');
    await expectEventually(() =>
      expect(eventsOf(published.messages, rec.id).map((e) => e.type.split('.').at(-2))).toEqual([
        'drafted',
        'proposed',
        'adopted',
        'progress-reported',
        'in-progress',
        'partly-implemented',
        'implemented',
      ]),
    );
  });

  it('should refuse an illegal transition with CONFLICT naming the status, and change nothing', async () => {
    const drafted = await draft();
    const adopt = await service.gql(M.adopt, {
      id: drafted.id,
      v: 1,
      input: { decidedBy: { kind: 'PERSON', id: CHAIR } },
    });
    expect(errorCode(adopt)).toBe('CONFLICT');
    expect(adopt.errors?.[0]?.message).toMatch(/DRAFT/);
    expect(adopt.errors?.[0]?.extensions?.currentState).toBe('DRAFT');
    const implemented = await service.gql(M.implemented, { id: drafted.id, v: 1 });
    expect(errorCode(implemented)).toBe('CONFLICT');
    expect(dataOf(await service.gql(GET, { id: drafted.id })).recommendation).toMatchObject({
      version: 1,
      status: 'DRAFT',
    });
  });

  it('should refuse a stale expectedVersion with CONFLICT and change nothing', async () => {
    const drafted = await draft();
    dataOf(await service.gql(M.revise, { id: drafted.id, v: 1, input: { priority: 'LOW' } }));
    const stale = await service.gql(M.revise, {
      id: drafted.id,
      v: 1,
      input: { priority: 'NORMAL' },
    });
    expect(errorCode(stale)).toBe('CONFLICT');
    expect(stale.errors?.[0]?.extensions).toMatchObject({
      field: 'expectedVersion',
      currentVersion: 2,
    });
    const stored = dataOf(
      await service.gql(`query($id: ID!) { recommendation(id: $id) { version priority } }`, {
        id: drafted.id,
      }),
    );
    expect(stored.recommendation).toEqual({ version: 2, priority: 'LOW' });
  });

  it('should reject, withdraw and supersede, keeping who decided', async () => {
    const a = await draft();
    dataOf(await service.gql(M.propose, { id: a.id, v: 1 }));
    const rejected = dataOf(
      await service.gql(M.reject, {
        id: a.id,
        v: 2,
        input: { reason: 'Вопрос уже решён', decidedBy: { kind: 'ORGANIZATION', id: ASSOCIATION } },
      }),
    ).rejectRecommendation;
    expect(rejected).toMatchObject({
      status: 'REJECTED',
      decision: null,
      rejection: {
        reason: 'Вопрос уже решён',
        decidedBy: { __typename: 'Organization', id: ASSOCIATION },
      },
    });

    const b = await adopted();
    const noReason = await service.gql(M.withdraw, { id: b.id, v: b.version });
    expect(errorCode(noReason)).toBe('BAD_USER_INPUT');
    const withdrawn = dataOf(
      await service.gql(M.withdraw, {
        id: b.id,
        v: b.version,
        reason: 'Отбор проведён без обращения',
      }),
    ).withdrawRecommendation;
    expect(withdrawn).toMatchObject({
      status: 'WITHDRAWN',
      decision: { decidedBy: { id: CHAIR } },
    });

    const c = await adopted();
    const successor = await draft();
    const unknown = await service.gql(M.supersede, { id: c.id, v: c.version, by: 'no-such-id' });
    expect(errorCode(unknown)).toBe('BAD_USER_INPUT');
    const superseded = dataOf(
      await service.gql(M.supersede, { id: c.id, v: c.version, by: successor.id }),
    ).supersedeRecommendation;
    expect(superseded).toMatchObject({ status: 'SUPERSEDED', supersededBy: { id: successor.id } });
  });

  it('should let each party endorse once and take it back', async () => {
    const rec = await adopted();
    const endorsed = dataOf(
      await service.gql(
        M.endorse,
        { id: rec.id, v: rec.version, comment: 'Готовы представить проекты' },
        { role: 'member', org: ASSOCIATION },
      ),
    ).endorseRecommendation;
    expect(endorsed.endorsements).toEqual([
      {
        party: { __typename: 'Organization', id: ASSOCIATION },
        comment: 'Готовы представить проекты',
      },
    ]);
    const again = dataOf(
      await service.gql(
        M.endorse,
        { id: rec.id, v: endorsed.version },
        { role: 'member', org: ASSOCIATION },
      ),
    ).endorseRecommendation;
    expect(again.version).toBe(endorsed.version);
    const forOther = await service.gql(
      M.endorse,
      { id: rec.id, v: endorsed.version, party: { kind: 'ORGANIZATION', id: 'org-other' } },
      { role: 'member', org: ASSOCIATION },
    );
    expect(errorCode(forOther)).toBe('FORBIDDEN');
    const taken = dataOf(
      await service.gql(
        M.unendorse,
        { id: rec.id, v: endorsed.version },
        { role: 'member', org: ASSOCIATION },
      ),
    ).withdrawRecommendationEndorsement;
    expect(taken.endorsements).toEqual([]);
  });

  it('should give hand-drafted recommendations a code of their own, refuse a taken one, and find by code', async () => {
    const first = await draft({ ...card, code: 'R-1999-01' });
    expect(first.code).toBe('R-1999-01');
    const taken = await service.gql(DRAFT, { input: { ...card, code: 'R-1999-01' } });
    expect(errorCode(taken)).toBe('CONFLICT');
    const found = dataOf(
      await service.gql(`query { recommendationByCode(code: "R-1999-01") { id } }`),
    ).recommendationByCode;
    expect(found).toEqual({ id: first.id });
  });
});

describe('who a member is when acting as themselves', () => {
  const ENDORSERS = `query($id: ID!) { recommendation(id: $id) { version endorsements { party { __typename ... on Organization { id } ... on Person { id } } } progressReports { nodes { author { __typename ... on Organization { id } ... on Person { id } } } } } }`;

  it('should endorse as the directory person the account is linked to, and let them take it back naming it', async () => {
    const rec = await adopted();
    const expert = await asPerson('member', EXPERT);
    const endorsed = dataOf(
      await service.gql(M.endorse, { id: rec.id, v: rec.version }, expert),
    ).endorseRecommendation;
    expect(endorsed.endorsements).toEqual([
      { party: { __typename: 'Person', id: EXPERT }, comment: null },
    ]);
    const read = dataOf(await service.gql(ENDORSERS, { id: rec.id })).recommendation;
    expect(read.endorsements).toEqual([{ party: { __typename: 'Person', id: EXPERT } }]);
    // Another person is not theirs to name; their own is.
    const forChair = await service.gql(
      M.unendorse,
      { id: rec.id, v: endorsed.version, party: { kind: 'PERSON', id: CHAIR } },
      expert,
    );
    expect(errorCode(forChair)).toBe('FORBIDDEN');
    const taken = dataOf(
      await service.gql(
        M.unendorse,
        { id: rec.id, v: endorsed.version, party: { kind: 'PERSON', id: EXPERT } },
        expert,
      ),
    ).withdrawRecommendationEndorsement;
    expect(taken.endorsements).toEqual([]);
  });

  it('should refuse a member whose account is linked to no person and who speaks for no organisation, changing nothing', async () => {
    const rec = await adopted();
    const endorse = await service.gql(
      M.endorse,
      { id: rec.id, v: rec.version },
      { role: 'member' },
    );
    expect(errorCode(endorse)).toBe('BAD_USER_INPUT');
    expect(endorse.errors?.[0]).toMatchObject({
      message:
        'party: your account is not linked to a person of the directory: name the party you act for, or have an administrator link it',
      extensions: { field: 'party' },
    });
    // Naming the account as a person does not make it one.
    const asAccount = await service.gql(
      M.endorse,
      { id: rec.id, v: rec.version, party: { kind: 'PERSON', id: 'user-member' } },
      { role: 'member' },
    );
    expect(errorCode(asAccount)).toBe('FORBIDDEN');
    const report = await service.gql(
      M.progress,
      { id: rec.id, v: rec.version, input: { text: 'Отчёт без автора', percent: 10 } },
      { role: 'secretary' },
    );
    expect(report.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'author',
    });
    expect(dataOf(await service.gql(ENDORSERS, { id: rec.id })).recommendation).toEqual({
      version: rec.version,
      endorsements: [],
      progressReports: { nodes: [] },
    });
  });

  it('should leave out an actor stored before accounts were linked to persons, reading the rest as before', async () => {
    const rec = await adopted();
    const endorsed = dataOf(
      await service.gql(
        M.endorse,
        { id: rec.id, v: rec.version },
        await asPerson('member', EXPERT),
      ),
    ).endorseRecommendation;
    dataOf(
      await service.gql(
        M.progress,
        { id: rec.id, v: endorsed.version, input: { text: 'Отбор объявлен.', percent: 20 } },
        await asPerson('secretary', CHAIR),
      ),
    );
    // What the service stored for a member acting as themselves: their account's id as a person.
    const account = { kind: 'PERSON', id: 'user-member' };
    const db = service.app.runtime.connection;
    await db
      .collection<{ _id: string }>('recommendations')
      .updateOne(
        { _id: rec.id },
        { $push: { endorsements: { party: account, endorsedAt: clock.now() } } },
      );
    await db
      .collection('recommendation_progress_reports')
      .updateMany({ recommendationId: rec.id }, { $set: { author: account } });
    for (const as of [
      { role: 'secretary' },
      { role: 'member' },
      { role: 'addressee', org: MINPROMTORG },
    ] as const) {
      const read = await service.gql(ENDORSERS, { id: rec.id }, as);
      expect(read.errors).toBeUndefined();
      expect(read.data?.recommendation).toMatchObject({
        endorsements: [{ party: { __typename: 'Person', id: EXPERT } }],
        progressReports: { nodes: [{ author: null }] },
      });
    }
  });
});

describe('bad input', () => {
  it.each([
    ['an empty title', { ...card, title: '  ' }, 'title'],
    ['a date that does not exist', { ...card, dueDate: '2017-02-30' }, 'dueDate'],
    ['a 20 kB text', { ...card, recommendedText: 'я'.repeat(20_000) }, 'recommendedText'],
    ['an empty addressee id', { ...card, addresseeIds: [' '] }, 'addresseeIds'],
  ])(
    'should refuse %s with BAD_USER_INPUT naming the field and store nothing',
    async (_case, input, field) => {
      const before = dataOf(await service.gql(`{ recommendations { totalCount } }`)).recommendations
        .totalCount;
      const response = await service.gql(DRAFT, { input });
      expect(errorCode(response)).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0]?.extensions?.field).toBe(field);
      const after = dataOf(await service.gql(`{ recommendations { totalCount } }`)).recommendations
        .totalCount;
      expect(after).toBe(before);
    },
  );

  it('should refuse an unknown enum value and a percent out of range, changing nothing', async () => {
    const unknownEnum = await service.gql(DRAFT, { input: { ...card, actionType: 'PETITION' } });
    expect(errorCode(unknownEnum)).toBe('BAD_USER_INPUT');
    const rec = await adopted();
    const percent = await service.gql(
      M.progress,
      { id: rec.id, v: rec.version, input: { text: 'Сделано больше, чем всё', percent: 120 } },
      await asPerson('secretary', EXPERT),
    );
    expect(errorCode(percent)).toBe('BAD_USER_INPUT');
    expect(percent.errors?.[0]?.extensions?.field).toBe('percent');
    expect(dataOf(await service.gql(GET, { id: rec.id })).recommendation).toMatchObject({
      version: rec.version,
      status: 'ADOPTED',
      progressReportCount: 0,
    });
  });
});
