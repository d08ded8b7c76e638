import DataLoader from 'dataloader';

import type { CommandContext } from '../application/context';
import type { MembersUseCases } from '../application/use-cases';
import type { Loaders } from './context';

function byId<T extends { id: string }>(find: (ids: readonly string[]) => Promise<T[]>) {
  return new DataLoader<string, T | undefined>(async (ids) => {
    const found = new Map((await find(ids)).map((item) => [item.id, item]));
    return ids.map((id) => found.get(id));
  });
}

/** Fresh loaders per request, so caching never crosses callers or tenants. */
export function createLoaders(useCases: MembersUseCases, command: CommandContext): Loaders {
  return {
    organizations: byId((ids) => useCases.organizations.findMany(command, ids)),
    people: byId((ids) => useCases.people.findMany(command, ids)),
    communities: byId((ids) => useCases.communities.findMany(command, ids)),
  };
}
