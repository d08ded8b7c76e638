import { idleRelay } from '@kollegia/service-kit';
import { uniqueId } from '@kollegia/testing';
import mongoose, { type Connection } from 'mongoose';

import type { CountedRecommendation } from './db/conference-counts.model';
import { conferenceCountsModel } from './db/conference-counts.model';
import { ConferenceCountsRepository } from './db/conference-counts.repository';
import { CounterRepository } from './db/counter.repository';
import { counterModel, type CounterDocument } from './db/counters.model';
import { recommendationModel, type RecommendationDocument } from './db/recommendation.model';
import type { PendingProjection, TimelineEntryDocument } from './db/read-model.documents';
import { RecommendationRepository } from './db/recommendation.repository';
import { timelineModel } from './db/timeline.model';
import { TimelineRepository } from './db/timeline.repository';
import {
  DRAFT,
  OTHER_TENANT,
  TENANT,
  dataOf,
  startRecommendations,
  type Recommendations,
} from './test/harness';

// The tests call the projection themselves: no periodic sweep may do it in between.
const env = { READ_MODEL_SWEEP_INTERVAL_MS: '3600000' };

let service: Recommendations;
/** Two more connections to the service's database, each with its own pool: two processes. */
let connections: Connection[] = [];

beforeAll(async () => {
  service = await startRecommendations('concurrency', { env });
  connections = await Promise.all(
    [0, 1].map(() =>
      mongoose
        .createConnection(service.ns.mongoUrl, { dbName: service.ns.dbName, autoIndex: false })
        .asPromise(),
    ),
  );
});

afterAll(async () => {
  await Promise.all(connections.map((connection) => connection.close()));
  await service.stop();
});

/** One repository of a kind on each of the two connections. */
function onBoth<T>(make: (connection: Connection) => T): [T, T] {
  return [make(connections[0]!), make(connections[1]!)];
}

describe('counters drawn by two processes at once', () => {
  it('should hand out every number once, with no gap', async () => {
    const [a, b] = onBoth((connection) => new CounterRepository(counterModel(connection)));
    // A counter no one drew from yet: the first draws also race to create it.
    const id = `code:${TENANT}:${uniqueId('year')}`;
    const draws = Array.from({ length: 120 }, (_, i) => ({
      counters: i % 2 === 0 ? a : b,
      by: (i % 3) + 1,
    }));

    const blocks = await Promise.all(
      draws.map(async ({ counters, by }) => {
        const last = await counters.next(TENANT, id, by);
        return Array.from({ length: by }, (_, k) => last - by + 1 + k);
      }),
    );

    const total = draws.reduce((sum, draw) => sum + draw.by, 0);
    const numbers = blocks.flat().sort((x, y) => x - y);
    expect(numbers).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    const stored = await connections[0]!
      .collection<CounterDocument>('recommendation_counters')
      .findOne({ _id: id });
    expect(stored).toMatchObject({ tenantId: TENANT, last: total });
  });
});

