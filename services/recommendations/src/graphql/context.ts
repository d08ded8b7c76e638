import type { RequestContext } from '@kollegia/service-kit';
import type DataLoader from 'dataloader';

import type { CommandContext } from '../application/context';
import type { RecommendationsUseCases } from '../application/use-cases';
import type { Recommendation } from '../domain/recommendation';

/** Per-request batch loaders: one database query per entity type per request. */
export interface Loaders {
  recommendations: DataLoader<string, Recommendation | undefined>;
}

export interface RecommendationsContext extends RequestContext {
  command: CommandContext;
  useCases: RecommendationsUseCases;
  loaders: Loaders;
}
