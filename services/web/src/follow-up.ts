import type { Claims } from './auth/claims';
import type { RecommendationStatus, RequestStatus } from './generated/graphql';

/**
 * Whether the reader decides on recommendations and writes to their addressees: a secretary or an
 * admin (the recommendations service's `isSecretary` for adopting and rejecting, the requests
 * service's `requireRequestWriter` for drafting and sending).
 */
export function runsFollowUp(claims: Claims | undefined): boolean {
  return !!claims?.roles.some((role) => role === 'secretary' || role === 'admin');
}

/** Requests are sent about a recommendation once it is adopted, while it is carried out. */
const SENDING: readonly RecommendationStatus[] = ['ADOPTED', 'IN_PROGRESS'];

export function sendsRequests(status: RecommendationStatus): boolean {
  return SENDING.includes(status);
}

/**
 * The addressees nobody has written to about it yet: no request to them, or only withdrawn ones.
 * A draft counts as written (it is sent as it is, rather than drafted twice); the requests service
 * drafts one per addressee itself when an appeal, a proposal or a question is adopted.
 */
export function unaskedAddressees<A extends { id: string }>(
  addressees: readonly A[],
  requests: readonly { status: RequestStatus; addressee: { id: string } | null }[],
): A[] {
  const asked = new Set(
    requests
      .filter((request) => request.status !== 'WITHDRAWN')
      .map((request) => request.addressee?.id),
  );
  return addressees.filter((addressee) => !asked.has(addressee.id));
}

/**
 * When a decision was taken, for the API, from the day picked: none for today (the API takes now),
 * otherwise 09:00 UTC of that day, which is the same day in every Russian and Belarusian time zone
 * (UTC+2 to UTC+12), so the board's day is the one the timeline shows.
 */
export function decidedAtOf(day: string | null, today: string): string | undefined {
  if (!day || day >= today) return undefined;
  return `${day}T09:00:00.000Z`;
}
