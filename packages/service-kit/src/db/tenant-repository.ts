import type { CloudEventEnvelope } from '@kollegia/events';
import type { Model, QueryFilter, UpdateQuery } from 'mongoose';

import { notFound, queryTokens, staleVersion } from '../domain';
import type { PageRequest, Page } from '../graphql/connection';
import { paginate } from '../graphql/paginate';
import { TenantModel } from './tenant-model';
import { insertWithEvents, updateWithEvents, type OutboxTarget } from '../outbox/aggregate-writes';
import type { OutboxEntry } from '../outbox/outbox';

/** The fields every aggregate's domain state has. */
export interface AggregateState {
  id: string;
  tenantId: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** How an aggregate is stored: `_id` instead of `id`, plus derived keys and the outbox. */
export type StoredAggregate<S extends AggregateState> = Omit<S, 'id'> & {
  _id: string;
  outbox: OutboxEntry[];
};

export interface TenantRepositoryOptions<S> {
  /** The name used in NOT_FOUND messages, e.g. 'organization'. */
  what: string;
  /** Optional state fields, removed from the document when the state no longer has them. */
  optional: readonly (keyof S & string)[];
  /** Stored-only fields (search tokens, sort keys) never returned to the domain. */
  derivedFields: readonly string[];
  /** Computes the stored-only fields from a state. */
  derive?: (state: S) => Record<string, unknown>;
}

/**
 * The repository shape every aggregate shares: each method takes the tenant id (a query without it
 * does not compile), documents map to plain domain states, and writes carry their events into the
 * outbox in the same single-document write.
 */
export class TenantRepository<
  S extends AggregateState,
  D extends StoredAggregate<S> = StoredAggregate<S>,
> {
  private readonly projection: Record<string, 0>;
  /** The aggregates, one tenant at a time: no query of this repository can leave the tenant out. */
  protected readonly docs: TenantModel<D>;

  constructor(
    model: Model<D>,
    protected readonly outbox: OutboxTarget,
    private readonly options: TenantRepositoryOptions<S>,
  ) {
    this.docs = new TenantModel(model);
    this.projection = Object.fromEntries(
      ['outbox', ...options.derivedFields].map((field) => [field, 0 as const]),
    );
  }

  protected toDomain(doc: Record<string, unknown>): S {
    const { _id, outbox: _outbox, ...rest } = doc;
    for (const field of this.options.derivedFields) delete rest[field];
    return { id: _id, ...rest } as unknown as S;
  }

  /** One aggregate of the tenant (by exactly the keys of its unique `{_id, tenantId}` index). */
  async get(tenantId: string, id: string): Promise<S | undefined> {
    const doc = await this.docs
      .findById(tenantId, id, this.projection)
      .lean<Record<string, unknown>>();
    return doc ? this.toDomain(doc) : undefined;
  }

  /** Loads an aggregate to change it: NOT_FOUND, or CONFLICT when `expectedVersion` is stale. */
  async getForChange(tenantId: string, id: string, expectedVersion: number): Promise<S> {
    const found = await this.get(tenantId, id);
    if (!found) throw notFound(this.options.what, id);
    if (found.version !== expectedVersion) throw staleVersion(expectedVersion, found.version);
    return found;
  }

  /** One query for any number of ids (federation references, DataLoader batches). */
  async getMany(tenantId: string, ids: readonly string[]): Promise<S[]> {
    if (ids.length === 0) return [];
    const docs = await this.docs
      .find(tenantId, { _id: { $in: [...new Set(ids)] } }, this.projection)
      .lean<Record<string, unknown>[]>();
    return docs.map((doc) => this.toDomain(doc));
  }

  async insert(state: S, events: CloudEventEnvelope[]): Promise<void> {
    const { id, ...rest } = state;
    await insertWithEvents(
      this.docs,
      { _id: id, ...rest, ...this.options.derive?.(state) } as unknown as D,
      events,
      this.outbox,
    );
  }

  /** Stores the new state at `expectedVersion` (CONFLICT when stale) with its events. */
  async update(state: S, expectedVersion: number, events: CloudEventEnvelope[]): Promise<S> {
    const doc = await updateWithEvents(
      this.docs,
      { tenantId: state.tenantId, id: state.id, expectedVersion, what: this.options.what },
      stateUpdate(
        state,
        this.options.optional,
        this.options.derive?.(state) ?? {},
      ) as UpdateQuery<D>,
      events,
      this.outbox,
    );
    return this.toDomain(doc);
  }

  /** A keyset page of the tenant's aggregates matching `filter`, without the stored-only fields. */
  protected async page(
    tenantId: string,
    filter: Record<string, unknown>,
    sortField: string,
    direction: 1 | -1,
    page: PageRequest,
  ): Promise<Page<S>> {
    const result = await paginate(
      this.docs,
      tenantId,
      filter as QueryFilter<D>,
      sortField as keyof D & string,
      direction,
      page,
      Object.keys(this.projection),
    );
    return { ...result, items: result.items.map((doc) => this.toDomain(doc)) };
  }
}

/**
 * Turns a full domain state into `$set` / `$unset`: defined fields are set, optional ones now
 * absent are removed. Identity and creation fields never change.
 *
 * FerretDB 1.24 skips a `$set` of an object or array whose values equal the stored ones in order,
 * whatever the keys (`{ PROPOSED: 1 }` → `{ ADOPTED: 1 }` is lost; see docs/adr/0005). State
 * objects therefore keep their keys stable and carry meaning in values (`{ kind, id }`); a
 * counter keyed by a changing name is set as dotted fields instead.
 */
export function stateUpdate<T extends object>(
  state: T,
  optionalKeys: readonly string[],
  extra: Record<string, unknown> = {},
): { $set: Record<string, unknown>; $unset?: Record<string, 1> } {
  const {
    id: _id,
    tenantId: _tenant,
    version: _version,
    createdAt: _created,
    ...rest
  } = state as Record<string, unknown>;
  const $set = Object.fromEntries(
    Object.entries({ ...rest, ...extra }).filter(([, v]) => v !== undefined),
  );
  const absent = optionalKeys.filter(
    (key) => (state as Record<string, unknown>)[key] === undefined,
  );
  return absent.length > 0
    ? { $set, $unset: Object.fromEntries(absent.map((key) => [key, 1 as const])) }
    : { $set };
}

/** Escapes a string for use inside a regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Conditions that need every word of a query to start one of the stored search tokens (see
 * domain/search.ts), one per word, to combine with others in an `$and`; none for no words.
 */
export function tokenConditions(
  field: string,
  text: string | null | undefined,
): Record<string, unknown>[] {
  const tokens = text ? queryTokens(text) : [];
  return tokens.map((token) => ({ [field]: { $regex: `^${escapeRegExp(token)}` } }));
}

/** The same as a whole filter, to spread into a query. */
export function tokenFilter(
  field: string,
  text: string | null | undefined,
): Record<string, unknown> {
  const conditions = tokenConditions(field, text);
  return conditions.length > 0 ? { $and: conditions } : {};
}
