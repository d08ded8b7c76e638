import { deadLetterTopic, encodeEvent } from '@kollegia/events';
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
      expect(found.nodes).toHaveLength(3);
      expect(found.totalCount).toBe(3);
      return found;
    });
    const ids = [resolutions[0]!, resolutions[2]!, resolutions[3]!].map((r) =>
      deterministicId(event.subject, r.id),
    );
    expect(list.nodes.map((n) => n.id)).toEqual(ids);
    const [appeal, control, proposal] = list.nodes;
    expect(appeal).toMatchObject({
      status: 'PROPOSED',
      version: 1,
      title: 'Обратиться в Минпромторг России и Проектный офис НТИ об отборе проектов',
      actionType: 'APPEAL',
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
    expect(control.actionType).toBe('CONTINUE_WORK');
    expect(proposal.actionType).toBe('PROPOSAL');
    const numbers = list.nodes.map((n) => /^R-2016-(\d+)$/.exec(n.code)?.[1]).map(Number);
    expect(numbers).toEqual([numbers[0], numbers[0]! + 1, numbers[0]! + 2]);

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
        proposed: 3,
        adopted: 0,
        inProgress: 0,
        rejected: 0,
        total: 3,
      }),
    );
  });

  it('should create nothing more when the same event arrives three times', async () => {
    const conferenceId = uniqueId('conf');
    const event = concluded({
      conferenceId,
      resolutions: [resolution(), resolution({ kind: 'CONTROL_ITEM' })],
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
});
