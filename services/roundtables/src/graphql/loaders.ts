import type { MemberRef } from '@kollegia/events';
import { encodeCursor, memberKey, type DirectoryEntry, type Page } from '@kollegia/service-kit';
import DataLoader from 'dataloader';

import type { CommandContext } from '../application/context';
import type { RoundtablesUseCases } from '../application/use-cases';
import type { Roundtable } from '../domain/roundtable';
import type { ConferenceRoundtablesKey, Loaders } from './context';

function byId<T extends { id: string }>(find: (ids: readonly string[]) => Promise<T[]>) {
  return new DataLoader<string, T | undefined>(async (ids) => {
    const found = new Map((await find(ids)).map((item) => [item.id, item]));
    return ids.map((id) => found.get(id));
  });
}

/** The arguments of a `Conference.roundtables` field: the fields that ask the same share a query. */
const argumentsOf = ({ status, page }: ConferenceRoundtablesKey) =>
  JSON.stringify([status, page.limit, page.after ? encodeCursor(page.after) : null]);

/** `Conference.roundtables` of every conference in a request, one query per set of arguments. */
function conferenceRoundtables(useCases: RoundtablesUseCases, command: CommandContext) {
  return new DataLoader<ConferenceRoundtablesKey, Page<Roundtable>, string>(
    async (keys) => {
      const asked = new Map<string, ConferenceRoundtablesKey[]>();
      for (const key of keys) {
        const same = asked.get(argumentsOf(key));
        if (same) same.push(key);
        else asked.set(argumentsOf(key), [key]);
      }
      const pages = new Map<ConferenceRoundtablesKey, Page<Roundtable>>();
      await Promise.all(
        [...asked.values()].map(async (same) => {
          const { status, page } = same[0]!;
          const ids = same.map((key) => key.conferenceId);
          const found = await useCases.roundtables.inConferences(command, ids, status, page);
          same.forEach((key, i) => pages.set(key, found[i]!));
        }),
      );
      return keys.map((key) => pages.get(key)!);
    },
    { cacheKeyFn: (key) => `${key.conferenceId} ${argumentsOf(key)}` },
  );
}

/** The directory's entries of the members an answer names, one query per request. */
function members(useCases: RoundtablesUseCases, command: CommandContext) {
  return new DataLoader<MemberRef, DirectoryEntry | undefined, string>(
    async (refs) => {
      const found = new Map(
        (await useCases.members.find(command, refs)).map((entry) => [memberKey(entry), entry]),
      );
      return refs.map((ref) => found.get(memberKey(ref)));
    },
    { cacheKeyFn: memberKey },
  );
}

/** Fresh loaders per request, so caching never crosses callers or tenants. */
export function createLoaders(useCases: RoundtablesUseCases, command: CommandContext): Loaders {
  return {
    conferences: byId((ids) => useCases.conferences.findMany(command, ids)),
    roundtables: byId((ids) => useCases.roundtables.findMany(command, ids)),
    conferenceRoundtables: conferenceRoundtables(useCases, command),
    members: members(useCases, command),
  };
}
