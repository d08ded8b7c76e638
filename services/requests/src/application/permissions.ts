import { forbidden, hasRole, requireRole, type Identity } from '@kollegia/service-kit';

import type { RequestVisibility } from '../db/request.repository';
import type { Request } from '../domain/request';

/** Secretaries and admins draft, send, close and withdraw requests (DESIGN.md section 2). */
export function requireRequestWriter(identity: Identity | null): Identity {
  return requireRole(identity, 'admin', 'secretary');
}

/** Every signed-in role reads requests, each within what it may see. */
export function requireReader(identity: Identity | null): Identity {
  return requireRole(identity, 'admin', 'secretary', 'member', 'addressee', 'partner');
}

/** Registering, extending and answering: the addressee's representative or a secretary. */
export function requireAddresseeSide(identity: Identity | null): Identity {
  return requireRole(identity, 'admin', 'secretary', 'addressee');
}

/** Deadline policies and numbering are workspace settings. */
export function requireAdmin(identity: Identity | null): Identity {
  return requireRole(identity, 'admin');
}

// The kit refuses an addressee token without `org`; should an identity without one get here all
// the same, it is kept to an organisation that no request is sent to, and so sees nothing.
const NO_ORGANIZATION = '';

/**
 * What a caller sees: admins, secretaries and members everything of their tenant; an addressee
 * only what was sent to its own organisation; a partner whatever was sent (never drafts).
 */
export function visibilityOf(identity: Identity): RequestVisibility {
  if (hasRole(identity, 'admin', 'secretary', 'member')) return { sentOnly: false };
  if (hasRole(identity, 'partner')) return { sentOnly: true };
  return { sentOnly: true, addresseeId: identity.organizationId ?? NO_ORGANIZATION };
}

export function isVisible(request: Request, visibility: RequestVisibility): boolean {
  if (visibility.sentOnly && !request.submittedAt) return false;
  return visibility.addresseeId === undefined || request.addresseeId === visibility.addresseeId;
}

/** The organisation whose inbox the caller reads: the one its token speaks for. */
export function inboxOwner(identity: Identity): string {
  if (!identity.organizationId) {
    throw forbidden('the inbox belongs to an addressee organisation; the token names none');
  }
  return identity.organizationId;
}

/** An addressee sees the statistics of its own organisation only; everyone else all of them. */
export function statisticsScope(identity: Identity): string | undefined {
  return hasRole(identity, 'admin', 'secretary', 'member', 'partner')
    ? undefined
    : (identity.organizationId ?? NO_ORGANIZATION);
}
