import type { MemberRef } from '@kollegia/events';
import type { DirectoryEntry, RequestContext } from '@kollegia/service-kit';
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
  /** What the directory knows of the members the answer names. */
  members: DataLoader<MemberRef, DirectoryEntry | undefined, string>;
}

export interface RequestsContext extends RequestContext {
  command: CommandContext;
  useCases: RequestsUseCases;
  loaders: Loaders;
}
