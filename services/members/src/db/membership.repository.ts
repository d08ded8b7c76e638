import type { MemberKind } from '@kollegia/events';
import {
  TenantRepository,
  type OutboxTarget,
  type Page,
  type PageRequest,
} from '@kollegia/service-kit';

import type { Membership } from '../domain/membership';
import type { MembershipModel, MembershipDocument } from './membership.model';

export interface MembershipFilter {
  communityId?: string;
  memberKind?: MemberKind;
  memberId?: string;
  role?: string | null;
  status?: string | null;
  communityIds?: string[];
}

/** Memberships, tenant by tenant. */
export class MembershipRepository extends TenantRepository<Membership, MembershipDocument> {
  constructor(memberships: MembershipModel, outbox: OutboxTarget) {
    super(memberships, outbox, {
      what: 'membership',
      optional: ['until', 'revokedOn', 'revocationReason'],
      derivedFields: ['activeKey'],
      derive: (state) => ({ activeKey: state.status === 'ACTIVE' ? 'ACTIVE' : state.id }),
    });
  }

  search(tenantId: string, filter: MembershipFilter, page: PageRequest): Promise<Page<Membership>> {
    return this.page(
      tenantId,
      {
        ...(filter.communityId ? { communityId: filter.communityId } : {}),
        ...(filter.communityIds ? { communityId: { $in: filter.communityIds } } : {}),
        ...(filter.memberKind ? { memberKind: filter.memberKind } : {}),
        ...(filter.memberId ? { memberId: filter.memberId } : {}),
        ...(filter.role ? { role: filter.role } : {}),
        ...(filter.status ? { status: filter.status } : {}),
      },
      'createdAt',
      1,
      page,
    );
  }

  /** The active membership of a member in a community, if any. */
  async active(tenantId: string, communityId: string, memberKind: MemberKind, memberId: string) {
    const doc = await this.docs
      .findOne(tenantId, { communityId, memberKind, memberId, status: 'ACTIVE' }, { outbox: 0 })
      .lean<Record<string, unknown>>();
    return doc ? this.toDomain(doc) : undefined;
  }

  /** The ids of a community's active members of one kind (for directory filters; bounded). */
  async activeMemberIds(
    tenantId: string,
    communityId: string,
    memberKind: MemberKind,
  ): Promise<string[]> {
    const docs = await this.docs
      .find(tenantId, { communityId, memberKind, status: 'ACTIVE' }, { memberId: 1 })
      .limit(10_000)
      .lean<{ memberId: string }[]>();
    return docs.map((doc) => doc.memberId);
  }
}
