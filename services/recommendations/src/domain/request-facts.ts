import type { AnswerOutcome, RequestFactKind } from '@kollegia/events';
import {
  type DecisionContext,
  badInput,
  calendarDate,
  instant,
  requiredText,
  withoutUndefined,
} from '@kollegia/service-kit/domain';

import {
  type AddresseePosition,
  decided,
  IN_FORCE,
  type Recommendation,
  type RecommendationChange,
  type RecommendationDecision,
  type RequestFact,
  unchanged,
} from './recommendation';
import { LIMITS } from './validation';

/** The reason given when every addressee declined; the decision is theirs, not the association's. */
export const DECLINED_BY_ADDRESSEES = 'declined by the addressees';

/**
 * What a request event tells a recommendation: `request.submitted`, `.registered`, `.due-soon`,
 * `.answered` or `.overdue`.
 */
export interface RecordRequestEvent {
  requestId: string;
  addresseeId: string;
  kind: RequestFactKind;
  /** Required for ANSWERED. */
  outcome?: AnswerOutcome | null;
  /** Required for DUE_SOON and OVERDUE: the deadline that is near or passed. */
  dueOn?: string | null;
  /** When it happened to the request (the answer's arrival, the registration, the deadline). */
  occurredAt: Date;
}

function validFact(command: RecordRequestEvent): RequestFact {
  const fact: RequestFact = {
    requestId: requiredText('requestId', command.requestId, LIMITS.id),
    addresseeId: requiredText('addresseeId', command.addresseeId, LIMITS.id),
    kind: command.kind,
    occurredAt: instant('occurredAt', command.occurredAt),
  };
  if (command.kind === 'ANSWERED') {
    if (!command.outcome) throw badInput('outcome', 'an ANSWERED request needs its outcome');
    fact.outcome = command.outcome;
  }
  if (command.kind === 'OVERDUE' || command.kind === 'DUE_SOON') {
    if (!command.dueOn) throw badInput('dueOn', `a ${command.kind} request needs its deadline`);
    fact.dueOn = calendarDate('dueOn', command.dueOn);
  }
  return fact;
}

// A request is submitted, registered and answered once; it may be due soon and go overdue once
// per deadline (the registration deadline, the answer deadline, an extended one).
function sameFact(a: RequestFact, b: RequestFact): boolean {
  return (
    a.requestId === b.requestId &&
    a.kind === b.kind &&
    ((a.kind !== 'OVERDUE' && a.kind !== 'DUE_SOON') || a.dueOn === b.dueOn)
  );
}

function withFact(position: AddresseePosition, fact: RequestFact): AddresseePosition {
  const requestIds = position.requestIds.includes(fact.requestId)
    ? position.requestIds
    : [...position.requestIds, fact.requestId];
  // An answer that arrives out of order must not override a later one.
  const later =
    position.answeredAt === undefined || fact.occurredAt.getTime() >= position.answeredAt.getTime();
  if (fact.kind === 'ANSWERED' && fact.outcome && later) {
    return {
      ...position,
      position: fact.outcome,
      requestIds,
      answeredRequestId: fact.requestId,
      answeredAt: fact.occurredAt,
    };
  }
  return { ...position, requestIds };
}

/**
 * Applies what the addressees' answers mean to a recommendation in force (ADOPTED or
 * IN_PROGRESS): when every addressee declined, it is REJECTED by the addressees; otherwise an
 * ADOPTED one with an ACCEPTED answer moves to IN_PROGRESS (the earliest acceptance is the
 * cause). Called when a fact arrives and at adoption, for facts that arrived before it; a
 * recommendation not in force keeps its status.
 */
export function settleAnswers(
  state: Recommendation,
  now: Date,
): { state: Recommendation; changes: RecommendationChange[] } {
  if (!IN_FORCE.includes(state.status)) return { state, changes: [] };
  const positions = state.addresseePositions;
  if (positions.length > 0 && positions.every((position) => position.position === 'DECLINED')) {
    const decidedBy = {
      kind: 'ADDRESSEES' as const,
      organizationIds: positions.map((position) => position.organizationId),
    };
    return {
      state: {
        ...state,
        status: 'REJECTED',
        rejection: { reason: DECLINED_BY_ADDRESSEES, decidedBy, decidedAt: now },
        updatedAt: now,
      },
      changes: [
        {
          kind: 'rejected',
          previousStatus: state.status,
          reason: DECLINED_BY_ADDRESSEES,
          decidedBy,
        },
      ],
    };
  }
  if (state.status !== 'ADOPTED') return { state, changes: [] };
  const [first] = positions
    .filter((position) => position.position === 'ACCEPTED')
    .sort((a, b) => (a.answeredAt?.getTime() ?? 0) - (b.answeredAt?.getTime() ?? 0));
  if (!first?.answeredRequestId) return { state, changes: [] };
  return {
    state: { ...state, status: 'IN_PROGRESS', startedAt: now, updatedAt: now },
    changes: [
      {
        kind: 'in-progress',
        previousStatus: 'ADOPTED',
        cause: {
          kind: 'ANSWER_ACCEPTED',
          requestId: first.answeredRequestId,
          addresseeId: first.organizationId,
        },
      },
    ],
  };
}

/**
 * Notes that a request made from the recommendation was submitted, registered, answered, is due
 * soon or went overdue (only answers move positions and the status).
 *
 * - Idempotent: a fact already noted (the same request registered or answered, or overdue for
 *   the same deadline) changes nothing, whatever else the repeat says.
 * - Order-tolerant: each fact is noted on its own (an answer before its registration is fine),
 *   and of two answers to one addressee the later `occurredAt` sets its position.
 * - Facts are noted in any status; what they mean for the status applies only while the
 *   recommendation is in force (see `settleAnswers`), and at adoption for earlier ones. A
 *   finished recommendation keeps its status.
 * - A request to an organisation that is not an addressee is noted but moves no position.
 */
export function recordRequestEvent(
  state: Recommendation,
  command: RecordRequestEvent,
  context: DecisionContext,
): RecommendationDecision {
  const fact = validFact(command);
  if (state.requestFacts.some((known) => sameFact(known, fact))) return unchanged(state);
  if (state.requestFacts.length >= LIMITS.requestFacts) {
    throw badInput('requestId', `a recommendation notes at most ${LIMITS.requestFacts} facts`);
  }
  const current = state.addresseePositions.find(
    (candidate) => candidate.organizationId === fact.addresseeId,
  );
  const position = current ? withFact(current, fact) : undefined;
  const noted: Recommendation = {
    ...state,
    requestFacts: [...state.requestFacts, fact],
    addresseePositions: state.addresseePositions.map((candidate) =>
      candidate === current && position ? position : candidate,
    ),
    updatedAt: context.now,
  };
  const settled = settleAnswers(noted, context.now);
  const recorded: RecommendationChange = withoutUndefined({
    kind: 'request-recorded' as const,
    fact,
    position,
  });
  return decided(settled.state, [recorded, ...settled.changes], context);
}
