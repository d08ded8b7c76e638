import {
  insertIgnoringDuplicates,
  paginate,
  type Page,
  type PageRequest,
} from '@kollegia/service-kit';

import type { CounterRepository } from './counter.repository';
import type { TimelineEntryDocument } from './read-model.documents';
import type { ReadScope } from './recommendation.repository';
import type { TimelineModel } from './timeline.model';

/** Recommendations' timelines, and the per-conference feed of them. */
export class TimelineRepository {
  constructor(
    private readonly timeline: TimelineModel,
    private readonly counters: CounterRepository,
  ) {}

  /**
   * Stores timeline entries, numbering them (`feedSequence`) from the tenant's feed counter: one
   * atomic `$inc` by `entries.length` reserves consecutive numbers, so no two entries of a tenant
   * ever get the same number, whichever process writes them. An entry stored before keeps its
   * number (its id is its event's: a second projection of the same change, by this process or
   * another, inserts nothing); the numbers drawn for the repeat are left unused (gaps are fine).
   *
   * What this does not guarantee: that entries become visible in the order of their numbers.
   * Two appends running at once — in two replicas, or in one process (a mutation and a consumer)
   * — draw n and n+1 and may insert n+1 first, so a reader paging `feed` by `feedSequence` can see
   * n+1 before n exists and, once its cursor is past n+1, never get n. The in-process per-tenant
   * lock that ordered draw and insert within one process is gone (docs/adr/0009: no in-process
   * locks), and it never ordered them across processes. Known gap, not solved here: a catch-up
   * reader that must miss nothing needs e.g. a settle window (page only to entries older than a
   * few seconds) or numbers assigned at insert by a single writer per tenant.
   */
  async append(tenantId: string, entries: Omit<TimelineEntryDocument, 'feedSequence'>[]) {
    if (entries.length === 0) return;
    const last = await this.counters.next(tenantId, `feed:${tenantId}`, entries.length);
    const first = last - entries.length + 1;
    await insertIgnoringDuplicates(
      this.timeline.collection,
      entries.map((entry, i) => ({ ...entry, feedSequence: first + i })),
    );
  }

  /** One recommendation's timeline in order. Partners see what happened from its adoption on. */
  page(
    tenantId: string,
    recommendationId: string,
    scope: ReadScope,
    page: PageRequest,
  ): Promise<Page<TimelineEntryDocument>> {
    return paginate(
      this.timeline,
      {
        tenantId,
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
      this.timeline,
      {
        tenantId,
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
