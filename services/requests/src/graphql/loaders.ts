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
  };
}
