import type { QueryFilter, Model } from 'mongoose';

import { encodeCursor, type Page, type PageRequest } from './connection';

/**
 * Keyset pagination over one sort field plus `_id` as tie-breaker: stable under inserts, no skip.
 * The filter must already be tenant-scoped (repositories build it). `sortField` must be indexed
 * together with the filter's leading fields. `omit` names stored fields the items leave out (the
 * outbox, search tokens: big and never shown); the sort field is always kept, cursors need it.
 */
export async function paginate<TDoc extends { _id: string }>(
  model: Model<TDoc>,
  filter: QueryFilter<TDoc>,
  sortField: keyof TDoc & string,
  direction: 1 | -1,
  page: PageRequest,
  omit: readonly string[] = [],
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
  const projection = Object.fromEntries(
    omit.filter((field) => field !== sortField).map((field) => [field, 0]),
  );
  const rows = await model
    .find(keyset, projection)
    .sort({ [sortField]: direction, _id: direction })
    .limit(page.limit + 1)
    .lean<TDoc[]>()
    .exec();
  let count: Promise<number> | undefined;
  const totalCount = () => (count ??= countMatching(model, filter));
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
 * How many documents match a filter (cast by mongoose as `find` casts it), with the `count`
 * command. `countDocuments` sends an aggregate, which the embedded engine runs over a copy of
 * every document of the collection; `count` takes the engine's query path (its indexes) and, with
 * a filter, is exact on a MongoDB replica set too (docs/adr/0009).
 */
export async function countMatching<TDoc>(
  model: Model<TDoc>,
  filter: QueryFilter<TDoc>,
): Promise<number> {
  const query: unknown = model.find(filter).cast(model);
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
