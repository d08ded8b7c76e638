import { hasRole, requireRole, type Identity } from '@kollegia/service-kit';
import type { RoundtableStatus } from '@kollegia/events';

/** Secretaries and admins run conferences and round tables (DESIGN.md section 2). */
export function requireOrganizer(identity: Identity | null): Identity {
  return requireRole(identity, 'admin', 'secretary');
}

/** Every signed-in role reads, each within what it may see. */
export function requireReader(identity: Identity | null): Identity {
  return requireRole(identity, 'admin', 'secretary', 'member', 'addressee', 'partner');
}

/**
 * What a caller may see. Internal roles see everything in their tenant; addressees see published
 * material; partners (read-only API clients) see published round tables once concluded, and
 * published conferences.
 */
export interface Visibility {
  publishedOnly: boolean;
  /** Round tables in these statuses only; undefined means any. */
  roundtableStatuses?: readonly RoundtableStatus[];
}

export function visibilityOf(identity: Identity): Visibility {
  if (hasRole(identity, 'admin', 'secretary', 'member')) return { publishedOnly: false };
  if (hasRole(identity, 'addressee')) return { publishedOnly: true };
  return { publishedOnly: true, roundtableStatuses: ['CONCLUDED'] };
}

export function seesRoundtable(
  visibility: Visibility,
  roundtable: { published: boolean; status: RoundtableStatus },
): boolean {
  if (visibility.publishedOnly && !roundtable.published) return false;
  return (
    !visibility.roundtableStatuses || visibility.roundtableStatuses.includes(roundtable.status)
  );
}

export function seesConference(
  visibility: Visibility,
  conference: { published: boolean },
): boolean {
  return !visibility.publishedOnly || conference.published;
}

/**
 * The statuses a listing may return: those asked for, narrowed to those the caller may see.
 * An empty list means nothing can match.
 */
export function visibleStatuses(
  visibility: Visibility,
  asked: readonly RoundtableStatus[] | undefined,
): readonly RoundtableStatus[] | undefined {
  if (!visibility.roundtableStatuses) return asked;
  if (!asked) return visibility.roundtableStatuses;
  return asked.filter((status) => visibility.roundtableStatuses!.includes(status));
}
