import type { RequestContext } from '@kollegia/service-kit';
import type DataLoader from 'dataloader';

import type { CommandContext } from '../application/context';
import type { AddresseeStatisticsView } from '../application/statistics';
import type { RequestsUseCases } from '../application/use-cases';
import type { Request } from '../domain/request';
import type { TimelineEntry } from '../domain/timeline';

/** Per-request batch loaders: one database query per kind of lookup per request. */
export interface Loaders {
  requests: DataLoader<string, Request | undefined>;
  timelines: DataLoader<string, TimelineEntry[]>;
  requestsOfRecommendations: DataLoader<string, Request[]>;
  statistics: DataLoader<string, AddresseeStatisticsView | undefined>;
}

export interface RequestsContext extends RequestContext {
  command: CommandContext;
  useCases: RequestsUseCases;
  loaders: Loaders;
}
