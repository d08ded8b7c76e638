import type { MemberRef } from '@kollegia/events';
import { shownReference, shownReferences, type DirectoryEntry } from '@kollegia/service-kit';

import type { RecommendationsContext } from '../context';

async function entriesOf(ctx: RecommendationsContext, refs: readonly MemberRef[]) {
  const entries = await ctx.loaders.members.loadMany(refs);
  const failed = entries.find((entry) => entry instanceof Error);
  if (failed) throw failed;
  return entries as (DirectoryEntry | undefined)[];
}

/**
 * A stored reference to a member, checked when it was written, as the caller is shown it (the
 * kit's rule): null for an organisation it may not see, and for one the directory does not know
 * (with NOT_FOUND for readers of internal material).
 */
export async function shownMember<R extends MemberRef>(
  ctx: RecommendationsContext,
  ref: R,
): Promise<R | null> {
  const [entry] = await entriesOf(ctx, [ref]);
  return shownReference(ref, entry, ctx.useCases.members.publishedOnly(ctx.command));
}

/** The references of a list the caller is shown: known ones it may see, in order. */
export async function shownMembers<R extends MemberRef>(
  ctx: RecommendationsContext,
  refs: readonly R[],
): Promise<R[]> {
  return shownReferences(
    refs,
    await entriesOf(ctx, refs),
    ctx.useCases.members.publishedOnly(ctx.command),
  );
}

/**
 * Who acted (an endorser, a report's author): the organisation or the person the caller's token
 * named, not checked against the directory. Readers of internal material are shown it as stored;
 * the others only what the directory shows them.
 */
export async function shownActors<R extends MemberRef>(
  ctx: RecommendationsContext,
  refs: readonly R[],
): Promise<(R | null)[]> {
  if (!ctx.useCases.members.publishedOnly(ctx.command)) return [...refs];
  const entries = await entriesOf(ctx, refs);
  return refs.map((ref, i) => shownReference(ref, entries[i], true));
}
