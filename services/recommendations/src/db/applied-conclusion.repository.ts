import { deterministicId, insertIgnoringDuplicates } from '@kollegia/service-kit';

import type { AppliedConclusionModel } from './applied-conclusion.model';

/** A concluded round table's event, as the conclusions applied know it. */
export interface ConclusionEvent {
  tenantId: string;
  eventId: string;
  roundtableId: string;
}

/** The `roundtable.concluded` events applied in full (see the model). */
export class AppliedConclusionRepository {
  constructor(private readonly applied: AppliedConclusionModel) {}

  private idOf(tenantId: string, eventId: string): string {
    return deterministicId('applied-conclusion', tenantId, eventId);
  }

  /**
   * The ids of the events applied already, in one read. By `_id` alone (see the model); the ids
   * are derived from the tenant, and the tenant is checked on each document read as well.
   */
  async appliedOf(events: readonly Omit<ConclusionEvent, 'roundtableId'>[]): Promise<Set<string>> {
    if (events.length === 0) return new Set();
    const docs = await this.applied
      .find({ _id: { $in: events.map((e) => this.idOf(e.tenantId, e.eventId)) } })
      .lean();
    const tenantOf = new Map(events.map((e) => [e.eventId, e.tenantId]));
    return new Set(
      docs.filter((doc) => tenantOf.get(doc.eventId) === doc.tenantId).map((doc) => doc.eventId),
    );
  }

  /** Notes events as applied in full; one noted before stays as it is. */
  record(events: readonly ConclusionEvent[]): Promise<void> {
    return insertIgnoringDuplicates(
      this.applied.collection,
      events.map((e) => ({ _id: this.idOf(e.tenantId, e.eventId), ...e })),
    );
  }
}
