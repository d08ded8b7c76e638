import type { Claims } from './auth/claims';
import type {
  AnswerOutcome,
  RecommendationStatus,
  RecommendationTimelineEntryType,
  RequestStatus,
} from './generated/graphql';
import { ANSWER_OUTCOME, RECOMMENDATION_EVENT } from './labels';

/**
 * The board's rules for recommendations: which are urgent (overdue, due soon) and what a reader is
 * offered on one. The API decides what is allowed on every request; these only decide what to show.
 */

/** Days before its due date a recommendation is due soon: the recommendations service's default. */
export const DUE_SOON_DAYS = 14;
/** Days before its running deadline a request is due soon: the requests service's default. */
export const REQUEST_DUE_SOON_DAYS = 5;

const FINISHED: readonly RecommendationStatus[] = [
  'IMPLEMENTED',
  'PARTIALLY_IMPLEMENTED',
  'REJECTED',
  'WITHDRAWN',
  'SUPERSEDED',
];
/** A request's deadline runs while it waits to be registered or answered. */
const AWAITED: readonly RequestStatus[] = ['SUBMITTED', 'REGISTERED'];

export interface UrgencyInput {
  status: RecommendationStatus;
  /** The API's: the due date passed (in the workspace's calendar) and it is not finished. */
  overdue: boolean;
  dueDate: string | null;
  requests: {
    status: RequestStatus;
    overdue: boolean;
    daysRemaining: number | null;
  }[];
}

export interface Urgency {
  level: 'overdue' | 'due-soon';
  /** Days to the nearest deadline: 0 on its last day, negative after. */
  daysLeft: number | undefined;
}

