import type { MemberKind } from '@kollegia/events';
import type { Identity } from '@kollegia/service-kit';

import type { CommunityRepository } from '../db/community.repository';
import type { MembershipRepository } from '../db/membership.repository';
import type { OrganizationRepository } from '../db/organization.repository';
import type { Person } from '../domain/person';
import { seesInternal } from './permissions';

/**
 * The directory's filters that name a community or an organisation. For partners and addressees
 * an unpublished one is internal, and so is who belongs to it: a filter naming it matches nothing,
 * exactly as one naming an unknown id does, so the answer does not tell the two apart. The people
 * of an unpublished organisation are hidden from them the same way.
 */
export class VisibleFilters {
  constructor(
    private readonly communities: CommunityRepository,
    private readonly memberships: MembershipRepository,
    private readonly organizations: OrganizationRepository,
  ) {}

  /** The ids of a community's active members of one kind, or none when it is hidden. */
  async communityMemberIds(
    identity: Identity,
    communityId: string,
    kind: MemberKind,
  ): Promise<string[]> {
    if (!seesInternal(identity)) {
      const community = await this.communities.get(identity.tenantId, communityId);
      if (!community?.published) return [];
    }
    return this.memberships.activeMemberIds(identity.tenantId, communityId, kind);
  }

  /**
   * The organisations whose people the caller may not see: for partners and addressees the
   * unpublished ones — who works there is as internal as the organisation (the kit's `isPublic`
   * rule, which the other services apply to their directory). Read each time, so publishing an
   * organisation shows its people at once.
   */
  async hiddenOrganizationIds(identity: Identity): Promise<string[]> {
    if (seesInternal(identity)) return [];
    return this.organizations.unpublishedIds(identity.tenantId);
  }

  /** The people the caller may see among these: of no organisation, or of one it may see. */
  async visiblePeople(identity: Identity, people: Person[]): Promise<Person[]> {
    if (seesInternal(identity)) return people;
    const organizationIds = [...new Set(people.flatMap((p) => p.organizationId ?? []))];
    const published = new Set(
      (await this.organizations.getMany(identity.tenantId, organizationIds))
        .filter((organization) => organization.published)
        .map((organization) => organization.id),
    );
    return people.filter((p) => !p.organizationId || published.has(p.organizationId));
  }

  /** Whether the caller may list the people of this organisation. */
  async seesOrganization(identity: Identity, organizationId: string): Promise<boolean> {
    if (seesInternal(identity)) return true;
    return (await this.organizations.get(identity.tenantId, organizationId))?.published === true;
  }
}
