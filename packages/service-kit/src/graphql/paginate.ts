import type { QueryFilter } from 'mongoose';

import { acrossTenants, type TenantModel, type TenantOwned } from '../db/tenant-model';
import { encodeCursor, type Page, type PageRequest } from './connection';

/**
 * Keyset pagination of one tenant's documents over one sort field plus `_id` as tie-breaker:
 * stable under inserts, no skip. `sortField` must be indexed
 * together with the filter's leading fields. `omit` names stored fields the items leave out (the
 * outbox, search tokens: big and never shown); the sort field is always kept, cursors need it.
 */
export async function paginate<TDoc extends TenantOwned>(
  docs: TenantModel<TDoc>,
  tenantId: string,
  where: QueryFilter<TDoc>,
  sortField: keyof TDoc & string,
  direction: 1 | -1,
  page: PageRequest,
  omit: readonly string[] = [],
): Promise<Page<TDoc>> {
  const filter = docs.scope(tenantId, where);
  let keyset: QueryFilter<TDoc> = filter;
  if (page.after) {
    const op = direction === 1 ? '$gt' : '$lt';
    const { sort, id } = page.after;
    const position = [
      { [sortField]: { [op]: sort } },
      { [sortField]: sort, _id: { [op]: id } },
    ] as QueryFilter<TDoc>[];
    // Nested, so the position never overwrites an `$or` or `$and` the filter already has.
    keyset = { $and: [filter, { $or: position }] };
  }
  const projection = Object.fromEntries(
    omit.filter((field) => field !== sortField).map((field) => [field, 0]),
  );
  // The keyset nests the tenant's filter, so the page stays scoped.
  const rows = await acrossTenants(docs)
    .find(keyset, projection)
    .sort({ [sortField]: direction, _id: direction })
    .limit(page.limit + 1)
    .lean<TDoc[]>()
    .exec();
  let count: Promise<number> | undefined;
  const totalCount = () => (count ??= countMatching(docs, tenantId, where));
  const items = rows.slice(0, page.limit);
  return {
    items,
    cursors: items.map((item) =>
      encodeCursor({ sort: sortValue(item[sortField]), id: String(item._id) }),
    ),
    hasNextPage: rows.length > page.limit,
    hasPreviousPage: page.after !== undefined,
    totalCount,
  };
}

/**
 * How many of a tenant's documents match a filter (cast by mongoose as `find` casts it), with the `count`
 * command. `countDocuments` sends an aggregate, which the embedded engine runs over a copy of
 * every document of the collection; `count` takes the engine's query path (its indexes) and, with
 * a filter, is exact on a MongoDB replica set too (docs/adr/0009).
 */
export async function countMatching<TDoc extends TenantOwned>(
  docs: TenantModel<TDoc>,
  tenantId: string,
  filter: QueryFilter<TDoc>,
): Promise<number> {
  const model = acrossTenants(docs);
  const query: unknown = model.find(docs.scope(tenantId, filter)).cast(model);
  const reply = await model.db
    .getClient()
    .db(model.db.name)
    .command({ count: model.collection.collectionName, query });
  return Number(reply.n);
}

function sortValue(value: unknown): string | number | Date {
  if (value instanceof Date || typeof value === 'number' || typeof value === 'string') return value;
  return String(value);
}
