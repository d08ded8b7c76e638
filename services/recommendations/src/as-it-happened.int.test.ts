import { deterministicId } from '@kollegia/service-kit';
import {
  collectMessages,
  errorCode,
  expectEventually,
  uniqueId,
  type ReceivedMessage,
} from '@kollegia/testing';

import {
  ASSOCIATION,
  CHAIR,
  GET,
  MINPROMTORG,
  concluded,
  dataOf,
  eventsOf,
  resolution,
  startRecommendations,
  testClock,
  type Recommendations,
} from './test/harness';

// The record as it happened (DESIGN.md section 3): a 2016 sitting entered in 2026, its
// recommendation adopted and reported on at the moments the secretary gives; the timeline and
// the events carry when each happened, CloudEvents `time` when it was recorded.

const NOW = '2026-12-07T09:00:00.000Z';
const clock = testClock(NOW);
let service: Recommendations;
let published: { messages: ReceivedMessage[]; stop: () => Promise<void> };

beforeAll(async () => {
  service = await startRecommendations('asithappened', { clock });
  published = await collectMessages(service.ns.kafkaBrokers, [
    service.app.runtime.topic('recommendation'),
    service.app.runtime.topic('control-item'),
  ]);
});

afterAll(async () => {
  await published.stop();
  await service.stop();
});

const ADOPT = `mutation($id: ID!, $v: Int!, $input: AdoptRecommendationInput!) {
  adoptRecommendation(id: $id, expectedVersion: $v, input: $input) { id version status decision { decidedAt } } }`;
const REPORT = `mutation($id: ID!, $v: Int!, $input: ReportRecommendationProgressInput!) {
  reportRecommendationProgress(id: $id, expectedVersion: $v, input: $input) { id version status
    progressReports { nodes { percent reportedAt } } } }`;
const TIMELINE = `query($id: ID!) { recommendation(id: $id) { overdue
  timeline(first: 10) { nodes { id type occurredAt recordedAt } } } }`;
const ITEM = `query($id: ID!) { controlItem(id: $id) { id version overdue
  progress { reportedAt } extensions { dueDate extendedAt } } }`;
const REPORT_ON_ITEM = `mutation($id: ID!, $v: Int!, $input: ControlItemProgressInput!) {
  reportControlItemProgress(id: $id, expectedVersion: $v, input: $input) { id version progress { reportedAt } } }`;
const EXTEND = `mutation($id: ID!, $v: Int!, $input: ExtendControlItemInput!) {
  extendControlItem(id: $id, expectedVersion: $v, input: $input) { id version } }`;

const chair = { kind: 'PERSON', id: CHAIR };

/** A 2016 sitting entered now: one recommendation and one item under control, both due in 2017. */
async function sittingOf2016() {
  const recommendation = resolution({
    kind: 'RECOMMENDATION',
    addresseeIds: [MINPROMTORG],
    responsible: { kind: 'ORGANIZATION', id: ASSOCIATION },
    dueDate: '2017-06-30',
  });
  const control = resolution({
    kind: 'CONTROL_ITEM',
    addresseeIds: [MINPROMTORG],
    responsible: { kind: 'ORGANIZATION', id: ASSOCIATION },
    dueDate: '2017-03-31',
  });
  const event = concluded({
    conferenceId: uniqueId('conf'),
    concludedAt: '2016-11-10T13:10:00+03:00',
    resolutions: [recommendation, control],
  });
  await service.publish([event]);
  const recommendationId = deterministicId(event.subject, recommendation.id);
  const itemId = deterministicId(event.subject, control.id);
  await expectEventually(async () => {
    expect(dataOf(await service.gql(GET, { id: recommendationId })).recommendation).not.toBeNull();
    expect(dataOf(await service.gql(ITEM, { id: itemId })).controlItem).not.toBeNull();
  });
  return { recommendationId, itemId };
}

function typesOf(id: string): string[] {
  return eventsOf(published.messages, id).map((e) => e.type.split('.').at(-2)!);
}

