import type { MemberRef } from '@kollegia/events';
import type { DirectoryEntry, RequestContext } from '@kollegia/service-kit';
import type DataLoader from 'dataloader';

import type { CommandContext } from '../application/context';
import type { RecommendationsUseCases } from '../application/use-cases';
import type { ControlItem } from '../domain/control-item';
import type { Recommendation } from '../domain/recommendation';

/** Per-request batch loaders: one database query per entity type per request. */
export interface Loaders {
  recommendations: DataLoader<string, Recommendation | undefined>;
  controlItems: DataLoader<string, ControlItem | undefined>;
  /** What the directory knows of the members the answer names. */
  members: DataLoader<MemberRef, DirectoryEntry | undefined, string>;
}

export interface RecommendationsContext extends RequestContext {
  command: CommandContext;
  useCases: RecommendationsUseCases;
  loaders: Loaders;
}
