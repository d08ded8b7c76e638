import type { MemberRef } from '@kollegia/events';
import { shownReference } from '@kollegia/service-kit';

import type { RequestsContext } from '../context';

/**
 * A stored reference to a member as the caller is shown it (the kit's rule): null for an
 * organisation it may not see, and for one the directory does not know (with NOT_FOUND for
 * readers of internal material) — so one dangling reference never takes the rest of the answer.
 */
export async function shownMember<R extends MemberRef>(
  ctx: RequestsContext,
  ref: R,
): Promise<R | null> {
  return shownReference(
    ref,
    await ctx.loaders.members.load(ref),
    ctx.useCases.members.publishedOnly(ctx.command),
  );
}
