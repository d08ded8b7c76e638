import {
  isDuplicateKey,
  type Page,
  type PageRequest,
  paginate,
  TenantModel,
} from '@kollegia/service-kit';

import type { RequestFacts } from '../domain/statistics';
import type {
  RequestFactsDocument,
  RequestFactsModel,
  StatisticsAddresseeDocument,
  StatisticsAddresseeModel,
} from './request-facts.model';

/** Rounds of `update` lost in a row to other writers before it gives up (the consumer retries). */
const MAX_ATTEMPTS = 100;

/** The facts of requests sent to addressees, tenant by tenant. */
export class RequestFactsRepository {
  private readonly facts: TenantModel<RequestFactsDocument>;
  private readonly addressees: TenantModel<StatisticsAddresseeDocument>;

  constructor(facts: RequestFactsModel, addressees: StatisticsAddresseeModel) {
    this.facts = new TenantModel(facts);
    this.addressees = new TenantModel(addressees);
  }

  private toFacts(doc: RequestFactsDocument): RequestFacts {
    const {
      _id,
      tenantId: _tenant,
      addresseeId: _addressee,
      updatedAt: _updated,
      version: _version,
      ...facts
    } = doc;
    return facts;
  }

  /**
   * Reads one request's facts, lets `apply` compute the next ones and stores them when they
   * changed, with a compare-and-set on the document's version: when another process changed (or
   * created) the document since the read, nothing is written and it starts over from a new read,
   * so `apply` may run more than once and no process's change is lost. Events of one request
   * arrive in order on one partition, so that is rare (a rebalance, a replay next to a consumer).
   * Returns whether anything was written.
   */
  async update(
    tenantId: string,
    addresseeId: string,
    requestId: string,
    apply: (current: RequestFacts | undefined) => RequestFacts | undefined,
    now: Date,
  ): Promise<boolean> {
    const _id = `${tenantId}/${requestId}`;
    for (let attempt = 1; ; attempt += 1) {
      const doc = await this.facts.findById(tenantId, _id).lean<RequestFactsDocument>();
      const next = apply(doc ? this.toFacts(doc) : undefined);
      if (!next) return false;
      const read = doc?.version ?? 0;
      const stored = { ...next, tenantId, addresseeId, updatedAt: now, version: read + 1 };
      if (await this.compareAndSet(_id, tenantId, doc, stored)) break;
      // Each lost round is another writer's won one: only a storm of them gets here.
      if (attempt >= MAX_ATTEMPTS)
        throw new Error(`request facts ${_id}: changed concurrently ${attempt} times in a row`);
    }
    await this.listAddressee(tenantId, addresseeId, now);
    return true;
  }

  /** Stores `next` if the document is still as read (`read`, or absent); false when it is not. */
  private async compareAndSet(
    _id: string,
    tenantId: string,
    read: RequestFactsDocument | null,
    next: Omit<RequestFactsDocument, '_id'>,
  ): Promise<boolean> {
    if (!read) {
      try {
        await this.facts.insertOne(tenantId, { _id, ...next });
        return true;
      } catch (error) {
        // Another process created it since the read.
        if (isDuplicateKey(error)) return false;
        throw error;
      }
    }
    // The driver's replace (`replaceOne`): mongoose's would cast the replacement, dropping fields
    // the schema lacks and `undefined` ones. A document from before the version field is as read
    // while it still has none.
    const result = await this.facts.replaceOne(
      tenantId,
      { _id, version: read.version ?? { $exists: false } },
      next,
    );
    return result.matchedCount === 1;
  }

  private async listAddressee(tenantId: string, addresseeId: string, now: Date): Promise<void> {
    try {
      await this.addressees.updateOne(
        tenantId,
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
      .find(tenantId, { addresseeId: { $in: [...new Set(addresseeIds)] } })
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
    const result = await paginate(
      this.addressees,
      tenantId,
      onlyAddresseeId !== undefined ? { addresseeId: onlyAddresseeId } : {},
      'addresseeId',
      1,
      page,
    );
    return { ...result, items: result.items.map((doc) => doc.addresseeId) };
  }
}
