import { deadLetterTopic } from '@kollegia/events';
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
  concluded,
  dataOf,
  eventsOf,
  MINPROMTORG,
  NTI_OFFICE,
  resolution,
  startRecommendations,
  testClock,
  type Recommendations,
} from './test/harness';

// Items under control (взято на контроль, DESIGN.md sections 3 and 4): a CONTROL_ITEM resolution
// is tracked at once; the responsible side reports progress, the controller extends it, marks it
// done or removes it from control.

const clock = testClock('2026-12-07T09:00:00.000Z');
let service: Recommendations;
let published: { messages: ReceivedMessage[]; stop: () => Promise<void> };

beforeAll(async () => {
  service = await startRecommendations('controlitems', { clock });
  published = await collectMessages(service.ns.kafkaBrokers, [
    service.app.runtime.topic('recommendation'),
    service.app.runtime.topic('control-item'),
  ]);
});

afterAll(async () => {
  await published.stop();
  await service.stop();
});

const ITEM_FIELDS = `id version status text dueDate overdue closingNote
  controller { id } responsible { __typename ... on Organization { id } ... on Person { id } }
  source { conference { id } roundtable { id } resolutionId agendaItemId meetingDate }
  progress { text percent author { __typename ... on Organization { id } ... on Person { id } } }
  extensions { previousDueDate dueDate reason }`;

const GET = `query($id: ID!) { controlItem(id: $id) { ${ITEM_FIELDS} } }`;
const LIST = `query($filter: ControlItemFilterInput, $after: String) {
  controlItems(filter: $filter, first: 1, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } }`;
const OF_CONFERENCE = `query($c: ID!) { _entities(representations: [{ __typename: "Conference", id: $c }]) {
  ... on Conference { recommendations(first: 5) { nodes { code actionType } } controlItems(first: 5) { nodes { id status } } } } }`;
const REPORT = `mutation($id: ID!, $v: Int!, $input: ControlItemProgressInput!) {
  reportControlItemProgress(id: $id, expectedVersion: $v, input: $input) { ${ITEM_FIELDS} } }`;
const EXTEND = `mutation($id: ID!, $v: Int!, $input: ExtendControlItemInput!) {
  extendControlItem(id: $id, expectedVersion: $v, input: $input) { ${ITEM_FIELDS} } }`;
const DONE = `mutation($id: ID!, $v: Int!) { markControlItemDone(id: $id, expectedVersion: $v) { id status } }`;
const REMOVE = `mutation($id: ID!, $v: Int!, $reason: String!) {
  removeFromControl(id: $id, expectedVersion: $v, reason: $reason) { ${ITEM_FIELDS} } }`;

const ministry = { role: 'addressee' as const, org: MINPROMTORG };
const association = { role: 'addressee' as const, org: ASSOCIATION };
const office = { role: 'addressee' as const, org: NTI_OFFICE };

function controlEventsOf(id: string): string[] {
  return eventsOf(published.messages, id).map((e) => e.type.split('.').at(-2)!);
}

/** A 2016 sitting with a recommendation, a question to a regulator and an item under control. */
async function concludedSitting() {
  const conferenceId = uniqueId('conf');
  const control = resolution({
    kind: 'CONTROL_ITEM',
    text: 'Взять на контроль подготовку перечня совместных проектов участников кластеров.',
    addresseeIds: [MINPROMTORG],
    responsible: { kind: 'ORGANIZATION', id: ASSOCIATION },
    dueDate: '2017-03-31',
    agendaItemId: 'agenda-2',
  });
  const event = concluded({
    conferenceId,
    concludedAt: '2016-11-10T13:10:00+03:00',
    resolutions: [
      resolution({ kind: 'RECOMMENDATION' }),
      resolution({ kind: 'QUESTION_TO_REGULATOR', addresseeIds: [MINPROMTORG] }),
      control,
    ],
  });
  await service.publish([event]);
  const id = deterministicId(event.subject, control.id);
  const item = await expectEventually(async () => {
    const found = dataOf(await service.gql(GET, { id })).controlItem;
    expect(found).not.toBeNull();
    return found;
  });
  return { event, conferenceId, id, item };
}

