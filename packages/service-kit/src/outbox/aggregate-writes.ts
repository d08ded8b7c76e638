import {
  encodeEvent,
  findEventDefinition,
  topicName,
  type CloudEventEnvelope,
} from '@kollegia/events';
import { SpanKind } from '@opentelemetry/api';
import type { UpdateQuery } from 'mongoose';

import type { TenantModel } from '../db/tenant-model';
import { notFound, staleVersion } from '../domain';
import { activeTraceContext, inServiceSpan } from '../tracing';
import type { OutboxEntry } from './outbox';
import type { OutboxRelay } from './relay';

/** Where a service's writes send their events. */
export interface OutboxTarget {
  relay: OutboxRelay;
  topicPrefix: string;
}

/**
 * Serialises validated events into outbox entries, each addressed to its aggregate's topic. The
 * active trace context (the request or the handler writing them) goes into each event and entry.
 */
export function toOutboxEntries(events: CloudEventEnvelope[], topicPrefix: string): OutboxEntry[] {
  const traceContext = activeTraceContext();
  return events.map((event) => {
    const definition = findEventDefinition(event.type);
    if (!definition) throw new Error(`no contract for event type ${event.type}`);
    const { key, value } = encodeEvent({ ...event, ...traceContext });
    return {
      eventId: event.id,
      topic: topicName(definition.aggregate, topicPrefix),
      key,
      value,
      createdAt: new Date(event.time),
      ...traceContext,
    };
  });
}

/** A span around an aggregate's write (the insert or the compare-and-set with its outbox). */
function inWriteSpan<T>(
  operation: 'insert' | 'compare-and-set',
  collection: string,
  work: () => Promise<T>,
): Promise<T> {
  return inServiceSpan(
    `${operation} ${collection}`,
    {
      kind: SpanKind.CLIENT,
      attributes: {
        'db.system.name': 'mongodb',
        'db.operation.name': operation === 'insert' ? 'insert' : 'findAndModify',
        'db.collection.name': collection,
      },
    },
    work,
  );
}

interface AggregateFields {
  _id: string;
  tenantId: string;
  version: number;
}

/**
 * Inserts a new aggregate (version 1) together with its events, in one write, then asks the relay
 * to publish them. A duplicate `_id` surfaces as the driver's E11000 error for the caller to map.
 */
export async function insertWithEvents<TDoc extends AggregateFields>(
  docs: TenantModel<TDoc>,
  doc: Omit<TDoc, 'version' | 'outbox'> & { version?: number },
  events: CloudEventEnvelope[],
  target: OutboxTarget,
): Promise<void> {
  // The aggregate as given plus what every stored aggregate has: a TDoc (which TypeScript cannot
  // tell from the spread of a generic).
  const stored = {
    createdAt: new Date(),
    updatedAt: new Date(),
    ...doc,
    version: doc.version ?? 1,
    outbox: toOutboxEntries(events, target.topicPrefix),
  } as unknown as TDoc;
  await inWriteSpan('insert', docs.collectionName, () => docs.insertOne(doc.tenantId, stored));
  void target.relay.notify(docs.collectionName, doc._id);
}

/**
 * Applies a change to an aggregate at `expectedVersion`, bumps the version and appends the events
 * to its outbox — one single-document write, so the change and its events stand or fall together.
 * Fails with NOT_FOUND (no such aggregate in this tenant) or CONFLICT (stale version).
 */
export async function updateWithEvents<TDoc extends AggregateFields>(
  docs: TenantModel<TDoc>,
  key: { tenantId: string; id: string; expectedVersion: number; what: string },
  update: UpdateQuery<TDoc>,
  events: CloudEventEnvelope[],
  target: OutboxTarget,
): Promise<TDoc> {
  const entries = toOutboxEntries(events, target.topicPrefix);
  const collection = docs.collectionName;
  // One atomic compare-and-set: the filter is exactly the keys of the aggregate's unique
  // `{_id, tenantId, version}` index (aggregateKeyIndexes), which the embedded engine needs to
  // find the document without a scan.
  const updated = await inWriteSpan('compare-and-set', collection, () =>
    docs
      .findOneAndUpdate(
        key.tenantId,
        { _id: key.id, version: key.expectedVersion },
        {
          ...update,
          $set: { ...(update.$set ?? {}), updatedAt: new Date() },
          $inc: { ...(update.$inc ?? {}), version: 1 },
          ...(entries.length > 0
            ? { $push: { ...(update.$push ?? {}), outbox: { $each: entries } } }
            : {}),
        },
        { returnDocument: 'after', lean: true, timestamps: false },
      )
      .exec(),
  );
  if (!updated) {
    const current = await docs
      .findById(key.tenantId, key.id, { version: 1 })
      .lean<{ version: number }>()
      .exec();
    if (!current) throw notFound(key.what, key.id);
    throw staleVersion(key.expectedVersion, current.version);
  }
  if (entries.length > 0) void target.relay.notify(collection, key.id);
  return updated;
}
