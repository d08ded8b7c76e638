import { newId } from '@kollegia/service-kit';

// The command context is the kit's; this service adds its system actor and an id helper.
export {
  commandContext,
  newId,
  systemClock,
  type Clock,
  type CommandContext,
} from '@kollegia/service-kit';

export const SYSTEM_ACTOR = 'system:recommendations';

/** Hands out `first`, then fresh ids: a creation decision's first id is the aggregate's. */
export function idsStartingWith(first: string): () => string {
  let used = false;
  return () => {
    if (used) return newId();
    used = true;
    return first;
  };
}
