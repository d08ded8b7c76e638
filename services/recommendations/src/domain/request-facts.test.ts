import type { AddresseePosition, RecommendationDecision } from './recommendation';
import {
  ADOPTED_AT,
  anAdoptedRecommendation,
  aRecommendation,
  CHAIR,
  contextAt,
  MINPROMTORG,
  NTI_OFFICE,
  refusal,
  TENANT,
} from './recommendation.fixture';
import { adoptRecommendation } from './recommendation-lifecycle';
import {
  DECLINED_BY_ADDRESSEES,
  type RecordRequestEvent,
  recordRequestEvent,
} from './request-facts';

const registeredAt = new Date('2016-12-07T09:00:00.000Z');
const answeredAt = new Date('2017-01-16T09:00:00.000Z');

const registered = {
  requestId: 'req-1',
  addresseeId: MINPROMTORG,
  kind: 'REGISTERED',
  occurredAt: registeredAt,
} satisfies RecordRequestEvent;

const accepted = {
  requestId: 'req-1',
  addresseeId: MINPROMTORG,
  kind: 'ANSWERED',
  outcome: 'ACCEPTED',
  occurredAt: answeredAt,
} satisfies RecordRequestEvent;

const declinedBy = (addresseeId: string, requestId: string, iso: string): RecordRequestEvent => ({
  requestId,
  addresseeId,
  kind: 'ANSWERED',
  outcome: 'DECLINED',
  occurredAt: new Date(iso),
});

/** Applies the facts one after another, as a consumer would, and returns every decision. */
function replay(
  start: Parameters<typeof recordRequestEvent>[0],
  facts: RecordRequestEvent[],
  iso = '2017-01-16T09:00:05.000Z',
): RecommendationDecision[] {
  const decisions: RecommendationDecision[] = [];
  let state = start;
  for (const fact of facts) {
    const decision = recordRequestEvent(state, fact, contextAt(iso));
    decisions.push(decision);
    state = decision.state;
  }
  return decisions;
}

