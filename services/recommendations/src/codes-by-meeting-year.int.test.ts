import {
  collectMessages,
  errorCode,
  expectEventually,
  type ReceivedMessage,
} from '@kollegia/testing';

import mongoose from 'mongoose';

import { MIGRATION_KEY } from './application/renumber-codes-by-meeting-year';
import {
  concluded,
  dataOf,
  DRAFT,
  eventsOf,
  resolution,
  startRecommendations,
  TENANT,
  testClock,
  type Recommendations,
} from './test/harness';

// Codes are R-<year of the meeting>-NN (DESIGN.md section 3): a 2016 sitting recorded in 2026
// is R-2016-…, numbered from 01 in a workspace that had no 2016 codes yet.

const clock = testClock('2026-12-07T09:00:00.000Z');
let service: Recommendations;
let published: { messages: ReceivedMessage[]; stop: () => Promise<void> };

beforeAll(async () => {
  service = await startRecommendations('meetingyear', { clock });
  published = await collectMessages(service.ns.kafkaBrokers, [
    service.app.runtime.topic('recommendation'),
  ]);
});

afterAll(async () => {
  await published.stop();
  await service.stop();
});

const OF_ROUNDTABLE = `query($rt: ID!) { _entities(representations: [{ __typename: "Roundtable", id: $rt }]) {
  ... on Roundtable { recommendations(first: 5) { totalCount nodes { id code version
    source { meetingDate } timeline(first: 3) { nodes { type occurredAt data } } } } } } }`;

/** The round table's recommendations once `count` exist, each with its first timeline entry. */
async function ofRoundtable(service: Recommendations, roundtableId: string, count: number) {
  return expectEventually(async () => {
    const data = dataOf(await service.gql(OF_ROUNDTABLE, { rt: roundtableId }));
    const found = data._entities[0].recommendations as { totalCount: number; nodes: any[] };
    expect(found.totalCount).toBe(count);
    expect(found.nodes).toHaveLength(count);
    expect(found.nodes.every((node) => node.timeline.nodes.length > 0)).toBe(true);
    return found.nodes;
  });
}

const draftInput = {
  title: 'Экспертный совет по законодательству о кластерах',
  recommendedText: 'Предложить Комитету Государственной Думы создать экспертный совет.',
  actionType: 'CREATE_BODY',
};

describe('codes by the meeting’s year', () => {
  it('should code a 2016 sitting recorded in 2026 from R-2016-01, announced as recorded in 2026', async () => {
    const event = concluded({
      resolutions: [resolution(), resolution({ kind: 'QUESTION_TO_REGULATOR' })],
      concludedAt: '2016-11-10T13:10:00+03:00',
    });
    await service.publish([event]);

    const nodes = await ofRoundtable(service, event.subject, 2);
    expect(nodes.map((n) => [n.code, n.source.meetingDate])).toEqual([
      ['R-2016-01', '2016-11-10'],
      ['R-2016-02', '2016-11-10'],
    ]);
    // Proposed when the sitting concluded (the timeline), recorded when the conclusion was.
    expect(nodes[0].timeline.nodes[0]).toMatchObject({
      type: 'PROPOSED',
      occurredAt: '2016-11-10T10:10:00.000Z',
    });
    await expectEventually(() =>
      expect(eventsOf(published.messages, nodes[0].id)[0]).toMatchObject({
        time: event.time,
        data: { code: 'R-2016-01', proposedAt: '2016-11-10T10:10:00.000Z' },
      }),
    );
  });

  it('should take the year of the day in the workspace’s time zone when the sitting ended near midnight', async () => {
    // 23:30 in London on New Year’s Eve is 02:30 on 1 January in Moscow (FOLLOW_UP_TIME_ZONE).
    const event = concluded({
      resolutions: [resolution()],
      concludedAt: '2016-12-31T23:30:00+00:00',
    });
    await service.publish([event]);

    const [node] = await ofRoundtable(service, event.subject, 1);
    expect(node).toMatchObject({ code: 'R-2017-01', source: { meetingDate: '2017-01-01' } });
  });

  it('should draft with the year of the given meeting day, else of the day it is recorded', async () => {
    const past = dataOf(
      await service.gql(DRAFT, { input: { ...draftInput, meetingDate: '2015-03-03' } }),
    ).draftRecommendation;
    const today = dataOf(await service.gql(DRAFT, { input: draftInput })).draftRecommendation;

    expect(past.code).toBe('R-2015-01');
    expect(today.code).toBe('R-2026-01');
  });

  it('should refuse a meeting day in the future, naming the field, and store nothing', async () => {
    const refused = await service.gql(DRAFT, {
      input: { ...draftInput, meetingDate: '2026-12-08' },
    });
    const next = dataOf(
      await service.gql(DRAFT, { input: { ...draftInput, meetingDate: '2026-12-07' } }),
    ).draftRecommendation;

    expect(errorCode(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0]).toMatchObject({
      message: 'meetingDate: must not be in the future (today is 2026-12-07)',
      extensions: { field: 'meetingDate' },
    });
    // No number was drawn for the refused one.
    expect(next.code).toBe('R-2026-02');
  });
});

