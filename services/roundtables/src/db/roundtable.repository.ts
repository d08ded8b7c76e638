import type { CloudEventEnvelope, RoundtableStatus } from '@kollegia/events';
import {
  acrossTenants,
  countMatching,
  encodeCursor,
  insertWithEvents,
  stateUpdate,
  TenantRepository,
  updateWithEvents,
  type OutboxTarget,
  type Page,
  type PageRequest,
  tokenConditions,
} from '@kollegia/service-kit';
import { searchTokens } from '@kollegia/service-kit/domain';

import type { Roundtable } from '../domain/roundtable';
import type { Statement } from '../domain/statement';
import type { RoundtableDocument, RoundtableModel } from './roundtable.model';
import { statementOf } from './statement.repository';

export interface RoundtableFilter {
  statuses?: readonly RoundtableStatus[];
  conferenceId?: string | null;
  /** Sitting in one of these conferences (a city or an organiser's conferences). */
  conferenceIds?: readonly string[];
  /** Starting at or after / before these instants. */
  startsFrom?: Date | null;
  startsBefore?: Date | null;
  /** A person or organisation at the table (moderator or participant). */
  partyId?: string | null;
  /** The working group that held it. */
  workingGroupId?: string | null;
  /** An organisation organising it: as an ORGANIZER participant or through its conference. */
  organizer?: { id: string; conferenceIds: readonly string[] };
  text?: string | null;
  publishedOnly?: boolean;
}

const OPTIONAL = [
  'conferenceId',
  'endsAt',
  'venue',
  'description',
  'source',
  'workingGroupId',
  'startedAt',
  'concludedAt',
  'lastStatementAt',
  'minutesApprovedAt',
  'cancelledAt',
  'cancelReason',
] as const;

const MAX_SEARCH_TOKENS = 500;

const DERIVED = ['searchTokens', 'partyIds', 'organizerIds', 'pendingStatements'];

/** A round table's state without what only its document holds (smaller replies, nothing to strip). */
const READ_PROJECTION = Object.fromEntries(['outbox', ...DERIVED].map((field) => [field, 0]));

function derive(state: Roundtable) {
  const parties = [
    state.moderator.id,
    ...state.participants.flatMap((p) => [p.personId, p.organizationId]),
  ].filter((id): id is string => id !== undefined);
  return {
    // Capped: a hundred long questions should not make a thousand index entries.
    searchTokens: searchTokens(
      state.title,
      state.venue,
      state.description,
      ...state.agenda.map((item) => item.title),
    ).slice(0, MAX_SEARCH_TOKENS),
    partyIds: [...new Set(parties)],
    organizerIds: [
      ...new Set(
        state.participants
          .filter((p) => p.role === 'ORGANIZER' && p.organizationId !== undefined)
          .map((p) => p.organizationId!),
      ),
    ],
  };
}

/** A round table with the statements its document still holds (see pendingStatements). */
export interface RoundtableWithPending {
  state: Roundtable;
  pending: Statement[];
}

/** Round tables, tenant by tenant. */
export class RoundtableRepository extends TenantRepository<Roundtable, RoundtableDocument> {
  constructor(
    roundtables: RoundtableModel,
    private readonly target: OutboxTarget,
  ) {
    super(roundtables, target, {
      what: 'roundtable',
      optional: OPTIONAL,
      derivedFields: DERIVED,
      derive,
    });
  }

  search(tenantId: string, filter: RoundtableFilter, page: PageRequest): Promise<Page<Roundtable>> {
    return this.page(tenantId, conditions(filter), 'startsAt', 1, page);
  }

  /**
   * The first page of each conference's round tables, as `search` with its `conferenceId` gives
   * it (items, cursors, count), from one query for all of them: `Conference.roundtables` on a page
   * of conferences. Every query is a round trip, and the embedded engine answers one query of a
   * collection at a time (its `handleQuery` is synchronized), so one query instead of one per
   * conference is what lets the page scale. The query is bounded to `limit + 1` rows per
   * conference; a conference whose rows the bound may have cut short is asked for alone.
   */
  async firstPagesInConferences(
    tenantId: string,
    conferenceIds: readonly string[],
    filter: Pick<RoundtableFilter, 'statuses' | 'publishedOnly'>,
    limit: number,
  ): Promise<Page<Roundtable>[]> {
    const bound = conferenceIds.length * (limit + 1);
    const docs = await this.docs
      .find(tenantId, conditions({ ...filter, conferenceIds }), READ_PROJECTION)
      .sort({ startsAt: 1, _id: 1 })
      .limit(bound)
      .lean<Record<string, unknown>[]>();
    const rows = new Map<string | undefined, Roundtable[]>();
    for (const roundtable of docs.map((doc) => this.toDomain(doc))) {
      const own = rows.get(roundtable.conferenceId);
      if (own) own.push(roundtable);
      else rows.set(roundtable.conferenceId, [roundtable]);
    }
    return Promise.all(
      conferenceIds.map(async (conferenceId) => {
        const own = rows.get(conferenceId) ?? [];
        const alone = { ...filter, conferenceId };
        if (docs.length === bound && own.length <= limit) {
          return this.search(tenantId, alone, { limit });
        }
        const items = own.slice(0, limit);
        let count: Promise<number> | undefined;
        return {
          items,
          cursors: items.map((item) => encodeCursor({ sort: item.startsAt, id: item.id })),
          hasNextPage: own.length > limit,
          hasPreviousPage: false,
          totalCount: () => (count ??= countMatching(this.docs, tenantId, conditions(alone))),
        };
      }),
    );
  }

