import type { MemberKind } from '@kollegia/events';
import type { Identity } from '@kollegia/service-kit';

import type { CommunityRepository } from '../db/community.repository';
import type { MembershipRepository } from '../db/membership.repository';
import type { OrganizationRepository } from '../db/organization.repository';
import { seesInternal } from './permissions';

/**
 * The directory's filters that name a community or an organisation. For partners and addressees
 * an unpublished one is internal, and so is who belongs to it: a filter naming it matches nothing,
 * exactly as one naming an unknown id does, so the answer does not tell the two apart.
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

  /** Whether the caller may list the people of this organisation. */
  async seesOrganization(identity: Identity, organizationId: string): Promise<boolean> {
    if (seesInternal(identity)) return true;
    return (await this.organizations.get(identity.tenantId, organizationId))?.published === true;
  }
}
