import { topicName } from '@kollegia/events';
import {
  collectSubscription,
  expectEventually,
  scrapeMetrics,
  sendRaw,
  wsClient,
  type Scrape,
} from '@kollegia/testing';
import type { Client } from 'graphql-ws';

import { startGateway, type GatewayUnderTest } from './test/harness';

let gw: GatewayUnderTest;
const clients: Client[] = [];

beforeAll(async () => {
  gw = await startGateway('metrics');
});

afterAll(async () => {
  await Promise.all(clients.map(async (client) => client.dispose()));
  await gw.stop();
});

function data(response: { data?: Record<string, any> | null; errors?: unknown }) {
  if (response.errors || !response.data) throw new Error(JSON.stringify(response.errors));
  return response.data;
}

const subgraphs = () => ({
  members: gw.members.metricsUrl,
  roundtables: gw.roundtables.metricsUrl,
  recommendations: gw.recommendations.metricsUrl,
  requests: gw.requests.metricsUrl,
});

/** Every family a process serves, whatever it did so far. */
const EVERY_PROCESS = [
  'kollegia_process_cpu_seconds_total',
  'kollegia_process_resident_memory_bytes',
  'kollegia_nodejs_eventloop_lag_p99_seconds',
  'kollegia_graphql_operations_total',
  'kollegia_graphql_operation_duration_seconds',
  'kollegia_consumer_lag_messages',
  'kollegia_job_runs_total',
];

