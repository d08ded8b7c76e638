import { deterministicId } from '@kollegia/service-kit';
import {
  collectMessages,
  expectEventually,
  uniqueId,
  type ReceivedMessage,
} from '@kollegia/testing';

import {
  CHAIR,
  GET,
  MINPROMTORG,
  NTI_OFFICE,
  concluded,
  dataOf,
  eventsOf,
  requestEvents,
  resolution,
  startRecommendations,
  type Recommendations,
} from './test/harness';

let service: Recommendations;
let published: { messages: ReceivedMessage[]; stop: () => Promise<void> };

beforeAll(async () => {
  service = await startRecommendations('requests');
  published = await collectMessages(service.ns.kafkaBrokers, [
    service.app.runtime.topic('recommendation'),
  ]);
});

afterAll(async () => {
  await published.stop();
  await service.stop();
});

const ADOPT = `mutation($id: ID!, $v: Int!) { adoptRecommendation(id: $id, expectedVersion: $v, input: { decidedBy: { kind: PERSON, id: "${CHAIR}" } }) { version status } }`;

/** A recommendation to Минпромторг and the НТИ office, created from a round table, adopted. */
async function adoptedRecommendation(conferenceId = uniqueId('conf')) {
  const event = concluded({
    conferenceId,
    resolutions: [
      resolution({ kind: 'QUESTION_TO_REGULATOR', addresseeIds: [MINPROMTORG, NTI_OFFICE] }),
    ],
  });
  const id = deterministicId(event.subject, event.data.resolutions[0]!.id);
  await service.publish([event]);
  await expectEventually(async () =>
    expect(dataOf(await service.gql(GET, { id })).recommendation).not.toBeNull(),
  );
  dataOf(await service.gql(ADOPT, { id, v: 1 }));
  return { id, conferenceId };
}

async function recommendation(id: string) {
  return dataOf(await service.gql(GET, { id })).recommendation;
}

const TIMELINE = `query($id: ID!) { recommendation(id: $id) { timeline(first: 50) { nodes { type status data } } } }`;