describe('conference counts written by two processes at once', () => {
  it('should count each recommendation once, under its latest version', async () => {
    const [a, b] = onBoth(
      (connection) => new ConferenceCountsRepository(conferenceCountsModel(connection)),
    );
    const conferenceId = uniqueId('conf');
    const proposed: CountedRecommendation = { s: 'PROPOSED', v: 1, p: false };
    const adopted: CountedRecommendation = { s: 'ADOPTED', v: 2, p: true };
    const changes = Array.from({ length: 30 }, (_, i) => uniqueId(`rec${i}`)).flatMap((id, i) =>
      i % 3 === 0
        ? [
            { id, counted: proposed },
            { id, counted: adopted },
          ]
        : [{ id, counted: proposed }],
    );

    // Every change written by both processes at once, newer and older versions racing too. A
    // change applied by both would be counted twice.
    await Promise.all(
      changes.map(({ id, counted }) =>
        Promise.all(
          [a, b].map((counts) =>
            counts.apply(TENANT, [{ conferenceId, recommendationId: id, counted }]),
          ),
        ),
      ),
    );

    const expected = {
      all: { PROPOSED: 20, ADOPTED: 10 },
      visibleToPartners: { ADOPTED: 10 },
    };
    expect(await a.get(TENANT, conferenceId)).toEqual(expected);
    expect(await b.get(TENANT, conferenceId)).toEqual(expected);
    expect(await a.get(OTHER_TENANT, conferenceId)).toEqual({ all: {}, visibleToPartners: {} });
  });

  it('should count each recommendation once when both apply overlapping batches at once', async () => {
    const [a, b] = onBoth(
      (connection) => new ConferenceCountsRepository(conferenceCountsModel(connection)),
    );
    const conferences = [uniqueId('conf'), uniqueId('conf'), uniqueId('conf')];
    const proposed: CountedRecommendation = { s: 'PROPOSED', v: 1, p: false };
    const adopted: CountedRecommendation = { s: 'ADOPTED', v: 2, p: true };
    const changes = Array.from({ length: 60 }, (_, i) => ({
      conferenceId: conferences[i % 3]!,
      recommendationId: uniqueId(`rec${i}`),
      counted: proposed,
    }));
    const adoptions = changes
      .filter((_, i) => i % 4 === 0)
      .map((change) => ({ ...change, counted: adopted }));

    // As two replicas after a rebalance: the same batch, and batches that overlap it, at once;
    // one of them carries newer versions of some recommendations too.
    await Promise.all([
      a.apply(TENANT, changes),
      b.apply(TENANT, changes),
      a.apply(TENANT, changes.slice(0, 30)),
      b.apply(TENANT, [...changes.slice(20), ...adoptions]),
    ]);

    for (const conferenceId of conferences) {
      expect(await a.get(TENANT, conferenceId)).toEqual({
        all: { PROPOSED: 15, ADOPTED: 5 },
        visibleToPartners: { ADOPTED: 5 },
      });
    }
  });
});

const COUNTS = `query($c: ID!) { _entities(representations: [{ __typename: "Conference", id: $c }]) {
  ... on Conference { recommendationCounts { draft total } } } }`;

describe('one change projected by two processes at once', () => {
  it('should store each timeline entry once, count it once and leave nothing pending', async () => {
    const replica = await startRecommendations('concurrency', { ns: service.ns, env });
    try {
      const conferenceId = uniqueId('conf');
      const ids: string[] = [];
      for (let i = 0; i < 8; i += 1) {
        const input = {
          title: `Рекомендация ${i}`,
          recommendedText: 'Текст.',
          actionType: 'OTHER',
          conferenceId,
        };
        ids.push(dataOf(await service.gql(DRAFT, { input })).draftRecommendation.id);
      }
      const db = service.app.runtime.connection;
      const timeline = db.collection<TimelineEntryDocument>('recommendation_timeline');
      const recommendations = db.collection<RecommendationDocument>('recommendations');
      const written = await timeline.find({ recommendationId: { $in: ids } }).toArray();
      expect(written).toHaveLength(ids.length);

      // As if each change's process had died after storing it: read models not written yet.
      await timeline.deleteMany({ recommendationId: { $in: ids } });
      await db.collection('conference_counts').deleteMany({ conferenceId });
      for (const { feedSequence: _feed, ...entry } of written) {
        await recommendations.updateOne(
          { _id: entry.recommendationId, tenantId: TENANT },
          {
            $push: {
              pendingProjections: {
                tenantId: TENANT,
                version: 1,
                status: entry.status,
                conferenceId,
                visibleToPartners: entry.visibleToPartners,
                entries: [entry],
                reports: [],
              },
            },
          },
        );
      }
      const feed = async () =>
        ((await db
          .collection<CounterDocument>('recommendation_counters')
          .findOne({ _id: `feed:${TENANT}` })) ?? { last: 0 })['last'];
      const drawnBefore = await feed();

      // Both processes finish every one of them at the same moment.
      await Promise.all(
        ids.flatMap((id) => [
          service.app.useCases.writer.project(TENANT, id),
          replica.app.useCases.writer.project(TENANT, id),
        ]),
      );

      // Each entry took one number; the numbers run on from before without a gap.
      expect((await feed()) - drawnBefore).toBe(ids.length);
      const entries = await timeline.find({ recommendationId: { $in: ids } }).toArray();
      expect(entries.map((entry) => entry._id).sort()).toEqual(
        written.map((entry) => entry._id).sort(),
      );
      expect(entries.map((entry) => entry.feedSequence).sort((x, y) => x - y)).toEqual(
        ids.map((_, k) => drawnBefore + k + 1),
      );
      expect(
        dataOf(await service.gql(COUNTS, { c: conferenceId }))._entities[0].recommendationCounts,
      ).toEqual({ draft: ids.length, total: ids.length });
      expect(
        await recommendations.countDocuments({
          _id: { $in: ids },
          'pendingProjections.version': { $exists: true },
        }),
      ).toBe(0);
    } finally {
      await replica.stop({ drop: false });
    }
  });

  it('should remove exactly the projections written, in the tenant only', async () => {
    const id = dataOf(
      await service.gql(DRAFT, {
        input: { title: 'Ещё одна', recommendedText: 'Текст.', actionType: 'OTHER' },
      }),
    ).draftRecommendation.id as string;
    const repository = new RecommendationRepository(
      recommendationModel(connections[0]!),
      { topicPrefix: service.ns.topicPrefix, relay: idleRelay },
      { timeZone: 'Europe/Moscow', dueSoonDays: 14 },
    );
    const stored = (version: number): PendingProjection => ({
      tenantId: TENANT,
      version,
      status: 'DRAFT',
      visibleToPartners: false,
      entries: [],
      reports: [],
    });
    await service.app.runtime.connection
      .collection<RecommendationDocument>('recommendations')
      .updateOne(
        { _id: id, tenantId: TENANT },
        { $push: { pendingProjections: { $each: [stored(2), stored(3)] } } },
      );

    await repository.removeProjections(OTHER_TENANT, id, [{ version: 2 }, { version: 3 }]);
    expect((await repository.pendingProjections(TENANT, id)).map((p) => p.version)).toEqual([2, 3]);
    // Written: 2 (and 2 again, as a second process would); 3 was stored meanwhile and stays.
    await Promise.all([
      repository.removeProjections(TENANT, id, [{ version: 2 }]),
      repository.removeProjections(TENANT, id, [{ version: 2 }]),
    ]);
    expect((await repository.pendingProjections(TENANT, id)).map((p) => p.version)).toEqual([3]);
    expect(await repository.pendingProjections(OTHER_TENANT, id)).toEqual([]);
  });
});

