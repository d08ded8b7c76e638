import type { Role } from '@kollegia/service-kit';
import { collectSubscription, expectEventually, wsClient } from '@kollegia/testing';
import type { Client } from 'graphql-ws';

import { System } from './system';

/**
 * The follow-up journey through the gateway only, with graphql-ws subscribers watching: a live
 * round table concludes, its resolution becomes a recommendation, which is adopted; requests are
 * drafted, sent, registered by the addressee's user and answered; the recommendation moves to
 * IN_PROGRESS. Then the chain in one query, the views of an addressee user and of a partner, and
 * a service killed mid-way.
 */
let system: System;
const clients: Client[] = [];

const moscowToday = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Moscow' }).format(new Date());

async function subscribe(
  query: string,
  variables: Record<string, unknown>,
  role: Role,
  org?: string,
) {
  const client = wsClient(system.gatewayUrl.replace(/^http/, 'ws'), await system.token(role, org));
  clients.push(client);
  const subscription = collectSubscription(client, query, variables);
  return { ...subscription, close: () => client.dispose() };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 1000));

const ROUNDTABLE_LIVE = `subscription($id: ID!) { roundtableLive(roundtableId: $id) { cursor type text roundtable { status } } }`;
const FOLLOW_UPS = `subscription($c: ID!, $after: String) { conferenceFollowUps(conferenceId: $c, after: $after) {
  cursor id type status data recommendation { code status } request { status addressee { name } }
} }`;
const CATCH_UP = `query($c: ID!, $after: String) { conferenceFollowUps(conferenceId: $c, after: $after, first: 100) {
  edges { cursor node { id type data } } pageInfo { endCursor }
} }`;

interface Journey {
  minprom: string;
  nti: string;
  conference: string;
  roundtable: string;
  recommendation: { id: string; code: string };
  requests: { id: string; version: number; addresseeId: string }[];
}

let journey: Journey;
let followUps: Awaited<ReturnType<typeof subscribe>>;
let answeredAt = 0;

beforeAll(async () => {
  system = await System.start('journey');
}, 180_000);

afterAll(async () => {
  await Promise.all(clients.map(async (client) => client.dispose()));
  await system?.stop();
});

const kindOf = (entry: Record<string, any>): string =>
  entry.type === 'REQUEST_RECORDED' ? `REQUEST_${entry.data.request.kind}` : entry.type;

