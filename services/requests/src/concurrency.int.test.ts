import {
  createEvent,
  requestAnsweredV1,
  requestClosedV1,
  requestDeadlineExtendedV1,
  requestRegisteredV1,
  requestSubmittedV1,
} from '@kollegia/events';
import mongoose, { type Connection } from 'mongoose';

import { StatisticsUseCases } from './application/statistics';
import { deadlinePolicyModel } from './db/deadline-policy.model';
import { DeadlinePolicyRepository } from './db/deadline-policy.repository';
import {
  requestFactsModel,
  statisticsAddresseeModel,
  type RequestFactsDocument,
} from './db/request-facts.model';
import { RequestFactsRepository } from './db/request-facts.repository';
import type { RequestFacts } from './domain/statistics';
import { dataOf, hexId, startRequests, TENANT, type Requests } from './test/harness';

/**
 * Several replicas of the service share one database, with no lock between them: what each write
 * reads it must compare-and-set. Two connections stand for two replicas; every race below starts
 * all its writers before any finishes, so a read-then-write would lose some (and fail here).
 */
let requests: Requests;
let other: Connection;

/** The repositories of a replica, on its own connection. */
function replicaOn(connection: Connection) {
  return {
    policies: new DeadlinePolicyRepository(deadlinePolicyModel(connection)),
    facts: new RequestFactsRepository(
      requestFactsModel(connection),
      statisticsAddresseeModel(connection),
    ),
  };
}
let replicas: ReturnType<typeof replicaOn>[];
const now = new Date('2026-03-02T07:00:00.000Z');

beforeAll(async () => {
  requests = await startRequests('concurrency');
  other = await mongoose
    .createConnection(requests.ns.mongoUrl, { dbName: requests.ns.dbName })
    .asPromise();
  replicas = [replicaOn(requests.app.runtime.connection), replicaOn(other)];
});

afterAll(async () => {
  await other.close();
  await requests.stop();
});

/** Runs `count` writers at once, alternating between the replicas. */
function race<T>(
  count: number,
  write: (replica: (typeof replicas)[number], i: number) => Promise<T>,
) {
  return Promise.all(Array.from({ length: count }, (_, i) => write(replicas[i % 2]!, i)));
}

const range = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);

describe('deadline policies set at once', () => {
  const stored = (kind: string) =>
    requests.app.runtime.connection
      .collection<{ _id: string; version: number; settings: object }>('deadline_policies')
      .findOne({ _id: `${TENANT}/${kind}` });

  it('should give each of 10 racing updates its own version, and keep the last one’s settings', async () => {
    const first = await replicas[0]!.policies.replace(
      TENANT,
      'MINISTRY',
      { answerDays: 20 },
      now,
      'user-admin',
    );
    expect(first.version).toBe(1);

    const results = await race(10, (replica, i) =>
      replica.policies.replace(TENANT, 'MINISTRY', { answerDays: 10 + i }, now, 'user-admin'),
    );

    expect(results.map((r) => r.version).sort((a, b) => a - b)).toEqual(range(2, 10));
    const last = results.find((r) => r.version === 11)!;
    expect(await stored('MINISTRY')).toMatchObject({ version: 11, settings: last.settings });
  });

  it('should count racing first writes of a policy as well', async () => {
    const results = await race(10, (replica, i) =>
      replica.policies.replace(TENANT, 'AGENCY', { answerDays: 10 + i }, now, 'user-admin'),
    );

    expect(results.map((r) => r.version).sort((a, b) => a - b)).toEqual(range(1, 10));
    expect(await stored('AGENCY')).toMatchObject({ version: 10 });
  });

  it('should end at version 10 after 10 racing setDeadlinePolicy mutations', async () => {
    const SET = `mutation($k: OrganizationKind, $input: RequestDeadlinePolicyInput!) {
      setDeadlinePolicy(addresseeKind: $k, input: $input) { version } }`;
    const POLICY = `query($k: OrganizationKind) { deadlinePolicy(addresseeKind: $k) { answerDays version } }`;

    const responses = await Promise.all(
      range(20, 10).map((answerDays) =>
        requests.gql(SET, { k: 'BANK', input: { answerDays } }, { role: 'admin' }),
      ),
    );

    for (const response of responses) dataOf(response);
    const policy = dataOf(await requests.gql(POLICY, { k: 'BANK' })).deadlinePolicy;
    expect(policy.version).toBe(10);
    expect(range(20, 10)).toContain(policy.answerDays);
  });
});

