import DataLoader from 'dataloader';

import type { CommandContext } from '../application/context';
import type { RoundtablesUseCases } from '../application/use-cases';
import type { Loaders } from './context';

function byId<T extends { id: string }>(find: (ids: readonly string[]) => Promise<T[]>) {
  return new DataLoader<string, T | undefined>(async (ids) => {
    const found = new Map((await find(ids)).map((item) => [item.id, item]));
    return ids.map((id) => found.get(id));
  });
}

/** Fresh loaders per request, so caching never crosses callers or tenants. */
export function createLoaders(useCases: RoundtablesUseCases, command: CommandContext): Loaders {
  return {
    conferences: byId((ids) => useCases.conferences.findMany(command, ids)),
    roundtables: byId((ids) => useCases.roundtables.findMany(command, ids)),
  };
}
