import type { CloudEventEnvelope } from '@kollegia/events';
import {
  acrossTenants,
  idleRelay,
  insertWithEvents,
  isDuplicateKey,
  toOutboxEntries,
  type OutboxTarget,
  type Page,
  type PageRequest,
  stateUpdate,
  TenantRepository,
  tokenFilter,
  updateWithEvents,
} from '@kollegia/service-kit';
import { searchTokens } from '@kollegia/service-kit/domain';

import { nextFollowUpDate, type FollowUpOptions } from '../domain/follow-ups';
import type { SittingRedate } from '../domain/meeting-year';
import { groupBy } from '@kollegia/service-kit/domain';
import { OPEN, type Recommendation } from '../domain/recommendation';
import type { PendingProjection } from './read-model.documents';
import type { RecommendationDocument, RecommendationModel } from './recommendation.model';

/** Stored when no follow-up is pending: sorts after every real date, so the scheduler skips it. */
export const NO_FOLLOW_UP = '9999-12-31';

const OPTIONAL = [
  'responsible',
  'legalBasis',
  'dueDate',
  'reviewDate',
  'proposedAt',
  'decidedText',
  'decidedBy',
  'decidedAt',
  'rejection',
  'startedAt',
  'finishedAt',
  'implementationNote',
  'withdrawnAt',
  'withdrawalReason',
  'supersededBy',
  'supersededAt',
  'supersessionReason',
  'lastProgressPercent',
  'lastProgressAt',
  'dueDateRecordedOn',
] as const satisfies readonly (keyof Recommendation)[];

const DERIVED = [
  'searchTokens',
  'listKey',
  'nextFollowUpOn',
  'visibleToPartners',
  'pendingProjections',
];

/** What a list of recommendations is narrowed by; every condition given must hold. */
export interface RecommendationFilter {
  statuses?: readonly string[] | null;
  conferenceId?: string | null;
  roundtableId?: string | null;
  addresseeId?: string | null;
  responsibleId?: string | null;
  /** true: overdue today; false: not overdue today. */
  overdue?: boolean | null;
  /** Due strictly before this day (`YYYY-MM-DD`). */
  dueBefore?: string | null;
  text?: string | null;
}

/** Who is reading, turned into conditions (see application/permissions.ts). */
export type ReadScope =
  { kind: 'all' } | { kind: 'addressed'; organizationId: string } | { kind: 'published' };

/**
 * Recommendations, tenant by tenant. Writes store their events in the outbox but do not relay them
 * at once: the writer relays (`relay`) after the change's timeline entry is written, so whoever
 * reads the timeline on hearing an event finds its entry (the gateway's conference follow-ups).
 */
export class RecommendationRepository extends TenantRepository<
  Recommendation,
  RecommendationDocument
