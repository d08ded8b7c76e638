import type { MemberRef, PartyRef } from '@kollegia/events';
import {
  hasRole,
  type Directory,
  type DirectoryEntry,
  type Identity,
  type ReferencesByField,
} from '@kollegia/service-kit';

import type { Recommendation } from '../domain/recommendation';
import type { CommandContext } from './context';
import { requireReader, seesInternal } from './permissions';

const organization = (id: string): MemberRef => ({ kind: 'ORGANIZATION', id });

/** The members a recommendation's card and decisions name, by the input field that names them. */
export function recommendationReferences(recommendation: Recommendation): ReferencesByField {
  const { addresseeIds, responsible, decidedBy, rejection } = recommendation;
  return {
    addresseeIds: addresseeIds.map(organization),
    responsible: responsible ? [responsible] : [],
    decidedBy: [
      ...(decidedBy ? [decidedBy] : []),
      ...(rejection && rejection.decidedBy.kind !== 'ADDRESSEES' ? [rejection.decidedBy] : []),
    ],
  };
}

/**
 * The members of the directory (organisations and people) as this service knows them from
 * members' events: what the references a user writes are checked against, and what tells whether
 * a reader who sees published material only may be shown one.
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

  /**
   * Refuses a party a secretary names for an endorsement or a report when the directory does not
   * know it. Others act as the organisation or the person their token names, which is not checked.
   */
  async requireNamed(
    identity: Identity,
    field: string,
    named: PartyRef | null | undefined,
  ): Promise<void> {
    if (named && hasRole(identity, 'admin', 'secretary')) {
      await this.directory.requireKnown(identity.tenantId, { [field]: [named] });
    }
  }

  /** The entries of these members in the caller's tenant (one query); unknown ones are left out. */
  find(context: CommandContext, refs: readonly MemberRef[]): Promise<DirectoryEntry[]> {
    return this.directory.getMany(requireReader(context.identity).tenantId, refs);
  }

  /** Whether the caller sees published material only (partners, addressees). */
  publishedOnly(context: CommandContext): boolean {
    return !seesInternal(requireReader(context.identity));
  }

  /**
   * Whether a filter naming a member by id would tell the caller what it may not see (what was
   * addressed to an unpublished organisation, say). Such a filter matches nothing.
   */
  async hiddenFrom(identity: Identity, id: string): Promise<boolean> {
    return !seesInternal(identity) && !(await this.directory.isPublicId(identity.tenantId, id));
  }
}
