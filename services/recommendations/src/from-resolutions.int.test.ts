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
  ASSOCIATION,
  concluded,
  dataOf,
  eventsOf,
  MINPROMTORG,
  NTI_OFFICE,
  REC_FIELDS,
  resolution,
  startRecommendations,
  TENANT,
  type Recommendations,
} from './test/harness';

let service: Recommendations;
let published: { messages: ReceivedMessage[]; stop: () => Promise<void> };

beforeAll(async () => {
  service = await startRecommendations('fromres');
  published = await collectMessages(service.ns.kafkaBrokers, [
    service.app.runtime.topic('recommendation'),
  ]);
});

afterAll(async () => {
  await published.stop();
  await service.stop();
});

const BY_ROUNDTABLE = `query($rt: ID!) { _entities(representations: [{ __typename: "Roundtable", id: $rt }]) {
  ... on Roundtable { recommendations(first: 50) { totalCount nodes { ${REC_FIELDS} } } } } }`;

const COUNTS = `query($c: ID!) { _entities(representations: [{ __typename: "Conference", id: $c }]) {
  ... on Conference { recommendationCounts { proposed adopted inProgress rejected total } } } }`;

async function byRoundtable(roundtableId: string) {
  const data = dataOf(await service.gql(BY_ROUNDTABLE, { rt: roundtableId }));
  return data._entities[0].recommendations as { totalCount: number; nodes: any[] };
}

async function counts(conferenceId: string) {
  return dataOf(await service.gql(COUNTS, { c: conferenceId }))._entities[0].recommendationCounts;
}

const BY_CONFERENCE = `query($c: ID!) { _entities(representations: [{ __typename: "Conference", id: $c }]) {
  ... on Conference { recommendations(first: 100) { totalCount nodes { id code version status
    timeline(first: 10) { totalCount } } } } } }`;

async function byConference(conferenceId: string) {
  const data = dataOf(await service.gql(BY_CONFERENCE, { c: conferenceId }));
  return data._entities[0].recommendations as { totalCount: number; nodes: any[] };
}

/** The last number drawn for the codes of a year (recommendation_counters). */
async function lastCodeNumber(year: string): Promise<number> {
  const counter = await service.app.runtime.connection
    .collection<{ _id: string; last: number }>('recommendation_counters')
    .findOne({ _id: `code:${TENANT}:${year}` });
  return counter?.last ?? 0;
}

/** Publishes a concluded round table after `events` and waits for it: then they were consumed. */
async function publishThenMarker(events: CloudEventEnvelope[]) {
  const marker = concluded({ conferenceId: uniqueId('conf'), resolutions: [resolution()] });
  await service.publish([...events, marker]);
  await expectEventually(async () =>
    expect((await byRoundtable(marker.subject)).totalCount).toBe(1),
  );
}

