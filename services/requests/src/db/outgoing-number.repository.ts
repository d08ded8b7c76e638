import { acrossTenants, isDuplicateKey, TenantModel } from '@kollegia/service-kit';

import type {
  NumberCounterDocument,
  NumberCounterModel,
  NumberPrefixDocument,
  NumberPrefixModel,
} from './outgoing-number.model';

/**
 * The sequence behind outgoing numbers, per tenant and year. The counter's `$inc` is atomic, so
 * replicas bumping it at once each get their own number; the unique index on the requests' numbers
 * still has the last word (a counter restored from an older backup would hand out numbers again),
 * and a submission that hits it takes the next one.
 */
export class OutgoingNumberRepository {
  private readonly counters: TenantModel<NumberCounterDocument>;
  private readonly prefixes: TenantModel<NumberPrefixDocument>;

  constructor(counters: NumberCounterModel, prefixes: NumberPrefixModel) {
    this.counters = new TenantModel(counters);
    this.prefixes = new TenantModel(prefixes);
  }

  /** The next sequence number of a tenant's year, from 1. */
  async next(tenantId: string, year: number): Promise<number> {
    const _id = `${tenantId}/${year}`;
    for (let attempt = 0; ; attempt += 1) {
      try {
        const doc = await this.counters
          .findOneAndUpdate(
            tenantId,
            { _id },
            { $inc: { last: 1 }, $setOnInsert: { tenantId, year } },
            { upsert: true, returnDocument: 'after' },
          )
          .lean<{ last: number }>();
        return doc?.last ?? 1;
      } catch (error) {
        // Two processes created the year's counter at once: the other one's stands; bump it.
        if (!isDuplicateKey(error) || attempt > 2) throw error;
      }
    }
  }

  async prefix(tenantId: string): Promise<string | undefined> {
    const doc = await this.prefixes.findById(tenantId, tenantId).lean<{ prefix: string }>();
    return doc?.prefix;
  }

  async setPrefix(tenantId: string, prefix: string, now: Date): Promise<void> {
    await this.prefixes.updateOne(
      tenantId,
      { _id: tenantId },
      { $set: { prefix, updatedAt: now } },
      { upsert: true },
    );
  }

  /**
   * Gives the prefixes stored before they carried their tenant (the `_id` alone said it) their
   * `tenantId`, which the tenant's scope asks for. A sweep across tenants, run at start: it
   * changes only documents without a tenant, each to its own `_id`, so replicas starting
   * together write the same values, and once done it finds nothing.
   */
  async addTenantToOlderPrefixes(): Promise<void> {
    const prefixes = acrossTenants(this.prefixes);
    const older = await prefixes
      .find({ tenantId: { $exists: false } }, { _id: 1 })
      .lean<{ _id: string }[]>();
    for (const { _id } of older) {
      await prefixes.updateOne({ _id, tenantId: { $exists: false } }, { $set: { tenantId: _id } });
    }
  }
}
