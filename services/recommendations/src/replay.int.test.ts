import type { CloudEventEnvelope } from '@kollegia/events';
import { deterministicId } from '@kollegia/service-kit';
import { expectEventually, uniqueId } from '@kollegia/testing';

import {
  CHAIR,
  MINPROMTORG,
  NTI_OFFICE,
  concluded,
  dataOf,
  requestEvents,
  resolution,
  startRecommendations,
  type Recommendations,
} from './test/harness';

let service: Recommendations;

beforeAll(async () => {
  service = await startRecommendations('replay');
});

afterAll(() => service.stop());

// `timeline(first: 1)`: only its count is compared (a hundred pages of a hundred are over the cost limit).
const STATE = `query($c: ID!) {
  _entities(representations: [{ __typename: "Conference", id: $c }]) { ... on Conference {
    recommendationCounts { draft proposed adopted inProgress implemented partiallyImplemented rejected withdrawn superseded total }
    recommendations(first: 100) { nodes { id version status code addresseePositions { position requestIds } timeline(first: 1) { totalCount } } }
    controlItems(first: 10) { totalCount nodes { id version status } }
  } } }`;

/** Recommendations whose last changes still await their read models. */
async function unprojected(): Promise<number> {
  const pending = await service.app.runtime.connection
    .collection('recommendations')
    .find({ 'pendingProjections.version': { $exists: true } }, { projection: { _id: 1 } })
    .toArray();
  return pending.length;
}

async function conferenceState(conferenceId: string) {
  return dataOf(await service.gql(STATE, { c: conferenceId }))._entities[0];
}

describe('a replay of every consumed event', () => {
  it('should leave recommendations, timelines and counts as they were', async () => {
    const conferenceId = uniqueId('conf');
    const roundtables = [0, 1, 2].map(() =>
      concluded({
        conferenceId,
        resolutions: [
          resolution({ kind: 'QUESTION_TO_REGULATOR', addresseeIds: [MINPROMTORG, NTI_OFFICE] }),
          resolution({ addresseeIds: [MINPROMTORG] }),
          resolution({ kind: 'DECISION' }),
          resolution({ kind: 'CONTROL_ITEM', addresseeIds: [] }),
        ],
      }),
    );
    const consumed: CloudEventEnvelope[] = [...roundtables];
    await service.publish(roundtables);
    await expectEventually(async () =>
      expect((await conferenceState(conferenceId)).recommendationCounts.total).toBe(6),
    );
    const idOf = (rt: number, res: number) =>
      deterministicId(roundtables[rt]!.subject, roundtables[rt]!.data.resolutions[res]!.id);

    // Adopt four of them; then the addressees answer.
    for (const [rt, res] of [
      [0, 0],
      [0, 1],
      [1, 0],
      [2, 1],
    ] as const) {
      dataOf(
        await service.gql(
          `mutation($id: ID!) { adoptRecommendation(id: $id, expectedVersion: 1, input: { decidedBy: { kind: PERSON, id: "${CHAIR}" } }) { id } }`,
          { id: idOf(rt, res) },
        ),
      );
    }
    const req = (rt: number, res: number, addresseeId: string) => ({
      requestId: uniqueId('req'),
      recommendationId: idOf(rt, res),
      addresseeId,
    });
    const a = req(0, 0, MINPROMTORG);
    const b = req(0, 0, NTI_OFFICE);
    const c = req(1, 0, MINPROMTORG);
    const d = req(1, 0, NTI_OFFICE);
    const e = req(2, 1, MINPROMTORG);
    const answers = [
      requestEvents.registered(a),
      requestEvents.answered(a, 'ACCEPTED', '2017-01-16T12:00:00+03:00'),
      requestEvents.answered(b, 'DECLINED', '2017-01-17T12:00:00+03:00'),
      requestEvents.answered(c, 'DECLINED', '2017-01-16T12:00:00+03:00'),
      requestEvents.answered(d, 'DECLINED', '2017-01-18T12:00:00+03:00'),
      requestEvents.overdue(e, '2017-01-10'),
    ];
    consumed.push(...answers);
    await service.publish(answers);
    const before = await expectEventually(async () => {
      const state = await conferenceState(conferenceId);
      expect(state.recommendationCounts).toMatchObject({
        proposed: 2,
        adopted: 2,
        inProgress: 1,
        rejected: 1,
        total: 6,
      });
      // Each round table's CONTROL_ITEM is an item under control, not a recommendation.
      expect(state.controlItems.totalCount).toBe(3);
      expect(
        state.recommendations.nodes.find((n: { id: string }) => n.id === idOf(2, 1))
          .addresseePositions[0].requestIds,
      ).toEqual([e.requestId]);
      // Read models are written right after each change: none may be left to write.
      expect(await unprojected()).toBe(0);
      return state;
    });

    // Every consumed event again, twice, in order; then a marker on each topic.
    await service.publish([...consumed, ...consumed]);
    const marker = concluded({ conferenceId: uniqueId('conf'), resolutions: [resolution()] });
    const markerId = deterministicId(marker.subject, marker.data.resolutions[0]!.id);
    const markerRequest = requestEvents.registered({
      requestId: uniqueId('req'),
      recommendationId: markerId,
      addresseeId: MINPROMTORG,
    });
    await service.publish([marker, markerRequest]);
    await expectEventually(async () => {
      const rec = dataOf(
        await service.gql(`query($id: ID!) { recommendation(id: $id) { version } }`, {
          id: markerId,
        }),
      ).recommendation;
      expect(rec?.version).toBe(2);
    });

    expect(await conferenceState(conferenceId)).toEqual(before);
    const counts = service.app.runtime.connection.collection('conference_counts');
    expect(await counts.countDocuments({ conferenceId })).toBe(1);
    expect(await unprojected()).toBe(0);
  });
});

describe('read models a crash left behind', () => {
  it('should write the timeline once the sweep runs, and count nothing twice', async () => {
    const conferenceId = uniqueId('conf');
    const event = concluded({ conferenceId, resolutions: [resolution()] });
    const id = deterministicId(event.subject, event.data.resolutions[0]!.id);
    await service.publish([event]);
    await expectEventually(async () => {
      expect((await conferenceState(conferenceId)).recommendationCounts.total).toBe(1);
      expect(await unprojected()).toBe(0);
    });
    const before = await conferenceState(conferenceId);

    // As if the process died after storing the change and before writing its read models.
    const db = service.app.runtime.connection;
    const timeline = db.collection('recommendation_timeline');
    const entries = await timeline.find({ recommendationId: id }).toArray();
    expect(entries).toHaveLength(1);
    await timeline.deleteMany({ recommendationId: id });
    await db.collection('recommendations').updateOne(
      { _id: id } as never,
      {
        $push: {
          pendingProjections: {
            tenantId: entries[0]!.tenantId,
            version: 1,
            status: 'PROPOSED',
            conferenceId,
            visibleToPartners: false,
            entries: entries.map(({ feedSequence: _feed, ...entry }) => entry),
            reports: [],
          },
        },
      } as never,
    );
    expect((await conferenceState(conferenceId)).recommendations.nodes[0].timeline.totalCount).toBe(
      0,
    );

    expect(await service.app.sweepReadModels()).toBeGreaterThanOrEqual(1);

    expect(await conferenceState(conferenceId)).toEqual(before);
    expect(
      await db.collection('recommendations').countDocuments({
        _id: id,
        'pendingProjections.version': { $exists: true },
      } as never),
    ).toBe(0);
  });
});
