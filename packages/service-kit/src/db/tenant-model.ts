import { insertIgnoringDuplicates } from './duplicate-key';

import type {
  Collection,
  Model,
  mongo,
  PipelineStage,
  ProjectionType,
  QueryFilter,
  QueryOptions,
  UpdateQuery,
} from 'mongoose';

/** One operation of a model's `bulkWrite`, typed as mongoose types them. */
type BulkOperation<T> = Parameters<Model<T>['bulkWrite']>[0][number];

/** What every tenant-owned document has. */
export interface TenantOwned {
  _id: string;
  tenantId: string;
}

/**
 * One tenant's documents of a model. Every read, count, update and delete takes the tenant first
 * and filters by it (over whatever `tenantId` the filter names), and every insert carries it: code
 * holding a `TenantModel` cannot express a query of another tenant, or of none. Sweeps across
 * tenants (schedulers, the outbox relay, read-model repairs) go through `acrossTenants`, so each
 * is named where it is written.
 *
 * The methods return mongoose's own queries, so `.lean()`, `.sort()`, `.select()` and `.limit()`
 * chain as usual.
 */
export class TenantModel<T extends TenantOwned> {
  readonly #model: Model<T>;

  constructor(model: Model<T>) {
    this.#model = model;
  }

  /** The collection's name (the relay's and the logs'). */
  get collectionName(): string {
    return this.#model.collection.collectionName;
  }

  /** See `acrossTenants`. */
  static unscoped<T extends TenantOwned>(docs: TenantModel<T>): Model<T> {
    return docs.#model;
  }

  /** The filter as the database gets it: always this tenant's. */
  scope(tenantId: string, filter: QueryFilter<T> = {}): QueryFilter<T> {
    return { ...filter, tenantId };
  }

  find(tenantId: string, filter?: QueryFilter<T>, projection?: ProjectionType<T>) {
    return this.#model.find(this.scope(tenantId, filter), projection);
  }

  findOne(tenantId: string, filter?: QueryFilter<T>, projection?: ProjectionType<T>) {
    return this.#model.findOne(this.scope(tenantId, filter), projection);
  }

  /** By exactly `{_id, tenantId}`, the keys of the unique index every model has (aggregateKeyIndexes). */
  findById(tenantId: string, id: string, projection?: ProjectionType<T>) {
    return this.findOne(tenantId, { _id: id }, projection);
  }

  countDocuments(tenantId: string, filter?: QueryFilter<T>) {
    return this.#model.countDocuments(this.scope(tenantId, filter));
  }

  findOneAndUpdate(
    tenantId: string,
    filter: QueryFilter<T>,
    update: UpdateQuery<T>,
    options: QueryOptions<T> = {},
  ) {
    return this.#model.findOneAndUpdate(this.scope(tenantId, filter), update, options);
  }

  updateOne(
    tenantId: string,
    filter: QueryFilter<T>,
    update: UpdateQuery<T>,
    options: Parameters<Model<T>['updateOne']>[2] = {},
  ) {
    return this.#model.updateOne(this.scope(tenantId, filter), update, options);
  }

  updateMany(tenantId: string, filter: QueryFilter<T>, update: UpdateQuery<T>) {
    return this.#model.updateMany(this.scope(tenantId, filter), update);
  }

  deleteOne(tenantId: string, filter: QueryFilter<T>) {
    return this.#model.deleteOne(this.scope(tenantId, filter));
  }

  deleteMany(tenantId: string, filter: QueryFilter<T>) {
    return this.#model.deleteMany(this.scope(tenantId, filter));
  }

  /** Each operation's filter scoped to the tenant, and each inserted document carrying it. */
  bulkWrite(tenantId: string, operations: BulkOperation<T>[], options: { ordered?: boolean } = {}) {
    return this.#model.bulkWrite(
      operations.map((operation) => this.scopeOperation(tenantId, operation)),
      options,
    );
  }

  /**
   * Inserts documents of the tenant through the driver (no mongoose casting or defaults: what is
   * given is stored), each stamped with the tenant. A taken unique key fails with E11000.
   */
  insertOne(tenantId: string, doc: Omit<T, 'tenantId'> & { tenantId?: string }) {
    return this.#collection().insertOne({ ...doc, tenantId } as mongo.OptionalUnlessRequiredId<T>);
  }

  insertMany(
    tenantId: string,
    docs: (Omit<T, 'tenantId'> & { tenantId?: string })[],
    options: { ordered: boolean },
  ) {
    return this.#collection().insertMany(
      docs.map((doc) => ({ ...doc, tenantId }) as mongo.OptionalUnlessRequiredId<T>),
      options,
    );
  }

  /** The collection typed by its documents (string `_id`s as they are stored). */
  #collection(): Collection<T> {
    return this.#model.db.collection<T>(this.#model.collection.collectionName);
  }

  /** Inserts the tenant's documents, ignoring those already stored (their ids are derived). */
  insertIgnoringDuplicates(
    tenantId: string,
    docs: (Omit<T, 'tenantId'> & { tenantId?: string })[],
  ) {
    return insertIgnoringDuplicates(
      this.#collection(),
      docs.map((doc) => ({ ...doc, tenantId })),
    );
  }

  /**
   * The driver's `updateOne` (no mongoose casting: an `undefined` is stored as null, fields outside
   * the schema are kept), for upserts whose E11000 on a stored `_id` is the answer — a read model
   * written as of a version (`{ _id, version: { $lt } }`, the conformance suite's upserts).
   */
  upsertOne(tenantId: string, filter: mongo.Filter<T>, update: mongo.UpdateFilter<T>) {
    return this.#collection().updateOne({ ...filter, tenantId }, update, {
      upsert: true,
    });
  }

  /** The driver's `replaceOne` of one of the tenant's documents (a compare-and-set by filter). */
  replaceOne(
    tenantId: string,
    filter: mongo.Filter<T>,
    doc: Omit<T, '_id' | 'tenantId'> & { tenantId?: string },
  ) {
    // The document as given, stamped with the tenant: a T without its `_id`.
    const replacement = { ...doc, tenantId } as unknown as mongo.WithoutId<T>;
    return this.#collection().replaceOne({ ...filter, tenantId }, replacement);
  }

  /** A pipeline that starts with the tenant's `$match`. */
  aggregate<R>(tenantId: string, pipeline: PipelineStage[]) {
    return this.#model.aggregate<R>([{ $match: { tenantId } }, ...pipeline]);
  }

  private scopeOperation(tenantId: string, operation: BulkOperation<T>): BulkOperation<T> {
    const [[kind, body]] = Object.entries(operation) as [[string, Record<string, unknown>]];
    if (kind === 'insertOne') {
      return {
        insertOne: { ...body, document: { ...(body.document as object), tenantId } },
      };
    }
    return {
      [kind]: { ...body, filter: this.scope(tenantId, body.filter as QueryFilter<T>) },
    } as BulkOperation<T>;
  }
}

/**
 * The documents of every tenant behind a `TenantModel`: the one way to query across tenants, so
 * each sweep is named where it is written (schedulers' and repairs' reads; the kit's relay and
 * compare-and-set). What a sweep then changes goes through the owning tenant's scope.
 */
export function acrossTenants<T extends TenantOwned>(docs: TenantModel<T>): Model<T> {
  return TenantModel.unscoped(docs);
}
