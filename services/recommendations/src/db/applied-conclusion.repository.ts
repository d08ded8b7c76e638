import { deterministicId, TenantModel } from '@kollegia/service-kit';

import { groupBy } from '@kollegia/service-kit/domain';
import type { AppliedConclusionDocument, AppliedConclusionModel } from './applied-conclusion.model';

/** A concluded round table's event, as the conclusions applied know it. */
export interface ConclusionEvent {
  tenantId: string;
  eventId: string;
  roundtableId: string;
}

/** The `roundtable.concluded` events applied in full (see the model). */
export class AppliedConclusionRepository {
  private readonly applied: TenantModel<AppliedConclusionDocument>;

  constructor(applied: AppliedConclusionModel) {
    this.applied = new TenantModel(applied);
  }

  private idOf(tenantId: string, eventId: string): string {
    return deterministicId('applied-conclusion', tenantId, eventId);
  }

  /** The ids of the events applied already: one read per tenant in the batch (usually one). */
  async appliedOf(events: readonly Omit<ConclusionEvent, 'roundtableId'>[]): Promise<Set<string>> {
    const applied = new Set<string>();
    for (const [tenantId, ofTenant] of groupBy(events, (e) => e.tenantId)) {
      const docs = await this.applied
        .find(
          tenantId,
          { _id: { $in: ofTenant.map((e) => this.idOf(tenantId, e.eventId)) } },
          { eventId: 1 },
        )
        .lean();
      for (const doc of docs) applied.add(doc.eventId);
    }
    return applied;
  }

  /** Notes events as applied in full; one noted before stays as it is. */
  async record(events: readonly ConclusionEvent[]): Promise<void> {
    for (const [tenantId, ofTenant] of groupBy(events, (e) => e.tenantId)) {
      await this.applied.insertIgnoringDuplicates(
        tenantId,
        ofTenant.map((e) => ({ _id: this.idOf(tenantId, e.eventId), ...e })),
      );
    }
  }
}
