import type { RecommendationStatus } from '@kollegia/events';
import { collectionOf, deterministicId, insertIfAbsent } from '@kollegia/service-kit';

import type {
  ConferenceCountsDocument,
  ConferenceCountsModel,
  CountedRecommendation,
} from './conference-counts.model';

type Counts = Partial<Record<RecommendationStatus, number>>;

/**
 * How often `apply` reads again after its guard missed. Each miss means another write of the same
 * recommendation's count went through meanwhile, so this is only ever reached by a bug.
 */
const APPLY_ATTEMPTS = 20;

function nonZero(counts: Counts): Counts {
  return Object.fromEntries(Object.entries(counts).filter(([, n]) => n !== 0));
}

/**
 * What counting a recommendation as `counted` instead of `previous` adds to each status's count,
 * one dotted path per status (`all.ADOPTED`). `$inc` of these commutes, so changes of different
 * recommendations of one conference need no coordination, whatever their order.
 */
function moves(
  previous: CountedRecommendation | undefined,
  counted: CountedRecommendation,
): Record<string, number> {
  const inc: Record<string, number> = {};
  const add = (path: string, by: number) => {
    const n = (inc[path] ?? 0) + by;
    if (n === 0) delete inc[path];
    else inc[path] = n;
  };
  if (previous) {
    add(`all.${previous.s}`, -1);
    if (previous.p) add(`visibleToPartners.${previous.s}`, -1);
  }
  add(`all.${counted.s}`, 1);
  if (counted.p) add(`visibleToPartners.${counted.s}`, 1);
  return inc;
}

/** Per-conference counts of recommendations by status (a read model; see the model). */
export class ConferenceCountsRepository {
  constructor(private readonly counts: ConferenceCountsModel) {}

  private idOf(tenantId: string, conferenceId: string): string {
    return deterministicId('conference-counts', tenantId, conferenceId);
  }

  /**
   * Counts a recommendation under its status as of an aggregate version. Applied once: a version
   * counted already (a replay, a second projection of the same change, by this process or
   * another) or an older one changes nothing.
   *
   * A compare-and-set on the recommendation's own entry: read what it is counted as, then one
   * atomic update that holds only if the entry is still that (same version, or still absent),
   * setting the entry and moving the counts by `$inc`. Should another process have counted the
   * recommendation meanwhile, the update matches nothing and the count is read again. The first
   * recommendation of a conference inserts the document (E11000 when another process just did:
   * read again). That guarded filter is not exactly a unique index's keys, so the embedded engine
   * answers it by scanning `conference_counts` (one small document per conference, docs/adr/0009).
   */
  async apply(
    tenantId: string,
    conferenceId: string,
    recommendationId: string,
    counted: CountedRecommendation,
  ): Promise<boolean> {
    const id = this.idOf(tenantId, conferenceId);
    const entry = `recommendations.${recommendationId}`;
    for (let attempt = 1; attempt <= APPLY_ATTEMPTS; attempt += 1) {
      const doc = await this.counts
        .findOne({ _id: id, tenantId }, { [entry]: 1 })
        .lean<Pick<ConferenceCountsDocument, '_id' | 'recommendations'>>();
      if (!doc) {
        const inserted = await insertIfAbsent(this.counts.collection, {
          _id: id,
          tenantId,
          conferenceId,
          recommendations: { [recommendationId]: counted },
          all: { [counted.s]: 1 },
          visibleToPartners: counted.p ? { [counted.s]: 1 } : {},
        });
        if (inserted) return true;
        continue;
      }
      const previous = doc.recommendations?.[recommendationId];
      if (previous && previous.v >= counted.v) return false;
      const inc = moves(previous, counted);
      const result = await collectionOf(this.counts).updateOne(
        {
          _id: id,
          tenantId,
          [`${entry}.v`]: previous ? previous.v : { $exists: false },
        },
        {
          $set: { [entry]: counted },
          ...(Object.keys(inc).length > 0 ? { $inc: inc } : {}),
        },
      );
      if (result.matchedCount === 1) return true;
    }
    throw new Error(
      `conference counts ${id}: recommendation ${recommendationId} changed on every attempt`,
    );
  }

  async get(
    tenantId: string,
    conferenceId: string,
  ): Promise<Pick<ConferenceCountsDocument, 'all' | 'visibleToPartners'>> {
    const doc = await this.counts
      .findOne({ _id: this.idOf(tenantId, conferenceId), tenantId }, { recommendations: 0 })
      .lean<ConferenceCountsDocument>();
    return {
      all: nonZero(doc?.all ?? {}),
      visibleToPartners: nonZero(doc?.visibleToPartners ?? {}),
    };
  }
}
