import { collectMessages, expectEventually } from '@kollegia/testing';

import { deterministicId } from '@kollegia/service-kit';
import mongoose from 'mongoose';

import { MIGRATION_KEY } from './application/restore-whole-titles';
import {
  concluded,
  dataOf,
  eventsOf,
  resolution,
  startRecommendations,
  testClock,
} from './test/harness';

// Titles drafted from a resolution were its first sentence cut at about 120 characters until
// they were kept whole; the migration gives the whole sentence back to those never retitled.

const clock = testClock('2026-12-07T09:00:00.000Z');

const SENTENCE =
  'Рекомендовать Министерству промышленности и торговли Российской Федерации совместно с ' +
  'Проектным офисом Национальной технологической инициативы провести отбор совместных проектов';
// What the old rule stored for it.
const CUT =
  'Рекомендовать Министерству промышленности и торговли Российской Федерации совместно с Проектным офисом Национальной…';
const TEXT = `${SENTENCE}. Финансировать отобранные проекты из средств дорожных карт НТИ.`;

const TITLES = `query($a: ID!, $b: ID!, $c: ID!) {
  a: recommendation(id: $a) { title shortTitle version timeline(first: 5) { nodes { type data } } }
  b: recommendation(id: $b) { title version }
  c: recommendation(id: $c) { title version } }`;

describe('the migration to whole titles', () => {
  it('should give back the whole first sentence to titles cut the old way, once, with one replica, leaving one retitled by hand', async () => {
    // Written by this code first, then turned into what the old code wrote.
    const old = await startRecommendations('titlemigration', { clock });
    const published = await collectMessages(old.ns.kafkaBrokers, [
      old.app.runtime.topic('recommendation'),
    ]);
    try {
      const event = concluded({
        resolutions: [resolution({ text: TEXT }), resolution({ text: TEXT }), resolution()],
      });
      await old.publish([event]);
      const [cut, retitled, short] = event.data.resolutions.map(({ id }) =>
        deterministicId(event.subject, id),
      ) as [string, string, string];
      const variables = { a: cut, b: retitled, c: short };
      await expectEventually(async () =>
        expect(dataOf(await old.gql(TITLES, variables)).c).toMatchObject({ version: 1 }),
      );
      await old.stop({ drop: false });
      const db = await mongoose
        .createConnection(old.ns.mongoUrl, { dbName: old.ns.dbName })
        .asPromise();
      try {
        const recommendations = db.collection<{ _id: string }>('recommendations');
        await recommendations.updateOne({ _id: cut }, { $set: { title: CUT } });
        // Retitled by hand since (the title no longer the cut of its text), yet ending in "…".
        await recommendations.updateOne(
          { _id: retitled },
          { $set: { title: 'Отбор совместных проектов кластеров…' } },
        );
        // A deployment from before the migration: it never ran there.
        await db.collection('recommendation_migrations').deleteMany({});
      } finally {
        await db.close();
      }

      // Two replicas start at once on that database.
      const replicas = await Promise.all([
        startRecommendations('titlemigration', { clock, ns: old.ns }),
        startRecommendations('titlemigration', { clock, ns: old.ns }),
      ]);
      try {
        const after = dataOf(await replicas[0].gql(TITLES, variables));
        expect(after.a).toMatchObject({ title: SENTENCE, shortTitle: CUT, version: 2 });
        expect(after.a.timeline.nodes.map((e: { type: string }) => e.type)).toEqual([
          'PROPOSED',
          'REVISED',
        ]);
        expect(after.b).toEqual({ title: 'Отбор совместных проектов кластеров…', version: 1 });
        expect(after.c.version).toBe(1);
        await expectEventually(() =>
          expect(
            eventsOf(published.messages, cut)
              .filter((e) => e.type.endsWith('.revised.v1'))
              .map((e) => [e.actor, e.data]),
          ).toEqual([
            [
              'system:recommendations',
              expect.objectContaining({ title: SENTENCE, changedFields: ['title'] }),
            ],
          ]),
        );

        // Run again (another start): done already, nothing to do.
        expect(await replicas[1].app.useCases.wholeTitles.run(clock.now())).toBe(0);
        const claims = await replicas[1].app.runtime.connection
          .collection<{ _id: string }>('recommendation_migrations')
          .find({ _id: MIGRATION_KEY })
          .toArray();
        expect(claims).toMatchObject([{ state: 'done' }]);
        expect(eventsOf(published.messages, cut)).toHaveLength(2);
      } finally {
        await replicas[1].stop({ drop: false });
        await replicas[0].stop();
      }
    } finally {
      await published.stop();
    }
  });
});