describe('/metrics', () => {
  it('should be served by the gateway and every subgraph on a listener of its own', async () => {
    for (const url of [gw.gateway.metricsUrl, ...Object.values(subgraphs())]) {
      expect(new URL(url).port).not.toBe(new URL(gw.gateway.url).port);
      const scrape = await scrapeMetrics(url);
      for (const family of EVERY_PROCESS)
        expect([url, scrape.families.has(family)]).toEqual([url, true]);
    }
    // Not on the GraphQL listeners: the gateway is public, and the subgraphs answer only it.
    const onGateway = await fetch(new URL('/metrics', gw.gateway.url));
    expect(onGateway.status).not.toBe(200);
  });

  it('should count operations, errors, subgraph calls, consumed events and live deliveries', async () => {
    const before = {
      gateway: await scrapeMetrics(gw.gateway.metricsUrl),
      members: await scrapeMetrics(gw.members.metricsUrl),
    };
    const organization = data(
      await gw.gql(
        `mutation MetricsRegister($n: String!) { registerOrganization(input: { name: $n, kind: MINISTRY, region: "RU-MOW", published: true }) { id } }`,
        { n: 'Минэкономразвития России' },
      ),
    ).registerOrganization.id as string;
    data(await gw.gql(`query MetricsDirectory { organizations { totalCount } }`));
    const refused = await gw.gql(
      `mutation MetricsRefused { registerOrganization(input: { name: "", kind: MINISTRY, region: "RU-MOW" }) { id } }`,
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const unparsable = await gw.gql(`{ organizations {`);
    expect(unparsable.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');

    const gateway = await scrapeMetrics(gw.gateway.metricsUrl);
    const moved = (scrape: Scrape, was: Scrape, name: string, labels: Record<string, string>) =>
      scrape.sum(name, labels) - was.sum(name, labels);
    expect(
      moved(gateway, before.gateway, 'kollegia_graphql_operations_total', {
        operation: 'MetricsDirectory',
        type: 'query',
      }),
    ).toBe(1);
    expect(
      moved(gateway, before.gateway, 'kollegia_graphql_operations_total', {
        operation: 'MetricsRegister',
        type: 'mutation',
      }),
    ).toBe(1);
    for (const histogram of [
      'kollegia_graphql_operation_duration_seconds',
      'kollegia_subgraph_request_duration_seconds',
    ]) {
      expect(gateway.families.get(histogram)).toMatchObject({
        type: 'HISTOGRAM',
        metrics: [{ buckets: expect.objectContaining({ '+Inf': expect.any(String) }) }],
      });
    }
    expect(
      moved(gateway, before.gateway, 'kollegia_graphql_operation_errors_total', {
        operation: 'MetricsRefused',
        code: 'BAD_USER_INPUT',
      }),
    ).toBe(1);
    expect(
      moved(gateway, before.gateway, 'kollegia_graphql_operation_errors_total', {
        operation: 'anonymous',
        type: 'unknown',
        code: 'GRAPHQL_PARSE_FAILED',
      }),
    ).toBe(1);
    expect(
      moved(gateway, before.gateway, 'kollegia_subgraph_requests_total', { subgraph: 'members' }),
    ).toBeGreaterThanOrEqual(3);
    const members = await scrapeMetrics(gw.members.metricsUrl);
    expect(
      moved(members, before.members, 'kollegia_graphql_operations_total', { type: 'mutation' }),
    ).toBe(2);
    expect(
      moved(members, before.members, 'kollegia_graphql_operation_errors_total', {
        code: 'BAD_USER_INPUT',
      }),
    ).toBe(1);

    // The event reaches the directories of the other subgraphs: their groups' lag is measured
    // per partition, and their outbox sweeps run.
    await gw.directoriesKnow([{ kind: 'ORGANIZATION', id: organization }]);
    const roundtables = await scrapeMetrics(gw.roundtables.metricsUrl);
    const organizationTopic = topicName('organization', gw.ns.topicPrefix);
    expect(
      roundtables
        .labelsOf('kollegia_consumer_lag_messages')
        .filter((labels) => labels.topic === organizationTopic),
    ).toEqual([
      expect.objectContaining({ partition: '0', group: expect.stringContaining('roundtables') }),
    ]);
    await expectEventually(async () =>
      expect(
        (await scrapeMetrics(gw.roundtables.metricsUrl)).sum('kollegia_job_runs_total', {
          task: 'outbox sweep',
          outcome: 'success',
        }),
      ).toBeGreaterThan(0),
    );
    expect(roundtables.families.has('kollegia_outbox_pending_events')).toBe(true);

    // A subscription is open while a client listens, and counts what it delivers.
    const drafted = data(
      await gw.gql(
        `mutation($input: DraftRequestInput!) { draftRequest(input: $input) { id version } }`,
        {
          input: {
            addresseeId: organization,
            kind: 'APPEAL',
            subject: 'О мерах поддержки промышленных кластеров',
            body: 'Ассоциация просит рассмотреть меры поддержки промышленных кластеров.',
          },
        },
      ),
    ).draftRequest;
    const live = { field: 'requestChanged' };
    const liveBefore = before.gateway.sum('kollegia_live_deliveries_total', live);
    const client = wsClient(gw.gateway.wsUrl, await gw.token('secretary'));
    clients.push(client);
    const watcher = collectSubscription(
      client,
      `subscription($id: ID!) { requestChanged(id: $id) { type request { id } } }`,
      { id: drafted.id },
    );
    await expectEventually(async () =>
      expect(
        (await scrapeMetrics(gw.gateway.metricsUrl)).sum('kollegia_live_subscriptions_open', live),
      ).toBe(1),
    );
    data(
      await gw.gql(
        `mutation($id: ID!, $v: Int!) { submitRequest(id: $id, expectedVersion: $v) { id } }`,
        { id: drafted.id, v: drafted.version },
      ),
    );
    await expectEventually(() => expect(watcher.received.length).toBeGreaterThan(0));
    const delivered = await scrapeMetrics(gw.gateway.metricsUrl);
    expect(delivered.sum('kollegia_live_deliveries_total', live) - liveBefore).toBe(
      watcher.received.length,
    );
    watcher.dispose();
    await expectEventually(async () =>
      expect(
        (await scrapeMetrics(gw.gateway.metricsUrl)).sum('kollegia_live_subscriptions_open', live),
      ).toBe(0),
    );
  });

  it('should count a malformed event a consumer group dead-letters', async () => {
    const invalid = (scrape: Scrape) =>
      scrape.sum('kollegia_dead_letters_total', { reason: 'invalid-event' });
    const before = invalid(await scrapeMetrics(gw.roundtables.metricsUrl));
    await sendRaw(gw.ns.kafkaBrokers, topicName('organization', gw.ns.topicPrefix), [
      { key: 'broken', value: '{ not json' },
    ]);
    await expectEventually(async () =>
      expect(invalid(await scrapeMetrics(gw.roundtables.metricsUrl))).toBe(before + 1),
    );
  });
});
