import type { MemberRef } from '@kollegia/events';

import { DomainError } from '../domain';
import { describeMember, memberKey, type DirectoryEntry } from './directory';

/**
 * Whether readers who see published material only (partners, addressees) may be shown a member:
 * an organisation once published; a person's public card (their contacts never leave members)
 * unless their organisation is not published — who works there is as internal as the organisation
 * itself. A person without an organisation is public.
 */
export function isPublic(entry: DirectoryEntry): boolean {
  if (entry.kind === 'ORGANIZATION') return entry.published === true;
  return entry.organizationId === undefined || entry.organizationPublished === true;
}

/** A stored reference the directory does not know (stored before references were checked). */
export const danglingReference = (ref: MemberRef) =>
  new DomainError('NOT_FOUND', `${describeMember(ref)} is not in the directory`, {
    id: ref.id,
  });

/**
 * A stored reference to a member as a reader is shown it: the reference itself when the directory
 * knows it and the reader may see it; null for a member hidden from the reader (an unpublished
 * organisation for partners and addressees), silently. A reference the directory does not know is
 * null too, with NOT_FOUND for readers of internal material (a partial error: the rest of the
 * answer stands) and silently for the others, who cannot tell it from a hidden one.
 */
export function shownReference<R extends MemberRef>(
  ref: R,
  entry: DirectoryEntry | undefined,
  publishedOnly: boolean,
): R | null {
  if (!entry) {
    if (publishedOnly) return null;
    throw danglingReference(ref);
  }
  return publishedOnly && !isPublic(entry) ? null : ref;
}

/**
 * The references of a list a reader is shown: those the directory knows and the reader may see,
 * in order. A list cannot carry a partial error per item, so unknown ones are left out for
 * everyone.
 */
export function shownReferences<R extends MemberRef>(
  refs: readonly R[],
  entries: readonly (DirectoryEntry | undefined)[],
  publishedOnly: boolean,
): R[] {
  return refs.filter((_, i) => {
    const entry = entries[i];
    return entry !== undefined && (!publishedOnly || isPublic(entry));
  });
}

/** The members a write names, by the input field that names them. */
export type ReferencesByField = Readonly<Record<string, readonly MemberRef[]>>;

/**
 * The references `after` names that `before` did not, by field: what a change adds, so only new
 * references are checked against the directory (a dangling one stored earlier does not block an
 * unrelated change).
 */
export function addedReferences(
  before: ReferencesByField,
  after: ReferencesByField,
): Record<string, MemberRef[]> {
  const had = new Set(Object.values(before).flat().map(memberKey));
  return Object.fromEntries(
    Object.entries(after).map(([field, refs]) => [
      field,
      refs.filter((ref) => !had.has(memberKey(ref))),
    ]),
  );
}
