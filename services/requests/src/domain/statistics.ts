import type {
  AnswerOutcome,
  RequestAnsweredV1,
  RequestClosedV1,
  RequestDeadlineExtendedV1,
  RequestDraftedV1,
  RequestDueSoonV1,
  RequestEditedV1,
  RequestOverdueV1,
  RequestRegisteredV1,
  RequestSubmittedV1,
  RequestWithdrawnV1,
} from '@kollegia/events';
import {
  DEFAULT_TIME_ZONE,
  daysBetween,
  localDate,
  sameValue,
  withoutUndefined,
} from '@kollegia/service-kit/domain';

/** Any request event, as the consumer of the statistics receives it. */
export type RequestEvent =
  | RequestDraftedV1
  | RequestEditedV1
  | RequestSubmittedV1
  | RequestRegisteredV1
  | RequestDeadlineExtendedV1
  | RequestAnsweredV1
  | RequestClosedV1
  | RequestWithdrawnV1
  | RequestDueSoonV1
  | RequestOverdueV1;

/**
 * What is known of one request sent to the addressee. Each event sets its own fields only, so
 * applying an event twice, or events out of order, gives the same facts.
 */
export interface RequestFacts {
  requestId: string;
  submittedAt?: Date;
  registrationDueAt?: Date;
  registeredOn?: string;
  answerDueAt?: Date;
  extendedDueAt?: Date;
  answeredAt?: Date;
  outcome?: AnswerOutcome;
  answeredOnTime?: boolean;
  closed?: boolean;
  withdrawn?: boolean;
}

/** The read model of one addressee: the facts of every request sent to it. */
export interface AddresseeStatistics {
  tenantId: string;
  addresseeId: string;
  requests: RequestFacts[];
}

/** What the statistics say at a moment. */
export interface AddresseeSummary {
  /** Requests sent to it and not withdrawn. */
  received: number;
  answered: number;
  answeredOnTime: number;
  /** Unanswered, not withdrawn or closed, and past the deadline that runs. */
  overdueNow: number;
  /** Calendar days from sending to the answer, in the addressee's calendar; null with no answers. */
  medianDaysToAnswer: number | null;
  /**
   * Accepted (fully or partly) among the answers that took a position, i.e. leaving out
   * INFORMATION_ONLY; null when there are none.
   */
  acceptanceRate: number | null;
  outcomes: Record<AnswerOutcome, number>;
}

/** Empty statistics for an addressee. */
export function noStatistics(tenantId: string, addresseeId: string): AddresseeStatistics {
  return { tenantId, addresseeId, requests: [] };
}

function factsOf(event: RequestEvent): Omit<RequestFacts, 'requestId'> | undefined {
  switch (event.type) {
    case 'kollegia.requests.request.submitted.v1':
      return {
        // When it was sent, not when that was entered (older events: the same moment).
        submittedAt: new Date(event.data.sentAt ?? event.data.submittedAt),
        registrationDueAt: new Date(event.data.dueAt),
      };
    case 'kollegia.requests.request.registered.v1':
      return { registeredOn: event.data.registeredOn, answerDueAt: new Date(event.data.dueAt) };
    case 'kollegia.requests.request.deadline-extended.v1':
      return { extendedDueAt: new Date(event.data.dueAt) };
    case 'kollegia.requests.request.answered.v1':
      return {
        answeredAt: new Date(event.data.answer.answeredAt),
        outcome: event.data.answer.outcome,
        answeredOnTime: event.data.onTime,
      };
    case 'kollegia.requests.request.closed.v1':
      return { closed: true };
    case 'kollegia.requests.request.withdrawn.v1':
      // A draft that was withdrawn never reached the addressee.
      return event.data.previousStatus === 'DRAFT' ? undefined : { withdrawn: true };
    default:
      // Drafts are not the addressee's business; due-soon and overdue follow from the deadlines.
      return undefined;
  }
}

/**
 * Applies one request event to the addressee's statistics. Idempotent per request: an event
 * applied twice, or replayed in another order, leaves the same facts. Returns the same object
 * when nothing changed, so the caller can skip the write.
 */
export function applyRequestEvent(
  statistics: AddresseeStatistics,
  event: RequestEvent,
): AddresseeStatistics {
  if (event.tenantid !== statistics.tenantId) return statistics;
  if (event.data.addresseeId !== statistics.addresseeId) return statistics;
  const facts = factsOf(event);
  if (!facts) return statistics;
  const requestId = event.data.id;
  const current = statistics.requests.find((request) => request.requestId === requestId);
  const next: RequestFacts = withoutUndefined({ ...current, requestId, ...facts });
  if (current && sameValue(current, next)) return statistics;
  return {
    ...statistics,
    requests: current
      ? statistics.requests.map((request) => (request === current ? next : request))
      : [...statistics.requests, next],
  };
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? null)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** The current deadline of a request from what is known: an extension, the answer, registration. */
function dueAt(request: RequestFacts): Date | undefined {
  return request.extendedDueAt ?? request.answerDueAt ?? request.registrationDueAt;
}

/** Sums the statistics up at a moment, counting days in the addressee's time zone. */
export function summarize(
  statistics: AddresseeStatistics,
  now: Date,
  timeZone: string = DEFAULT_TIME_ZONE,
): AddresseeSummary {
  const received = statistics.requests.filter((request) => !request.withdrawn);
  const answered = received.filter((request) => request.answeredAt !== undefined);
  const outcomes: Record<AnswerOutcome, number> = {
    ACCEPTED: 0,
    PARTIALLY_ACCEPTED: 0,
    DECLINED: 0,
    INFORMATION_ONLY: 0,
  };
  for (const request of answered) if (request.outcome) outcomes[request.outcome] += 1;
  const positions = outcomes.ACCEPTED + outcomes.PARTIALLY_ACCEPTED + outcomes.DECLINED;
  const daysToAnswer = answered.flatMap((request) =>
    request.submittedAt && request.answeredAt
      ? [
          daysBetween(
            localDate(request.submittedAt, timeZone),
            localDate(request.answeredAt, timeZone),
          ),
        ]
      : [],
  );
  return {
    received: received.length,
    answered: answered.length,
    answeredOnTime: answered.filter((request) => request.answeredOnTime === true).length,
    overdueNow: received.filter((request) => {
      const due = dueAt(request);
      return (
        request.answeredAt === undefined &&
        !request.closed &&
        due !== undefined &&
        now.getTime() > due.getTime()
      );
    }).length,
    medianDaysToAnswer: median(daysToAnswer),
    acceptanceRate:
      positions === 0 ? null : (outcomes.ACCEPTED + outcomes.PARTIALLY_ACCEPTED) / positions,
    outcomes,
  };
}