describe('recordRequestEvent', () => {
  it('should note the registration on the timeline and link the request to its addressee when registered', () => {
    const context = contextAt('2016-12-07T09:00:05.000Z', 'tl-1');

    const { state, changes, timeline } = recordRequestEvent(
      anAdoptedRecommendation(),
      registered,
      context,
    );

    const position: AddresseePosition = {
      organizationId: MINPROMTORG,
      position: 'PENDING',
      requestIds: ['req-1'],
    };
    expect(state).toEqual(
      anAdoptedRecommendation({
        requestFacts: [registered],
        addresseePositions: [
          position,
          { organizationId: NTI_OFFICE, position: 'PENDING', requestIds: [] },
        ],
        updatedAt: context.now,
      }),
    );
    expect(changes).toEqual([{ kind: 'request-recorded', fact: registered, position }]);
    expect(timeline).toEqual([
      {
        id: 'tl-1',
        tenantId: TENANT,
        recommendationId: 'rec-4',
        at: context.now,
        change: changes[0],
      },
    ]);
  });

  it('should move an adopted recommendation to IN_PROGRESS, naming the request, when an addressee accepts', () => {
    const context = contextAt('2017-01-16T09:00:05.000Z', 'tl-1', 'tl-2');

    const { state, changes, timeline } = recordRequestEvent(
      anAdoptedRecommendation(),
      accepted,
      context,
    );

    expect(state).toMatchObject({ status: 'IN_PROGRESS', startedAt: context.now });
    expect(state.addresseePositions[0]).toEqual({
      organizationId: MINPROMTORG,
      position: 'ACCEPTED',
      requestIds: ['req-1'],
      answeredRequestId: 'req-1',
      answeredAt,
    });
    expect(changes).toEqual([
      { kind: 'request-recorded', fact: accepted, position: state.addresseePositions[0] },
      {
        kind: 'in-progress',
        previousStatus: 'ADOPTED',
        cause: { kind: 'ANSWER_ACCEPTED', requestId: 'req-1', addresseeId: MINPROMTORG },
      },
    ]);
    expect(timeline.map((entry) => [entry.id, entry.change.kind])).toEqual([
      ['tl-1', 'request-recorded'],
      ['tl-2', 'in-progress'],
    ]);
  });

  it.each(['PARTIALLY_ACCEPTED', 'INFORMATION_ONLY'] as const)(
    'should record the position but keep the status when the answer is %s',
    (outcome) => {
      const { state, changes } = recordRequestEvent(
        anAdoptedRecommendation(),
        { ...accepted, outcome },
        contextAt('2017-01-16T09:00:05.000Z'),
      );

      expect(state.status).toBe('ADOPTED');
      expect(state.addresseePositions[0]?.position).toBe(outcome);
      expect(changes.map((change) => change.kind)).toEqual(['request-recorded']);
    },
  );

  it('should keep IN_PROGRESS without a second in-progress when another addressee accepts too', () => {
    const [, second] = replay(anAdoptedRecommendation(), [
      accepted,
      { ...accepted, requestId: 'req-2', addresseeId: NTI_OFFICE },
    ]);

    expect(second?.state.status).toBe('IN_PROGRESS');
    expect(second?.changes.map((change) => change.kind)).toEqual(['request-recorded']);
  });

  it('should stay ADOPTED when only one of two addressees has declined', () => {
    const { state, changes } = recordRequestEvent(
      anAdoptedRecommendation(),
      declinedBy(MINPROMTORG, 'req-1', '2017-01-10T09:00:00.000Z'),
      contextAt('2017-01-10T09:00:05.000Z'),
    );

    expect(state.status).toBe('ADOPTED');
    expect(changes.map((change) => change.kind)).toEqual(['request-recorded']);
  });

  it('should be rejected by the addressees, keeping the adoption apart, when every addressee declined', () => {
    const decisions = replay(anAdoptedRecommendation(), [
      declinedBy(MINPROMTORG, 'req-1', '2017-01-10T09:00:00.000Z'),
      declinedBy(NTI_OFFICE, 'req-2', '2017-01-12T09:00:00.000Z'),
    ]);
    const last = decisions[1]!;

    const decidedBy = { kind: 'ADDRESSEES', organizationIds: [MINPROMTORG, NTI_OFFICE] };
    expect(last.state).toMatchObject({
      status: 'REJECTED',
      recommendedText: anAdoptedRecommendation().recommendedText,
      decidedText: anAdoptedRecommendation().recommendedText,
      decidedBy: { kind: 'PERSON', id: CHAIR },
      decidedAt: ADOPTED_AT,
      rejection: {
        reason: 'declined by the addressees',
        decidedBy,
        decidedAt: new Date('2017-01-16T09:00:05.000Z'),
      },
    });
    expect(last.changes[1]).toEqual({
      kind: 'rejected',
      previousStatus: 'ADOPTED',
      reason: DECLINED_BY_ADDRESSEES,
      decidedBy,
    });
  });

  it('should reject an IN_PROGRESS recommendation when the one who accepted declines later and the others declined', () => {
    const decisions = replay(anAdoptedRecommendation(), [
      accepted,
      declinedBy(NTI_OFFICE, 'req-2', '2017-01-17T09:00:00.000Z'),
      declinedBy(MINPROMTORG, 'req-3', '2017-03-01T09:00:00.000Z'),
    ]);

    expect(decisions.map((decision) => decision.state.status)).toEqual([
      'IN_PROGRESS',
      'IN_PROGRESS',
      'REJECTED',
    ]);
    expect(decisions[2]?.changes[1]).toMatchObject({
      kind: 'rejected',
      previousStatus: 'IN_PROGRESS',
    });
  });

  it('should change nothing when the same request event arrives twice', () => {
    const [first, second] = replay(anAdoptedRecommendation(), [accepted, accepted]);

    expect(second).toEqual({ state: first!.state, changes: [], timeline: [] });
    expect(second?.state).toBe(first?.state);
  });

  it('should change nothing when a repeat carries another outcome, since a request is answered once', () => {
    const [first, second] = replay(anAdoptedRecommendation(), [
      accepted,
      { ...accepted, outcome: 'DECLINED' },
    ]);

    expect(second?.state).toBe(first?.state);
  });

  it('should note each deadline a request missed once when it goes overdue twice', () => {
    const overdue = (dueOn: string): RecordRequestEvent => ({
      requestId: 'req-1',
      addresseeId: MINPROMTORG,
      kind: 'OVERDUE',
      dueOn,
      occurredAt: new Date(`${dueOn}T21:00:00.000Z`),
    });

    const decisions = replay(anAdoptedRecommendation(), [
      overdue('2017-01-09'),
      overdue('2017-01-09'),
      overdue('2017-02-08'),
    ]);

    expect(decisions.map((decision) => decision.changes.length)).toEqual([1, 0, 1]);
    expect(decisions[2]?.state.requestFacts.map((fact) => fact.dueOn)).toEqual([
      '2017-01-09',
      '2017-02-08',
    ]);
    expect(decisions[2]?.state.status).toBe('ADOPTED');
  });

  it('should note a submission and each approaching deadline once, moving neither a position nor the status', () => {
    const submitted: RecordRequestEvent = { ...registered, kind: 'SUBMITTED' };
    const dueSoon = (dueOn: string): RecordRequestEvent => ({
      ...registered,
      kind: 'DUE_SOON',
      dueOn,
      occurredAt: new Date(`${dueOn}T06:00:00.000Z`),
    });

    const decisions = replay(anAdoptedRecommendation(), [
      submitted,
      submitted,
      dueSoon('2017-01-04'),
      dueSoon('2017-01-04'),
      dueSoon('2017-02-03'),
    ]);

    expect(decisions.map((decision) => decision.changes.map((c) => c.kind))).toEqual([
      ['request-recorded'],
      [],
      ['request-recorded'],
      [],
      ['request-recorded'],
    ]);
    const last = decisions.at(-1)!.state;
    expect(last.requestFacts.map((fact) => [fact.kind, fact.dueOn])).toEqual([
      ['SUBMITTED', undefined],
      ['DUE_SOON', '2017-01-04'],
      ['DUE_SOON', '2017-02-03'],
    ]);
    expect(last.status).toBe('ADOPTED');
    expect(last.addresseePositions.find((p) => p.organizationId === MINPROMTORG)?.position).toBe(
      anAdoptedRecommendation().addresseePositions.find((p) => p.organizationId === MINPROMTORG)
        ?.position,
    );
  });

  it('should end in the same state whichever order the registration and the answer arrive in', () => {
    const inOrder = replay(anAdoptedRecommendation(), [registered, accepted]);
    const answerFirst = replay(anAdoptedRecommendation(), [accepted, registered]);

    const last = (decisions: RecommendationDecision[]) => decisions[decisions.length - 1]!.state;
    expect(last(answerFirst).status).toBe('IN_PROGRESS');
    expect(last(answerFirst).addresseePositions).toEqual(last(inOrder).addresseePositions);
    expect(new Set(last(answerFirst).requestFacts)).toEqual(new Set(last(inOrder).requestFacts));
  });

  it('should let the later answer set the position when two answers of one addressee arrive out of order', () => {
    const earlier = declinedBy(MINPROMTORG, 'req-1', '2017-01-10T09:00:00.000Z');
    const later = { ...accepted, requestId: 'req-3' };

    const [, second] = replay(anAdoptedRecommendation(), [later, earlier]);

    expect(second?.state.addresseePositions[0]).toEqual({
      organizationId: MINPROMTORG,
      position: 'ACCEPTED',
      requestIds: ['req-3', 'req-1'],
      answeredRequestId: 'req-3',
      answeredAt,
    });
  });

  it('should note an answer but keep the status when the recommendation is not adopted yet, and apply it at adoption', () => {
    const noted = recordRequestEvent(
      aRecommendation(),
      accepted,
      contextAt('2017-01-16T09:00:05.000Z'),
    );

    const adopted = adoptRecommendation(
      noted.state,
      { decidedBy: { kind: 'PERSON', id: CHAIR } },
      contextAt('2017-01-20T09:00:00.000Z'),
    );

    expect(noted.state.status).toBe('PROPOSED');
    expect(noted.changes.map((change) => change.kind)).toEqual(['request-recorded']);
    expect(adopted.state.status).toBe('IN_PROGRESS');
    expect(adopted.changes.map((change) => change.kind)).toEqual(['adopted', 'in-progress']);
  });

  it('should note an answer but keep a finished status when the recommendation was withdrawn', () => {
    const { state, changes } = recordRequestEvent(
      anAdoptedRecommendation({ status: 'WITHDRAWN' }),
      accepted,
      contextAt('2017-01-16T09:00:05.000Z'),
    );

    expect(state.status).toBe('WITHDRAWN');
    expect(state.addresseePositions[0]?.position).toBe('ACCEPTED');
    expect(changes.map((change) => change.kind)).toEqual(['request-recorded']);
  });

  it('should note a request to an organisation that is no addressee without moving any position', () => {
    const { state, changes } = recordRequestEvent(
      anAdoptedRecommendation(),
      { ...accepted, addresseeId: 'org-minek', requestId: 'req-9' },
      contextAt('2017-01-16T09:00:05.000Z'),
    );

    expect(state.status).toBe('ADOPTED');
    expect(state.addresseePositions).toEqual(anAdoptedRecommendation().addresseePositions);
    expect(changes).toEqual([
      {
        kind: 'request-recorded',
        fact: { ...accepted, addresseeId: 'org-minek', requestId: 'req-9' },
      },
    ]);
  });

  it.each([
    [
      'an answer without its outcome',
      { ...accepted, outcome: null },
      'outcome: an ANSWERED request needs its outcome',
    ],
    [
      'an overdue without its deadline',
      { ...registered, kind: 'OVERDUE' as const },
      'dueOn: a OVERDUE request needs its deadline',
    ],
    [
      'a due-soon without its deadline',
      { ...registered, kind: 'DUE_SOON' as const },
      'dueOn: a DUE_SOON request needs its deadline',
    ],
    ['an empty request id', { ...registered, requestId: ' ' }, 'requestId: must not be empty'],
    [
      'a time that does not exist',
      { ...registered, occurredAt: new Date('soon') },
      'occurredAt: must be a valid date and time',
    ],
  ])('should refuse %s', (_case, command, message) => {
    const error = refusal(() =>
      recordRequestEvent(anAdoptedRecommendation(), command, contextAt('2017-01-16T09:00:05.000Z')),
    );

    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', message });
  });
});
