import { commandEventMeta, type CommandContext, type Identity } from '@kollegia/service-kit';

import type { Actor } from '../domain/permissions';

// The command context is the kit's; this service names itself as the system actor.
export {
  commandContext,
  decisionContext,
  newId,
  systemClock,
  type Clock,
  type CommandContext,
} from '@kollegia/service-kit';

/** The event metadata of a change made in a command. */
export function eventMeta(
  context: CommandContext,
  subject: string,
  tenantId: string,
  aggregateVersion: number,
) {
  return commandEventMeta('requests', context, subject, tenantId, aggregateVersion);
}

/** The domain's view of the caller. */
export function actorOf(identity: Identity): Actor {
  return {
    subject: identity.subject,
    roles: identity.roles,
    ...(identity.organizationId ? { organizationId: identity.organizationId } : {}),
  };
}
