import {
  TenantRepository,
  tokenFilter,
  type OutboxTarget,
  type Page,
  type PageRequest,
} from '@kollegia/service-kit';

import type { Person } from '../domain/person';
import { searchTokens, sortKey } from '@kollegia/service-kit/domain';
import type { PersonModel, PersonDocument } from './person.model';

export interface PersonFilter {
  text?: string | null;
  organizationId?: string | null;
  expertise?: string | null;
  /** Only these ids (e.g. the active members of a community). */
  ids?: string[];
  /** Not people of these organisations (partners and addressees: the unpublished ones). */
  hiddenOrganizationIds?: string[];
}

/** People, tenant by tenant. */
export class PersonRepository extends TenantRepository<Person, PersonDocument> {
  constructor(model: PersonModel, outbox: OutboxTarget) {
    super(model, outbox, {
      what: 'person',
      optional: ['position', 'organizationId'],
      derivedFields: ['searchTokens', 'sortName'],
      derive: (state) => ({
        searchTokens: searchTokens(state.fullName, state.position),
        sortName: sortKey(state.fullName),
      }),
    });
  }

  search(tenantId: string, filter: PersonFilter, page: PageRequest): Promise<Page<Person>> {
    return this.page(
      tenantId,
      {
        ...(filter.organizationId
          ? { organizationId: filter.organizationId }
          : filter.hiddenOrganizationIds?.length
            ? // People of no organisation have no `organizationId`, and `$nin` keeps them.
              { organizationId: { $nin: filter.hiddenOrganizationIds } }
            : {}),
        ...(filter.expertise ? { expertise: filter.expertise.trim().toLowerCase() } : {}),
        ...(filter.ids ? { _id: { $in: filter.ids } } : {}),
        ...tokenFilter('searchTokens', filter.text),
      },
      'sortName',
      1,
      page,
    );
  }
}
