import type { MembershipRole } from '@kollegia/events';
import { isDuplicateKey, type Page, type PageRequest } from '@kollegia/service-kit';
import { badInput, conflict, notFound } from '@kollegia/service-kit/domain';

import type { CommunityRepository } from '../db/community.repository';
import type { MembershipFilter, MembershipRepository } from '../db/membership.repository';
import type { OrganizationRepository } from '../db/organization.repository';
import type { PersonRepository } from '../db/person.repository';
import {
  changeMembershipRole,
  grantMembership,
  revokeMembership,
  type GrantMembership,
  type Membership,
} from '../domain/membership';
import { newId, type CommandContext } from './context';
import { membershipEvents } from './membership-events';
import { requireDirectoryEditor, requireReader, seesInternal } from './permissions';

export class MembershipUseCases {
  constructor(
    private readonly memberships: MembershipRepository,
    private readonly communities: CommunityRepository,
    private readonly organizations: OrganizationRepository,
    private readonly people: PersonRepository,
  ) {}

  async grant(context: CommandContext, command: GrantMembership): Promise<Membership> {
    const identity = requireDirectoryEditor(context.identity);
    const { tenantId } = identity;
    const community = await this.communities.get(tenantId, command.communityId);
    if (!community)
      throw badInput('communityId', `community ${command.communityId} does not exist`);
    const member =
      command.memberKind === 'ORGANIZATION'
        ? await this.organizations.get(tenantId, command.memberId)
        : await this.people.get(tenantId, command.memberId);
    if (!member)
      throw badInput(
        'memberId',
        `${command.memberKind.toLowerCase()} ${command.memberId} does not exist`,
      );
    const { state, changes } = grantMembership(command, community, {
      id: newId(),
      tenantId,
      now: context.now,
    });
    const existing = await this.memberships.active(
      tenantId,
      community.id,
      command.memberKind,
      command.memberId,
    );
    if (existing) throw duplicate(existing);
    try {
      await this.memberships.insert(state, membershipEvents(state, changes, context));
    } catch (error) {
      // Two grants raced past the check above: the unique index lets one through.
      if (isDuplicateKey(error)) {
        throw conflict('the member already holds an active membership in this community', 'ACTIVE');
      }
      throw error;
    }
    return state;
  }

  async changeRole(
    context: CommandContext,
    id: string,
    expectedVersion: number,
    role: MembershipRole,
  ): Promise<Membership> {
    const identity = requireDirectoryEditor(context.identity);
    const current = await this.memberships.getForChange(identity.tenantId, id, expectedVersion);
    const { state, changes } = changeMembershipRole(current, role, context.now);
    if (changes.length === 0) return current;
    const next = { ...state, version: expectedVersion + 1 };
    return this.memberships.update(next, expectedVersion, membershipEvents(next, changes, context));
  }

  async revoke(
    context: CommandContext,
    id: string,
    expectedVersion: number,
    reason?: string | null,
  ): Promise<Membership> {
    const identity = requireDirectoryEditor(context.identity);
    const current = await this.memberships.getForChange(identity.tenantId, id, expectedVersion);
    const { state, changes } = revokeMembership(current, reason, context.now);
    const next = { ...state, version: expectedVersion + 1 };
    return this.memberships.update(next, expectedVersion, membershipEvents(next, changes, context));
  }

  async find(context: CommandContext, id: string): Promise<Membership | undefined> {
    const identity = requireReader(context.identity);
    const found = await this.memberships.get(identity.tenantId, id);
    if (!found || seesInternal(identity)) return found;
    const community = await this.communities.get(identity.tenantId, found.communityId);
    return community?.published ? found : undefined;
  }

  /** Memberships; partners and addressees see those of published communities only. */
  async search(
    context: CommandContext,
    filter: MembershipFilter,
    page: PageRequest,
  ): Promise<Page<Membership>> {
    const identity = requireReader(context.identity);
    if (!seesInternal(identity) && filter.communityId) {
      const community = await this.communities.get(identity.tenantId, filter.communityId);
      if (!community?.published) throw notFound('community', filter.communityId);
    }
    const result = await this.memberships.search(identity.tenantId, filter, page);
    if (seesInternal(identity) || filter.communityId) return result;
    const visible = new Set(
      (
        await this.communities.getMany(
          identity.tenantId,
          result.items.map((m) => m.communityId),
        )
      )
        .filter((c) => c.published)
        .map((c) => c.id),
    );
    const keep = result.items.map((m) => visible.has(m.communityId));
    return {
      ...result,
      items: result.items.filter((_, i) => keep[i]),
      cursors: result.cursors.filter((_, i) => keep[i]),
    };
  }
}

function duplicate(existing: Membership) {
  return conflict(
    `the member already holds an active membership in this community (membership ${existing.id}, role ${existing.role})`,
    existing.status,
  );
}
