import { deadLetterTopic, encodeEvent, type CloudEventEnvelope } from '@kollegia/events';
import { deterministicId } from '@kollegia/service-kit';
import {
  collectMessages,
  expectEventually,
  sendRaw,
  uniqueId,
  type ReceivedMessage,
} from '@kollegia/testing';

import {
  CHAIR,
  concluded,
  dataOf,
  DRAFT,
  eventsOf,
  MINPROMTORG,
  redated,
  resolution,
  startRecommendations,
  testClock,
  type Recommendations,
} from './test/harness';

// A concluded sitting whose date was corrected (`roundtable.redated`): recorded "in 2026" (the
// time of typing), held on 10 November 2016. Its recommendations and items under control follow
// the meeting day, and codes the meeting's year (DESIGN.md section 3).

const clock = testClock('2026-12-07T09:00:00.000Z');
let service: Recommendations;
let published: { messages: ReceivedMessage[]; stop: () => Promise<void> };

beforeAll(async () => {
  service = await startRecommendations('redated', { clock });
  published = await collectMessages(service.ns.kafkaBrokers, [
    service.app.runtime.topic('recommendation'),
    service.app.runtime.topic('control-item'),
  ]);
});

afterAll(async () => {
  await published.stop();
  await service.stop();
});

const OF_ROUNDTABLE = `query($rt: ID!) { _entities(representations: [{ __typename: "Roundtable", id: $rt }]) {
  ... on Roundtable { recommendations(first: 10) { totalCount nodes { id code version
    source { meetingDate } timeline(first: 5) { nodes { type occurredAt data } } } } } } }`;

const ADOPT = `mutation($id: ID!, $v: Int!, $input: AdoptRecommendationInput!) {
  adoptRecommendation(id: $id, expectedVersion: $v, input: $input) { version status decision { decidedAt } } }`;

const CONTROL_ITEM = `query($id: ID!) { controlItem(id: $id) { id version takenAt source { meetingDate } } }`;

async function ofRoundtable(roundtableId: string) {
  const data = dataOf(await service.gql(OF_ROUNDTABLE, { rt: roundtableId }));
  return data._entities[0].recommendations as { totalCount: number; nodes: any[] };
}

function renumberedOf(id: string) {
  return eventsOf(published.messages, id)
    .filter((e) => e.type.endsWith('.renumbered.v1'))
    .map((e) => e.data);
}

/**
 * Publishes `events`, then a sitting after them, and waits for it: then they were consumed (one
 * partition in tests). Returns the id of the marker's recommendation.
 */
async function publishThenMarker(events: CloudEventEnvelope[]): Promise<string> {
  const marker = concluded({ resolutions: [resolution()] });
  await service.publish([...events, marker]);
  await expectEventually(async () =>
    expect((await ofRoundtable(marker.subject)).totalCount).toBe(1),
  );
  return deterministicId(marker.subject, marker.data.resolutions[0]!.id);
}

const HELD = { startedAt: '2016-11-10T11:05:00+03:00', concludedAt: '2016-11-10T13:10:00+03:00' };

/** Recommendations of a round table by id, in the order of `ids`. */
async function byIds(roundtableId: string, ids: string[]) {
  const { nodes } = await ofRoundtable(roundtableId);
  return ids.map((id) => nodes.find((node) => node.id === id));
}

function eventCounts(ids: string[]) {
  return ids.map((id) => eventsOf(published.messages, id).length);
}

