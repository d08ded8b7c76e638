import type { Schema } from 'mongoose';

/**
 * Declares the unique indexes on exactly the keys of an aggregate's two hot paths. The embedded
 * engine (docs/adr/0009) uses an index only when a query's keys are exactly a unique index's keys,
 * so without these every read and every change would scan the collection; on MongoDB they are
 * cheap (an index that contains `_id` is unique anyway) and serve the same filters.
 */
export function aggregateKeyIndexes(schema: Schema): void {
  // TenantRepository.get and getForChange: one aggregate of a tenant
  schema.index({ _id: 1, tenantId: 1 }, { unique: true });
  // updateWithEvents: the compare-and-set of every change
  schema.index({ _id: 1, tenantId: 1, version: 1 }, { unique: true });
}
