import type { MemberRef } from '@kollegia/events';
import {
  hasRole,
  isPublic,
  memberKey,
  type Directory,
  type DirectoryEntry,
  type Identity,
  type ReferencesByField,
} from '@kollegia/service-kit';
import { badInput } from '@kollegia/service-kit/domain';

import type { Request } from '../domain/request';
import type { CommandContext } from './context';
import { requireReader } from './permissions';

export const organization = (id: string): MemberRef => ({ kind: 'ORGANIZATION', id });

const publishedOnly = (identity: Identity) => !hasRole(identity, 'admin', 'secretary', 'member');

/** The members a request names, by the input field that names them. */
export function requestReferences(request: Request): ReferencesByField {
  return {
    addresseeId: [organization(request.addresseeId)],
    signatory: request.signatory ? [request.signatory] : [],
  };
}

/**
 * The members of the directory (organisations and people) as this service knows them from
 * members' events: the addressees' kinds (which deadline policy applies), what the references a
 * user writes are checked against, and what a reader who sees published material only may be
 * shown.
 */
export class MemberUseCases {
  constructor(private readonly directory: Directory) {}

  /**
   * Refuses a change that names a member the directory does not know in the tenant, or addresses
   * an archived organisation (BAD_USER_INPUT naming the field; nothing is stored). Only the
   * references the change adds are checked.
   */
  async requireAdded(tenantId: string, before: Request | undefined, after: Request): Promise<void> {
    const known = await this.directory.requireAdded(
      tenantId,
      before ? requestReferences(before) : {},
      requestReferences(after),
    );
    const addressee = known.get(memberKey(organization(after.addresseeId)));
    if (addressee?.status === 'ARCHIVED') {
      throw badInput('addresseeId', `organization ${after.addresseeId} is archived`);
    }
  }

  /** What the directory knows of these organisations of a tenant (one query). */
  organizations(tenantId: string, ids: readonly string[]): Promise<DirectoryEntry[]> {
    return this.directory.getMany(tenantId, ids.map(organization));
  }

  /** The entries of these members in the caller's tenant (one query); unknown ones are left out. */
  find(context: CommandContext, refs: readonly MemberRef[]): Promise<DirectoryEntry[]> {
    return this.directory.getMany(requireReader(context.identity).tenantId, refs);
  }

  /** Whether the caller sees published material only (partners, addressees). */
  publishedOnly(context: CommandContext): boolean {
    return publishedOnly(requireReader(context.identity));
  }

  /** The organisations among these the caller may be shown, in order (one query). */
  async shownOrganizations(identity: Identity, ids: readonly string[]): Promise<string[]> {
    if (!publishedOnly(identity)) return [...ids];
    const known = await this.organizations(identity.tenantId, ids);
    const shown = new Set(known.filter(isPublic).map((entry) => entry.id));
    return ids.filter((id) => shown.has(id));
  }

  /**
   * Whether a filter naming a member by id would tell the caller what it may not see (what was
   * sent to an unpublished organisation, say). Such a filter matches nothing; the caller's own
   * organisation is never hidden from it.
   */
  async hiddenFrom(identity: Identity, id: string): Promise<boolean> {
    if (!publishedOnly(identity) || id === identity.organizationId) return false;
    return !(await this.directory.isPublicId(identity.tenantId, id));
  }
}
