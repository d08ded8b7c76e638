import { deterministicId, TenantModel } from '@kollegia/service-kit';

import type {
  PendingRequestFactDocument,
  PendingRequestFactModel,
} from './pending-request-fact.model';

/** Request facts waiting for their recommendation to appear. */
export class PendingRequestFactRepository {
  private readonly facts: TenantModel<PendingRequestFactDocument>;

  constructor(facts: PendingRequestFactModel) {
    this.facts = new TenantModel(facts);
  }

  /** Keeps a fact for later; the same fact kept twice is stored once. */
  async keep(doc: Omit<PendingRequestFactDocument, '_id'>): Promise<void> {
    const { fact } = doc;
    const _id = deterministicId(
      'pending-request-fact',
      doc.tenantId,
      doc.recommendationId,
      fact.requestId,
      fact.kind,
      fact.dueOn ?? '',
    );
    await this.facts.insertIgnoringDuplicates(doc.tenantId, [{ _id, ...doc }]);
  }

  /** The facts waiting for one recommendation, in the order they happened. */
  waitingFor(tenantId: string, recommendationId: string) {
    return this.waitingForAny(tenantId, [recommendationId]);
  }

  /** The facts waiting for any of several recommendations (one query), in the order they happened. */
  async waitingForAny(tenantId: string, recommendationIds: readonly string[]) {
    const docs = await this.facts
      .find(tenantId, { recommendationId: { $in: [...recommendationIds] } })
      .lean<PendingRequestFactDocument[]>();
    return docs
      .map((doc) => ({ ...doc, fact: { ...doc.fact, occurredAt: new Date(doc.fact.occurredAt) } }))
      .sort((a, b) => a.fact.occurredAt.getTime() - b.fact.occurredAt.getTime());
  }

  async remove(tenantId: string, id: string): Promise<void> {
    await this.facts.deleteOne(tenantId, { _id: id });
  }
}