/** Whole days from one YYYY-MM-DD to another (negative when `day` is before `today`). */
export function daysFrom(today: string, day: string): number {
  return Math.round(
    (Date.parse(`${day}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000,
  );
}

/**
 * Whether a recommendation needs attention: overdue when it or a request awaited from it is past
 * its deadline; due soon when its due date or such a request's deadline is near. A finished one
 * never is; `today` is the workspace's day (YYYY-MM-DD).
 */
export function urgencyOf(recommendation: UrgencyInput, today: string): Urgency | undefined {
  if (FINISHED.includes(recommendation.status)) return undefined;
  const awaited = recommendation.requests.filter((request) => AWAITED.includes(request.status));
  const days = [
    ...(recommendation.dueDate ? [daysFrom(today, recommendation.dueDate)] : []),
    ...awaited.flatMap((request) =>
      request.daysRemaining === null ? [] : [request.daysRemaining],
    ),
  ];
  const daysLeft = days.length ? Math.min(...days) : undefined;
  if (recommendation.overdue || awaited.some((request) => request.overdue)) {
    return { level: 'overdue', daysLeft };
  }
  const soon =
    (recommendation.dueDate !== null && daysFrom(today, recommendation.dueDate) <= DUE_SOON_DAYS) ||
    awaited.some(
      (request) => request.daysRemaining !== null && request.daysRemaining <= REQUEST_DUE_SOON_DAYS,
    );
  return soon ? { level: 'due-soon', daysLeft } : undefined;
}

/**
 * A page of recommendations, overdue first, then due soon (each by the nearest deadline), then
 * the rest in the API's order. The API lists in creation order only, so this orders one page.
 */
export function byUrgency<T extends UrgencyInput>(
  recommendations: readonly T[],
  today: string,
): T[] {
  const rank = (urgency: Urgency | undefined) =>
    urgency?.level === 'overdue' ? 0 : urgency?.level === 'due-soon' ? 1 : 2;
  return recommendations
    .map((recommendation, index) => ({
      recommendation,
      index,
      urgency: urgencyOf(recommendation, today),
    }))
    .sort(
      (a, b) =>
        rank(a.urgency) - rank(b.urgency) ||
        (a.urgency?.daysLeft ?? Infinity) - (b.urgency?.daysLeft ?? Infinity) ||
        a.index - b.index,
    )
    .map(({ recommendation }) => recommendation);
}

const ENDORSABLE: readonly RecommendationStatus[] = ['PROPOSED', 'ADOPTED', 'IN_PROGRESS'];
const TAKING_REPORTS: readonly RecommendationStatus[] = ['ADOPTED', 'IN_PROGRESS'];

/**
 * How the reader may endorse (the service's `requireEndorser` and `partyFor`): a secretary or an
 * admin records the endorsement of any organisation (and takes any back); a member endorses as
 * itself; the others do not endorse.
 */
export function endorsingAs(claims: Claims | undefined): 'any-party' | 'self' | undefined {
  if (claims?.roles.some((role) => role === 'admin' || role === 'secretary')) return 'any-party';
  return claims?.roles.includes('member') ? 'self' : undefined;
}

/** Whether a new endorsement is taken: while it is proposed or being carried out. */
export function takesEndorsements(status: RecommendationStatus): boolean {
  return ENDORSABLE.includes(status);
}

/**
 * What a member is offered about its own endorsement: to endorse, or to take it back (in any
 * status: the record should not claim support that was withdrawn).
 */
export function ownEndorsementAction(
  claims: Claims,
  recommendation: { status: RecommendationStatus; endorsements: { party: { id: string } }[] },
): 'endorse' | 'withdraw' | undefined {
  // A member speaks for itself: the service records it as the person of its token's subject.
  if (recommendation.endorsements.some((endorsement) => endorsement.party.id === claims.subject)) {
    return 'withdraw';
  }
  return takesEndorsements(recommendation.status) ? 'endorse' : undefined;
}

/**
 * Whether the reader is offered the progress report (the service's `mayReportProgress`): on an
 * adopted recommendation, a secretary or an admin; the responsible party's people; an addressee's.
 */
export function mayReportProgress(
  claims: Claims | undefined,
  recommendation: {
    status: RecommendationStatus;
    addressees: { id: string }[];
    responsible: { id: string } | null;
  },
): boolean {
  if (!claims || !TAKING_REPORTS.includes(recommendation.status)) return false;
  if (claims.roles.some((role) => role === 'admin' || role === 'secretary')) return true;
  if (!claims.roles.some((role) => role === 'member' || role === 'addressee')) return false;
  const responsible = recommendation.responsible?.id;
  if (
    responsible !== undefined &&
    (responsible === claims.subject || responsible === claims.organization)
  )
    return true;
  return (
    claims.organization !== undefined &&
    recommendation.addressees.some((addressee) => addressee.id === claims.organization)
  );
}

/** What happened to a request made from it, as a timeline entry records it (its event's `kind`). */
const REQUEST_EVENT: Record<string, string> = {
  SUBMITTED: 'Обращение направлено',
  REGISTERED: 'Обращение зарегистрировано адресатом',
  DUE_SOON: 'Срок ответа на обращение на подходе',
  ANSWERED: 'Получен ответ на обращение',
  OVERDUE: 'Срок ответа на обращение истёк',
};

/**
 * A timeline entry in words. An entry about a request says what happened to it (and the answer's
 * outcome) from the event's payload; an unknown kind falls back to the entry's type.
 */
export function timelineWords(entry: {
  type: RecommendationTimelineEntryType;
  data: Record<string, unknown>;
}): string {
  const request = entry.data.request as { kind?: unknown; outcome?: unknown } | undefined;
  const happened =
    entry.type === 'REQUEST_RECORDED' && typeof request?.kind === 'string'
      ? REQUEST_EVENT[request.kind]
      : undefined;
  if (!happened) return RECOMMENDATION_EVENT[entry.type];
  const outcome = ANSWER_OUTCOME[request?.outcome as AnswerOutcome] as string | undefined;
  return outcome ? `${happened}: ${outcome.toLowerCase()}` : happened;
}
