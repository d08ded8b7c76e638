import type { RequestContext } from '@kollegia/service-kit';
import type DataLoader from 'dataloader';

import type { CommandContext } from '../application/context';
import type { RoundtablesUseCases } from '../application/use-cases';
import type { Conference } from '../domain/conference';
import type { Roundtable } from '../domain/roundtable';

/** Per-request batch loaders: one database query per entity type per request. */
export interface Loaders {
  conferences: DataLoader<string, Conference | undefined>;
  roundtables: DataLoader<string, Roundtable | undefined>;
}

export interface RoundtablesContext extends RequestContext {
  command: CommandContext;
  useCases: RoundtablesUseCases;
  loaders: Loaders;
}
