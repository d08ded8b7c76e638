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
 * named, not checked against the directory when it was written — each as the caller may see it,
 * and null for one the directory does not know, for every reader. Such an actor was stored before
 * accounts were linked to directory persons (an account's id as a PERSON): the gateway cannot
 * resolve it to a person, and naming it would fail the whole read (a non-null party), so it is
 * left out rather than shown; the rest of the recommendation reads as before.
 */
export async function shownActors<R extends MemberRef>(
  ctx: RecommendationsContext,
  refs: readonly R[],
): Promise<(R | null)[]> {
  const entries = await entriesOf(ctx, refs);
  const publishedOnly = ctx.useCases.members.publishedOnly(ctx.command);
  return refs.map((ref, i) => (entries[i] ? shownReference(ref, entries[i], publishedOnly) : null));
}
