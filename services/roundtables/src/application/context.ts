import { commandEventMeta, type CommandContext } from '@kollegia/service-kit';

// The command context is the kit's; this service only names itself as the system actor.
export {
  commandContext,
  decisionContext,
  newId,
  systemClock,
  type Clock,
  type CommandContext,
} from '@kollegia/service-kit';

/** The event metadata of a command-caused change. */
export function eventMeta(
  context: CommandContext,
  subject: string,
  tenantId: string,
  aggregateVersion: number,
) {
  return commandEventMeta('roundtables', context, subject, tenantId, aggregateVersion);
}
