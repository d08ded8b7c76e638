import { withDocumentLock } from '@kollegia/service-kit';

import type { NumberCounterModel, NumberPrefixModel } from './outgoing-number.model';

import { isDuplicateKey } from '@kollegia/service-kit';

/**
 * The sequence behind outgoing numbers, per tenant and year. The counter only makes numbers
 * unlikely to repeat: FerretDB's `$inc` is not atomic across processes (docs/adr/0005), so the
 * unique index on the requests' numbers is what makes them certain, and a submission that hits
 * it takes the next one.
 */
export class OutgoingNumberRepository {
  constructor(
    private readonly counters: NumberCounterModel,
    private readonly prefixes: NumberPrefixModel,
  ) {}

  /** The next sequence number of a tenant's year, from 1. */
  async next(tenantId: string, year: number): Promise<number> {
    const _id = `${tenantId}/${year}`;
    return withDocumentLock(this.counters.collection.collectionName, _id, async () => {
      for (let attempt = 0; ; attempt += 1) {
        try {
          const doc = await this.counters
            .findOneAndUpdate(
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
    });
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
