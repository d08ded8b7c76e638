import type { Recommendation } from './recommendation';

/** The roles of DESIGN.md section 2 (the kit's `Role`, restated so the domain stays pure). */
export type ActorRole = 'admin' | 'secretary' | 'member' | 'addressee' | 'partner';

/** Who acts, as the verified token says. */
export interface Actor {
  /** The token's `sub`: the account, which is not a person of the directory. */
  subject: string;
  roles: readonly ActorRole[];
  /** The organisation the actor speaks for (the token's `org`). */
  organizationId?: string;
  /** The directory person the actor's account is linked to (the token's `person`), if any. */
  person?: string;
}

/** Whether the actor runs the workspace's recommendations: a secretary or an admin. */
export function isSecretary(actor: Actor): boolean {
  return actor.roles.includes('admin') || actor.roles.includes('secretary');
}

// Partners are read-only API clients: whatever organisation they name, they write nothing.
function writes(actor: Actor): boolean {
  return actor.roles.some((role) => role !== 'partner');
}

/**
 * Whether the actor may report progress on a recommendation: a secretary or an admin; the
 * responsible party (its organisation's people, or the responsible person); or a representative
 * of one of the addressees.
 */
export function mayReportProgress(
  state: Pick<Recommendation, 'addresseeIds' | 'responsible'>,
  actor: Actor,
): boolean {
  if (isSecretary(actor)) return true;
  if (!writes(actor)) return false;
  const { responsible } = state;
  if (responsible?.kind === 'PERSON' && responsible.id === actor.person) return true;
  const organizationId = actor.organizationId;
  if (organizationId === undefined) return false;
  if (responsible?.kind === 'ORGANIZATION' && responsible.id === organizationId) return true;
  return state.addresseeIds.includes(organizationId);
}
