import type { Request } from './request';

/** The roles of DESIGN.md section 2 (the kit's `Role`, restated so the domain stays pure). */
export type ActorRole = 'admin' | 'secretary' | 'member' | 'addressee' | 'partner';

/** Who acts, as the verified token says. */
export interface Actor {
  subject: string;
  roles: readonly ActorRole[];
  /** The organisation the actor speaks for (the token's `org`). */
  organizationId?: string;
}

/** Whether the actor runs the workspace's requests: a secretary or an admin. */
export function isSecretary(actor: Actor): boolean {
  return actor.roles.includes('admin') || actor.roles.includes('secretary');
}

/**
 * Whether the actor may act for the addressee of a request (register it, extend its deadline,
 * answer it): the addressee's own representative (role `addressee` speaking for it), or a
 * secretary or an admin recording what the addressee did on paper.
 */
export function mayActForAddressee(state: Pick<Request, 'addresseeId'>, actor: Actor): boolean {
  if (isSecretary(actor)) return true;
  return actor.roles.includes('addressee') && actor.organizationId === state.addresseeId;
}
