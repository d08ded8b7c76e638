import type { MemberRef } from '@kollegia/events';
import { memberKey, type DirectoryEntry } from '@kollegia/service-kit';
import DataLoader from 'dataloader';

import type { CommandContext } from '../application/context';
import type { RecommendationsUseCases } from '../application/use-cases';
import type { Loaders } from './context';

/** Fresh loaders per request, so caching never crosses callers or tenants. */
export function createLoaders(useCases: RecommendationsUseCases, command: CommandContext): Loaders {
  return {
    recommendations: new DataLoader(async (ids) => {
      const found = new Map(
        (await useCases.queries.findMany(command, ids)).map((item) => [item.id, item]),
      );
      return ids.map((id) => found.get(id));
    }),
    controlItems: new DataLoader(async (ids) => {
      const found = new Map(
        (await useCases.controlItems.findMany(command, ids)).map((item) => [item.id, item]),
      );
      return ids.map((id) => found.get(id));
    }),
    members: new DataLoader<MemberRef, DirectoryEntry | undefined, string>(
      async (refs) => {
        const found = new Map(
          (await useCases.members.find(command, refs)).map((entry) => [memberKey(entry), entry]),
        );
        return refs.map((ref) => found.get(memberKey(ref)));
      },
      { cacheKeyFn: memberKey },
    ),
  };
}
