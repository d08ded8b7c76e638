import type { CloudEventEnvelope } from '@kollegia/events';
import {
  acrossTenants,
  isDuplicateKey,
  type OutboxTarget,
  type Page,
  type PageRequest,
  TenantRepository,
} from '@kollegia/service-kit';

import { nextControlNoticeOn, type ControlItem } from '../domain/control-item';
import type { ControlItemDocument, ControlItemModel } from './control-item.model';

/** Stored when no notice is pending: sorts after every real date, so the scheduler skips it. */
const NO_NOTICE = '9999-12-31';

const OPTIONAL = [
  'controllerId',
  'responsible',
  'dueDate',
  'closedAt',
  'closingNote',
  'dueDateRecordedOn',
] as const satisfies readonly (keyof ControlItem)[];

const DERIVED = ['listKey', 'nextNoticeOn', 'responsibleId'];

/** What a list of items under control is narrowed by; every condition given must hold. */
export interface ControlItemFilter {
  statuses?: readonly string[] | null;
  conferenceId?: string | null;
  roundtableId?: string | null;
  controllerId?: string | null;
  responsibleId?: string | null;
  /** true: overdue today; false: not overdue today. */
  overdue?: boolean | null;
}

/**
 * Who is reading: everything (members and above), what concerns an organisation (an addressee:
 * its organisation controls it or answers for it), or what is published (partners).
 */
export type ControlItemScope =
  { kind: 'all' } | { kind: 'concerning'; organizationId: string } | { kind: 'published' };

/** Items under control, tenant by tenant; writes carry their events in the outbox. */
export class ControlItemRepository extends TenantRepository<ControlItem, ControlItemDocument> {
  constructor(
    items: ControlItemModel,
    outbox: OutboxTarget,
    private readonly dueSoonDays: number,
  ) {
    super(items, outbox, {
      what: 'control item',
      optional: OPTIONAL,
      derivedFields: DERIVED,
      derive: (state) => ({
        listKey: `${state.createdAt.toISOString()}|${state.id}`,
        nextNoticeOn: nextControlNoticeOn(state, dueSoonDays) ?? NO_NOTICE,
        responsibleId: state.responsible?.id,
      }),
    });
  }

  /** Inserts a new item; false when it exists already (a redelivery, a concurrent replica). */
  async insertOnce(state: ControlItem, events: CloudEventEnvelope[]): Promise<boolean> {
    try {
      await this.insert(state, events);
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  /** Which of the ids exist in the tenant: one read for a whole Kafka batch. */
  async existing(tenantId: string, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const docs = await this.docs
      .find(tenantId, { _id: { $in: [...ids] } }, { _id: 1 })
      .lean<{ _id: string }[]>();
    return new Set(docs.map((doc) => doc._id));
  }

  /**
   * Up to `limit` items of a round table not yet on a redated sitting's day and conclusion: each
   * followed drops out, so the caller reads again until none is left.
   */
  async ofRoundtableNotOn(
    tenantId: string,
    roundtableId: string,
    sitting: { meetingDate: string; concludedAt: Date },
    limit: number,
  ): Promise<ControlItem[]> {
    const docs = await this.docs
      .find(
        tenantId,
        {
          'source.roundtableId': roundtableId,
          $or: [
            { 'source.meetingDate': { $ne: sitting.meetingDate } },
            { takenAt: { $ne: sitting.concludedAt } },
          ],
        },
        { outbox: 0, ...derivedHidden() },
      )
      .sort({ listKey: 1, _id: 1 })
      .limit(limit)
      .lean<Record<string, unknown>[]>();
    return docs.map((doc) => this.toDomain(doc));
  }

  search(
    tenantId: string,
    filter: ControlItemFilter,
    scope: ControlItemScope,
    today: string,
    page: PageRequest,
  ): Promise<Page<ControlItem>> {
    const conditions: Record<string, unknown>[] = [];
    if (scope.kind === 'concerning') {
      conditions.push({
        $or: [{ controllerId: scope.organizationId }, { responsibleId: scope.organizationId }],
      });
    }
    if (scope.kind === 'published') conditions.push({ published: true });
    if (filter.statuses?.length) conditions.push({ status: { $in: [...filter.statuses] } });
    if (filter.conferenceId) conditions.push({ 'source.conferenceId': filter.conferenceId });
    if (filter.roundtableId) conditions.push({ 'source.roundtableId': filter.roundtableId });
    if (filter.controllerId) conditions.push({ controllerId: filter.controllerId });
    if (filter.responsibleId) conditions.push({ responsibleId: filter.responsibleId });
    if (filter.overdue === true) {
      conditions.push({ dueDate: { $lt: today } }, { status: 'UNDER_CONTROL' });
    }
    if (filter.overdue === false) {
      // Kept inside $and: the kit's keyset paging adds its own top-level $or.
      conditions.push({
        $or: [
          { dueDate: { $exists: false } },
          { dueDate: { $gte: today } },
          { status: { $ne: 'UNDER_CONTROL' } },
        ],
      });
    }
    return this.page(
      tenantId,
      conditions.length > 0 ? { $and: conditions } : {},
      'listKey',
      1,
      page,
    );
  }

  /** Items (of every tenant) whose next notice day has come, earliest first. */
  async dueForNotice(today: string, limit: number): Promise<ControlItem[]> {
    const docs = await acrossTenants(this.docs)
      .find({ nextNoticeOn: { $lte: today } }, { outbox: 0, ...derivedHidden() })
      .sort({ nextNoticeOn: 1, _id: 1 })
      .limit(limit)
      .lean<Record<string, unknown>[]>();
    return docs.map((doc) => this.toDomain(doc));
  }
}

function derivedHidden(): Record<string, 0> {
  return Object.fromEntries(DERIVED.map((field) => [field, 0 as const]));
}
