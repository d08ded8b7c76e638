import type { OrganizationRef } from './organization.ref';
import type { PersonRef } from './person.ref';
import type { RecommendationRef } from './recommendation.ref';

/**
 * Federation: the gateway asks for these entities here only to reach the fields this subgraph
 * adds; the id is all it needs, and the owning subgraph answers for the rest (and for existence).
 */
export const resolveOrganizationRefReference = (reference: { id: string }): OrganizationRef => ({
  id: reference.id,
});

export const resolvePersonRefReference = (reference: { id: string }): PersonRef => ({
  id: reference.id,
});

export const resolveRecommendationRefReference = (reference: {
  id: string;
}): RecommendationRef => ({ id: reference.id });
