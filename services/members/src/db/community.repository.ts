import {
  acrossTenants,
  TenantRepository,
  tokenFilter,
  type OutboxTarget,
  type Page,
  type PageRequest,
} from '@kollegia/service-kit';

import type { Community } from '../domain/community';
import { searchTokens, sortKey } from '@kollegia/service-kit/domain';
import type { CommunityModel, CommunityDocument } from './community.model';

export interface CommunityFilter {
  text?: string | null;
  kind?: string | null;
  status?: string | null;
  parentId?: string | null;
  ids?: string[];
  publishedOnly?: boolean;
}

/** Communities, tenant by tenant. */
export class CommunityRepository extends TenantRepository<Community, CommunityDocument> {
  constructor(communities: CommunityModel, outbox: OutboxTarget) {
    super(communities, outbox, {
      what: 'community',
      optional: ['description', 'parentId', 'validUntil', 'dissolvedOn', 'dissolutionReason'],
      derivedFields: ['searchTokens', 'sortName'],
      derive: (state) => ({
        searchTokens: searchTokens(state.name, state.description),
        sortName: sortKey(state.name),
      }),
    });
  }

  search(tenantId: string, filter: CommunityFilter, page: PageRequest): Promise<Page<Community>> {
    return this.page(
      tenantId,
      {
        ...(filter.kind ? { kind: filter.kind } : {}),
        ...(filter.status ? { status: filter.status } : {}),
        ...(filter.parentId ? { parentId: filter.parentId } : {}),
        ...(filter.ids ? { _id: { $in: filter.ids } } : {}),
        ...(filter.publishedOnly ? { published: true } : {}),
        ...tokenFilter('searchTokens', filter.text),
      },
      'sortName',
      1,
      page,
    );
  }

  /**
   * Active temporary communities whose last day is before `today`, across tenants: the expiry
   * job dissolves them, each in its own tenant.
   */
  async expired(today: string, limit: number): Promise<Community[]> {
    const docs = await acrossTenants(this.docs)
      .find(
        { status: 'ACTIVE', validUntil: { $lt: today } },
        { outbox: 0, searchTokens: 0, sortName: 0 },
      )
      .limit(limit)
      .lean<Record<string, unknown>[]>();
    return docs.map((doc) => this.toDomain(doc));
  }
}
