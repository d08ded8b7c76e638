import type { QueryFilter, Model } from 'mongoose';

import { encodeCursor, type Page, type PageRequest } from './connection';

/**
 * Keyset pagination over one sort field plus `_id` as tie-breaker: stable under inserts, no skip.
 * The filter must already be tenant-scoped (repositories build it). `sortField` must be indexed
 * together with the filter's leading fields.
 */
export async function paginate<TDoc extends { _id: string }>(
  model: Model<TDoc>,
  filter: QueryFilter<TDoc>,
  sortField: keyof TDoc & string,
  direction: 1 | -1,
  page: PageRequest,
): Promise<Page<TDoc>> {
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
  const rows = await model
    .find(keyset)
    .sort({ [sortField]: direction, _id: direction })
    .limit(page.limit + 1)
    .lean<TDoc[]>()
    .exec();
  let count: Promise<number> | undefined;
  const totalCount = () => (count ??= model.countDocuments(filter).exec());
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

function sortValue(value: unknown): string | number | Date {
  if (value instanceof Date || typeof value === 'number' || typeof value === 'string') return value;
  return String(value);
}
