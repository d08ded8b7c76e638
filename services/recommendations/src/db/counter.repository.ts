import { withDocumentLock } from '@kollegia/service-kit';

import type { CounterModel } from './counters.model';

/** Counters bumped under the document lock (FerretDB's `$inc` is not atomic, see ADR 0005). */
export class CounterRepository {
  constructor(private readonly counters: CounterModel) {}

  /**
   * Adds `by` to a counter (created at 0) and returns its new value. Counter ids carry their
   * tenant, so the lookup is by `_id` alone (the one filter FerretDB pushes down).
   */
  next(tenantId: string, id: string, by = 1): Promise<number> {
    return withDocumentLock(this.counters.collection.collectionName, id, async () => {
      const doc = await this.counters
        .findOneAndUpdate(
          { _id: id },
          { $inc: { last: by }, $setOnInsert: { tenantId } },
          { upsert: true, returnDocument: 'after' },
        )
        .lean();
      if (!doc) throw new Error(`counter ${id} could not be bumped`);
      return doc.last;
    });
  }
}