  /** Every round table of a conference in these statuses, in the order they sit (bounded). */
  async ofConference(
    tenantId: string,
    conferenceId: string,
    statuses: readonly RoundtableStatus[],
    publishedOnly: boolean,
  ): Promise<Roundtable[]> {
    const docs = await this.docs
      .find(
        tenantId,
        {
          conferenceId,
          status: { $in: statuses },
          ...(publishedOnly ? { published: true } : {}),
        },
        READ_PROJECTION,
      )
      .sort({ startsAt: 1, _id: 1 })
      .limit(500)
      .lean<Record<string, unknown>[]>();
    return docs.map((doc) => this.toDomain(doc));
  }

  /** A round table with the statements its document still holds. */
  async getWithPending(tenantId: string, id: string): Promise<RoundtableWithPending | undefined> {
    const doc = await this.docs
      .findById(tenantId, id, { outbox: 0, searchTokens: 0, partyIds: 0, organizerIds: 0 })
      .lean<Record<string, unknown> & { pendingStatements?: Statement[] }>();
    if (!doc) return undefined;
    return { state: this.toDomain(doc), pending: (doc.pendingStatements ?? []).map(statementOf) };
  }

  /**
   * Stores the round table at `expectedVersion` (CONFLICT when stale) with its events and the
   * statements still to be confirmed, in one write.
   */
  async updateWithStatements(
    state: Roundtable,
    expectedVersion: number,
    events: CloudEventEnvelope[],
    pending: Statement[],
  ): Promise<void> {
    await updateWithEvents(
      this.docs,
      { tenantId: state.tenantId, id: state.id, expectedVersion, what: 'roundtable' },
      stateUpdate(state, OPTIONAL, { ...derive(state), pendingStatements: pending }),
      events,
      this.target,
    );
  }

  /**
   * Stores a new round table with its events and its statements still to be confirmed (a sitting
   * recorded from its minutes), in one write.
   */
  async insertWithStatements(
    state: Roundtable,
    events: CloudEventEnvelope[],
    pending: Statement[],
  ): Promise<void> {
    const { id, ...rest } = state;
    await insertWithEvents(
      this.docs,
      { _id: id, ...rest, ...derive(state), pendingStatements: pending },
      events,
      this.target,
    );
  }

  /**
   * A page, by id, of every tenant's concluded round tables whose minutes are not approved: what
   * the migration of sittings recorded after they were held reads, once.
   */
  async concludedWithOpenMinutes(
    afterId: string | undefined,
    limit: number,
  ): Promise<Roundtable[]> {
    const docs = await acrossTenants(this.docs)
      .find(
        {
          status: 'CONCLUDED',
          minutesApprovedAt: { $exists: false },
          ...(afterId ? { _id: { $gt: afterId } } : {}),
        },
        READ_PROJECTION,
      )
      .sort({ _id: 1 })
      .limit(limit)
      .lean<Record<string, unknown>[]>();
    return docs.map((doc) => this.toDomain(doc));
  }

  /** Round tables of any tenant whose documents hold statements (for the statement sweep). */
  async withPendingStatements(
    limit: number,
  ): Promise<{ tenantId: string; id: string; pending: Statement[] }[]> {
    const docs = await acrossTenants(this.docs)
      .find({ 'pendingStatements.id': { $exists: true } }, { tenantId: 1, pendingStatements: 1 })
      .limit(limit)
      .lean<Pick<RoundtableDocument, '_id' | 'tenantId' | 'pendingStatements'>[]>();
    return docs.map((doc) => ({
      tenantId: String(doc.tenantId),
      id: String(doc._id),
      pending: ((doc as { pendingStatements?: Statement[] }).pendingStatements ?? []).map(
        statementOf,
      ),
    }));
  }

  /** Drops confirmed statements from a round table's document, by id (one atomic update). */
  async dropPending(tenantId: string, id: string, entries: Statement[]): Promise<void> {
    if (entries.length === 0) return;
    await this.docs.updateOne(
      tenantId,
      { _id: id },
      { $pull: { pendingStatements: { id: { $in: entries.map((entry) => entry.id) } } } },
    );
  }
}

/** The query of a filter, without the tenant (the caller adds it). */
function conditions(filter: RoundtableFilter): Record<string, unknown> {
  const and: Record<string, unknown>[] = [
    ...(filter.startsFrom ? [{ startsAt: { $gte: filter.startsFrom } }] : []),
    ...(filter.startsBefore ? [{ startsAt: { $lt: filter.startsBefore } }] : []),
    ...(filter.conferenceIds ? [{ conferenceId: { $in: filter.conferenceIds } }] : []),
    ...(filter.organizer
      ? [
          {
            $or: [
              { organizerIds: filter.organizer.id },
              { conferenceId: { $in: filter.organizer.conferenceIds } },
            ],
          },
        ]
      : []),
    ...tokenConditions('searchTokens', filter.text),
  ];
  // No top-level $or: the keyset condition of `paginate` takes that place.
  return {
    ...(filter.statuses ? { status: { $in: filter.statuses } } : {}),
    ...(filter.conferenceId ? { conferenceId: filter.conferenceId } : {}),
    ...(filter.partyId ? { partyIds: filter.partyId } : {}),
    ...(filter.workingGroupId ? { workingGroupId: filter.workingGroupId } : {}),
    ...(filter.publishedOnly ? { published: true } : {}),
    ...(and.length > 0 ? { $and: and } : {}),
  };
}
