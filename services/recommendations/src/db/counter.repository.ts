import { isDuplicateKey, TenantModel } from '@kollegia/service-kit';

import type { CounterDocument, CounterModel } from './counters.model';

/** Upserts that may race on a missing counter: the loser finds it on its next attempt. */
const UPSERT_ATTEMPTS = 3;

/**
 * Counters, each bumped by one atomic `$inc` (docs/adr/0009): however many processes draw at
 * once, every number is handed out once.
 */
export class CounterRepository {
  private readonly counters: TenantModel<CounterDocument>;

  constructor(counters: CounterModel) {
    this.counters = new TenantModel(counters);
  }

  /**
   * Adds `by` to a counter (created at 0) and returns its new value: the numbers `value - by + 1`
   * to `value` are the caller's alone. By `{ _id, tenantId }`, exactly the keys of the counters'
   * unique index.
   *
   * The new value is computed from the document as it was *before* this very `$inc` (none when
   * the upsert created it). `returnDocument: 'after'` is exact too, on MongoDB and on the embedded
   * engine since its launcher hands out copies (docs/adr/0009: before that, 21–36 of 300
   * concurrent draws got a number another draw also got); 'before' with a projection sends less.
   */
  async next(tenantId: string, id: string, by = 1): Promise<number> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        const before = await this.counters
          .findOneAndUpdate(
            tenantId,
            { _id: id },
            { $inc: { last: by } },
            { upsert: true, returnDocument: 'before', projection: { last: 1 } },
          )
          .lean();
        return (before?.last ?? 0) + by;
      } catch (error) {
        // Two first draws of a counter both upserting: one inserts, the other hits the unique
        // `_id` (MongoDB does not always retry that itself); the retry increments the stored one.
        if (!isDuplicateKey(error) || attempt >= UPSERT_ATTEMPTS) throw error;
      }
    }
  }

  /** A counter's value (0 before its first draw). */
  async current(tenantId: string, id: string): Promise<number> {
    const counter = await this.counters.findById(tenantId, id, { last: 1 }).lean();
    return counter?.last ?? 0;
  }

  /** Raises a counter to `value` unless it is already past it (`$max`: racing raises keep the highest). */
  async raiseTo(tenantId: string, id: string, value: number): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.counters.updateOne(
          tenantId,
          { _id: id },
          { $max: { last: value } },
          { upsert: true },
        );
        return;
      } catch (error) {
        if (!isDuplicateKey(error) || attempt >= UPSERT_ATTEMPTS) throw error;
      }
    }
  }
}
