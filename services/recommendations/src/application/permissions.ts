import { hasRole, requireRole, type Identity } from '@kollegia/service-kit';
import { badInput, forbidden } from '@kollegia/service-kit/domain';

import { visibleToPartners, type ReadScope } from '../db/recommendation.repository';
import type { Actor } from '../domain/permissions';
import type { Recommendation } from '../domain/recommendation';

/** Secretaries and admins draft, adopt, reject, withdraw and supersede (DESIGN.md section 2). */
export function requireManager(identity: Identity | null): Identity {
  return requireRole(identity, 'admin', 'secretary');
}

/** Members and above stand behind recommendations; partners and addressees do not. */
export function requireEndorser(identity: Identity | null): Identity {
  return requireRole(identity, 'admin', 'secretary', 'member');
}

/** Who may try to report progress; the domain decides per recommendation (`mayReportProgress`). */
export function requireProgressReporter(identity: Identity | null): Identity {
  return requireRole(identity, 'admin', 'secretary', 'member', 'addressee');
}

/** Every signed-in role reads, within its tenant and what it may see. */
export function requireReader(identity: Identity | null): Identity {
  return requireRole(identity, 'admin', 'secretary', 'member', 'addressee', 'partner');
}

export function seesInternal(identity: Identity | null): boolean {
  return hasRole(identity, 'admin', 'secretary', 'member');
}

// An addressee without an organisation in its token is addressed by nothing.
const NO_ORGANIZATION = '';

/**
 * What a caller may see of the recommendations:
 * - admin, secretary, member: all of the tenant's;
 * - addressee: those addressed to its organisation (the token's `org`), in any status;
 * - partner: published ones that were adopted (ADOPTED and whatever followed it).
 */
export function readScopeOf(identity: Identity): ReadScope {
  if (seesInternal(identity)) return { kind: 'all' };
  if (hasRole(identity, 'addressee')) {
    return { kind: 'addressed', organizationId: identity.organizationId ?? NO_ORGANIZATION };
  }
  return { kind: 'published' };
}

export function mayRead(scope: ReadScope, state: Recommendation): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'addressed':
      return state.addresseeIds.includes(scope.organizationId);
    case 'published':
      return visibleToPartners(state);
  }
}

/** The domain's view of the caller. */
export function actorOf(identity: Identity): Actor {
  return {
    subject: identity.subject,
    roles: identity.roles,
    ...(identity.organizationId ? { organizationId: identity.organizationId } : {}),
    ...(identity.person ? { person: identity.person } : {}),
  };
}

type Party = { kind: 'ORGANIZATION' | 'PERSON'; id: string };

/**
 * Who the caller is when it names no party: the organisation it speaks for, else the directory
 * person its account is linked to (the token's `person`). Never the account itself: an account
 * (`sub`) is not a person of the directory, and a party must be one to be shown to readers.
 */
export function ownParty(identity: Identity): Party | undefined {
  if (identity.organizationId) return { kind: 'ORGANIZATION', id: identity.organizationId };
  return identity.person ? { kind: 'PERSON', id: identity.person } : undefined;
}

/**
 * Who the caller acts as when endorsing or reporting (`field` names the party's argument): the
 * party it names, or its own one. Secretaries may name any party (they record what was said
 * elsewhere); the others only their organisation or their own person. A caller with no own
 * party who names none is refused, and nothing changes.
 */
export function partyFor(
  identity: Identity,
  requested: Party | null | undefined,
  field: string,
): Party {
  if (requested && hasRole(identity, 'admin', 'secretary')) return requested;
  const own = ownParty(identity);
  if (!requested) {
    if (!own) {
      throw badInput(
        field,
        'your account is not linked to a person of the directory: name the party you act for, or have an administrator link it',
      );
    }
    return own;
  }
  const isOwn =
    (requested.kind === own?.kind && requested.id === own.id) ||
    (requested.kind === 'PERSON' && requested.id === identity.person);
  if (!isOwn) throw forbidden('you may act only for yourself or the organisation you speak for');
  return requested;
}
