import type { NumberCounterModel, NumberPrefixModel } from './outgoing-number.model';

import { isDuplicateKey } from '@kollegia/service-kit';

/**
 * The sequence behind outgoing numbers, per tenant and year. The counter's `$inc` is atomic, so
 * replicas bumping it at once each get their own number; the unique index on the requests' numbers
 * still has the last word (a counter restored from an older backup would hand out numbers again),
 * and a submission that hits it takes the next one.
 */
export class OutgoingNumberRepository {
  constructor(
    private readonly counters: NumberCounterModel,
    private readonly prefixes: NumberPrefixModel,
  ) {}

  /** The next sequence number of a tenant's year, from 1. */
  async next(tenantId: string, year: number): Promise<number> {
    const _id = `${tenantId}/${year}`;
    for (let attempt = 0; ; attempt += 1) {
      try {
        const doc = await this.counters
          .findOneAndUpdate(
            { _id, tenantId },
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
    const doc = await this.prefixes.findById(tenantId).lean<{ prefix: string }>();
    return doc?.prefix;
  }

  async setPrefix(tenantId: string, prefix: string, now: Date): Promise<void> {
    await this.prefixes.updateOne(
      { _id: tenantId },
      { $set: { prefix, updatedAt: now } },
      { upsert: true },
    );
  }
}
