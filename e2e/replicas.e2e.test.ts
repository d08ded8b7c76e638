import {
  createEvent,
  decodeEvent,
  encodeEvent,
  recommendationAdoptedV1,
  recommendationProposedV1,
  requestDraftedV1,
  requestDueSoonV1,
  roundtableConcludedV1,
  topicName,
  type KollegiaEvent,
} from '@kollegia/events';
import { collectMessages, expectEventually, graphqlData } from '@kollegia/testing';
import { Kafka, logLevel, type Producer } from 'kafkajs';

import { System, TENANT, type Instance } from './system';

/**
 * Three replicas of recommendations and of requests share one database and one consumer group per
 * purpose, over topics of three partitions. A stream of events is fed straight into Kafka (as the
 * round tables and recommendations services would publish them); one replica of each is killed
 * with SIGKILL mid-stream and started again later. Then: every event had its effect, none had it
 * twice, and every due notice the three schedulers race for is announced once.
 */
const REPLICAS = 3;
const CONCLUDED = 60; // round tables concluded, 2 resolutions each → 120 recommendations
const CONFERENCES = 6;
const ADOPTED = 40; // recommendations adopted, 2 addressees each → 80 requests drafted
const SENT = 6; // requests sent and registered: each is due soon at once

let system: System;
let producer: Producer;
let collector: Awaited<ReturnType<typeof collectMessages>>;
const stamp = Date.now().toString(36);
const orgs: string[] = [];

const conferenceId = (n: number) => `e2e-replicas-conf-${n % CONFERENCES}`;

function concluded(n: number) {
  const roundtableId = `e2e-replicas-rt-${stamp}-${n}`;
  return createEvent(
    roundtableConcludedV1,
    {
      subject: roundtableId,
      tenantId: TENANT,
      aggregateVersion: 5,
      correlationId: roundtableId,
      actor: 'system:e2e',
    },
    {
      id: roundtableId,
      conferenceId: conferenceId(n),
      published: true,
      title: `Круглый стол ${n}`,
      format: 'ROUND_TABLE',
      concludedAt: '2016-11-10T13:10:00+03:00',
      agenda: [],
      resolutions: [0, 1].map((r) => ({
        id: `${roundtableId}-res-${r}`,
        kind: 'RECOMMENDATION' as const,
        text: `Рекомендация ${n}.${r}: предложить меры поддержки промышленных кластеров.`,
        addresseeIds: [orgs[r]!],
        responsible: { kind: 'ORGANIZATION' as const, id: orgs[0]! },
        dueDate: '2017-06-30',
        status: 'ADOPTED' as const,
      })),
      statementCount: 3,
    },
  );
}

function adopted(n: number) {
  const id = `e2e-replicas-rec-${stamp}-${n}`;
  const example = recommendationAdoptedV1.example;
  return createEvent(
    recommendationAdoptedV1,
    { subject: id, tenantId: TENANT, aggregateVersion: 3, correlationId: id, actor: 'system:e2e' },
    { ...example, id, code: `R-2016-${100 + n}`, addresseeIds: [orgs[0]!, orgs[1]!] },
  );
}

async function send(topic: string, events: KollegiaEvent[]) {
  await producer.send({ topic, acks: -1, messages: events.map((event) => encodeEvent(event)) });
}

/** Sends events in slices, running `midway` after the first third. */
async function stream(topic: string, events: KollegiaEvent[], midway: () => Promise<void>) {
  const third = Math.floor(events.length / 3);
  for (let i = 0; i < events.length; i += 10) {
    if (i >= third && i - 10 < third) await midway();
    await send(topic, events.slice(i, i + 10));
  }
}

/** The decoded events of one type on a topic, so far. */
function published(topic: string, type: string) {
  return collector.messages
    .filter((message) => message.topic === topic)
    .map((message) => decodeEvent(message.value ?? ''))
    .flatMap((decoded) => (decoded.ok && decoded.event.type === type ? [decoded.event] : []));
}

