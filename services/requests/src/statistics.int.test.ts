import {
  collectMessages,
  errorCode,
  expectEventually,
  sendRaw,
  type ReceivedMessage,
} from '@kollegia/testing';

import {
  ANSWER,
  appealTo,
  dataOf,
  DRAFT,
  hexId,
  knowOrganizations,
  REGISTER,
  START,
  startRequests,
  SUBMIT,
  WITHDRAW,
  type Requests,
} from './test/harness';

let requests: Requests;
let topic: { messages: ReceivedMessage[]; stop: () => Promise<void> };
const MINPROMTORG = hexId();
const NTI_OFFICE = hexId();
const MINEK = hexId();

const STATS = `query($o: ID!) { responseStats(organizationId: $o) {
  organization { id } received answered answeredOnTime overdueNow medianDaysToAnswer acceptanceRate
  outcomes { accepted partiallyAccepted declined informationOnly } } }`;

async function stats(organizationId: string, as: Parameters<Requests['gql']>[2] = {}) {
  return dataOf(await requests.gql(STATS, { o: organizationId }, as)).responseStats;
}

/** Drafts and sends a request at START; registers it on 3 March when asked. */
async function sent(addresseeId: string, options: { register?: boolean } = {}) {
  requests.clock.set(START);
  const drafted = dataOf(await requests.gql(DRAFT, { input: appealTo(addresseeId) })).draftRequest;
  dataOf(await requests.gql(SUBMIT, { id: drafted.id, v: 1 }));
  if (!options.register) return { id: drafted.id as string, version: 2 };
  requests.clock.set('2026-03-03T09:00:00.000Z');
  dataOf(
    await requests.gql(REGISTER, {
      id: drafted.id,
      v: 2,
      input: { incomingNumber: 'ВХ-5', registeredOn: '2026-03-03' },
    }),
  );
  return { id: drafted.id as string, version: 3 };
}

async function answer(request: { id: string; version: number }, at: string, outcome: string) {
  requests.clock.set(at);
  dataOf(
    await requests.gql(ANSWER, {
      id: request.id,
      v: request.version,
      input: { text: 'Ответ по существу обращения', outcome },
    }),
  );
}

const expectedMinistry = {
  organization: { id: MINPROMTORG },
  received: 3,
  answered: 2,
  answeredOnTime: 2,
  overdueNow: 0,
  // 11 and 21 days from sending (2 March) to the answers.
  medianDaysToAnswer: 16,
  acceptanceRate: 0.5,
  outcomes: { accepted: 1, partiallyAccepted: 0, declined: 1, informationOnly: 0 },
};

beforeAll(async () => {
  requests = await startRequests('stats');
  topic = await collectMessages(requests.ns.kafkaBrokers, [requests.topic('request')]);
  await knowOrganizations(requests, [
    { id: MINPROMTORG, name: 'Минпромторг России', kind: 'MINISTRY' },
    { id: NTI_OFFICE, name: 'Проектный офис НТИ', kind: 'PROJECT_OFFICE' },
    { id: MINEK, name: 'Минэкономразвития России', kind: 'MINISTRY' },
  ]);
  await answer(await sent(MINPROMTORG, { register: true }), '2026-03-13T09:00:00.000Z', 'ACCEPTED');
  await answer(await sent(MINPROMTORG, { register: true }), '2026-03-23T09:00:00.000Z', 'DECLINED');
  await sent(MINPROMTORG, { register: true });
  const withdrawn = await sent(MINPROMTORG);
  dataOf(await requests.gql(WITHDRAW, { ...withdrawn, v: 2, reason: 'Направлено повторно' }));
  dataOf(await requests.gql(DRAFT, { input: appealTo(MINPROMTORG) }));
  await answer(await sent(NTI_OFFICE), '2026-03-10T09:00:00.000Z', 'PARTIALLY_ACCEPTED');
  requests.clock.set('2026-03-25T09:00:00.000Z');
});

