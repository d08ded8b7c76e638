import {
  TenantRepository,
  tokenFilter,
  type OutboxTarget,
  type Page,
  type PageRequest,
} from '@kollegia/service-kit';

import type { Organization } from '../domain/organization';
import { searchTokens, sortKey } from '@kollegia/service-kit/domain';
import type { OrganizationModel, OrganizationDocument } from './organization.model';

export interface OrganizationFilter {
  text?: string | null;
  kind?: string | null;
  country?: string;
  subdivision?: string;
  industry?: string | null;
  status?: string | null;
  parentId?: string | null;
  /** Only these ids (e.g. the active members of a community). */
  ids?: string[];
  /** Partners and addressees see published organisations only. */
  publishedOnly?: boolean;
}

/** Organisations, tenant by tenant. */
export class OrganizationRepository extends TenantRepository<Organization, OrganizationDocument> {
  constructor(model: OrganizationModel, outbox: OutboxTarget) {
    super(model, outbox, {
      what: 'organization',
      optional: ['description', 'inn', 'ogrn', 'website', 'parentId', 'archiveReason'],
      derivedFields: ['searchTokens', 'sortName'],
      derive: (state) => ({
        searchTokens: searchTokens(state.name, state.shortName, state.inn, state.ogrn),
        sortName: sortKey(state.shortName),
      }),
    });
  }

  /** The ids of the tenant's unpublished organisations: whose people partners may not see. */
  async unpublishedIds(tenantId: string): Promise<string[]> {
    const docs = await this.docs
      .find(tenantId, { published: { $ne: true } }, { _id: 1 })
      .lean<{ _id: string }[]>();
    return docs.map((doc) => doc._id);
  }

  search(
    tenantId: string,
    filter: OrganizationFilter,
    page: PageRequest,
  ): Promise<Page<Organization>> {
    return this.page(
      tenantId,
      {
        ...(filter.kind ? { kind: filter.kind } : {}),
        ...(filter.country ? { country: filter.country } : {}),
        ...(filter.subdivision ? { subdivision: filter.subdivision } : {}),
        ...(filter.industry ? { industries: filter.industry.trim().toLowerCase() } : {}),
        ...(filter.status ? { status: filter.status } : {}),
        ...(filter.parentId ? { parentId: filter.parentId } : {}),
        ...(filter.publishedOnly ? { published: true } : {}),
        ...(filter.ids ? { _id: { $in: filter.ids } } : {}),
        ...tokenFilter('searchTokens', filter.text),
      },
      'sortName',
      1,
      page,
    );
  }
}
