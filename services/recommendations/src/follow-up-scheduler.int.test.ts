import { collectMessages, expectEventually, type ReceivedMessage } from '@kollegia/testing';

import {
  ASSOCIATION,
  CHAIR,
  DRAFT,
  MINPROMTORG,
  dataOf,
  eventsOf,
  startRecommendations,
  testClock,
  type Recommendations,
} from './test/harness';

const clock = testClock('2017-02-01T09:00:00.000Z');
let first: Recommendations;
let published: { messages: ReceivedMessage[]; stop: () => Promise<void> };

beforeAll(async () => {
  first = await startRecommendations('followups', { clock });
  published = await collectMessages(first.ns.kafkaBrokers, [
    first.app.runtime.topic('recommendation'),
  ]);
});

afterAll(async () => {
  await published.stop();
  await first.stop();
});

async function adopted(service: Recommendations, dates: { dueDate: string; reviewDate: string }) {
  const drafted = dataOf(
    await service.gql(DRAFT, {
      input: {
        title: 'Экспертный совет по законодательству о кластерах',
        recommendedText: 'Предложить Комитету Государственной Думы создать экспертный совет.',
        actionType: 'CREATE_BODY',
        addresseeIds: [MINPROMTORG],
        responsible: { kind: 'ORGANIZATION', id: ASSOCIATION },
        ...dates,
      },
    }),
  ).draftRecommendation;
  dataOf(
    await service.gql(
      `mutation($id: ID!) { proposeRecommendation(id: $id, expectedVersion: 1) { id } }`,
      {
        id: drafted.id,
      },
    ),
  );
  dataOf(
    await service.gql(
      `mutation($id: ID!) { adoptRecommendation(id: $id, expectedVersion: 2, input: { decidedBy: { kind: PERSON, id: "${CHAIR}" } }) { id } }`,
      { id: drafted.id },
    ),
  );
  return drafted.id as string;
}

function followUpsOf(id: string): string[] {
  return eventsOf(published.messages, id)
    .map((e) => e.type.split('.').at(-2)!)
    .filter((type) => ['due-soon', 'overdue', 'review-due'].includes(type));
}

describe('the follow-up scheduler', () => {
  it('should announce each review and overdue once, across a restart on the same database', async () => {
    clock.set('2017-02-01T09:00:00.000Z');
    const id = await adopted(first, { dueDate: '2017-06-30', reviewDate: '2017-03-01' });
    expect(await first.app.runScheduler()).toBe(0);

    clock.set('2017-03-01T06:00:00.000Z');
    expect(await first.app.runScheduler()).toBe(1);
    expect(await first.app.runScheduler()).toBe(0);

    // Restart: a new instance on the same database and topics, the same day.
    await first.stop({ drop: false });
    first = await startRecommendations('followups', { clock, ns: first.ns });
    expect(await first.app.runScheduler()).toBe(0);

    // Past the due date: overdue only (due-soon is no news once it is overdue).
    clock.set('2017-07-02T09:00:00.000Z');
    const overdue = dataOf(
      await first.gql(
        `query($id: ID!) { recommendation(id: $id) { overdue } recommendations(filter: { overdue: true }) { nodes { id } } }`,
        { id },
      ),
    );
    expect(overdue.recommendation.overdue).toBe(true);
    expect(overdue.recommendations.nodes).toEqual([{ id }]);
    expect(await first.app.runScheduler()).toBe(1);
    await first.stop({ drop: false });
    first = await startRecommendations('followups', { clock, ns: first.ns });
    expect(await first.app.runScheduler()).toBe(0);

    await expectEventually(() => expect(followUpsOf(id)).toEqual(['review-due', 'overdue']));
    const timeline = dataOf(
      await first.gql(
        `query($id: ID!) { recommendation(id: $id) { timeline(first: 20) { nodes { type } } } }`,
        { id },
      ),
    ).recommendation.timeline.nodes.map((n: { type: string }) => n.type);
    expect(timeline).toEqual(['DRAFTED', 'PROPOSED', 'ADOPTED', 'REVIEW_DUE', 'OVERDUE']);
  });

  it('should announce each follow-up once when two instances run the scheduler at the same time', async () => {
    clock.set('2017-02-01T09:00:00.000Z');
    const ids: string[] = [];
    for (let i = 0; i < 6; i += 1) {
      ids.push(await adopted(first, { dueDate: '2017-06-30', reviewDate: '2017-06-01' }));
    }
    const second = await startRecommendations('followups', { clock, ns: first.ns });
    try {
      // Due soon (14 days ahead) and the review date reached, for each of the six.
      clock.set('2017-06-16T09:00:00.000Z');
      const [a, b] = await Promise.all([first.app.runScheduler(), second.app.runScheduler()]);
      expect(a + b).toBe(12);
      const [c, d] = await Promise.all([first.app.runScheduler(), second.app.runScheduler()]);
      expect(c + d).toBe(0);

      clock.set('2017-07-01T09:00:00.000Z');
      const [e, f] = await Promise.all([second.app.runScheduler(), first.app.runScheduler()]);
      expect(e + f).toBe(6);

      // Due soon and review due fall due at the same tick: when the two instances each win one of
      // a recommendation's claims, whichever writes first takes the lower version, so their order
      // is either; each comes once, and the overdue of the later tick after both.
      const sameTickFirst = (followUps: string[]) => [
        [...followUps.slice(0, 2)].sort(),
        followUps.slice(2),
      ];
      await expectEventually(() =>
        expect(ids.map((id) => sameTickFirst(followUpsOf(id)))).toEqual(
          ids.map(() => [['due-soon', 'review-due'], ['overdue']]),
        ),
      );
      const claims = first.app.runtime.connection.collection('follow_up_claims');
      expect(await claims.countDocuments({ recommendationId: { $in: ids }, state: 'done' })).toBe(
        18,
      );
    } finally {
      await second.stop({ drop: false });
    }
  });
});