/** Distinct event ids per subject: more than one means the effect was applied twice. */
function idsBySubject(events: KollegiaEvent[]): Map<string, Set<string>> {
  const bySubject = new Map<string, Set<string>>();
  for (const event of events) {
    const ids = bySubject.get(event.subject) ?? new Set<string>();
    ids.add(event.id);
    bySubject.set(event.subject, ids);
  }
  return bySubject;
}

interface Draft {
  id: string;
  version: number;
  recommendation: { id: string };
  addressee: { id: string };
}

/** Every node of a connection through the gateway, page by page. */
async function everyNode<T>(field: string, args: string, selection: string): Promise<T[]> {
  const nodes: T[] = [];
  let after: string | null = null;
  for (;;) {
    const data: Record<string, any> = await system.data(
      `query($after: String) { ${field}(first: 100, after: $after, ${args}) { nodes { ${selection} } pageInfo { hasNextPage endCursor } } }`,
      { after },
    );
    const page = data[field];
    nodes.push(...page.nodes);
    if (!page.pageInfo.hasNextPage) return nodes;
    after = page.pageInfo.endCursor;
  }
}

/** Scheduler runs a requests replica logged (at debug) since a moment. */
const schedulerRunsSince = (name: Instance, since: number) =>
  system.loggedSince(name, 'due-notice run', since);

const topic = (aggregate: Parameters<typeof topicName>[0]) =>
  topicName(aggregate, system.ns.topicPrefix);

beforeAll(async () => {
  system = await System.start('replicas', {
    replicas: { recommendations: REPLICAS, requests: REPLICAS },
    partitions: 3,
    // Debug: each scheduler run is logged, which the last test waits for. A notice claimed by the
    // replica killed mid-run is taken over once its claim's lease ends (120 s by default): a short
    // lease lets the test see the takeover within its wait.
    env: {
      requests: {
        SCHEDULER_INTERVAL_MS: '1000',
        DUE_NOTICE_CLAIM_LEASE_MS: '10000',
        LOG_LEVEL: 'debug',
      },
    },
  });
  const kafka = new Kafka({
    clientId: 'e2e-replicas',
    brokers: system.ns.kafkaBrokers,
    logLevel: logLevel.NOTHING,
  });
  producer = kafka.producer();
  await producer.connect();
  collector = await collectMessages(system.ns.kafkaBrokers, [
    topic('recommendation'),
    topic('request'),
  ]);
  for (const name of ['Минпромторг России', 'Проектный офис НТИ']) {
    const { registerOrganization } = await system.data(
      `mutation($n: String!) { registerOrganization(input: { name: $n, kind: MINISTRY, region: "RU-MOW", published: true }) { id } }`,
      { n: `${name} ${stamp}` },
    );
    orgs.push(registerOrganization.id);
  }
}, 240_000);

afterAll(async () => {
  await collector?.stop();
  await producer?.disconnect();
  await system?.stop();
}, 60_000);

