import {
  isDuplicateKey,
  paginate,
  TenantModel,
  type Page,
  type PageRequest,
} from '@kollegia/service-kit';

import type { CounterRepository } from './counter.repository';
import type { TimelineEntryDocument } from './read-model.documents';
import type { ReadScope } from './recommendation.repository';
import type { TimelineModel } from './timeline.model';

/** Recommendations' timelines, and the per-conference feed of them. */
export class TimelineRepository {
  private readonly docs: TenantModel<TimelineEntryDocument>;

  constructor(
    timeline: TimelineModel,
    private readonly counters: CounterRepository,
  ) {
    this.docs = new TenantModel(timeline);
  }

  /**
   * Stores timeline entries, numbering them (`feedSequence`) so that a number is used only once the
   * one before it is stored: a reader paging `feed` by `feedSequence` never sees n+1 while n is
   * still to come, so its cursor never skips an entry, whichever replica wrote what.
   *
   * The numbers come from the entries themselves, not from a counter drawn beforehand: an append
   * starts after the tenant's `feed:` counter (every number up to it is stored; the counter is
   * raised only after its entries are) and inserts its entries in order (`ordered: true`) under
   * the unique `(tenantId, feedSequence)`. A number another writer took first fails that insert;
   * the entries before it are stored, and the rest go on from the next number. So each number is
   * taken by one entry, in the order the inserts land, with no gaps. An entry stored before keeps
   * its number (its id is its event's: a second projection of the same change inserts nothing).
   */
  async append(tenantId: string, entries: Omit<TimelineEntryDocument, 'feedSequence'>[]) {
    const counter = `feed:${tenantId}`;
    let pending = entries;
    let next = (await this.counters.current(tenantId, counter)) + 1;
    while (pending.length > 0) {
      const failedAt = await this.insertInOrder(tenantId, pending, next);
      if (failedAt === undefined) {
        next += pending.length;
        break;
      }
      next += failedAt;
      const [failed, ...rest] = pending.slice(failedAt);
      const stored = await this.docs.findById(tenantId, failed!._id, { _id: 1 }).lean();
      // Already stored (a repeat): its number stays; otherwise `next` was taken by another writer.
      if (stored) pending = rest;
      else {
        pending = [failed!, ...rest];
        next += 1;
      }
    }
    if (next > 1) await this.counters.raiseTo(tenantId, counter, next - 1);
  }

  /**
   * Moves when an entry of a recommendation happened (a redated sitting moves the proposal its
   * conclusion made): entries of `type` (an event's name, e.g. `proposed`) at `from` go to `to`.
   * Their place in the feed stays.
   */
  async moveOccurrence(
    tenantId: string,
    recommendationId: string,
    type: string,
    moved: { from: Date; to: Date },
  ): Promise<void> {
    await this.docs.updateMany(
      tenantId,
      { recommendationId, type, occurredAt: moved.from },
      { $set: { occurredAt: moved.to } },
    );
  }

  /**
   * Inserts the entries numbered from `first`, in order, stopping at the first unique key taken;
   * returns the position of the entry that failed (those before it are stored), if one did.
   */
  private async insertInOrder(
    tenantId: string,
    entries: Omit<TimelineEntryDocument, 'feedSequence'>[],
    first: number,
  ): Promise<number | undefined> {
    try {
      await this.docs.insertMany(
        tenantId,
        entries.map((entry, i) => ({ ...entry, feedSequence: first + i })),
        { ordered: true },
      );
      return undefined;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      const [failure] = (error as { writeErrors?: { index: number }[] }).writeErrors ?? [];
      return failure?.index ?? 0;
    }
  }

  /** One recommendation's timeline in order. Partners see what happened from its adoption on. */
  page(
    tenantId: string,
    recommendationId: string,
    scope: ReadScope,
    page: PageRequest,
  ): Promise<Page<TimelineEntryDocument>> {
    return paginate(
      this.docs,
      tenantId,
      {
        recommendationId,
        ...(scope.kind === 'published' ? { visibleToPartners: true } : {}),
      },
      'sequence',
      1,
      page,
    );
  }

  /**
   * The timeline entries of a conference's recommendations in the order they were written
   * (`feedSequence`), each as it was visible when written: an addressee sees entries of what was
   * then addressed to it, a partner what was then published and adopted.
   */
  feed(
    tenantId: string,
    conferenceId: string,
    scope: ReadScope,
    page: PageRequest,
  ): Promise<Page<TimelineEntryDocument>> {
    return paginate(
      this.docs,
      tenantId,
      {
        conferenceId,
        ...(scope.kind === 'published' ? { visibleToPartners: true } : {}),
        ...(scope.kind === 'addressed' ? { addresseeIds: scope.organizationId } : {}),
      },
      'feedSequence',
      1,
      page,
    );
  }
}
