import type { RecommendationStatus } from '@kollegia/events';
import { deterministicId, isDuplicateKey, TenantModel } from '@kollegia/service-kit';
import type { mongo } from 'mongoose';

import { groupBy } from '@kollegia/service-kit/domain';
import type {
  ConferenceCountsDocument,
  ConferenceCountsModel,
  CountedRecommendation,
} from './conference-counts.model';

type Counts = Partial<Record<RecommendationStatus, number>>;

/** One recommendation to count under its status as of an aggregate version. */
export interface CountChange {
  conferenceId: string;
  recommendationId: string;
  counted: CountedRecommendation;
}

/**
 * How often `apply` reads again after a guard missed. Each miss means another process counted
 * one of the same recommendations meanwhile (and that one is skipped on the next pass), so this
 * is only ever reached by a bug.
 */
const APPLY_ATTEMPTS = 20;

function nonZero(counts: Counts): Counts {
  return Object.fromEntries(Object.entries(counts).filter(([, n]) => n !== 0));
}

/**
 * What counting a recommendation as `counted` instead of `previous` adds to each status's count,
 * one dotted path per status (`all.ADOPTED`), added to `inc`. `$inc` of these commutes, so
 * changes of different recommendations of one conference need no coordination, whatever their
 * order.
 */
function addMoves(
  inc: Record<string, number>,
  previous: CountedRecommendation | undefined,
  counted: CountedRecommendation,
): void {
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
}

/** What `apply` reads of a conference's document: its version and the entries it changes. */
type StoredEntries = Pick<ConferenceCountsDocument, '_id' | 'version' | 'recommendations'>;

/** Only the latest version of each recommendation counts: counting it is counting all before. */
function latestPerRecommendation(changes: readonly CountChange[]): CountChange[] {
  const latest = new Map<string, CountChange>();
  for (const change of changes) {
    const known = latest.get(change.recommendationId);
    if (!known || known.counted.v < change.counted.v) latest.set(change.recommendationId, change);
  }
  return [...latest.values()];
}

/** Per-conference counts of recommendations by status (a read model; see the model). */
export class ConferenceCountsRepository {
  private readonly counts: TenantModel<ConferenceCountsDocument>;

  constructor(counts: ConferenceCountsModel) {
    this.counts = new TenantModel(counts);
  }

  private idOf(tenantId: string, conferenceId: string): string {
    return deterministicId('conference-counts', tenantId, conferenceId);
  }

  /**
   * Counts recommendations under their statuses as of aggregate versions, any number of them and
   * of any conferences of the tenant, with one read and one bulk write (one operation per
   * conference). Applied once: a version counted already (a replay, a second projection of the
   * same change, by this process or another) or an older one changes nothing.
   *
   * Each operation is a compare-and-set: read the conference's document, then one atomic update
   * that sets the recommendations' entries and moves the counts by `$inc`, and holds only if the
   * document is as read. First by its `version` (bumped by every write): that filter is exactly
   * the keys of a unique index, which the embedded engine looks up (docs/adr/0009). Should another
   * process have written the document meanwhile, it is read again and the update is guarded by
   * the entries themselves (each still at the version read, or still absent): writers of other
   * recommendations of the conference then no longer get in its way; that filter makes the
   * embedded engine scan `conference_counts` (one small document per conference). A
   * recommendation counted meanwhile is skipped. The first recommendations of a conference insert
   * its document (E11000 when another process just did: read again).
   */
  async apply(tenantId: string, changes: readonly CountChange[]): Promise<void> {
    let pending = latestPerRecommendation(changes);
    for (let attempt = 1; attempt <= APPLY_ATTEMPTS; attempt += 1) {
      if (pending.length === 0) return;
      const stored = await this.entriesOf(tenantId, pending);
      pending = pending.filter((change) => {
        const previous = stored.get(this.idOf(tenantId, change.conferenceId))?.recommendations?.[
          change.recommendationId
        ];
        return !previous || previous.v < change.counted.v;
      });
      if (pending.length === 0) return;
      const operations = this.operations(tenantId, pending, stored, attempt === 1);
      try {
        const result = await this.counts.bulkWrite(tenantId, operations, { ordered: false });
        if (result.matchedCount + result.insertedCount === operations.length) return;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
    }
    throw new Error(
      `conference counts of ${tenantId}: recommendations changed on every attempt (${pending
        .map((change) => change.recommendationId)
        .join(', ')})`,
    );
  }

  /** The documents of the changes' conferences, with the changes' entries only (one read). */
  private async entriesOf(
    tenantId: string,
    changes: readonly CountChange[],
  ): Promise<Map<string, StoredEntries>> {
    const ids = [...new Set(changes.map((change) => this.idOf(tenantId, change.conferenceId)))];
    const docs = await this.counts
      .find(
        tenantId,
        { _id: { $in: ids } },
        {
          version: 1,
          ...Object.fromEntries(
            changes.map((change) => [`recommendations.${change.recommendationId}`, 1]),
          ),
        },
      )
      .lean<StoredEntries[]>();
    return new Map(docs.map((doc) => [doc._id, doc]));
  }

  /**
   * One guarded update per conference (an insert for a conference not counted yet), guarded by
   * the document's version, or by the entries (`byVersion` false, or a document from before
   * versions).
   */
  private operations(
    tenantId: string,
    changes: readonly CountChange[],
    stored: Map<string, StoredEntries>,
    byVersion: boolean,
  ): mongo.AnyBulkWriteOperation<ConferenceCountsDocument>[] {
    return [...groupBy(changes, (change) => change.conferenceId)].map(([conferenceId, group]) => {
      const _id = this.idOf(tenantId, conferenceId);
      const doc = stored.get(_id);
      if (!doc) {
        const totals: Counts = {};
        const partners: Counts = {};
        for (const { counted } of group) {
          totals[counted.s] = (totals[counted.s] ?? 0) + 1;
          if (counted.p) partners[counted.s] = (partners[counted.s] ?? 0) + 1;
        }
        return {
          insertOne: {
            document: {
              _id,
              tenantId,
              conferenceId,
              version: 1,
              recommendations: Object.fromEntries(
                group.map((change) => [change.recommendationId, change.counted]),
              ),
              all: totals,
              visibleToPartners: partners,
            },
          },
        };
      }
      const guardedByVersion = byVersion && doc.version !== undefined;
      const filter: Record<string, unknown> = guardedByVersion
        ? { _id, tenantId, version: doc.version }
        : { _id, tenantId };
      const $set: Record<string, CountedRecommendation> = {};
      const $inc: Record<string, number> = { version: 1 };
      for (const { recommendationId, counted } of group) {
        const previous = doc.recommendations?.[recommendationId];
        const entry = `recommendations.${recommendationId}`;
        if (!guardedByVersion) filter[`${entry}.v`] = previous ? previous.v : { $exists: false };
        $set[entry] = counted;
        addMoves($inc, previous, counted);
      }
      return { updateOne: { filter, update: { $set, $inc } } };
    });
  }

  async get(
    tenantId: string,
    conferenceId: string,
  ): Promise<Pick<ConferenceCountsDocument, 'all' | 'visibleToPartners'>> {
    const doc = await this.counts
      .findById(tenantId, this.idOf(tenantId, conferenceId), { recommendations: 0 })
      .lean<ConferenceCountsDocument>();
    return {
      all: nonZero(doc?.all ?? {}),
      visibleToPartners: nonZero(doc?.visibleToPartners ?? {}),
    };
  }
}
