import type { MemberRef } from '@kollegia/events';
import { memberKey, type DirectoryEntry } from '@kollegia/service-kit';
import DataLoader from 'dataloader';

import type { CommandContext } from '../application/context';
import type { RequestsUseCases } from '../application/use-cases';
import type { Loaders } from './context';

/** Fresh loaders per request, so caching never crosses callers or tenants. */
export function createLoaders(useCases: RequestsUseCases, command: CommandContext): Loaders {
  return {
    requests: new DataLoader(async (ids) => {
      const found = new Map(
        (await useCases.queries.findMany(command, ids)).map((request) => [request.id, request]),
      );
      return ids.map((id) => found.get(id));
    }),
    timelines: new DataLoader(async (ids) => {
      const found = await useCases.queries.timelines(command, ids);
      return ids.map((id) => found.get(id) ?? []);
    }),
    requestsOfRecommendations: new DataLoader(async (ids) => {
      const found = await useCases.queries.forRecommendations(command, ids);
      return ids.map((id) => found.get(id) ?? []);
    }),
    statistics: new DataLoader(async (ids) => {
      const found = await useCases.statistics.of(command, ids);
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
