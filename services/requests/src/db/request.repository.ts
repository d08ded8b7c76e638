import type { CloudEventEnvelope } from '@kollegia/events';
import {
  acrossTenants,
  insertWithEvents,
  stateUpdate,
  TenantRepository,
  tokenConditions,
  updateWithEvents,
  type OutboxTarget,
  type Page,
  type PageRequest,
} from '@kollegia/service-kit';
import { groupBy, searchTokens } from '@kollegia/service-kit/domain';

import { nextNoticeAt, runningDeadline } from '../domain/due-notices';
import type { Request } from '../domain/request';
import type { TimelineEntry } from '../domain/timeline';
import type { RequestModel, RequestDocument } from './request.model';

/** What a caller may see of the tenant's requests (see application/permissions.ts). */
export interface RequestVisibility {
  /** Only requests that were sent (partners, addressees): drafts stay internal. */
  sentOnly: boolean;
  /**
   * Only requests to this organisation (addressees). Any value restricts, an empty one too: a
   * restriction that is present is never read as none.
   */
  addresseeId?: string;
}

export interface RequestFilter {
  status?: string | null;
  kind?: string | null;
  addresseeId?: string | null;
  recommendationId?: string | null;
  /** true: the running deadline has passed; false: it has not, or none runs. */
  overdue?: boolean | null;
  /** The running deadline ends before this instant. */
  dueBefore?: Date | null;
  text?: string | null;
}

const OPTIONAL = [
  'recommendationId',
  'signatory',
  'outgoingNumber',
  'submittedAt',
  'timeZone',
  'registrationDueOn',
  'incomingNumber',
  'registeredOn',
  'registeredOnTime',
  'deadline',
  'dueSoonDays',
  'extension',
  'answer',
  'closedAt',
  'closingNote',
  'withdrawnAt',
  'withdrawalReason',
] as const satisfies readonly (keyof Request)[];

/** A letter's words beyond these add little to finding it and much to its index entries. */
const MAX_SEARCH_TOKENS = 400;

const OPEN_STATUSES: Request['status'][] = ['SUBMITTED', 'REGISTERED'];

/** The stored-only keys of a state (the timeline is appended, never derived). */
function derive(state: Request) {
  const running = runningDeadline(state);
  const next = nextNoticeAt(state);
  return {
    searchTokens: searchTokens(
      state.subject,
      state.outgoingNumber,
      state.incomingNumber,
      state.body,
    ).slice(0, MAX_SEARCH_TOKENS),
    numberKey: state.outgoingNumber ?? state.id,
    ...(running ? { dueAt: running.dueAt } : {}),
    // Absent, not null, when the domain cannot tell: the scheduler then looks (see noticesDue).
    ...(next !== undefined ? { nextNoticeAt: next } : {}),
  };
}

/** Requests, tenant by tenant; every write carries its events and its timeline lines. */
export class RequestRepository extends TenantRepository<Request, RequestDocument> {
  constructor(requests: RequestModel, outbox: OutboxTarget) {
    super(requests, outbox, {
      what: 'request',
      optional: OPTIONAL,
      // `noticesDone` was stored before `nextNoticeAt` and is read no more.
      derivedFields: [
        'searchTokens',
        'numberKey',
        'dueAt',
        'nextNoticeAt',
        'noticesDone',
        'timeline',
      ],
      derive,
    });
  }

  protected override toDomain(doc: Record<string, unknown>): Request {
    const state = super.toDomain(doc);
    return { ...state, announced: state.announced ?? {} };
  }

  /** Stores a new request with its events and first timeline line; E11000 on a duplicate id. */
  async create(
    state: Request,
    events: CloudEventEnvelope[],
    timeline: TimelineEntry[],
  ): Promise<void> {
    const { id, ...rest } = state;
    await insertWithEvents(
      this.docs,
      { _id: id, ...rest, ...derive(state), timeline },
      events,
      this.outbox,
    );
  }

  /**
   * Stores a request's new state at `expectedVersion` (CONFLICT when stale) with its events and
   * timeline lines, in one write. E11000 when its outgoing number is taken.
   */
  async change(
    state: Request,
    expectedVersion: number,
    events: CloudEventEnvelope[],
    timeline: TimelineEntry[],
  ): Promise<Request> {
    const derived = derive(state);
    const update = stateUpdate(state, OPTIONAL, derived);
    const unset = {
      ...update.$unset,
      ...(derived.dueAt ? {} : { dueAt: 1 as const }),
      ...(derived.nextNoticeAt === undefined ? { nextNoticeAt: 1 as const } : {}),
    };
    const doc = await updateWithEvents(
      this.docs,
      { tenantId: state.tenantId, id: state.id, expectedVersion, what: 'request' },
      {
        $set: update.$set,
        ...(Object.keys(unset).length > 0 ? { $unset: unset } : {}),
        $push: { timeline: { $each: timeline } },
      },
      events,
      this.outbox,
    );
    return this.toDomain(doc);
  }

  /**
   * Waits until the relay has published a request's pending events. Batch writers (the scheduler)
   * call it between writes, so a run goes at the pace the relay delivers and leaves no backlog of
   * sends (and their outbox removals) competing with its next writes.
   */
  relayed(id: string): Promise<void> {
    return this.outbox.relay.notify(this.docs.collectionName, id);
  }

