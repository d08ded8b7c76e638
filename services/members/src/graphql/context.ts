import type { RequestContext } from '@kollegia/service-kit';
import type DataLoader from 'dataloader';

import type { CommandContext } from '../application/context';
import type { MembersUseCases } from '../application/use-cases';
import type { Community } from '../domain/community';
import type { Organization } from '../domain/organization';
import type { Person } from '../domain/person';

/** Per-request batch loaders: one database query per entity type per request. */
export interface Loaders {
  organizations: DataLoader<string, Organization | undefined>;
  people: DataLoader<string, Person | undefined>;
  communities: DataLoader<string, Community | undefined>;
}

export interface MembersContext extends RequestContext {
  command: CommandContext;
  useCases: MembersUseCases;
  loaders: Loaders;
}
