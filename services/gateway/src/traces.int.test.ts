import {
  expectEventually,
  startOtlpReceiver,
  traceTree,
  type OtlpReceiver,
  type ReceivedSpan,
} from '@kollegia/testing';

import type { Role } from '@kollegia/service-kit';

import { startGateway, TENANT, type GatewayUnderTest } from './test/harness';

/**
 * One mutation through the gateway yields one connected trace across services: the gateway's
 * operation, members' server span and its write, the outbox relay's send, and the consumers of
 * members' event in the other subgraphs — exported over OTLP/HTTP to a receiver started here.
 */
let receiver: OtlpReceiver;
let gw: GatewayUnderTest;

const SERVER = 2;
const CLIENT = 3;
const PRODUCER = 4;
const CONSUMER = 5;

beforeAll(async () => {
  receiver = await startOtlpReceiver();
  const tracing = { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, OTEL_BSP_SCHEDULE_DELAY: '100' };
  gw = await startGateway('traces', tracing, tracing);
});

afterAll(async () => {
  await gw?.stop();
  await receiver?.close();
});

function find(spans: ReceivedSpan[], service: string, kind: number, name: RegExp) {
  const found = spans.find((s) => s.service === service && s.kind === kind && name.test(s.name));
  if (!found) throw new Error(`no ${service} span ${String(name)} in\n${traceTree(spans)}`);
  return found;
}

async function data(
  query: string,
  variables: Record<string, unknown> = {},
  role: Role = 'secretary',
  org?: string,
): Promise<Record<string, any>> {
  const response = await gw.gql(query, variables, role, TENANT, org);
  if (response.errors || !response.data) throw new Error(JSON.stringify(response.errors));
  return response.data;
}

/** A round table concluded with one resolution to a ministry, its recommendation adopted. */
async function adoptedRecommendation(): Promise<{ id: string }> {
  const ministry = (
    await data(
      `mutation { registerOrganization(input: { name: "Минпромторг России", kind: MINISTRY, region: "RU-MOW", published: true }) { id } }`,
    )
  ).registerOrganization.id as string;
  const chair = (
    await data(
      `mutation { registerPerson(input: { fullName: "Председатель Круглого Стола" }) { id } }`,
    )
  ).registerPerson.id as string;
  await gw.directoriesKnow([
    { kind: 'ORGANIZATION', id: ministry },
    { kind: 'PERSON', id: chair },
  ]);
  const conference = (
    await data(
      `mutation { scheduleConference(input: { title: "Промышленная Россия 4.0", kind: CONFERENCE, startsOn: "2016-11-10", endsOn: "2016-11-10", city: "Москва", published: true }) { id } }`,
    )
  ).scheduleConference.id as string;
  await data(`mutation($id: ID!) { openConference(id: $id, expectedVersion: 1) { id } }`, {
    id: conference,
  });
  let roundtable = (
    await data(
      `mutation($c: ID!, $p: ID!) { scheduleRoundtable(input: { conferenceId: $c, title: "ТЭК и ОПК", format: ROUND_TABLE, startsAt: "2016-11-10T08:00:00Z", moderator: { kind: PERSON, id: $p }, published: true }) { id version } }`,
      { c: conference, p: chair },
    )
  ).scheduleRoundtable;
  for (const step of [
    `mutation($id: ID!, $v: Int!) { startRoundtable(id: $id, expectedVersion: $v) { id version } }`,
    `mutation($id: ID!, $v: Int!, $a: [ID!]) { proposeResolution(roundtableId: $id, expectedVersion: $v, input: { kind: RECOMMENDATION, text: "Обратиться к министерству с предложением.", addresseeIds: $a }) { id version } }`,
    `mutation($id: ID!, $v: Int!) { concludeRoundtable(id: $id, expectedVersion: $v) { id version } }`,
  ]) {
    const result = await data(step, { id: roundtable.id, v: roundtable.version, a: [ministry] });
    roundtable = Object.values(result)[0];
  }
  const recommendation = await expectEventually(
    async () => {
      const { nodes } = (
        await data(
          `query($c: ID!) { recommendations(first: 1, filter: { conferenceId: $c }) { nodes { id version } } }`,
          { c: conference },
        )
      ).recommendations;
      expect(nodes).toHaveLength(1);
      return nodes[0] as { id: string; version: number };
    },
    { timeoutMs: 30_000 },
  );
  await data(
    `mutation($id: ID!, $v: Int!, $by: ID!) { adoptRecommendation(id: $id, expectedVersion: $v, input: { decidedBy: { kind: ORGANIZATION, id: $by } }) { id } }`,
    { id: recommendation.id, v: recommendation.version, by: ministry },
  );
  return recommendation;
}

