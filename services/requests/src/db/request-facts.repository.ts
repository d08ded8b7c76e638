import { paginate, withDocumentLock, type Page, type PageRequest } from '@kollegia/service-kit';

import type { RequestFacts } from '../domain/statistics';
import type {
  RequestFactsDocument,
  RequestFactsModel,
  StatisticsAddresseeDocument,
  StatisticsAddresseeModel,
} from './request-facts.model';

import { isDuplicateKey } from '@kollegia/service-kit';

/** The facts of requests sent to addressees, tenant by tenant. */
export class RequestFactsRepository {
  constructor(
    private readonly facts: RequestFactsModel,
    private readonly addressees: StatisticsAddresseeModel,
  ) {}

  private toFacts(doc: RequestFactsDocument): RequestFacts {
    const { _id, tenantId: _tenant, addresseeId: _addressee, updatedAt: _updated, ...facts } = doc;
    return facts;
  }

  /**
   * Reads one request's facts, lets `apply` compute the next ones and stores them when they
   * changed, under the document lock (events of one request arrive in order on one partition, so
   * one consumer at a time applies them). Returns whether anything was written.
   */
  async update(
    tenantId: string,
    addresseeId: string,
    requestId: string,
    apply: (current: RequestFacts | undefined) => RequestFacts | undefined,
    now: Date,
  ): Promise<boolean> {
    const _id = `${tenantId}/${requestId}`;
    return withDocumentLock(this.facts.collection.collectionName, _id, async () => {
      const doc = await this.facts.findOne({ _id, tenantId }).lean<RequestFactsDocument>();
      const next = apply(doc ? this.toFacts(doc) : undefined);
      if (!next) return false;
      await this.facts.collection.replaceOne(
        { _id } as never,
        { ...next, tenantId, addresseeId, updatedAt: now },
        { upsert: true },
      );
      await this.listAddressee(tenantId, addresseeId, now);
      return true;
    });
  }

  private async listAddressee(tenantId: string, addresseeId: string, now: Date): Promise<void> {
    try {
      await this.addressees.updateOne(
        { _id: `${tenantId}/${addresseeId}` },
        { $setOnInsert: { tenantId, addresseeId, since: now } },
        { upsert: true },
      );
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }

  /** The facts of every request sent to these addressees (one query), by addressee. */
  async ofAddressees(
    tenantId: string,
    addresseeIds: readonly string[],
  ): Promise<Map<string, RequestFacts[]>> {
    const byAddressee = new Map<string, RequestFacts[]>(addresseeIds.map((id) => [id, []]));
    if (addresseeIds.length === 0) return byAddressee;
    const docs = await this.facts
      .find({ tenantId, addresseeId: { $in: [...new Set(addresseeIds)] } })
      .lean<RequestFactsDocument[]>();
    for (const doc of docs) byAddressee.get(doc.addresseeId)?.push(this.toFacts(doc));
    return byAddressee;
  }

  /** A page of the tenant's addressees that have statistics, by id. */
  async addresseePage(
    tenantId: string,
    page: PageRequest,
    onlyAddresseeId?: string,
  ): Promise<Page<string>> {
    const result = await paginate<StatisticsAddresseeDocument>(
      this.addressees,
      { tenantId, ...(onlyAddresseeId ? { addresseeId: onlyAddresseeId } : {}) },
      'addresseeId',
      1,
      page,
    );
    return { ...result, items: result.items.map((doc) => doc.addresseeId) };
  }
}