describe('the follow-up journey', () => {
  it('should carry a live round table to an answered request and an IN_PROGRESS recommendation, with subscribers seeing each step in order', async () => {
    const org = async (name: string, kind: string) =>
      (
        await system.data(
          `mutation($n: String!, $k: OrganizationKind!) { registerOrganization(input: { name: $n, kind: $k, region: "RU-MOW", published: true }) { id } }`,
          { n: name, k: kind },
        )
      ).registerOrganization.id as string;
    const minprom = await org('Минпромторг России', 'MINISTRY');
    const nti = await org('Проектный офис НТИ', 'PROJECT_OFFICE');
    const association = await org('Ассоциация кластеров и технопарков', 'ASSOCIATION');
    const moderator = (
      await system.data(
        `mutation { registerPerson(input: { fullName: "Модератор Круглого Стола" }) { id } }`,
      )
    ).registerPerson.id as string;
    const conference = (
      await system.data(
        `mutation { scheduleConference(input: { title: "Промышленная Россия 4.0: механизмы опережающего развития", kind: CONFERENCE, startsOn: "2016-11-10", endsOn: "2016-11-10", city: "Москва", published: true }) { id } }`,
      )
    ).scheduleConference.id as string;
    await system.data(`mutation($id: ID!) { openConference(id: $id, expectedVersion: 1) { id } }`, {
      id: conference,
    });
    // The round table may name the moderator once the roundtables service learnt of them from
    // members' events; until then it is refused as not in the directory, and nothing is stored.
    let rt = await expectEventually(
      async () =>
        (
          await system.data(
            `mutation($c: ID!, $p: ID!) { scheduleRoundtable(input: { conferenceId: $c, title: "Кластеры и НТИ", format: ROUND_TABLE, startsAt: "2016-11-10T08:00:00Z", moderator: { kind: PERSON, id: $p }, published: true }) { id version } }`,
            { c: conference, p: moderator },
          )
        ).scheduleRoundtable,
    );
    rt = (
      await system.data(
        `mutation($id: ID!, $v: Int!) { setAgenda(roundtableId: $id, expectedVersion: $v, items: [{ title: "Проекты участников кластеров и дорожные карты НТИ" }]) { id version agenda { id } } }`,
        { id: rt.id, v: rt.version },
      )
    ).setAgenda;
    const item = rt.agenda[0].id as string;
    rt = (
      await system.data(
        `mutation($id: ID!, $v: Int!) { startRoundtable(id: $id, expectedVersion: $v) { id version } }`,
        { id: rt.id, v: rt.version },
      )
    ).startRoundtable;

    const live = await subscribe(ROUNDTABLE_LIVE, { id: rt.id }, 'member');
    followUps = await subscribe(FOLLOW_UPS, { c: conference }, 'member');
    await settle();

    rt = (
      await system.data(
        `mutation($id: ID!, $v: Int!, $i: ID!) { openAgendaItem(roundtableId: $id, expectedVersion: $v, agendaItemId: $i) { id version } }`,
        { id: rt.id, v: rt.version, i: item },
      )
    ).openAgendaItem;
    await system.data(
      `mutation($id: ID!, $s: RecordStatementInput!) { recordStatement(roundtableId: $id, input: $s) { id } }`,
      {
        id: rt.id,
        s: {
          speaker: { kind: 'PERSON', id: moderator },
          agendaItemId: item,
          text: 'Отбор совместных проектов участников кластеров стоит финансировать из средств дорожных карт НТИ.',
        },
      },
    );
    rt = (
      await system.data(`query($id: ID!) { roundtable(id: $id) { id version } }`, { id: rt.id })
    ).roundtable;
    rt = (
      await system.data(
        `mutation($id: ID!, $v: Int!, $i: ID!, $a: [ID!]) { proposeResolution(roundtableId: $id, expectedVersion: $v, input: { kind: RECOMMENDATION, agendaItemId: $i, addresseeIds: $a, text: "Обратиться в Минпромторг России и Проектный офис НТИ с предложением организовать отбор совместных проектов участников промышленных кластеров для финансирования из средств дорожных карт НТИ." }) { id version } }`,
        { id: rt.id, v: rt.version, i: item, a: [minprom, nti] },
      )
    ).proposeResolution;
    await system.data(
      `mutation($id: ID!, $v: Int!) { concludeRoundtable(id: $id, expectedVersion: $v) { id } }`,
      { id: rt.id, v: rt.version },
    );

    // The round table's watchers saw it happen, in order.
    await expectEventually(() =>
      expect(live.payloads('roundtableLive').map((e) => e.type)).toEqual(
        expect.arrayContaining(['STATEMENT_RECORDED', 'RESOLUTION_PROPOSED', 'CONCLUDED']),
      ),
    );
    const liveTypes = live.payloads('roundtableLive').map((e) => e.type);
    expect(liveTypes.indexOf('STATEMENT_RECORDED')).toBeLessThan(
      liveTypes.indexOf('RESOLUTION_PROPOSED'),
    );
    expect(liveTypes.indexOf('RESOLUTION_PROPOSED')).toBeLessThan(liveTypes.indexOf('CONCLUDED'));
    expect(live.payloads('roundtableLive').at(-1)).toMatchObject({
      type: 'CONCLUDED',
      roundtable: { status: 'CONCLUDED' },
    });

    // The resolution became a recommendation.
    const recommendation = await expectEventually(
      async () => {
        const nodes = (
          await system.data(
            `query($c: ID!) { recommendations(filter: { conferenceId: $c }) { nodes { id version code status actionType } } }`,
            { c: conference },
          )
        ).recommendations.nodes;
        expect(nodes).toHaveLength(1);
        return nodes[0];
      },
      { timeoutMs: 30_000 },
    );
    expect(recommendation).toMatchObject({ status: 'PROPOSED', actionType: 'PROPOSAL' });
    await system.data(
      `mutation($id: ID!, $v: Int!, $by: ID!) { adoptRecommendation(id: $id, expectedVersion: $v, input: { decidedBy: { kind: ORGANIZATION, id: $by } }) { status } }`,
      { id: recommendation.id, v: recommendation.version, by: association },
    );

    // One request per addressee, drafted by the requests service; the association sends them.
    const requests = await expectEventually(
      async () => {
        const found = (
          await system.data(
            `query($id: ID!) { recommendation(id: $id) { requests { id version status addressee { id } } } }`,
            { id: recommendation.id },
          )
        ).recommendation.requests;
        expect(found).toHaveLength(2);
        return found.map((r: any) => ({
          id: r.id,
          version: r.version,
          addresseeId: r.addressee.id,
        }));
      },
      { timeoutMs: 30_000 },
    );
    for (const request of requests) {
      request.version = (
        await system.data(
          `mutation($id: ID!, $v: Int!) { submitRequest(id: $id, expectedVersion: $v) { version } }`,
          { id: request.id, v: request.version },
        )
      ).submitRequest.version;
    }
    const toMinprom = requests.find((r: any) => r.addresseeId === minprom)!;
    toMinprom.version = (
      await system.data(
        `mutation($id: ID!, $v: Int!) { registerRequest(id: $id, expectedVersion: $v, input: { incomingNumber: "ВХ-12/4471", registeredOn: "${moscowToday()}" }) { version } }`,
        { id: toMinprom.id, v: toMinprom.version },
        'addressee',
        minprom,
      )
    ).registerRequest.version;
    toMinprom.version = (
      await system.data(
        `mutation($id: ID!, $v: Int!) { answerRequest(id: $id, expectedVersion: $v, input: { outcome: ACCEPTED, text: "Министерство поддерживает предложение и готово провести отбор проектов." }) { version } }`,
        { id: toMinprom.id, v: toMinprom.version },
        'addressee',
        minprom,
      )
    ).answerRequest.version;
    answeredAt = Date.now();

    const seen = await expectEventually(
      () => {
        const entries = followUps.payloads('conferenceFollowUps');
        expect(entries.map(kindOf)).toContain('IN_PROGRESS');
        return entries;
      },
      { timeoutMs: 30_000 },
    );
    const kinds = seen.map(kindOf);
    // The recommendation appears (PROPOSED, from the resolution), then everything after it.
    expect(kinds.slice(0, 2)).toEqual(['PROPOSED', 'ADOPTED']);
    expect(kinds.filter((k) => k === 'REQUEST_SUBMITTED')).toHaveLength(2);
    const forMinprom = seen
      .filter((e) => e.type !== 'REQUEST_RECORDED' || e.data.request.requestId === toMinprom.id)
      .map(kindOf);
    expect(forMinprom).toEqual([
      'PROPOSED',
      'ADOPTED',
      'REQUEST_SUBMITTED',
      'REQUEST_REGISTERED',
      'REQUEST_ANSWERED',
      'IN_PROGRESS',
    ]);
    expect(seen.at(-1)).toMatchObject({
      status: 'IN_PROGRESS',
      recommendation: { code: recommendation.code, status: 'IN_PROGRESS' },
    });
    expect(new Set(seen.map((e) => e.id)).size).toBe(seen.length);
    const notified = seen.find((e) => kindOf(e) === 'REQUEST_ANSWERED')!.at;
    process.stdout.write(
      `answer recorded → conference subscriber notified: ${notified - answeredAt} ms\n`,
    );

    journey = {
      minprom,
      nti,
      conference,
      roundtable: rt.id,
      recommendation: { id: recommendation.id, code: recommendation.code },
      requests,
    };
  });

  it('should read the whole chain for one recommendation back in one query', async () => {
    const chain = (
      await system.data(
        `query($id: ID!) { recommendation(id: $id) {
          code status recommendedText
          source { conference { title city } roundtable { title status } resolutionId }
          addressees { name }
          requests { outgoingNumber status incomingNumber answer { outcome text onTime } addressee { name responseStats { received answered answeredOnTime acceptanceRate } } }
        } }`,
        { id: journey.recommendation.id },
      )
    ).recommendation;
    expect(chain).toMatchObject({
      code: journey.recommendation.code,
      status: 'IN_PROGRESS',
      source: {
        conference: {
          title: 'Промышленная Россия 4.0: механизмы опережающего развития',
          city: 'Москва',
        },
        roundtable: { title: 'Кластеры и НТИ', status: 'CONCLUDED' },
        resolutionId: expect.any(String),
      },
    });
    expect(chain.addressees.map((a: any) => a.name).sort()).toEqual([
      'Минпромторг России',
      'Проектный офис НТИ',
    ]);
    const byAddressee = Object.fromEntries(chain.requests.map((r: any) => [r.addressee.name, r]));
    expect(byAddressee['Минпромторг России']).toMatchObject({
      status: 'ANSWERED',
      incomingNumber: 'ВХ-12/4471',
      answer: { outcome: 'ACCEPTED', onTime: true },
      addressee: {
        responseStats: { received: 1, answered: 1, answeredOnTime: 1, acceptanceRate: 1 },
      },
    });
    expect(byAddressee['Проектный офис НТИ']).toMatchObject({
      status: 'SUBMITTED',
      answer: null,
      addressee: { responseStats: { received: 1, answered: 0 } },
    });
  });

  it('should show an addressee user only its own requests, and a partner only published material', async () => {
    const asNti = await system.data(
      `query($id: ID!) { recommendation(id: $id) { code requests { addressee { name } } } inbox(first: 10) { nodes { addressee { name } status } } }`,
      { id: journey.recommendation.id },
      'addressee',
      journey.nti,
    );
    expect(asNti.recommendation.requests).toEqual([{ addressee: { name: 'Проектный офис НТИ' } }]);
    expect(asNti.inbox.nodes).toEqual([
      { addressee: { name: 'Проектный офис НТИ' }, status: 'SUBMITTED' },
    ]);

    // An internal draft next to the published recommendation.
    const draft = (
      await system.data(
        `mutation($a: [ID!]) { draftRecommendation(input: { title: "Внутренний черновик", recommendedText: "Подготовить методические материалы.", actionType: DEVELOP_MATERIALS, addresseeIds: $a, published: false }) { id } }`,
        { a: [journey.minprom] },
      )
    ).draftRecommendation.id as string;
    const asPartner = await system.data(
      `query($c: ID!, $draft: ID!) { conference(id: $c) { title } recommendations(first: 20) { nodes { code } } draft: recommendation(id: $draft) { id } }`,
      { c: journey.conference, draft },
      'partner',
    );
    expect(asPartner.conference.title).toMatch(/Промышленная Россия 4\.0/);
    expect(asPartner.recommendations.nodes).toEqual([{ code: journey.recommendation.code }]);
    expect(asPartner.draft).toBeNull();
    const asStaff = await system.data(
      `query { recommendations(first: 20) { totalCount } }`,
      {},
      'member',
    );
    expect(asStaff.recommendations.totalCount).toBe(2);
  });

  it('should lose nothing and apply nothing twice when a service is killed mid-way, and let a subscriber catch up through the cursor', async () => {
    const toNti = journey.requests.find((r) => r.addresseeId === journey.nti)!;
    const before = followUps.payloads('conferenceFollowUps');
    const lastCursor = before.at(-1)!.cursor as string;
    // The subscriber goes away; the recommendations service dies without a goodbye.
    await followUps.close();
    await system.kill('recommendations', 'SIGKILL');
    // Meanwhile the addressee registers and answers: the requests service publishes, nobody notes it yet.
    toNti.version = (
      await system.data(
        `mutation($id: ID!, $v: Int!) { registerRequest(id: $id, expectedVersion: $v, input: { incomingNumber: "ПО-НТИ/88", registeredOn: "${moscowToday()}" }) { version } }`,
        { id: toNti.id, v: toNti.version },
        'addressee',
        journey.nti,
      )
    ).registerRequest.version;
    await system.data(
      `mutation($id: ID!, $v: Int!) { answerRequest(id: $id, expectedVersion: $v, input: { outcome: PARTIALLY_ACCEPTED, text: "Проектный офис готов рассмотреть отдельные проекты." }) { version } }`,
      { id: toNti.id, v: toNti.version },
      'addressee',
      journey.nti,
    );
    await system.restart('recommendations');

    // The subscriber catches up from its last cursor: both facts, once each.
    const missed = await expectEventually(
      async () => {
        const page = (await system.data(CATCH_UP, { c: journey.conference, after: lastCursor }))
          .conferenceFollowUps;
        expect(page.edges.map((e: any) => kindOf(e.node))).toEqual([
          'REQUEST_REGISTERED',
          'REQUEST_ANSWERED',
        ]);
        return page;
      },
      { timeoutMs: 90_000 },
    );
    expect(missed.edges.every((e: any) => e.node.data.request.requestId === toNti.id)).toBe(true);
    // …and resubscribes after the last of them: nothing old comes again, the next change does.
    const back = await subscribe(
      FOLLOW_UPS,
      { c: journey.conference, after: missed.pageInfo.endCursor },
      'member',
    );
    await settle();
    const current = (
      await system.data(`query($id: ID!) { recommendation(id: $id) { version } }`, {
        id: journey.recommendation.id,
      })
    ).recommendation;
    await system.data(
      `mutation($id: ID!, $v: Int!, $a: ID!) { reportRecommendationProgress(id: $id, expectedVersion: $v, input: { text: "Отбор проектов объявлен", percent: 30, author: { kind: ORGANIZATION, id: $a } }) { version } }`,
      { id: journey.recommendation.id, v: current.version, a: journey.minprom },
    );
    await expectEventually(() =>
      expect(back.payloads('conferenceFollowUps').map(kindOf)).toEqual(['PROGRESS_REPORTED']),
    );
    // Applied once: the recommendation noted each request fact once and stayed IN_PROGRESS.
    const timeline = (
      await system.data(
        `query($id: ID!) { recommendation(id: $id) { status timeline(first: 50) { nodes { type data } } } }`,
        { id: journey.recommendation.id },
      )
    ).recommendation;
    expect(timeline.status).toBe('IN_PROGRESS');
    const facts = timeline.timeline.nodes
      .filter((n: any) => n.type === 'REQUEST_RECORDED')
      .map(
        (n: any) =>
          `${n.data.request.requestId === toNti.id ? 'nti' : 'minprom'}:${n.data.request.kind}`,
      );
    expect(facts.sort()).toEqual([
      'minprom:ANSWERED',
      'minprom:REGISTERED',
      'minprom:SUBMITTED',
      'nti:ANSWERED',
      'nti:REGISTERED',
      'nti:SUBMITTED',
    ]);
  }, 180_000);

  it('should lose nothing and apply nothing twice when the broker stops and starts again', async () => {
    const end = (await system.data(CATCH_UP, { c: journey.conference, after: null }))
      .conferenceFollowUps.pageInfo.endCursor as string;
    const watcher = await subscribe(FOLLOW_UPS, { c: journey.conference, after: end }, 'member');
    await settle();
    let requestId = '';
    await system.brokerOutage(async () => {
      // Kafka is down: the writes still succeed, their events wait in the outbox.
      const current = (
        await system.data(`query($id: ID!) { recommendation(id: $id) { version } }`, {
          id: journey.recommendation.id,
        })
      ).recommendation;
      await system.data(
        `mutation($id: ID!, $v: Int!, $a: ID!) { reportRecommendationProgress(id: $id, expectedVersion: $v, input: { text: "Проекты отобраны", percent: 60, author: { kind: ORGANIZATION, id: $a } }) { version } }`,
        { id: journey.recommendation.id, v: current.version, a: journey.minprom },
      );
      const drafted = (
        await system.data(
          `mutation($r: ID!, $a: ID!) { draftRequest(input: { recommendationId: $r, addresseeId: $a, kind: APPEAL, subject: "О ходе отбора проектов", body: "Просим сообщить о сроках отбора." }) { id version } }`,
          { r: journey.recommendation.id, a: journey.minprom },
        )
      ).draftRequest;
      requestId = drafted.id;
      await system.data(
        `mutation($id: ID!, $v: Int!) { submitRequest(id: $id, expectedVersion: $v) { version } }`,
        {
          id: drafted.id,
          v: drafted.version,
        },
      );
    });

    // Back up: the outboxes deliver, the consumers resume, the subscriber hears both, once.
    const expected = ['PROGRESS_REPORTED', 'REQUEST_SUBMITTED'];
    await expectEventually(
      () => expect(watcher.payloads('conferenceFollowUps').map(kindOf).sort()).toEqual(expected),
      { timeoutMs: 120_000, intervalMs: 500 },
    );
    const page = (await system.data(CATCH_UP, { c: journey.conference, after: end }))
      .conferenceFollowUps;
    expect(page.edges.map((e: any) => kindOf(e.node)).sort()).toEqual(expected);
    expect(watcher.payloads('conferenceFollowUps').map((f) => f.cursor)).toEqual(
      page.edges.map((e: any) => e.cursor),
    );
    const submitted = page.edges.find((e: any) => e.node.type === 'REQUEST_RECORDED');
    expect(submitted.node.data.request.requestId).toBe(requestId);
  }, 180_000);
});
