import type {
  RecommendationActionType,
  RecommendationAdoptedV1,
  RequestKind,
} from '@kollegia/events';

import type { DraftRequest } from './request-lifecycle';

// What is sent to the addressees for each kind of action; the others are the association's work.
const KIND_OF_ACTION: Partial<Record<RecommendationActionType, RequestKind>> = {
  APPEAL: 'APPEAL',
  PROPOSAL: 'PROPOSAL',
  QUESTION: 'QUESTION',
  LEGISLATIVE_INITIATIVE: 'PROPOSAL',
};

/** What drafting requests needs of a `recommendation.adopted` event. */
export type AdoptedRecommendation = Pick<
  RecommendationAdoptedV1['data'],
  'id' | 'title' | 'decidedText' | 'actionType' | 'addresseeIds'
>;

/**
 * The requests to draft when a recommendation is adopted (flow 2 of DESIGN.md section 4): one per
 * addressee for an APPEAL, a PROPOSAL, a QUESTION or a LEGISLATIVE_INITIATIVE, saying what was
 * decided (not what was first recommended). None for the other actions.
 */
export function requestsForAdoptedRecommendation(
  recommendation: AdoptedRecommendation,
): DraftRequest[] {
  const kind = KIND_OF_ACTION[recommendation.actionType];
  if (!kind) return [];
  return recommendation.addresseeIds.map((addresseeId) => ({
    recommendationId: recommendation.id,
    addresseeId,
    kind,
    subject: recommendation.title,
    body: recommendation.decidedText,
  }));
}
