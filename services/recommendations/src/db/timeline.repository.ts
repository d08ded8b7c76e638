import { paginate, withDocumentLock, type Page, type PageRequest } from '@kollegia/service-kit';

import type { CounterRepository } from './counter.repository';
import { insertIgnoringDuplicates } from '@kollegia/service-kit';
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
   * Stores timeline entries, numbering them from the tenant's counter. Numbering and insert run
   * under one lock per tenant, so within a process an entry is visible before any with a higher
   * number: a reader paging by number never skips one written later. An entry stored before
   * keeps its number (its id is its event's); the number drawn for the repeat is left unused.
   */
  async append(tenantId: string, entries: Omit<TimelineEntryDocument, 'feedSequence'>[]) {
    if (entries.length === 0) return;
    await withDocumentLock('recommendation_timeline_feed', tenantId, async () => {
      const last = await this.counters.next(tenantId, `feed:${tenantId}`, entries.length);
      const first = last - entries.length + 1;
      await insertIgnoringDuplicates(
        this.timeline.collection,
        entries.map((entry, i) => ({ ...entry, feedSequence: first + i })),
      );
    });
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