describe('a 2016 recommendation recorded as it happened', () => {
  it('should carry the adoption on 2016-12-01 and the progress of 2017-03-01 in its timeline and events, recorded now', async () => {
    const { recommendationId: id } = await sittingOf2016();

    const adopted = dataOf(
      await service.gql(ADOPT, {
        id,
        v: 1,
        input: { decidedBy: chair, decidedAt: '2016-12-01T12:00:00+03:00' },
      }),
    ).adoptRecommendation;
    const reported = dataOf(
      await service.gql(REPORT, {
        id,
        v: 2,
        input: {
          text: 'Отбор проектов объявлен.',
          author: chair,
          percent: 30,
          reportedAt: '2017-03-01T10:00:00+03:00',
        },
      }),
    ).reportRecommendationProgress;

    expect(adopted).toMatchObject({
      status: 'ADOPTED',
      decision: { decidedAt: '2016-12-01T09:00:00.000Z' },
    });
    expect(reported).toMatchObject({
      status: 'IN_PROGRESS',
      progressReports: { nodes: [{ percent: 30, reportedAt: '2017-03-01T07:00:00.000Z' }] },
    });
    const { timeline, overdue } = dataOf(await service.gql(TIMELINE, { id })).recommendation;
    expect(overdue).toBe(true);
    expect(timeline.nodes).toEqual([
      expect.objectContaining({ type: 'PROPOSED', occurredAt: '2016-11-10T10:10:00.000Z' }),
      expect.objectContaining({
        type: 'ADOPTED',
        occurredAt: '2016-12-01T09:00:00.000Z',
        recordedAt: NOW,
      }),
      expect.objectContaining({
        type: 'PROGRESS_REPORTED',
        occurredAt: '2017-03-01T07:00:00.000Z',
        recordedAt: NOW,
      }),
      expect.objectContaining({
        type: 'IN_PROGRESS',
        occurredAt: '2017-03-01T07:00:00.000Z',
        recordedAt: NOW,
      }),
    ]);
    await expectEventually(() =>
      expect(typesOf(id)).toEqual(['proposed', 'adopted', 'progress-reported', 'in-progress']),
    );
    const [, adoptedEvent, reportedEvent, startedEvent] = eventsOf(published.messages, id);
    expect(adoptedEvent).toMatchObject({
      time: NOW,
      data: { decidedAt: '2016-12-01T09:00:00.000Z' },
    });
    expect(reportedEvent).toMatchObject({
      time: NOW,
      data: { report: { reportedAt: '2017-03-01T07:00:00.000Z' } },
    });
    expect(startedEvent).toMatchObject({
      time: NOW,
      data: { startedAt: '2017-03-01T07:00:00.000Z' },
    });

    // Adopted in 2026 though due in 2017: shown overdue, but not announced as news.
    await service.app.runScheduler();
    await service.app.runScheduler();
    expect(dataOf(await service.gql(GET, { id })).recommendation.version).toBe(3);
  });

  it('should refuse a moment in the future or before what it follows, and change nothing', async () => {
    const { recommendationId: id, itemId } = await sittingOf2016();

    const future = await service.gql(ADOPT, {
      id,
      v: 1,
      input: { decidedBy: chair, decidedAt: '2026-12-08T09:00:00.000Z' },
    });
    const beforeProposal = await service.gql(ADOPT, {
      id,
      v: 1,
      input: { decidedBy: chair, decidedAt: '2016-11-01T09:00:00.000Z' },
    });
    const beforeTaken = await service.gql(REPORT_ON_ITEM, {
      id: itemId,
      v: 1,
      input: { text: 'Перечень готов.', author: chair, reportedAt: '2016-11-01T09:00:00.000Z' },
    });

    expect(errorCode(future)).toBe('BAD_USER_INPUT');
    expect(future.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/^decidedAt: must not be in the future/),
      extensions: { field: 'decidedAt' },
    });
    expect(errorCode(beforeProposal)).toBe('BAD_USER_INPUT');
    expect(beforeProposal.errors?.[0]?.message).toMatch(/must not be before its proposal/);
    expect(errorCode(beforeTaken)).toBe('BAD_USER_INPUT');
    expect(beforeTaken.errors?.[0]?.message).toMatch(
      /^reportedAt: must not be before its taking under control/,
    );
    expect(dataOf(await service.gql(GET, { id })).recommendation).toMatchObject({
      version: 1,
      status: 'PROPOSED',
    });
    expect(dataOf(await service.gql(ITEM, { id: itemId })).controlItem).toMatchObject({
      version: 1,
      progress: [],
    });
    // The next change is announced right after the first: nothing was announced in between.
    dataOf(await service.gql(ADOPT, { id, v: 1, input: { decidedBy: chair } }));
    await expectEventually(() => expect(typesOf(id)).toEqual(['proposed', 'adopted']));
  });

  it('should keep when an item under control was reported on and extended, and not announce it overdue', async () => {
    const { itemId: id } = await sittingOf2016();

    await service.app.runScheduler();
    dataOf(
      await service.gql(REPORT_ON_ITEM, {
        id,
        v: 1,
        input: {
          text: 'Перечень согласован.',
          author: chair,
          reportedAt: '2017-02-01T10:00:00+03:00',
        },
      }),
    );
    dataOf(
      await service.gql(EXTEND, {
        id,
        v: 2,
        input: { dueDate: '2017-06-30', extendedAt: '2017-03-25T10:00:00+03:00' },
      }),
    );
    await service.app.runScheduler();
    await service.app.runScheduler();

    expect(dataOf(await service.gql(ITEM, { id })).controlItem).toEqual({
      id,
      version: 3,
      overdue: true,
      progress: [{ reportedAt: '2017-02-01T07:00:00.000Z' }],
      extensions: [{ dueDate: '2017-06-30', extendedAt: '2017-03-25T07:00:00.000Z' }],
    });
    await expectEventually(() =>
      expect(typesOf(id)).toEqual(['taken', 'progress-reported', 'extended']),
    );
    const [, progress, extended] = eventsOf(published.messages, id);
    expect(progress).toMatchObject({
      time: NOW,
      data: { report: { reportedAt: '2017-02-01T07:00:00.000Z' } },
    });
    expect(extended).toMatchObject({ time: NOW, data: { extendedAt: '2017-03-25T07:00:00.000Z' } });
  });
});