  async byOutgoingNumber(tenantId: string, outgoingNumber: string): Promise<Request | undefined> {
    const doc = await this.docs
      .findOne(tenantId, { numberKey: outgoingNumber.trim(), outgoingNumber: { $exists: true } })
      .select({ outbox: 0, searchTokens: 0, timeline: 0 })
      .lean<Record<string, unknown>>();
    return doc ? this.toDomain(doc) : undefined;
  }

  /** The timelines of these requests (one query). */
  async timelines(tenantId: string, ids: readonly string[]): Promise<Map<string, TimelineEntry[]>> {
    const docs = await this.docs
      .find(tenantId, { _id: { $in: [...new Set(ids)] } }, { timeline: 1 })
      .lean<{ _id: string; timeline?: TimelineEntry[] }[]>();
    return new Map(docs.map((doc) => [doc._id, doc.timeline ?? []]));
  }

  /** Requests matching a filter, newest first (by creation, or by sending when `bySent`). */
  search(
    tenantId: string,
    filter: RequestFilter,
    visibility: RequestVisibility,
    page: PageRequest,
    now: Date,
    options: { bySent?: boolean } = {},
  ): Promise<Page<Request>> {
    const conditions = tokenConditions('searchTokens', filter.text);
    if (filter.overdue === true) conditions.push({ dueAt: { $lt: now } });
    // Not overdue: no deadline runs, or it has not ended yet.
    if (filter.overdue === false) conditions.push({ dueAt: { $not: { $lt: now } } });
    if (filter.dueBefore) conditions.push({ dueAt: { $lt: filter.dueBefore } });
    // Restricted to one organisation, a filter for another one finds nothing.
    if (filter.addresseeId && visibility.addresseeId !== undefined)
      conditions.push({ addresseeId: filter.addresseeId });
    const addresseeId = visibility.addresseeId ?? (filter.addresseeId || undefined);
    return this.page(
      tenantId,
      {
        ...(filter.status ? { status: filter.status } : {}),
        ...(filter.kind ? { kind: filter.kind } : {}),
        ...(addresseeId !== undefined ? { addresseeId } : {}),
        ...(filter.recommendationId ? { recommendationId: filter.recommendationId } : {}),
        ...(visibility.sentOnly || options.bySent ? { submittedAt: { $exists: true } } : {}),
        ...(conditions.length > 0 ? { $and: conditions } : {}),
      },
      options.bySent ? 'submittedAt' : 'createdAt',
      -1,
      page,
    );
  }

  /** The requests made from these recommendations (one query), oldest first. */
  async forRecommendations(
    tenantId: string,
    recommendationIds: readonly string[],
    visibility: RequestVisibility,
    limit: number,
  ): Promise<Request[]> {
    const docs = await this.docs
      .find(tenantId, {
        recommendationId: { $in: [...new Set(recommendationIds)] },
        ...(visibility.sentOnly ? { submittedAt: { $exists: true } } : {}),
        ...(visibility.addresseeId !== undefined ? { addresseeId: visibility.addresseeId } : {}),
      })
      .select({ outbox: 0, searchTokens: 0, timeline: 0 })
      .sort({ createdAt: 1, _id: 1 })
      .limit(limit)
      .lean<Record<string, unknown>[]>();
    return docs.map((doc) => this.toDomain(doc));
  }

  /**
   * The scheduler's read, across tenants (a system job, not a caller's query): requests whose next
   * notice is due by `now` (`nextNoticeAt`, kept by every write), and open ones that have no
   * moment yet (stored before it was kept), a page at a time in `_id` order. Each page is a query
   * of its own, so no cursor stays open across a run's writes.
   */
  async noticesDue(now: Date, limit: number, afterId?: string): Promise<Request[]> {
    const docs = await acrossTenants(this.docs)
      .find({
        $or: [
          { nextNoticeAt: { $lte: now } },
          { nextNoticeAt: { $exists: false }, status: { $in: OPEN_STATUSES } },
        ],
        ...(afterId ? { _id: { $gt: afterId } } : {}),
      })
      .select({ outbox: 0, searchTokens: 0, timeline: 0, body: 0 })
      .sort({ _id: 1 })
      .limit(limit)
      .lean<Record<string, unknown>[]>();
    // Without the letter: enough to decide whether a notice is due, never to be written back.
    return docs.map((doc) => this.toDomain({ body: '', ...doc }));
  }

  /**
   * Stores the due-soon lead given to requests that had none (`withDueSoonLead`) and the moment
   * it sets, in one write. Nothing a reader sees changes, so the version stays; a request changed
   * since it was read is left as that change wrote it (and, lacking a lead, is looked at again).
   */
  async keepDueSoonLeads(states: readonly Request[]): Promise<void> {
    if (states.length === 0) return;
    for (const [tenantId, ofTenant] of groupBy(states, (state) => state.tenantId)) {
      await this.docs.bulkWrite(
        tenantId,
        ofTenant.map((state) => ({
          updateOne: {
            // With the tenant, exactly the unique index's keys: the engine finds it without a scan.
            filter: { _id: state.id, version: state.version },
            update: {
              $set: { dueSoonDays: state.dueSoonDays, nextNoticeAt: nextNoticeAt(state) ?? null },
            },
          },
        })),
      );
    }
  }
}