test('recommendations: each resolution becomes one recommendation, across a replica killed mid-stream', async () => {
  const events = Array.from({ length: CONCLUDED }, (_, n) => concluded(n));
  await stream(topic('roundtable'), events, () => system.kill('recommendations#2', 'SIGKILL'));
  await system.restart('recommendations#2');
  // Every redelivery the kill and the rejoin cause is over once the counts stop short of nothing.
  const subgraph = system.url('recommendations#3');
  const counts = async () =>
    (
      await graphqlData(
        subgraph,
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Conference { recommendationCounts { proposed total } } } }`,
        {
          r: Array.from({ length: CONFERENCES }, (_, c) => ({
            __typename: 'Conference',
            id: conferenceId(c),
          })),
        },
        await system.token('secretary'),
      )
    )._entities as { recommendationCounts: { proposed: number; total: number } }[];
  await expectEventually(
    async () => {
      const perConference = (CONCLUDED / CONFERENCES) * 2;
      expect(await counts()).toEqual(
        Array.from({ length: CONFERENCES }, () => ({
          recommendationCounts: { proposed: perConference, total: perConference },
        })),
      );
    },
    { timeoutMs: 120_000, intervalMs: 500 },
  );
  const nodes = await everyNode<{ id: string; code: string; source: { resolutionId: string } }>(
    'recommendations',
    `filter: { status: [PROPOSED] }`,
    'id code source { resolutionId }',
  );
  expect(nodes).toHaveLength(CONCLUDED * 2);
  expect(new Set(nodes.map((node) => node.code)).size).toBe(CONCLUDED * 2);
  expect(new Set(nodes.map((node) => node.source.resolutionId))).toEqual(
    new Set(events.flatMap((event) => event.data.resolutions.map((resolution) => resolution.id))),
  );
  // One `proposed` event per recommendation (a copy re-published keeps its id).
  const proposed = await expectEventually(
    () => {
      const found = idsBySubject(published(topic('recommendation'), recommendationProposedV1.type));
      expect(found.size).toBe(CONCLUDED * 2);
      return found;
    },
    { timeoutMs: 30_000 },
  );
  for (const [subject, ids] of proposed) expect([subject, ids.size]).toEqual([subject, 1]);
});

test('requests: one draft per adopted recommendation and addressee, then each due notice once', async () => {
  const events = Array.from({ length: ADOPTED }, (_, n) => adopted(n));
  await stream(topic('recommendation'), events, () => system.kill('requests#2', 'SIGKILL'));
  await system.restart('requests#2');
  const drafts = await expectEventually(
    async () => {
      const found = await everyNode<Draft>(
        'requests',
        'filter: { status: DRAFT }',
        'id version recommendation { id } addressee { id }',
      );
      expect(found).toHaveLength(ADOPTED * 2);
      return found;
    },
    { timeoutMs: 120_000, intervalMs: 500 },
  );
  // One per recommendation and addressee.
  expect(new Set(drafts.map((d) => `${d.recommendation.id}/${d.addressee.id}`)).size).toBe(
    ADOPTED * 2,
  );
  const drafted = await expectEventually(
    () => {
      const found = idsBySubject(published(topic('request'), requestDraftedV1.type));
      expect(found.size).toBe(ADOPTED * 2);
      return found;
    },
    { timeoutMs: 30_000 },
  );
  for (const [subject, ids] of drafted) expect([subject, ids.size]).toEqual([subject, 1]);

  // Answers due in five days, announced due soon up to thirty days ahead: due at registration.
  await system.data(
    `mutation { setDeadlinePolicy(input: { answerDays: 5, dueSoonDays: 30 }) { answerDays } }`,
    {},
    'admin',
  );
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Moscow' }).format(new Date());
  const sent = drafts.slice(0, SENT);
  for (const [i, request] of sent.entries()) {
    const { submitRequest } = await system.data(
      `mutation($id: ID!, $v: Int!) { submitRequest(id: $id, expectedVersion: $v) { version } }`,
      { id: request.id, v: request.version },
    );
    await system.data(
      `mutation($id: ID!, $v: Int!) { registerRequest(id: $id, expectedVersion: $v, input: { incomingNumber: "ВХ-${i}", registeredOn: "${today}" }) { version } }`,
      { id: request.id, v: submitRequest.version },
      'addressee',
      request.addressee.id,
    );
    // The schedulers race for the first notices while a replica dies.
    if (i === SENT / 2) await system.kill('requests#3', 'SIGKILL');
  }
  const dueSoon = await expectEventually(
    () => {
      const found = idsBySubject(published(topic('request'), requestDueSoonV1.type));
      expect([...found.keys()].sort()).toEqual(sent.map((request) => request.id).sort());
      return found;
    },
    { timeoutMs: 60_000, intervalMs: 250 },
  );
  // Two more scheduler runs of every replica (the restarted one too) find nothing more to announce.
  await system.restart('requests#3');
  const since = Date.now();
  await expectEventually(
    () => {
      for (const name of system.replicas('requests'))
        expect([name, schedulerRunsSince(name, since) >= 2]).toEqual([name, true]);
    },
    { timeoutMs: 30_000, intervalMs: 250 },
  );
  const again = idsBySubject(published(topic('request'), requestDueSoonV1.type));
  expect(again).toEqual(dueSoon);
  for (const [subject, ids] of again) expect([subject, ids.size]).toEqual([subject, 1]);
});