describe('recommendations from a concluded round table', () => {
  it('should create one PROPOSED recommendation per resolution that becomes one, linked to its source, with codes in resolution order', async () => {
    const conferenceId = uniqueId('conf');
    const resolutions = [
      resolution({
        kind: 'QUESTION_TO_REGULATOR',
        text: 'Обратиться в Минпромторг России и Проектный офис НТИ об отборе проектов. Подробности в приложении.',
        addresseeIds: [MINPROMTORG, NTI_OFFICE],
        dueDate: '2017-06-30',
      }),
      resolution({ kind: 'DECISION', text: 'Провести следующее заседание в марте.' }),
      resolution({ kind: 'CONTROL_ITEM', addresseeIds: [] }),
      resolution({ kind: 'RECOMMENDATION' }),
    ];
    const event = concluded({
      conferenceId,
      resolutions,
      concludedAt: '2016-11-10T13:10:00+03:00',
    });
    await service.publish([event]);

    const list = await expectEventually(async () => {
      const found = await byRoundtable(event.subject);
      // The count runs after the page is read, so it may already see a recommendation the page
      // missed: wait for both.
      expect(found.nodes).toHaveLength(2);
      expect(found.totalCount).toBe(2);
      return found;
    });
    // The DECISION stays with the round table; the CONTROL_ITEM is an item under control
    // (control-items.int.test.ts).
    const ids = [resolutions[0]!, resolutions[3]!].map((r) => deterministicId(event.subject, r.id));
    expect(list.nodes.map((n) => n.id)).toEqual(ids);
    const [appeal, proposal] = list.nodes;
    expect(appeal).toMatchObject({
      status: 'PROPOSED',
      version: 1,
      title: 'Обратиться в Минпромторг России и Проектный офис НТИ об отборе проектов',
      actionType: 'QUESTION',
      dueDate: '2017-06-30',
      published: true,
      addressees: [{ id: MINPROMTORG }, { id: NTI_OFFICE }],
      responsible: { __typename: 'Organization', id: ASSOCIATION },
      source: {
        conference: { id: conferenceId },
        roundtable: { id: event.subject },
        resolutionId: resolutions[0]!.id,
      },
      decision: null,
      addresseePositions: [
        { addressee: { id: MINPROMTORG }, position: 'PENDING', requestIds: [] },
        { addressee: { id: NTI_OFFICE }, position: 'PENDING', requestIds: [] },
      ],
    });
    expect(proposal.actionType).toBe('PROPOSAL');
    const numbers = list.nodes.map((n) => /^R-2016-(\d+)$/.exec(n.code)?.[1]).map(Number);
    expect(numbers).toEqual([numbers[0], numbers[0]! + 1]);

    await expectEventually(() =>
      expect(eventsOf(published.messages, ids[0]!).map((e) => e.type)).toEqual([
        'kollegia.recommendations.recommendation.proposed.v1',
      ]),
    );
    const [proposed] = eventsOf(published.messages, ids[0]!);
    expect(proposed).toMatchObject({
      causationid: event.id,
      correlationid: event.correlationid,
      actor: 'system:recommendations',
      data: { status: 'PROPOSED', code: appeal.code, proposedAt: '2016-11-10T10:10:00.000Z' },
    });
    await expectEventually(async () =>
      expect(await counts(conferenceId)).toEqual({
        proposed: 2,
        adopted: 0,
        inProgress: 0,
        rejected: 0,
        total: 2,
      }),
    );
  });

  it('should keep a long first sentence whole as the title and derive a short title from it', async () => {
    const sentence =
      'Рекомендовать Министерству промышленности и торговли Российской Федерации совместно с Проектным офисом Национальной технологической инициативы и органами исполнительной власти субъектов провести отбор совместных проектов';
    const text = `${sentence}. Итоги отбора представить на следующем заседании.`;
    const event = concluded({
      conferenceId: uniqueId('conf'),
      resolutions: [resolution({ text })],
    });
    await service.publish([event]);

    const id = deterministicId(event.subject, event.data.resolutions[0]!.id);
    const found = await expectEventually(async () => {
      const data = dataOf(
        await service.gql(
          `query($id: ID!) { recommendation(id: $id) { title shortTitle recommendedText } }`,
          { id },
        ),
      );
      expect(data.recommendation).not.toBeNull();
      return data.recommendation;
    });
    expect(found).toEqual({
      title: sentence,
      shortTitle:
        'Рекомендовать Министерству промышленности и торговли Российской Федерации совместно с Проектным офисом Национальной…',
      recommendedText: text,
    });
    expect(found.shortTitle.length).toBeLessThanOrEqual(120);
    const [proposed] = await expectEventually(() => {
      const events = eventsOf(published.messages, id);
      expect(events).toHaveLength(1);
      return events;
    });
    expect(proposed!.data).toMatchObject({ title: sentence });
  });

  it('should create nothing more when the same event arrives three times', async () => {
    const conferenceId = uniqueId('conf');
    const event = concluded({
      conferenceId,
      resolutions: [resolution(), resolution({ kind: 'QUESTION_TO_REGULATOR' })],
    });
    await service.publish([event]);
    await expectEventually(async () =>
      expect((await byRoundtable(event.subject)).totalCount).toBe(2),
    );

    // The same event twice more, then a marker event: once the marker is in, the repeats were
    // consumed before it (one partition, in order).
    const marker = concluded({ conferenceId: uniqueId('conf'), resolutions: [resolution()] });
    await service.publish([event, event, marker]);
    await expectEventually(async () =>
      expect((await byRoundtable(marker.subject)).totalCount).toBe(1),
    );

    const again = await byRoundtable(event.subject);
    expect(again.totalCount).toBe(2);
    expect(again.nodes.map((n) => n.version)).toEqual([1, 1]);
    await expectEventually(async () =>
      expect(await counts(conferenceId)).toMatchObject({ proposed: 2, total: 2 }),
    );
    const ids = again.nodes.map((n) => n.id as string);
    await expectEventually(() =>
      expect(ids.map((id) => eventsOf(published.messages, id).length)).toEqual([1, 1]),
    );
  });

  it('should dead-letter a malformed event on the roundtable topic and go on with the next', async () => {
    const dlq = deadLetterTopic('recommendations.from-resolutions', service.ns.topicPrefix);
    const letters = await collectMessages(service.ns.kafkaBrokers, [dlq]);
    try {
      const good = concluded({ conferenceId: uniqueId('conf'), resolutions: [resolution()] });
      const broken = JSON.parse(encodeEvent(concluded({ resolutions: [resolution()] })).value);
      delete broken.data.concludedAt;
      await sendRaw(service.ns.kafkaBrokers, service.app.runtime.topic('roundtable'), [
        { key: 'broken-1', value: '{ not json' },
        { key: 'broken-2', value: JSON.stringify(broken) },
        { key: good.subject, value: encodeEvent(good).value },
      ]);
      await expectEventually(async () =>
        expect((await byRoundtable(good.subject)).totalCount).toBe(1),
      );
      const dead = await expectEventually(() => {
        const found = letters.messages.filter((m) => m.key?.startsWith('broken-'));
        expect(found).toHaveLength(2);
        return found;
      });
      expect(dead.map((m) => m.headers['x-dead-letter-reason'])).toEqual([
        expect.stringMatching(/^invalid event/),
        expect.stringMatching(/^invalid event.*concludedAt/),
      ]);
      expect(dead[0]!.headers['x-dead-letter-origin-topic']).toBe(
        service.app.runtime.topic('roundtable'),
      );
    } finally {
      await letters.stop();
    }
  });

  it('should keep the timeline of a created recommendation, written once', async () => {
    const event = concluded({ conferenceId: uniqueId('conf'), resolutions: [resolution()] });
    await service.publish([event, event]);
    const id = deterministicId(event.subject, event.data.resolutions[0]!.id);
    const timeline = await expectEventually(async () => {
      const data = dataOf(
        await service.gql(
          `query($id: ID!) { recommendation(id: $id) { timeline { totalCount nodes { id type status sequence actor occurredAt data } } } }`,
          { id },
        ),
      );
      // totalCount is counted after the page is read: wait for both to show the entry.
      expect(data.recommendation.timeline.totalCount).toBe(1);
      expect(data.recommendation.timeline.nodes).toHaveLength(1);
      return data.recommendation.timeline;
    });
    expect(timeline.nodes[0]).toMatchObject({
      type: 'PROPOSED',
      status: 'PROPOSED',
      sequence: 100,
      actor: 'system:recommendations',
      occurredAt: '2016-11-10T10:10:00.000Z',
      data: { id, status: 'PROPOSED', source: { roundtableId: event.subject } },
    });
  });
  it('should apply a batch of conclusions with codes in their order, and create nothing twice when it comes again', async () => {
    const conferenceId = uniqueId('conf');
    const events = Array.from({ length: 6 }, () =>
      concluded({
        conferenceId,
        resolutions: [resolution(), resolution({ kind: 'QUESTION_TO_REGULATOR' }), resolution()],
      }),
    );
    // One send: the six arrive in one Kafka batch.
    await service.publish(events);
    const first = await expectEventually(async () => {
      const found = await byConference(conferenceId);
      expect(found.nodes).toHaveLength(18);
      expect(found.nodes.every((n) => n.timeline.totalCount === 1)).toBe(true);
      return found;
    });
    const ids = events.flatMap((event) =>
      event.data.resolutions.map((r) => deterministicId(event.subject, r.id)),
    );
    expect(first.nodes.map((n) => n.id)).toEqual(ids);
    const numbers = first.nodes.map((n) => Number(/^R-2016-(\d+)$/.exec(n.code)?.[1]));
    expect(numbers).toEqual(numbers.map((_, i) => numbers[0]! + i));
    await expectEventually(async () =>
      expect(await counts(conferenceId)).toMatchObject({ proposed: 18, total: 18 }),
    );
    const drawn = await lastCodeNumber('2016');

    // Delivered again: each event was noted as applied, so it is skipped.
    await publishThenMarker(events);
    // Delivered again after a crash between the recommendations and that note: the
    // recommendations are found by their ids.
    await service.app.runtime.connection
      .collection('applied_conclusions')
      .deleteMany({ eventId: { $in: events.map((event) => event.id) } });
    await publishThenMarker([...events, ...events]);

    expect(await byConference(conferenceId)).toEqual(first);
    expect(await counts(conferenceId)).toMatchObject({ proposed: 18, total: 18 });
    // The markers drew one number each; the repeats drew none.
    expect(await lastCodeNumber('2016')).toBe(drawn + 2);
    await expectEventually(() =>
      expect(ids.map((id) => eventsOf(published.messages, id).length)).toEqual(ids.map(() => 1)),
    );
    expect(
      await service.app.runtime.connection
        .collection('applied_conclusions')
        .countDocuments({ eventId: { $in: events.map((event) => event.id) } }),
    ).toBe(events.length);
  });

  it('should dead-letter a conclusion the domain refuses and apply the rest of its batch', async () => {
    const dlq = deadLetterTopic('recommendations.from-resolutions', service.ns.topicPrefix);
    const letters = await collectMessages(service.ns.kafkaBrokers, [dlq]);
    try {
      const conferenceId = uniqueId('conf');
      const before = concluded({ conferenceId, resolutions: [resolution(), resolution()] });
      // Valid by the contract; refused by the domain (an id longer than a recommendation keeps).
      const poison = concluded({
        conferenceId,
        resolutions: [resolution(), resolution({ id: `res-${'x'.repeat(120)}` })],
      });
      const after = concluded({ conferenceId, resolutions: [resolution()] });
      await service.publish([before, poison, after]);

      await expectEventually(async () =>
        expect(await counts(conferenceId)).toMatchObject({ proposed: 3, total: 3 }),
      );
      const letter = await expectEventually(() => {
        const found = letters.messages.filter((m) => m.key === poison.subject);
        expect(found).toHaveLength(1);
        return found[0]!;
      });
      expect(letter.headers['x-dead-letter-reason']).toMatch(
        /^handler failed: NonRetriableError: .*resolution\.id/,
      );
      expect((await byRoundtable(before.subject)).totalCount).toBe(2);
      expect((await byRoundtable(poison.subject)).totalCount).toBe(0);
      expect((await byRoundtable(after.subject)).totalCount).toBe(1);
    } finally {
      await letters.stop();
    }
  });
});
