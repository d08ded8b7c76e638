import {
  escapeRegExp,
  TenantRepository,
  type OutboxTarget,
  type Page,
  type PageRequest,
} from '@kollegia/service-kit';

import type { Organization } from '../domain/organization';
import { queryTokens, searchTokens, sortKey } from '../domain/search';
import type { OrganizationModel } from './organization.model';

export interface OrganizationFilter {
  text?: string | null;
  kind?: string | null;
  region?: string | null;
  industry?: string | null;
  status?: string | null;
  parentId?: string | null;
  /** Only these ids (e.g. the active members of a community). */
  ids?: string[];
  /** Partners and addressees see published organisations only. */
  publishedOnly?: boolean;
}

/** Every query token must start one of the stored tokens. */
export function tokenFilter(field: string, text: string | null | undefined) {
  const tokens = text ? queryTokens(text) : [];
  return tokens.length > 0
    ? { $and: tokens.map((token) => ({ [field]: { $regex: `^${escapeRegExp(token)}` } })) }
    : {};
}

/** Organisations, tenant by tenant. */
export class OrganizationRepository extends TenantRepository<Organization> {
  constructor(model: OrganizationModel, outbox: OutboxTarget) {
    super(model as never, outbox, {
      what: 'organization',
      optional: ['inn', 'ogrn', 'website', 'parentId', 'archiveReason'],
      derivedFields: ['searchTokens', 'sortName'],
      derive: (state) => ({
        searchTokens: searchTokens(state.name, state.shortName, state.inn, state.ogrn),
        sortName: sortKey(state.shortName),
      }),
    });
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
        ...(filter.region ? { region: filter.region.trim().toUpperCase() } : {}),
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
