import type { Recommendation } from '../../domain/recommendation';
import type { RecommendationsContext } from '../context';

/** Federation: `Recommendation` references from other subgraphs, batched per request. */
export function resolveRecommendationReference(
  reference: { id: string },
  context: RecommendationsContext,
): Promise<Recommendation | undefined> {
  return context.loaders.recommendations.load(reference.id);
}
