import type { RecommendationFilter } from '../../db/recommendation.repository';
import type { RecommendationFilterInput } from './recommendation.input';

/** The GraphQL filter as the repository takes it, with what a parent field fixes. */
export function toFilter(
  input: RecommendationFilterInput | null | undefined,
  fixed: Partial<RecommendationFilter> = {},
): RecommendationFilter {
  return {
    statuses: input?.status ?? null,
    conferenceId: input?.conferenceId ?? null,
    roundtableId: input?.roundtableId ?? null,
    addresseeId: input?.addresseeId ?? null,
    responsibleId: input?.responsibleId ?? null,
    overdue: input?.overdue ?? null,
    dueBefore: input?.dueBefore ?? null,
    text: input?.text ?? null,
    ...fixed,
  };
}