> {
  constructor(
    recommendations: RecommendationModel,
    private readonly relayTarget: OutboxTarget,
    private readonly followUps: FollowUpOptions,
  ) {
    super(recommendations, afterProjection(relayTarget), {
      what: 'recommendation',
      optional: OPTIONAL,
      derivedFields: DERIVED,
      derive: (state) => derived(state, followUps),
    });
  }

  /** Publishes the recommendations' stored events now (the periodic sweep would, later). */
  relay(ids: string[]): Promise<void> {
    return this.relayTarget.relay.notifyMany(this.docs.collectionName, ids);
  }

  protected override toDomain(doc: Record<string, unknown>): Recommendation {
    const state = super.toDomain(doc);
    return { ...state, announced: state.announced ?? {}, source: state.source ?? {} };
  }

  async getByCode(tenantId: string, code: string): Promise<Recommendation | undefined> {
    const doc = await this.docs
      .findOne(tenantId, { code }, projectionWithout())
      .lean<Record<string, unknown>>();
    return doc ? this.toDomain(doc) : undefined;
  }

  /**
   * Which of the ids exist in the tenant, each with whether a change of it still awaits its read
   * models: one read for a whole Kafka batch.
   */
  async lookupMany(
    tenantId: string,
    ids: readonly string[],
  ): Promise<Map<string, { pending: boolean }>> {
    if (ids.length === 0) return new Map();
    const docs = await this.docs
      .find(tenantId, { _id: { $in: [...ids] } }, { pendingProjections: 1 })
      .lean<Pick<RecommendationDocument, '_id' | 'pendingProjections'>[]>();
    return new Map(
      docs.map((doc) => [doc._id, { pending: (doc.pendingProjections?.length ?? 0) > 0 }]),
    );
  }

  async exists(tenantId: string, id: string): Promise<boolean> {
    const doc = await this.docs.findById(tenantId, id, { _id: 1 }).lean();
    return doc !== null;
  }

  /** Inserts a new recommendation with its events and what it still has to project. */
  async create(
    state: Recommendation,
    events: CloudEventEnvelope[],
    projection: PendingProjection,
  ): Promise<void> {
    await insertWithEvents(
      this.docs,
      {
        ...recommendationDocument(state, this.followUps),
        pendingProjections: [projection],
      },
      events,
      this.outbox,
    );
  }

  /**
   * Inserts new recommendations in one write: each document carries its own events and projection,
   * so each stands or falls alone (a document insert is atomic; several are not). Returns the ids
   * refused because a unique key was taken (the `_id`: created meanwhile; or the code); every other
   * one is stored. This is `insertWithEvents` for many documents; the relay is notified by the
   * writer once the read models are written.
   */
  async createMany(
    items: { state: Recommendation; events: CloudEventEnvelope[]; projection: PendingProjection }[],
  ): Promise<Set<string>> {
    if (items.length === 0) return new Set();
    const refused = new Set<string>();
    for (const [tenantId, ofTenant] of groupBy(items, (item) => item.state.tenantId)) {
      const docs = ofTenant.map(({ state, events, projection }) => ({
        ...recommendationDocument(state, this.followUps),
        outbox: toOutboxEntries(events, this.outbox.topicPrefix),
        pendingProjections: [projection],
      }));
      try {
        await this.docs.insertMany(tenantId, docs, { ordered: false });
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        const { writeErrors } = error as { writeErrors: { index: number }[] | { index: number } };
        for (const { index } of [writeErrors].flat()) refused.add(docs[index]!._id);
      }
    }
    return refused;
  }

  /** Stores the new state at `expectedVersion` (CONFLICT when stale), its events and projection. */
  async save(
    state: Recommendation,
    expectedVersion: number,
    events: CloudEventEnvelope[],
    projection: PendingProjection,
  ): Promise<Recommendation> {
    const doc = await updateWithEvents(
      this.docs,
      { tenantId: state.tenantId, id: state.id, expectedVersion, what: 'recommendation' },
      {
        ...stateUpdate(state, OPTIONAL, derived(state, this.followUps)),
        $push: { pendingProjections: projection },
      },
      events,
      this.outbox,
    );
    return this.toDomain(doc);
  }

  search(
    tenantId: string,
    filter: RecommendationFilter,
    scope: ReadScope,
    today: string,
    page: PageRequest,
  ): Promise<Page<Recommendation>> {
    const conditions: Record<string, unknown>[] = [];
    if (scope.kind === 'addressed') conditions.push({ addresseeIds: scope.organizationId });
    if (scope.kind === 'published') conditions.push({ visibleToPartners: true });
    if (filter.statuses?.length) conditions.push({ status: { $in: [...filter.statuses] } });
    if (filter.conferenceId) conditions.push({ 'source.conferenceId': filter.conferenceId });
    if (filter.roundtableId) conditions.push({ 'source.roundtableId': filter.roundtableId });
    if (filter.addresseeId) conditions.push({ addresseeIds: filter.addresseeId });
    if (filter.responsibleId) conditions.push({ 'responsible.id': filter.responsibleId });
    if (filter.dueBefore) conditions.push({ dueDate: { $lt: filter.dueBefore } });
    if (filter.overdue === true) {
      conditions.push({ dueDate: { $lt: today } }, { status: { $in: [...OPEN] } });
    }
    if (filter.overdue === false) {
      // Not overdue: no due date, not yet past it, or finished. Kept inside $and: the kit's
      // keyset paging adds its own top-level $or.
      conditions.push({
        $or: [
          { dueDate: { $exists: false } },
          { dueDate: { $gte: today } },
          { status: { $nin: [...OPEN] } },
        ],
      });
    }
    const text = tokenFilter('searchTokens', filter.text).$and as
      Record<string, unknown>[] | undefined;
    if (text) conditions.push(...text);
    return this.page(
      tenantId,
      conditions.length > 0 ? { $and: conditions } : {},
      'listKey',
      1,
      page,
    );
  }

  /** The changes of one recommendation still to be written to the read models, oldest first. */
  async pendingProjections(tenantId: string, id: string): Promise<PendingProjection[]> {
    const doc = await this.docs
      .findById(tenantId, id, { pendingProjections: 1 })
      .lean<Pick<RecommendationDocument, 'pendingProjections'>>();
    const pending = doc?.pendingProjections ?? [];
    return [...pending].sort((a, b) => a.version - b.version);
  }

  /**
   * Removes exactly the projections written out, in one atomic update: `$pull` by their versions
   * (one projection per version: each change pushes its own), so one pushed meanwhile by the
   * next change stays, and a second removal of the same ones (two processes projected the same
   * change) removes nothing.
   */
  removeProjections(
    tenantId: string,
    id: string,
    written: Pick<PendingProjection, 'version'>[],
  ): Promise<void> {
    return this.removeProjectionsOf(written.map(({ version }) => ({ tenantId, id, version })));
  }

  /** The same for many recommendations: one bulk write, one atomic `$pull` per recommendation. */
  async removeProjectionsOf(
    written: { tenantId: string; id: string; version: number }[],
  ): Promise<void> {
    for (const [tenantId, ofTenant] of groupBy(written, (w) => w.tenantId)) {
      await this.docs.bulkWrite(
        tenantId,
        [...groupBy(ofTenant, (w) => w.id).entries()].map(([id, projections]) => ({
          updateOne: {
            filter: { _id: id },
            update: {
              $pull: {
                pendingProjections: { version: { $in: projections.map((p) => p.version) } },
              },
            },
          },
        })),
      );
    }
  }

  /** Recommendations (of every tenant) with changes a crash left unprojected. */
  async withPendingProjections(limit: number): Promise<{ tenantId: string; id: string }[]> {
    const docs = await acrossTenants(this.docs)
      .find({ 'pendingProjections.version': { $exists: true } }, { _id: 1, tenantId: 1 })
      .limit(limit)
      .lean<{ _id: string; tenantId: string }[]>();
    return docs.map((doc) => ({ tenantId: String(doc.tenantId), id: String(doc._id) }));
  }

  /**
   * A page (by `_id`) of the recommendations of every tenant whose code was generated
   * (`R-<year>-<number>`), with what their code year depends on: the codes-by-meeting-year
   * migration reads them all, once.
   */
  async withGeneratedCodes(
    afterId: string | undefined,
    limit: number,
  ): Promise<Pick<Recommendation, 'id' | 'tenantId' | 'code' | 'source' | 'createdAt'>[]> {
    const docs = await acrossTenants(this.docs)
      .find(
        { code: { $regex: '^R-\\d{4}-\\d+$' }, ...(afterId ? { _id: { $gt: afterId } } : {}) },
        { _id: 1, tenantId: 1, code: 1, source: 1, createdAt: 1 },
      )
      .sort({ _id: 1 })
      .limit(limit)
      .lean<Pick<RecommendationDocument, '_id' | 'tenantId' | 'code' | 'source' | 'createdAt'>[]>();
    return docs.map((doc) => ({
      id: String(doc._id),
      tenantId: String(doc.tenantId),
      code: doc.code,
      source: doc.source ?? {},
      createdAt: new Date(doc.createdAt),
    }));
  }

  /**
   * A page (by `_id`) of the recommendations of every tenant drafted from a resolution whose
   * title ends in "…" (cut), with what their title came from: the whole-titles migration reads
   * them all, once.
   */
  async withCutTitles(
    afterId: string | undefined,
    limit: number,
  ): Promise<Pick<Recommendation, 'id' | 'tenantId' | 'title' | 'recommendedText' | 'source'>[]> {
    const docs = await acrossTenants(this.docs)
      .find(
        {
          'source.resolutionId': { $exists: true },
          title: { $regex: '…$' },
          ...(afterId ? { _id: { $gt: afterId } } : {}),
        },
        { _id: 1, tenantId: 1, title: 1, recommendedText: 1, source: 1 },
      )
      .sort({ _id: 1 })
      .limit(limit)
      .lean<
        Pick<RecommendationDocument, '_id' | 'tenantId' | 'title' | 'recommendedText' | 'source'>[]
      >();
    return docs.map((doc) => ({
      id: String(doc._id),
      tenantId: String(doc.tenantId),
      title: doc.title,
      recommendedText: doc.recommendedText,
      source: doc.source ?? {},
    }));
  }

  /**
   * Up to `limit` recommendations of a round table that a redated sitting still moves: not on its
   * new day, or proposed at its previous conclusion. Each one followed drops out, so the caller
   * reads again until none is left.
   */
  async ofRoundtableNotOn(
    tenantId: string,
    roundtableId: string,
    redate: SittingRedate,
    limit: number,
  ): Promise<Recommendation[]> {
    const moved = redate.concludedAt.getTime() !== redate.previousConcludedAt.getTime();
    const docs = await this.docs
      .find(
        tenantId,
        {
          'source.roundtableId': roundtableId,
          $or: [
            { 'source.meetingDate': { $ne: redate.meetingDate } },
            ...(moved ? [{ proposedAt: redate.previousConcludedAt }] : []),
          ],
        },
        projectionWithout(),
      )
      .sort({ listKey: 1, _id: 1 })
      .limit(limit)
      .lean<Record<string, unknown>[]>();
    return docs.map((doc) => this.toDomain(doc));
  }

  /** Recommendations (of every tenant) whose next follow-up day has come, earliest first. */
  async dueForFollowUp(today: string, limit: number): Promise<Recommendation[]> {
    const docs = await acrossTenants(this.docs)
      .find({ nextFollowUpOn: { $lte: today } }, projectionWithout())
      .sort({ nextFollowUpOn: 1, _id: 1 })
      .limit(limit)
      .lean<Record<string, unknown>[]>();
    return docs.map((doc) => this.toDomain(doc));
  }
}