describe('traces', () => {
  it('should record one connected trace from the gateway to another service when a mutation writes an event', async () => {
    const response = await gw.gql<{ registerOrganization: { id: string } }>(
      `mutation TracedRegistration { registerOrganization(input: { name: "Минэнерго России", kind: MINISTRY, region: "RU-MOW", published: true }) { id } }`,
    );
    const id = response.data!.registerOrganization.id;
    await gw.directoriesKnow([{ kind: 'ORGANIZATION', id }]);

    const { operation, call, server, write, send, consumed } = await expectEventually(() => {
      const root = find(receiver.spans, 'gateway', SERVER, /^mutation TracedRegistration$/);
      const trace = receiver.trace(root.traceId);
      const spans = {
        operation: root,
        call: find(trace, 'gateway', CLIENT, /^subgraph members$/),
        server: find(trace, 'members', SERVER, /^mutation TracedRegistration$/),
        write: find(trace, 'members', CLIENT, /^insert organizations$/),
        send: find(trace, 'members', PRODUCER, /^send .*organization/),
        consumed: find(trace, 'requests', CONSUMER, /^process .*organization/),
      };
      // Every span's parent is in the trace: it is one whole, with the gateway's span its root.
      const ids = new Set(trace.map((span) => span.spanId));
      const orphans = trace.filter((span) => span.parentSpanId && !ids.has(span.parentSpanId));
      expect(orphans).toEqual([]);
      expect(trace.filter((span) => span.parentSpanId === '')).toEqual([root]);
      return spans;
    });

    expect(operation.parentSpanId).toBe('');
    expect(call.parentSpanId).toBe(operation.spanId);
    expect(server.parentSpanId).toBe(call.spanId);
    expect(write.parentSpanId).toBe(server.spanId);
    expect(write.attributes).toMatchObject({ 'db.system.name': 'mongodb' });
    // The relay and the consumers continue the context the event was written in.
    expect(send.parentSpanId).toBe(server.spanId);
    expect(consumed.parentSpanId).toBe(server.spanId);
    expect(consumed.attributes).toMatchObject({
      'messaging.system': 'kafka',
      'messaging.consumer.group.name': expect.stringMatching(/kollegia\.requests\.directory$/),
    });
  });
  it("should carry a request's answer to its recommendation's follow-up and to the live feed in one trace", async () => {
    const recommendation = await adoptedRecommendation();
    const request = await expectEventually(
      async () => {
        const { requests } = (
          await data(
            `query($id: ID!) { recommendation(id: $id) { requests { id version addressee { id } } } }`,
            { id: recommendation.id },
          )
        ).recommendation;
        expect(requests).toHaveLength(1);
        return requests[0] as { id: string; version: number; addressee: { id: string } };
      },
      { timeoutMs: 30_000 },
    );
    const addressee = request.addressee.id;
    let version = (
      await data(
        `mutation($id: ID!, $v: Int!) { submitRequest(id: $id, expectedVersion: $v) { version } }`,
        { id: request.id, v: request.version },
      )
    ).submitRequest.version;
    version = (
      await data(
        `mutation($id: ID!, $v: Int!) { registerRequest(id: $id, expectedVersion: $v, input: { incomingNumber: "ВХ-12/4471", registeredOn: "${new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Moscow' }).format(new Date())}" }) { version } }`,
        { id: request.id, v: version },
        'addressee',
        addressee,
      )
    ).registerRequest.version;
    await data(
      `mutation TracedAnswer($id: ID!, $v: Int!) { answerRequest(id: $id, expectedVersion: $v, input: { outcome: ACCEPTED, text: "Министерство поддерживает предложение." }) { version } }`,
      { id: request.id, v: version },
      'addressee',
      addressee,
    );

    const trace = await expectEventually(
      () => {
        const root = find(receiver.spans, 'gateway', SERVER, /^mutation TracedAnswer$/);
        const spans = receiver.trace(root.traceId);
        const answered = find(spans, 'requests', SERVER, /^mutation TracedAnswer$/);
        find(spans, 'requests', CLIENT, /^compare-and-set requests$/);
        const noted = find(spans, 'recommendations', CONSUMER, /^process .*request$/);
        const recorded = find(
          spans,
          'recommendations',
          CLIENT,
          /^compare-and-set recommendations$/,
        );
        const sent = find(spans, 'recommendations', PRODUCER, /^send .*recommendation$/);
        const delivered = spans.filter(
          (span) => span.service === 'gateway' && span.kind === CONSUMER,
        );
        expect(noted.parentSpanId).toBe(answered.spanId);
        expect(recorded.parentSpanId).toBe(noted.spanId);
        expect(sent.parentSpanId).toBe(noted.spanId);
        // The live feed hears the request's change and the recommendation's that followed it.
        expect(delivered.map((span) => span.name)).toEqual(
          expect.arrayContaining([
            expect.stringMatching(/request$/),
            expect.stringMatching(/recommendation$/),
          ]),
        );
        const ids = new Set(spans.map((span) => span.spanId));
        expect(spans.filter((span) => span.parentSpanId && !ids.has(span.parentSpanId))).toEqual(
          [],
        );
        return spans;
      },
      { timeoutMs: 30_000 },
    );
    if (process.env.PRINT_TRACE) process.stdout.write(`${traceTree(trace)}\n`);
  });
});