describe('the conference feed written by two processes at once', () => {
  it('should let a reader paging by cursor meet every entry once, whoever wrote it', async () => {
    const tenantId = uniqueId('tenant');
    const conferenceId = uniqueId('conf');
    const [a, b] = onBoth(
      (connection) =>
        new TimelineRepository(
          timelineModel(connection),
          new CounterRepository(counterModel(connection)),
        ),
    );
    const entry = (writer: string, n: number, i: number) => ({
      _id: `${writer}-${n}-${i}`,
      tenantId,
      recommendationId: `${writer}-${n}`,
      conferenceId,
      sequence: i + 1,
      type: 'DRAFTED',
      occurredAt: new Date(),
      actor: writer,
      status: 'DRAFT' as const,
      addresseeIds: [],
      visibleToPartners: false,
      data: {},
    });
    const timeline =
      service.app.runtime.connection.collection<TimelineEntryDocument>('recommendation_timeline');
    const seen: string[] = [];
    let cursor = 0;
    const readPage = async () => {
      const page = await timeline
        .find({ tenantId, conferenceId, feedSequence: { $gt: cursor } })
        .sort({ feedSequence: 1 })
        .limit(20)
        .toArray();
      for (const found of page) seen.push(found._id);
      cursor = page.at(-1)?.feedSequence ?? cursor;
    };
    let writing = true;
    const reader = (async () => {
      while (writing) await readPage();
    })();
    // 2 × 60 appends of one to three entries, each written twice (a repeat stores nothing).
    const appends = (writer: string, repository: TimelineRepository) =>
      (async () => {
        for (let n = 0; n < 60; n += 1) {
          const entries = Array.from({ length: 1 + (n % 3) }, (_, i) => entry(writer, n, i));
          await repository.append(tenantId, entries);
          if (n % 10 === 0) await repository.append(tenantId, entries);
        }
      })();
    await Promise.all([appends('a', a), appends('b', b)]);
    writing = false;
    await reader;
    await readPage();
    const written = await timeline.find({ tenantId }).toArray();
    expect(written).toHaveLength(2 * (20 * 1 + 20 * 2 + 20 * 3));
    expect(written.map((e) => e.feedSequence).sort((x, y) => x - y)).toEqual(
      written.map((_, i) => i + 1),
    );
    // In the order of the numbers, nothing skipped, nothing twice.
    expect(seen).toHaveLength(written.length);
    expect(new Set(seen)).toEqual(new Set(written.map((e) => e._id)));
  });
});