describe('a redated sitting', () => {
  it('should move its recommendations to the meeting’s day and year, renumbered once, its items under control with them, and absorb a redelivery', async () => {
    const recommended = resolution();
    const question = resolution({ kind: 'QUESTION_TO_REGULATOR' });
    const control = resolution({ kind: 'CONTROL_ITEM', addresseeIds: [MINPROMTORG] });
    const sitting = concluded({
      conferenceId: uniqueId('conf'),
      resolutions: [recommended, question, control],
      concludedAt: '2026-12-07T12:20:00+03:00',
    });
    const other = concluded({
      resolutions: [resolution()],
      concludedAt: '2026-12-07T12:20:00+03:00',
    });
    await service.publish([sitting, other]);
    const drafted = [recommended, question].map((r) => deterministicId(sitting.subject, r.id));
    const itemId = deterministicId(sitting.subject, control.id);
    const before = await expectEventually(async () => {
      const found = await byIds(sitting.subject, drafted);
      expect(found.every(Boolean)).toBe(true);
      return found;
    });
    expect(before.map((n) => [n.code, n.source.meetingDate])).toEqual([
      ['R-2026-01', '2026-12-07'],
      ['R-2026-02', '2026-12-07'],
    ]);
    // Drafted by hand for the same sitting, with a code of its own: it moves, its code stays.
    const byHand = dataOf(
      await service.gql(DRAFT, {
        input: {
          title: 'Экспертный совет по кластерам',
          recommendedText: 'Создать экспертный совет по кластерам.',
          actionType: 'CREATE_BODY',
          code: 'АКИТ/2026-7',
          roundtableId: sitting.subject,
          meetingDate: '2026-12-07',
        },
      }),
    ).draftRecommendation;
    const ids = [...drafted, byHand.id];
    await expectEventually(() => expect(eventCounts([...ids, itemId])).toEqual([1, 1, 1, 1]));

    const event = redated(sitting, HELD);
    await service.publish([event]);

    const after = await expectEventually(async () => {
      const found = await byIds(sitting.subject, ids);
      expect(found.map((n) => [n.code, n.source.meetingDate, n.version])).toEqual([
        ['R-2016-01', '2016-11-10', 2],
        ['R-2016-02', '2016-11-10', 2],
        ['АКИТ/2026-7', '2016-11-10', 2],
      ]);
      return found;
    });
    expect(after.map((n) => n.timeline.nodes.map((e: { type: string }) => e.type))).toEqual([
      ['PROPOSED', 'RENUMBERED'],
      ['PROPOSED', 'RENUMBERED'],
      // The new day alone is not announced.
      ['DRAFTED'],
    ]);
    // Proposed by the sitting's conclusion: proposed when it concluded, as corrected.
    expect(after.slice(0, 2).map((n) => n.timeline.nodes[0].occurredAt)).toEqual([
      '2016-11-10T10:10:00.000Z',
      '2016-11-10T10:10:00.000Z',
    ]);
    const item = await expectEventually(async () => {
      const found = dataOf(await service.gql(CONTROL_ITEM, { id: itemId })).controlItem;
      expect(found).toMatchObject({
        version: 2,
        takenAt: '2016-11-10T10:10:00.000Z',
        source: { meetingDate: '2016-11-10' },
      });
      return found;
    });
    await expectEventually(() =>
      expect(drafted.map(renumberedOf)).toEqual([
        [
          expect.objectContaining({
            code: 'R-2016-01',
            previousCode: 'R-2026-01',
            meetingDate: '2016-11-10',
          }),
        ],
        [
          expect.objectContaining({
            code: 'R-2016-02',
            previousCode: 'R-2026-02',
            meetingDate: '2016-11-10',
          }),
        ],
      ]),
    );
    expect(eventCounts([...ids, itemId])).toEqual([2, 2, 1, 1]);
    // Another round table's are none of its business.
    const [untouched] = (await ofRoundtable(other.subject)).nodes;
    expect(untouched).toMatchObject({ version: 1, source: { meetingDate: '2026-12-07' } });

    // The same event again (a redelivery, a replay): nothing changes, nothing more is announced.
    const marker = await publishThenMarker([event]);

    expect(await byIds(sitting.subject, ids)).toEqual(after);
    expect(dataOf(await service.gql(CONTROL_ITEM, { id: itemId })).controlItem).toEqual(item);
    await expectEventually(() => expect(eventsOf(published.messages, marker)).toHaveLength(1));
    expect(eventCounts([...ids, itemId])).toEqual([2, 2, 1, 1]);

    // Adopted two weeks after the meeting: after the proposal as corrected, not the typing-up.
    const adopted = dataOf(
      await service.gql(ADOPT, {
        id: drafted[0],
        v: 2,
        input: { decidedBy: { kind: 'PERSON', id: CHAIR }, decidedAt: '2016-11-24T16:00:00+03:00' },
      }),
    ).adoptRecommendation;
    expect(adopted).toMatchObject({
      status: 'ADOPTED',
      decision: { decidedAt: '2016-11-24T13:00:00.000Z' },
    });
  });

  it('should move the day silently when the year stays', async () => {
    const sitting = concluded({
      resolutions: [resolution()],
      concludedAt: '2026-12-07T12:20:00+03:00',
    });
    await publishThenMarker([
      sitting,
      redated(sitting, {
        startedAt: '2026-11-10T11:05:00+03:00',
        concludedAt: '2026-11-10T13:10:00+03:00',
      }),
    ]);

    const [node] = (await ofRoundtable(sitting.subject)).nodes;
    expect(node).toMatchObject({ version: 2, source: { meetingDate: '2026-11-10' } });
    expect(node.code).toMatch(/^R-2026-\d+$/);
    expect(node.timeline.nodes.map((e: { type: string }) => e.type)).toEqual(['PROPOSED']);
    expect(renumberedOf(node.id)).toEqual([]);
  });

  it('should dead-letter a malformed redated message and go on with the next', async () => {
    const dlq = deadLetterTopic('recommendations.from-resolutions', service.ns.topicPrefix);
    const letters = await collectMessages(service.ns.kafkaBrokers, [dlq]);
    try {
      const sitting = concluded({
        resolutions: [resolution()],
        concludedAt: '2026-12-07T12:20:00+03:00',
      });
      await publishThenMarker([sitting]);
      const broken = JSON.parse(encodeEvent(redated(sitting, HELD)).value);
      broken.data.concludedAt = 'the tenth of November';
      await sendRaw(service.ns.kafkaBrokers, service.app.runtime.topic('roundtable'), [
        { key: 'broken-redated', value: JSON.stringify(broken) },
        encodeEvent(redated(sitting, HELD)),
      ]);

      await expectEventually(async () =>
        expect((await ofRoundtable(sitting.subject)).nodes[0]).toMatchObject({
          code: expect.stringMatching(/^R-2016-\d+$/),
          source: { meetingDate: '2016-11-10' },
        }),
      );
      const [letter] = await expectEventually(() => {
        const found = letters.messages.filter((m) => m.key === 'broken-redated');
        expect(found).toHaveLength(1);
        return found;
      });
      expect(letter!.headers['x-dead-letter-reason']).toMatch(/^invalid event.*concludedAt/);
    } finally {
      await letters.stop();
    }
  });
});