describe('follow-up from requests', () => {
  it('should note registration and move an adopted recommendation to IN_PROGRESS when an addressee accepts', async () => {
    const { id } = await adoptedRecommendation();
    const ref = { requestId: uniqueId('req'), recommendationId: id, addresseeId: MINPROMTORG };
    await service.publish([
      requestEvents.registered(ref),
      requestEvents.answered(ref, 'ACCEPTED', '2017-01-16T12:00:00+03:00'),
    ]);
    const rec = await expectEventually(async () => {
      const found = await recommendation(id);
      expect(found.status).toBe('IN_PROGRESS');
      return found;
    });
    expect(rec.addresseePositions).toEqual([
      { addressee: { id: MINPROMTORG }, position: 'ACCEPTED', requestIds: [ref.requestId] },
      { addressee: { id: NTI_OFFICE }, position: 'PENDING', requestIds: [] },
    ]);
    expect(rec.decision).not.toBeNull();
    await expectEventually(() =>
      expect(eventsOf(published.messages, id).map((e) => e.type.split('.').at(-2))).toEqual([
        'proposed',
        'adopted',
        'request-recorded',
        'request-recorded',
        'in-progress',
      ]),
    );
    const inProgress = eventsOf(published.messages, id).at(-1)!;
    expect(inProgress.data).toMatchObject({
      cause: { kind: 'ANSWER_ACCEPTED', requestId: ref.requestId, addresseeId: MINPROMTORG },
    });
    const timeline = dataOf(await service.gql(TIMELINE, { id })).recommendation.timeline.nodes;
    expect(timeline.map((n: { type: string }) => n.type)).toEqual([
      'PROPOSED',
      'ADOPTED',
      'REQUEST_RECORDED',
      'REQUEST_RECORDED',
      'IN_PROGRESS',
    ]);
  });

  it('should reject it by the addressees, keeping the adoption apart, when every addressee declined', async () => {
    const { id, conferenceId } = await adoptedRecommendation();
    const toMinistry = {
      requestId: uniqueId('req'),
      recommendationId: id,
      addresseeId: MINPROMTORG,
    };
    const toOffice = { requestId: uniqueId('req'), recommendationId: id, addresseeId: NTI_OFFICE };
    await service.publish([
      requestEvents.answered(toMinistry, 'DECLINED', '2017-01-16T12:00:00+03:00'),
    ]);
    await expectEventually(async () =>
      expect((await recommendation(id)).addresseePositions[0].position).toBe('DECLINED'),
    );
    expect((await recommendation(id)).status).toBe('ADOPTED');
    await service.publish([
      requestEvents.answered(toOffice, 'DECLINED', '2017-01-18T12:00:00+03:00'),
    ]);
    const rec = await expectEventually(async () => {
      const found = await recommendation(id);
      expect(found.status).toBe('REJECTED');
      return found;
    });
    expect(rec.rejection).toMatchObject({
      reason: 'declined by the addressees',
      decidedBy: {
        __typename: 'RecommendationAddressees',
        organizations: [{ id: MINPROMTORG }, { id: NTI_OFFICE }],
      },
    });
    expect(rec.decision).toMatchObject({ decidedBy: { id: CHAIR } });
    // The counts are written right after the change, by the consumer: read them until they are.
    await expectEventually(async () => {
      const counts = dataOf(
        await service.gql(
          `query($c: ID!) { _entities(representations: [{ __typename: "Conference", id: $c }]) { ... on Conference { recommendationCounts { adopted rejected total } } } }`,
          { c: conferenceId },
        ),
      )._entities[0].recommendationCounts;
      expect(counts).toEqual({ adopted: 0, rejected: 1, total: 1 });
    });
  });

  it('should change nothing when request events are redelivered or replayed', async () => {
    const { id } = await adoptedRecommendation();
    const ref = { requestId: uniqueId('req'), recommendationId: id, addresseeId: MINPROMTORG };
    const events = [
      requestEvents.registered(ref),
      requestEvents.answered(ref, 'ACCEPTED', '2017-01-16T12:00:00+03:00'),
      requestEvents.overdue(ref, '2017-01-10'),
    ];
    await service.publish(events);
    const settled = await expectEventually(async () => {
      const found = await recommendation(id);
      expect(found.version).toBe(5);
      return found;
    });
    // Redelivered as they were, and the answer again under a new event id with another outcome.
    const marker = await adoptedRecommendation();
    await service.publish([
      ...events,
      ...events,
      requestEvents.answered(ref, 'DECLINED', '2017-02-01T12:00:00+03:00'),
      requestEvents.registered({ ...ref, recommendationId: marker.id, requestId: uniqueId('req') }),
    ]);
    await expectEventually(async () => expect((await recommendation(marker.id)).version).toBe(3));
    expect(await recommendation(id)).toEqual(settled);
  });

  it('should keep an answer that arrives before its recommendation exists and apply it when the recommendation appears and is adopted', async () => {
    const event = concluded({
      conferenceId: uniqueId('conf'),
      resolutions: [resolution({ addresseeIds: [MINPROMTORG] })],
    });
    const id = deterministicId(event.subject, event.data.resolutions[0]!.id);
    const ref = { requestId: uniqueId('req'), recommendationId: id, addresseeId: MINPROMTORG };
    await service.publish([requestEvents.answered(ref, 'ACCEPTED', '2017-01-16T12:00:00+03:00')]);
    const pending = service.app.runtime.connection.collection('pending_request_facts');
    await expectEventually(async () =>
      expect(await pending.countDocuments({ recommendationId: id })).toBe(1),
    );

    await service.publish([event]);
    const rec = await expectEventually(async () => {
      const found = await recommendation(id);
      expect(found?.addresseePositions[0].position).toBe('ACCEPTED');
      return found;
    });
    expect(rec.status).toBe('PROPOSED');
    await expectEventually(async () =>
      expect(await pending.countDocuments({ recommendationId: id })).toBe(0),
    );

    const adopted = dataOf(await service.gql(ADOPT, { id, v: rec.version })).adoptRecommendation;
    expect(adopted.status).toBe('IN_PROGRESS');
  });
});