describe('the migration of codes to their meeting’s year', () => {
  it('should renumber recommendations written the old way once, with one replica, on the timeline and as an event', async () => {
    // Written by this code first, then turned into what the old code wrote: no meeting day, the
    // code of the year the sitting's own offset read (2016 for 23:30 in London on New Year's Eve,
    // which was already 2017 in the workspace), the 2016 counter where the old code left it.
    const old = await startRecommendations('codemigration', { clock });
    const migrated = await collectMessages(old.ns.kafkaBrokers, [
      old.app.runtime.topic('recommendation'),
    ]);
    try {
      const event = concluded({
        resolutions: [resolution(), resolution({ kind: 'QUESTION_TO_REGULATOR' })],
        concludedAt: '2016-12-31T23:30:00+00:00',
      });
      await old.publish([event]);
      const created = await ofRoundtable(old, event.subject, 2);
      const byHand = dataOf(
        await old.gql(DRAFT, { input: { ...draftInput, code: 'АКИТ/2016-7' } }),
      ).draftRecommendation;
      const rightYear = dataOf(await old.gql(DRAFT, { input: draftInput })).draftRecommendation;
      // Rewritten once that instance has stopped (its relay and read-model writes are done).
      await old.stop({ drop: false });
      const db = await mongoose
        .createConnection(old.ns.mongoUrl, { dbName: old.ns.dbName })
        .asPromise();
      try {
        for (const [i, { id }] of created.entries()) {
          await db
            .collection<{ _id: string }>('recommendations')
            .updateOne(
              { _id: id },
              { $set: { code: `R-2016-0${i + 1}` }, $unset: { 'source.meetingDate': 1 } },
            );
        }
        const counters = db.collection<{ _id: string }>('recommendation_counters');
        await counters.deleteOne({ _id: `code:${TENANT}:2017` });
        await counters.updateOne(
          { _id: `code:${TENANT}:2016` },
          { $set: { tenantId: TENANT, last: 2 } },
          { upsert: true },
        );
        // A deployment from before the migration: it never ran there.
        await db.collection('recommendation_migrations').deleteMany({});
      } finally {
        await db.close();
      }

      // Two replicas start at once on that database.
      const replicas = await Promise.all([
        startRecommendations('codemigration', { clock, ns: old.ns }),
        startRecommendations('codemigration', { clock, ns: old.ns }),
      ]);
      try {
        const after = await ofRoundtable(replicas[0], event.subject, 2);
        expect(after.map((n) => [n.code, n.version])).toEqual([
          ['R-2017-01', 2],
          ['R-2017-02', 2],
        ]);
        expect(after[0].timeline.nodes.map((e: { type: string }) => e.type)).toEqual([
          'PROPOSED',
          'RENUMBERED',
        ]);
        expect(after[0].timeline.nodes[1].data).toMatchObject({
          code: 'R-2017-01',
          previousCode: 'R-2016-01',
        });
        await expectEventually(() =>
          expect(
            after.map(({ id }) =>
              eventsOf(migrated.messages, id)
                .filter((e) => e.type.endsWith('.renumbered.v1'))
                .map((e) => e.data),
            ),
          ).toEqual([
            [expect.objectContaining({ code: 'R-2017-01', previousCode: 'R-2016-01' })],
            [expect.objectContaining({ code: 'R-2017-02', previousCode: 'R-2016-02' })],
          ]),
        );
        const untouched = dataOf(
          await replicas[1].gql(
            `query($a: ID!, $b: ID!) { a: recommendation(id: $a) { code version } b: recommendation(id: $b) { code version } }`,
            { a: byHand.id, b: rightYear.id },
          ),
        );
        expect(untouched).toEqual({
          a: { code: 'АКИТ/2016-7', version: 1 },
          b: { code: 'R-2026-01', version: 1 },
        });

        // Run again (another start): done already, nothing to do.
        expect(await replicas[1].app.useCases.codesByMeetingYear.run(clock.now())).toBe(0);
        const claims = await replicas[1].app.runtime.connection
          .collection<{ _id: string }>('recommendation_migrations')
          .find({ _id: MIGRATION_KEY })
          .toArray();
        expect(claims).toMatchObject([{ state: 'done' }]);
      } finally {
        await replicas[1].stop({ drop: false });
        await replicas[0].stop();
      }
    } finally {
      await migrated.stop();
    }
  });
});