afterAll(async () => {
  await topic.stop();
  await requests.stop();
});

describe('per-addressee statistics', () => {
  it('should count what each addressee received and how it answered', async () => {
    await expectEventually(async () => expect(await stats(MINPROMTORG)).toEqual(expectedMinistry));
    await expectEventually(async () =>
      expect(await stats(NTI_OFFICE)).toMatchObject({
        received: 1,
        answered: 1,
        answeredOnTime: 1,
        acceptanceRate: 1,
        medianDaysToAnswer: 8,
      }),
    );
    expect(await stats(MINEK)).toMatchObject({ received: 0, answered: 0, acceptanceRate: null });
  });

  it('should count a request left unanswered past its date as overdue now', async () => {
    requests.clock.set('2026-04-03T09:00:00.000Z');
    try {
      expect(await stats(MINPROMTORG)).toEqual({ ...expectedMinistry, overdueNow: 1 });
    } finally {
      requests.clock.set('2026-03-25T09:00:00.000Z');
    }
  });

  it('should give the same numbers after every request event is replayed', async () => {
    await expectEventually(async () => expect(await stats(MINPROMTORG)).toEqual(expectedMinistry));
    const facts = requests.app.runtime.connection.collection('request_facts');
    const before = await facts
      .find({}, { projection: { updatedAt: 0 } })
      .sort({ _id: 1 })
      .toArray();
    const replay = topic.messages.map((m) => ({ key: m.key ?? undefined, value: m.value ?? '' }));
    expect(replay.length).toBeGreaterThan(15);
    await sendRaw(requests.ns.kafkaBrokers, requests.topic('request'), replay);
    // One partition: once a later request's facts arrive, the replay was applied before them.
    const marker = await sent(MINEK);
    await expectEventually(async () => expect((await stats(MINEK)).received).toBe(1));
    expect(await stats(MINPROMTORG)).toEqual(expectedMinistry);
    const after = await facts
      .find({ requestId: { $ne: marker.id } }, { projection: { updatedAt: 0 } })
      .sort({ _id: 1 })
      .toArray();
    expect(after).toEqual(before);
  });

  it('should show the statistics on the Organization entity and list every addressee', async () => {
    const entities = dataOf(
      await requests.gql(
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Organization { id responseStats { received answered } requestsReceived(first: 50) { totalCount } } } }`,
        {
          r: [
            { __typename: 'Organization', id: MINPROMTORG },
            { __typename: 'Organization', id: NTI_OFFICE },
          ],
        },
      ),
    )._entities;
    expect(entities[0]).toMatchObject({
      responseStats: { received: 3, answered: 2 },
      // Drafts and the withdrawn one too: a secretary sees every request made to it.
      requestsReceived: { totalCount: 5 },
    });
    expect(entities[1].responseStats).toEqual({ received: 1, answered: 1 });

    const listed = dataOf(
      await requests.gql(
        `{ addresseeStatistics(first: 10) { totalCount nodes { organization { id } received } } }`,
      ),
    ).addresseeStatistics;
    expect(listed.totalCount).toBe(3);
    expect(
      listed.nodes.map((n: { organization: { id: string } }) => n.organization.id).sort(),
    ).toEqual([MINPROMTORG, NTI_OFFICE, MINEK].sort());
  });

  it('should show an addressee its own statistics only', async () => {
    const ministry = { role: 'addressee' as const, org: MINPROMTORG };
    expect(await stats(MINPROMTORG, ministry)).toMatchObject({ received: 3 });
    expect(await stats(NTI_OFFICE, ministry)).toBeNull();
    const listed = dataOf(
      await requests.gql(`{ addresseeStatistics { nodes { organization { id } } } }`, {}, ministry),
    ).addresseeStatistics.nodes;
    expect(listed).toEqual([{ organization: { id: MINPROMTORG } }]);
    expect(errorCode(await requests.gql(STATS, { o: MINPROMTORG }, { token: null }))).toBe(
      'UNAUTHENTICATED',
    );
  });
});
