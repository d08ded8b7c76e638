import type { MemberRef, RoundtableStatus } from '@kollegia/events';
import type { DirectoryEntry, Page, PageRequest, RequestContext } from '@kollegia/service-kit';
import type DataLoader from 'dataloader';

import type { CommandContext } from '../application/context';
import type { RoundtablesUseCases } from '../application/use-cases';
import type { Conference } from '../domain/conference';
import type { Roundtable } from '../domain/roundtable';

/** One conference's `roundtables(status, first, after)`. */
export interface ConferenceRoundtablesKey {
  conferenceId: string;
  status: RoundtableStatus | null;
  page: PageRequest;
}

/** Per-request batch loaders: one database query per entity type (and per field's arguments). */
export interface Loaders {
  conferences: DataLoader<string, Conference | undefined>;
  roundtables: DataLoader<string, Roundtable | undefined>;
  conferenceRoundtables: DataLoader<ConferenceRoundtablesKey, Page<Roundtable>, string>;
  /** What the directory knows of the members the answer names. */
  members: DataLoader<MemberRef, DirectoryEntry | undefined, string>;
}

export interface RoundtablesContext extends RequestContext {
  command: CommandContext;
  useCases: RoundtablesUseCases;
  loaders: Loaders;
}
