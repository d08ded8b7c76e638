import type { MemberRef } from '@kollegia/events';
import { shownReference, shownReferences } from '@kollegia/service-kit';

import type { RoundtablesContext } from '../context';

/**
 * A stored reference to a member as the caller is shown it (the kit's rule): null for an
 * organisation it may not see, and for one the directory does not know (with NOT_FOUND for
 * readers of internal material) — so one dangling reference never takes the rest of the answer.
 */
export async function shownMember<R extends MemberRef>(
  ctx: RoundtablesContext,
  ref: R,
): Promise<R | null> {
  return shownReference(
    ref,
    await ctx.loaders.members.load(ref),
    ctx.useCases.members.publishedOnly(ctx.command),
  );
}

/** The references of a list the caller is shown: known ones it may see, in order. */
export async function shownMembers<R extends MemberRef>(
  ctx: RoundtablesContext,
  refs: readonly R[],
): Promise<R[]> {
  const entries = await ctx.loaders.members.loadMany(refs);
  const failed = entries.find((entry) => entry instanceof Error);
  if (failed) throw failed;
  return shownReferences(
    refs,
    entries as Awaited<ReturnType<typeof ctx.loaders.members.load>>[],
    ctx.useCases.members.publishedOnly(ctx.command),
  );
}
