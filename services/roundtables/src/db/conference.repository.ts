import type { ConferenceStatus } from '@kollegia/events';
import {
  TenantRepository,
  type OutboxTarget,
  type Page,
  type PageRequest,
  tokenConditions,
} from '@kollegia/service-kit';
import { normalize, searchTokens } from '@kollegia/service-kit/domain';

import type { Conference } from '../domain/conference';
import type { ConferenceModel, ConferenceDocument } from './conference.model';

export interface ConferenceFilter {
  statuses?: readonly ConferenceStatus[];
  /** Conferences that overlap these days (`YYYY-MM-DD`, inclusive). */
  from?: string;
  to?: string;
  city?: string | null;
  organizerId?: string | null;
  text?: string | null;
  publishedOnly?: boolean;
}

/** At most this many conferences stand in for a city or organiser in a round table filter. */
const MAX_MATCHING_CONFERENCES = 1000;

export const cityKey = (city: string) => normalize(city).trim();

/** Conferences, tenant by tenant. */
export class ConferenceRepository extends TenantRepository<Conference, ConferenceDocument> {
  constructor(conferences: ConferenceModel, outbox: OutboxTarget) {
    super(conferences, outbox, {
      what: 'conference',
      optional: ['venue', 'description', 'openedAt', 'closedAt'],
      derivedFields: ['searchTokens', 'cityKey'],
      derive: (state) => ({
        searchTokens: searchTokens(state.title, state.city, state.venue, state.description),
        cityKey: cityKey(state.city),
      }),
    });
  }

  search(tenantId: string, filter: ConferenceFilter, page: PageRequest): Promise<Page<Conference>> {
    return this.page(tenantId, conditions(filter), 'startsOn', 1, page);
  }

  /** The ids of the conferences in a city or of an organiser (bounded), for round table filters. */
  async idsWhere(
    tenantId: string,
    filter: Pick<ConferenceFilter, 'city' | 'organizerId'>,
  ): Promise<string[]> {
    const docs = await this.docs
      .find(tenantId, conditions(filter), { _id: 1 })
      .limit(MAX_MATCHING_CONFERENCES)
      .lean<{ _id: string }[]>();
    return docs.map((doc) => doc._id);
  }
}

function conditions(filter: ConferenceFilter): Record<string, unknown> {
  const and: Record<string, unknown>[] = [
    ...(filter.to ? [{ startsOn: { $lte: filter.to } }] : []),
    ...(filter.from ? [{ endsOn: { $gte: filter.from } }] : []),
    ...tokenConditions('searchTokens', filter.text),
  ];
  return {
    ...(filter.statuses ? { status: { $in: filter.statuses } } : {}),
    ...(filter.city ? { cityKey: cityKey(filter.city) } : {}),
    ...(filter.organizerId ? { organizerIds: filter.organizerId } : {}),
    ...(filter.publishedOnly ? { published: true } : {}),
    ...(and.length > 0 ? { $and: and } : {}),
  };
}