describe('items under control', () => {
  it('should make recommendations R-2016-01 and R-2016-02 (a QUESTION) and track the control item at once', async () => {
    const { event, conferenceId, id, item } = await concludedSitting();

    expect(item).toEqual({
      id,
      version: 1,
      status: 'UNDER_CONTROL',
      text: 'Взять на контроль подготовку перечня совместных проектов участников кластеров.',
      dueDate: '2017-03-31',
      overdue: true,
      closingNote: null,
      controller: { id: MINPROMTORG },
      responsible: { __typename: 'Organization', id: ASSOCIATION },
      source: {
        conference: { id: conferenceId },
        roundtable: { id: event.subject },
        resolutionId: event.data.resolutions[2]!.id,
        agendaItemId: 'agenda-2',
        meetingDate: '2016-11-10',
      },
      progress: [],
      extensions: [],
    });
    const chain = await expectEventually(async () => {
      const found = dataOf(await service.gql(OF_CONFERENCE, { c: conferenceId }))._entities[0];
      expect(found.recommendations.nodes).toHaveLength(2);
      return found;
    });
    expect(chain).toEqual({
      recommendations: {
        nodes: [
          { code: 'R-2016-01', actionType: 'PROPOSAL' },
          { code: 'R-2016-02', actionType: 'QUESTION' },
        ],
      },
      controlItems: { nodes: [{ id, status: 'UNDER_CONTROL' }] },
    });
    await expectEventually(() => expect(controlEventsOf(id)).toEqual(['taken']));
    expect(eventsOf(published.messages, id)[0]).toMatchObject({
      type: 'kollegia.recommendations.control-item.taken.v1',
      time: event.time,
      causationid: event.id,
      data: {
        status: 'UNDER_CONTROL',
        controllerId: MINPROMTORG,
        takenAt: '2016-11-10T10:10:00.000Z',
      },
    });
  });

  it('should take progress from the responsible addressee user, an extension and a removal from the controller', async () => {
    const { id } = await concludedSitting();

    // The responsible side: the association's addressee user; the controller may not report.
    const refusedReport = await service.gql(REPORT, { id, v: 1, input: { text: 'x' } }, ministry);
    expect(errorCode(refusedReport)).toBe('FORBIDDEN');
    const reported = dataOf(
      await service.gql(
        REPORT,
        { id, v: 1, input: { text: 'Перечень из 12 проектов согласован.', percent: 60 } },
        association,
      ),
    ).reportControlItemProgress;
    expect(reported).toMatchObject({
      version: 2,
      progress: [
        {
          text: 'Перечень из 12 проектов согласован.',
          percent: 60,
          author: { __typename: 'Organization', id: ASSOCIATION },
        },
      ],
    });

    // The controller side: the ministry's addressee user extends; the responsible side may not.
    const input = { dueDate: '2027-06-30', reason: 'Ждём данных реестра кластеров' };
    expect(errorCode(await service.gql(EXTEND, { id, v: 2, input }, association))).toBe(
      'FORBIDDEN',
    );
    expect(errorCode(await service.gql(EXTEND, { id, v: 1, input }, ministry))).toBe('CONFLICT');
    const extended = dataOf(
      await service.gql(EXTEND, { id, v: 2, input }, ministry),
    ).extendControlItem;
    expect(extended).toMatchObject({
      version: 3,
      dueDate: '2027-06-30',
      overdue: false,
      extensions: [{ previousDueDate: '2017-03-31', dueDate: '2027-06-30', reason: input.reason }],
    });

    // Removed from control by a secretary; then every change is a CONFLICT naming the status.
    const removed = dataOf(
      await service.gql(REMOVE, { id, v: 3, reason: 'Вопрос решён постановлением Правительства' }),
    ).removeFromControl;
    expect(removed).toMatchObject({
      version: 4,
      status: 'REMOVED',
      closingNote: 'Вопрос решён постановлением Правительства',
    });
    const again = await service.gql(DONE, { id, v: 4 }, ministry);
    expect(errorCode(again)).toBe('CONFLICT');
    expect(again.errors?.[0]?.extensions?.currentState).toBe('REMOVED');
    await expectEventually(() =>
      expect(controlEventsOf(id)).toEqual(['taken', 'progress-reported', 'extended', 'removed']),
    );
  });

  it('should show an addressee only the items its organisation controls or answers for, a partner the published ones', async () => {
    const { id } = await concludedSitting();
    const partner = { role: 'partner' as const };

    expect(dataOf(await service.gql(GET, { id }, partner)).controlItem.id).toBe(id);
    expect(errorCode(await service.gql(REPORT, { id, v: 1, input: { text: 'x' } }, partner))).toBe(
      'FORBIDDEN',
    );

    expect(dataOf(await service.gql(GET, { id }, office)).controlItem).toBeNull();
    expect(errorCode(await service.gql(DONE, { id, v: 1 }, office))).toBe('NOT_FOUND');
    expect(dataOf(await service.gql(GET, { id }, ministry)).controlItem.id).toBe(id);
    const mine = dataOf(
      await service.gql(LIST, { filter: { status: ['UNDER_CONTROL'] } }, office),
    ).controlItems;
    expect(mine.totalCount).toBe(0);
  });

  it('should page the list by cursor and filter it', async () => {
    const { conferenceId, id } = await concludedSitting();
    const second = await concludedSitting();
    const filter = { controllerId: MINPROMTORG, overdue: true };

    const first = dataOf(await service.gql(LIST, { filter })).controlItems;
    const next = dataOf(
      await service.gql(LIST, { filter, after: first.pageInfo.endCursor }),
    ).controlItems;

    expect(first.pageInfo.hasNextPage).toBe(true);
    expect(next.nodes[0].id).not.toBe(first.nodes[0].id);
    const ofConference = dataOf(await service.gql(LIST, { filter: { conferenceId } })).controlItems;
    expect(ofConference).toMatchObject({ totalCount: 1, nodes: [{ id }] });
    expect(second.id).not.toBe(id);
  });

  it('should create nothing twice when the conclusion is delivered again', async () => {
    const { event, id } = await concludedSitting();
    const marker = concluded({ resolutions: [resolution({ kind: 'CONTROL_ITEM' })] });
    const markerId = deterministicId(marker.subject, marker.data.resolutions[0]!.id);

    // Noted as applied, then with the note removed as after a crash: nothing is taken again.
    await service.publish([event, marker]);
    await expectEventually(async () =>
      expect(dataOf(await service.gql(GET, { id: markerId })).controlItem).not.toBeNull(),
    );
    await service.app.runtime.connection
      .collection('applied_conclusions')
      .deleteMany({ eventId: event.id });
    const marker2 = concluded({ resolutions: [resolution({ kind: 'CONTROL_ITEM' })] });
    const marker2Id = deterministicId(marker2.subject, marker2.data.resolutions[0]!.id);
    await service.publish([event, marker2]);
    await expectEventually(async () =>
      expect(dataOf(await service.gql(GET, { id: marker2Id })).controlItem).not.toBeNull(),
    );

    expect(dataOf(await service.gql(GET, { id })).controlItem.version).toBe(1);
    expect(controlEventsOf(id)).toEqual(['taken']);
  });

  it('should dead-letter a conclusion whose control item the domain refuses, and go on with the next', async () => {
    const dlq = deadLetterTopic('recommendations.from-resolutions', service.ns.topicPrefix);
    const letters = await collectMessages(service.ns.kafkaBrokers, [dlq]);
    try {
      // Valid by the contract; refused by the domain (an id longer than an item keeps).
      const poison = concluded({
        resolutions: [
          resolution(),
          resolution({ kind: 'CONTROL_ITEM' }),
          resolution({ kind: 'CONTROL_ITEM', id: `res-${'x'.repeat(120)}` }),
        ],
      });
      const next = concluded({ resolutions: [resolution({ kind: 'CONTROL_ITEM' })] });
      const nextId = deterministicId(next.subject, next.data.resolutions[0]!.id);
      await service.publish([poison, next]);

      await expectEventually(async () =>
        expect(dataOf(await service.gql(GET, { id: nextId })).controlItem).not.toBeNull(),
      );
      const letter = await expectEventually(() => {
        const found = letters.messages.filter((m) => m.key === poison.subject);
        expect(found).toHaveLength(1);
        return found[0]!;
      });
      expect(letter.headers['x-dead-letter-reason']).toMatch(
        /^handler failed: NonRetriableError: .*resolution\.id/,
      );
      // Nothing of the refused conclusion was stored.
      const [recommendationId, itemId] = poison.data.resolutions.map((r) =>
        deterministicId(poison.subject, r.id),
      );
      expect(dataOf(await service.gql(GET, { id: itemId })).controlItem).toBeNull();
      expect(
        dataOf(
          await service.gql(`query($id: ID!) { recommendation(id: $id) { id } }`, {
            id: recommendationId,
          }),
        ).recommendation,
      ).toBeNull();
    } finally {
      await letters.stop();
    }
  });

  it('should show an item recorded after its due date overdue without announcing it, and announce its extension once', async () => {
    const { id } = await concludedSitting();

    // Due 2017-03-31, taken under control in 2016 but recorded in 2026: history, not news.
    await service.app.runScheduler();
    await service.app.runScheduler();
    const item = dataOf(await service.gql(GET, { id })).controlItem;
    expect(item).toMatchObject({ version: 1, overdue: true });
    dataOf(await service.gql(EXTEND, { id, v: 1, input: { dueDate: '2026-12-14' } }));
    await service.app.runScheduler();
    await service.app.runScheduler();
    clock.set('2026-12-15T09:00:00.000Z');
    try {
      await service.app.runScheduler();
      await service.app.runScheduler();
    } finally {
      clock.set('2026-12-07T09:00:00.000Z');
    }

    await expectEventually(() =>
      expect(controlEventsOf(id)).toEqual(['taken', 'extended', 'due-soon', 'overdue']),
    );
    const [, , dueSoon, overdue] = eventsOf(published.messages, id);
    expect(dueSoon).toMatchObject({ data: { dueDate: '2026-12-14', daysRemaining: 7 } });
    expect(overdue).toMatchObject({
      data: { dueDate: '2026-12-14', daysOverdue: 1, status: 'UNDER_CONTROL' },
    });
  });
});