function projectionWithout(): Record<string, 0> {
  return Object.fromEntries(['outbox', ...DERIVED].map((field) => [field, 0 as const]));
}

/**
 * The order lists follow: creation time, then the code read naturally (R-2016-9 before
 * R-2016-10), so the recommendations of one round table, created at its conclusion, keep the
 * order of its resolutions.
 */
export function listKey(state: Pick<Recommendation, 'createdAt' | 'code'>): string {
  const code = state.code.replace(/\d+/g, (digits) => digits.padStart(10, '0'));
  return `${state.createdAt.toISOString()}|${code}`;
}

/** Whether partners may read it: published, and adopted at some point. */
export function visibleToPartners(state: Recommendation): boolean {
  return state.published && state.decidedText !== undefined;
}

/** How a recommendation is stored, but for its outbox and pending projections. */
export function recommendationDocument(
  state: Recommendation,
  followUps: FollowUpOptions,
): Omit<RecommendationDocument, 'outbox' | 'pendingProjections'> {
  const { id, ...rest } = state;
  return { _id: id, ...rest, ...derived(state, followUps) };
}

function derived(
  state: Recommendation,
  followUps: FollowUpOptions,
): Pick<
  RecommendationDocument,
  'searchTokens' | 'listKey' | 'nextFollowUpOn' | 'visibleToPartners'
> {
  return {
    searchTokens: searchTokens(state.code, state.title, state.recommendedText, state.decidedText),
    listKey: listKey(state),
    nextFollowUpOn: nextFollowUpDate(state, followUps) ?? NO_FOLLOW_UP,
    visibleToPartners: visibleToPartners(state),
  };
}

/** The outbox target with relaying left to the writer (see the class). */
function afterProjection(target: OutboxTarget): OutboxTarget {
  return {
    topicPrefix: target.topicPrefix,
    relay: idleRelay,
  };
}
