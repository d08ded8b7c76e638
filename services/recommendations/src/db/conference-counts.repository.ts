import { recommendationStatusSchema, type RecommendationStatus } from '@kollegia/events';
import { deterministicId, withDocumentLock } from '@kollegia/service-kit';

import type {
  ConferenceCountsDocument,
  ConferenceCountsModel,
  CountedRecommendation,
} from './conference-counts.model';

type Counts = Partial<Record<RecommendationStatus, number>>;

function nonZero(counts: Counts): Counts {
  return Object.fromEntries(Object.entries(counts).filter(([, n]) => n !== 0));
}

function adjust(counts: Counts, status: RecommendationStatus, by: number): Counts {
  const next: Counts = { ...counts };
  const n = (next[status] ?? 0) + by;
  if (n === 0) delete next[status];
  else next[status] = n;
  return next;
}

/**
 * Every status's count as its own dotted path. FerretDB 1.24 skips a `$set` of an object whose
 * values equal the stored ones whatever the keys (`{ PROPOSED: 1 }` → `{ ADOPTED: 1 }` is left
 * as it was), so counts are never written as whole objects.
 */
function scalars(field: string, counts: Counts): Record<string, number> {
  return Object.fromEntries(
    recommendationStatusSchema.options.map((status) => [`${field}.${status}`, counts[status] ?? 0]),
  );
}

/** Per-conference counts of recommendations by status (a read model; see the model). */
export class ConferenceCountsRepository {
  constructor(private readonly counts: ConferenceCountsModel) {}

  private idOf(tenantId: string, conferenceId: string): string {
    return deterministicId('conference-counts', tenantId, conferenceId);
  }

  /**
   * Counts a recommendation under its status as of an aggregate version. Applied once: a version
   * counted already (a replay, a second projection of the same change) or an older one changes
   * nothing. Runs under the document lock (FerretDB's updates are not atomic, ADR 0005).
   */
  apply(
    tenantId: string,
    conferenceId: string,
    recommendationId: string,
    counted: CountedRecommendation,
  ): Promise<boolean> {
    const id = this.idOf(tenantId, conferenceId);
    return withDocumentLock(this.counts.collection.collectionName, id, async () => {
      // By `_id` alone (the one filter FerretDB pushes down); the id is derived from the tenant.
      const doc = await this.counts.findOne({ _id: id }).lean<ConferenceCountsDocument>();
      const previous = doc?.recommendations?.[recommendationId];
      if (previous && previous.v >= counted.v) return false;
      let all = doc?.all ?? {};
      let visible = doc?.visibleToPartners ?? {};
      if (previous) all = adjust(all, previous.s, -1);
      if (previous?.p) visible = adjust(visible, previous.s, -1);
      all = adjust(all, counted.s, 1);
      if (counted.p) visible = adjust(visible, counted.s, 1);
      await this.counts.collection.updateOne(
        { _id: id } as never,
        {
          $set: {
            tenantId,
            conferenceId,
            [`recommendations.${recommendationId}`]: counted,
            ...scalars('all', all),
            ...scalars('visibleToPartners', visible),
          },
        },
        { upsert: true },
      );
      return true;
    });
  }

  async get(
    tenantId: string,
    conferenceId: string,
  ): Promise<Pick<ConferenceCountsDocument, 'all' | 'visibleToPartners'>> {
    const doc = await this.counts
      .findOne({ _id: this.idOf(tenantId, conferenceId) }, { recommendations: 0 })
      .lean<ConferenceCountsDocument>();
    return {
      all: nonZero(doc?.all ?? {}),
      visibleToPartners: nonZero(doc?.visibleToPartners ?? {}),
    };
  }
}
