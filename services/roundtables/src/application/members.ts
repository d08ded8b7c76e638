import type { MemberRef } from '@kollegia/events';
import type { Directory, DirectoryEntry, Identity, ReferencesByField } from '@kollegia/service-kit';

import type { Conference } from '../domain/conference';
import type { Roundtable } from '../domain/roundtable';
import type { CommandContext } from './context';
import { requireReader, visibilityOf } from './permissions';

const organization = (id: string): MemberRef => ({ kind: 'ORGANIZATION', id });
const person = (id: string): MemberRef => ({ kind: 'PERSON', id });

/** The members a round table names, by the input field that names them. */
export function roundtableReferences(roundtable: Roundtable): ReferencesByField {
  return {
    moderator: [roundtable.moderator],
    personId: roundtable.participants.flatMap((p) => (p.personId ? [person(p.personId)] : [])),
    organizationId: roundtable.participants.flatMap((p) =>
      p.organizationId ? [organization(p.organizationId)] : [],
    ),
    addresseeIds: roundtable.resolutions.flatMap((r) => r.addresseeIds.map(organization)),
    responsible: roundtable.resolutions.flatMap((r) => (r.responsible ? [r.responsible] : [])),
  };
}

/** The members a conference names: its organisers. */
export function conferenceReferences(conference: Conference): ReferencesByField {
  return { organizerIds: conference.organizerIds.map(organization) };
}

/**
 * The members of the directory (organisations and people) as this service knows them from
 * members' events: what references are checked against when written, and what tells whether a
 * reader who sees published material only may be shown one.
 */
export class MemberUseCases {
  constructor(private readonly directory: Directory) {}

  /**
   * Refuses a change that names a member the directory does not know in the tenant (BAD_USER_INPUT
   * naming the field; nothing is stored). Only the references the change adds are checked.
   */
  async requireAdded(
    tenantId: string,
    before: ReferencesByField | undefined,
    after: ReferencesByField,
  ): Promise<void> {
    await this.directory.requireAdded(tenantId, before ?? {}, after);
  }

  /** The entries of these members in the caller's tenant (one query); unknown ones are left out. */
  find(context: CommandContext, refs: readonly MemberRef[]): Promise<DirectoryEntry[]> {
    return this.directory.getMany(requireReader(context.identity).tenantId, refs);
  }

  /** Whether the caller sees published material only (partners, addressees). */
  publishedOnly(context: CommandContext): boolean {
    return visibilityOf(requireReader(context.identity)).publishedOnly;
  }

  /**
   * Whether a filter naming a member by id (either kind) would tell the caller what it may not
   * see — where an unpublished organisation sat, say. Such a filter matches nothing.
   */
  async hiddenFrom(identity: Identity, id: string): Promise<boolean> {
    if (!visibilityOf(identity).publishedOnly) return false;
    return !(await this.directory.isPublicId(identity.tenantId, id));
  }
}
