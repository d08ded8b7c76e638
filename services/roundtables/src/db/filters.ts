import { escapeRegExp } from '@kollegia/service-kit';
import { queryTokens } from '@kollegia/service-kit/domain';

/**
 * Every query token must start one of the stored tokens: one condition per token, to combine
 * with other conditions in one `$and` (the kit's `tokenFilter` returns a whole filter).
 */
export function tokenConditions(
  field: string,
  text: string | null | undefined,
): Record<string, unknown>[] {
  const tokens = text ? queryTokens(text) : [];
  return tokens.map((token) => ({ [field]: { $regex: `^${escapeRegExp(token)}` } }));
}