describe('request facts applied at once by two replicas', () => {
  const facts = () =>
    requests.app.runtime.connection.collection<RequestFactsDocument>('request_facts');

  /** Adds a mark to what `current` holds (in `registeredOn`, any string field would do). */
  const marked = (requestId: string, mark: string) => (current: RequestFacts | undefined) => ({
    ...current,
    requestId,
    registeredOn: [current?.registeredOn, mark].filter(Boolean).join(' '),
  });
  const marksOf = (doc: RequestFactsDocument | null) =>
    (doc?.registeredOn ?? '').split(' ').filter(Boolean).sort();

  it('should keep every change of 20 racing writers, from the document’s creation on', async () => {
    const requestId = hexId();
    const marks = range(0, 20).map((i) => `m${String(i).padStart(2, '0')}`);

    const written = await race(20, (replica, i) =>
      replica.facts.update(TENANT, 'addressee-race', requestId, marked(requestId, marks[i]!), now),
    );

    expect(written).toEqual(marks.map(() => true));
    const doc = await facts().findOne({ _id: `${TENANT}/${requestId}` });
    expect(marksOf(doc)).toEqual(marks);
    expect(doc).toMatchObject({ tenantId: TENANT, addresseeId: 'addressee-race', version: 20 });
  });

  it('should take over a document stored before it had a version', async () => {
    const requestId = hexId();
    await facts().insertOne({
      _id: `${TENANT}/${requestId}`,
      tenantId: TENANT,
      addresseeId: 'addressee-old',
      requestId,
      registeredOn: 'old',
      updatedAt: now,
    });

    await race(6, (replica, i) =>
      replica.facts.update(TENANT, 'addressee-old', requestId, marked(requestId, `m${i}`), now),
    );

    const doc = await facts().findOne({ _id: `${TENANT}/${requestId}` });
    expect(marksOf(doc)).toEqual(['m0', 'm1', 'm2', 'm3', 'm4', 'm5', 'old']);
    expect(doc?.version).toBe(6);
  });

  it('should keep the facts of every event of a request that two replicas apply at once', async () => {
    const addresseeId = hexId();
    const statistics = [
      requests.app.useCases.statistics,
      new StatisticsUseCases(
        replicas[1]!.facts,
        requests.app.useCases.policies,
        requests.app.useCases.members,
      ),
    ];
    const requestIds = range(0, 4).map(() => hexId());
    const events = requestIds.flatMap((id) => lifecycle(id, addresseeId));

    const applied = await Promise.all(
      events.map((event, i) => statistics[i % 2]!.apply(event, now)),
    );

    expect(applied.every(Boolean)).toBe(true);
    const byAddressee = await replicas[0]!.facts.ofAddressees(TENANT, [addresseeId]);
    const stored = byAddressee
      .get(addresseeId)!
      .sort((a, b) => a.requestId.localeCompare(b.requestId));
    expect(stored).toEqual(
      [...requestIds].sort().map((requestId) => ({
        requestId,
        submittedAt: new Date('2016-12-05T07:00:00.000Z'),
        registrationDueAt: expect.any(Date),
        registeredOn: '2016-12-07',
        answerDueAt: expect.any(Date),
        extendedDueAt: expect.any(Date),
        answeredAt: new Date('2017-01-16T09:00:00.000Z'),
        outcome: 'ACCEPTED',
        answeredOnTime: true,
        closed: true,
      })),
    );
    const versions = await facts()
      .find({ _id: { $in: requestIds.map((id) => `${TENANT}/${id}`) } })
      .map((doc) => doc.version)
      .toArray();
    expect(versions).toEqual([5, 5, 5, 5]);

    // Applied again, by either replica, they change nothing and write nothing.
    const again = await Promise.all(
      events.map((event, i) => statistics[1 - (i % 2)]!.apply(event, now)),
    );
    expect(again.some(Boolean)).toBe(false);
    expect(
      await facts()
        .find({ _id: { $in: requestIds.map((id) => `${TENANT}/${id}`) } })
        .map((doc) => doc.version)
        .toArray(),
    ).toEqual([5, 5, 5, 5]);
  });
});

/** A request's events, from its sending to its closing, as this service publishes them. */
function lifecycle(id: string, addresseeId: string) {
  const meta = (version: number) => ({
    subject: id,
    tenantId: TENANT,
    aggregateVersion: version,
    correlationId: id,
    actor: 'test',
  });
  const header = { id, addresseeId };
  return [
    createEvent(requestSubmittedV1, meta(2), { ...requestSubmittedV1.example, ...header }),
    createEvent(requestRegisteredV1, meta(3), { ...requestRegisteredV1.example, ...header }),
    createEvent(requestDeadlineExtendedV1, meta(4), {
      ...requestDeadlineExtendedV1.example,
      ...header,
    }),
    createEvent(requestAnsweredV1, meta(5), { ...requestAnsweredV1.example, ...header }),
    createEvent(requestClosedV1, meta(6), { ...requestClosedV1.example, ...header }),
  ];
}
