import { randomUUID } from 'node:crypto';
import { type z } from 'zod';
import { type EventDataSchema, type EventDefinition } from './define-event';
import { CLOUDEVENTS_CONTENT_TYPE, type CloudEventEnvelope, envelopeSchema } from './envelope';
import { type SchemaIssue, summarizeIssues, toSchemaIssues } from './issues';
import { findEventDefinition, type KollegiaEvent } from './registry';

/** What `createEvent` needs besides the payload. Names are camel case; the envelope's are not. */
export interface EventMetadata {
  /** Defaults to a fresh UUID. */
  readonly id?: string;
  /** The aggregate id; must equal `data.id` when the payload has one. */
  readonly subject: string;
  readonly tenantId: string;
  /** The aggregate's version after the change this event records. */
  readonly aggregateVersion: number;
  readonly correlationId: string;
  /** The id of the event this one reacts to; omit for events caused by a command. */
  readonly causationId?: string;
  /** The user subject (JWT `sub`) or `system:<service>`. */
  readonly actor: string;
  /** Defaults to now; pass the clock's time so decisions stay testable. */
  readonly time?: Date | string;
  /** Defaults to the definition's source, e.g. `kollegia/members`. */
  readonly source?: string;
}

/** Thrown by `createEvent` when the payload or the metadata break the event's contract. */
export class InvalidEventError extends Error {
  override readonly name = 'InvalidEventError';

  constructor(
    /** The full type of the event that could not be built. */
    readonly type: string,
    /** Every broken field, with its path in the envelope, e.g. `data.name`. */
    readonly issues: readonly SchemaIssue[],
  ) {
    super(`Invalid ${type} event: ${summarizeIssues(issues)}`);
  }
}

/**
 * Builds and validates an event. Producers call it before writing to the outbox, so nothing that
 * breaks a contract is ever stored. Keys outside the contract are dropped, never published.
 *
 * @throws InvalidEventError naming every broken field, e.g. `data.name: Too small…`.
 */
export function createEvent<TType extends string, TData extends EventDataSchema>(
  definition: EventDefinition<TType, TData>,
  metadata: EventMetadata,
  data: z.input<TData>,
): CloudEventEnvelope<TType, z.output<TData>> {
  const candidate = {
    specversion: '1.0',
    id: metadata.id ?? randomUUID(),
    source: metadata.source ?? definition.source,
    type: definition.type,
    subject: metadata.subject,
    time: metadata.time instanceof Date ? metadata.time.toISOString() : (metadata.time ?? now()),
    datacontenttype: 'application/json',
    tenantid: metadata.tenantId,
    aggregateversion: metadata.aggregateVersion,
    correlationid: metadata.correlationId,
    ...(metadata.causationId === undefined ? {} : { causationid: metadata.causationId }),
    actor: metadata.actor,
    data,
  };
  const result = definition.envelope.safeParse(candidate);
  if (!result.success) {
    throw new InvalidEventError(definition.type, toSchemaIssues(result.error));
  }
  const aggregateId: unknown = (result.data.data as { id?: unknown }).id;
  // The subject is the Kafka key: keyed by anything but the aggregate id, its events lose their order.
  if (typeof aggregateId === 'string' && aggregateId !== result.data.subject) {
    throw new InvalidEventError(definition.type, [
      { path: 'subject', message: `must equal data.id (${aggregateId})` },
    ]);
  }
  return result.data;
}

function now(): string {
  return new Date().toISOString();
}

/** The tracing metadata of an event caused by another: same tenant and correlation, caused by it. */
export function causedBy(
  cause: CloudEventEnvelope,
): Required<Pick<EventMetadata, 'tenantId' | 'correlationId' | 'causationId'>> {
  return { tenantId: cause.tenantid, correlationId: cause.correlationid, causationId: cause.id };
}

/** A Kafka message in the shape kafkajs sends: keyed by aggregate id, structured-mode CloudEvent. */
export interface EncodedEvent {
  readonly key: string;
  readonly value: string;
  readonly headers: { readonly 'content-type': typeof CLOUDEVENTS_CONTENT_TYPE };
}

/** Turns an event into a Kafka message. The key keeps one aggregate's events on one partition. */
export function encodeEvent(envelope: CloudEventEnvelope): EncodedEvent {
  return {
    key: envelope.subject,
    value: JSON.stringify(envelope),
    headers: { 'content-type': CLOUDEVENTS_CONTENT_TYPE },
  };
}

/** Why a message could not be decoded. */
export type DecodeFailure = 'invalid-json' | 'invalid-envelope' | 'unknown-type' | 'invalid-data';

/** A decoded event, or why there is none (short enough for a log line or a dead-letter header). */
export type DecodeResult =
  | { readonly ok: true; readonly event: KollegiaEvent }
  | { readonly ok: false; readonly failure: DecodeFailure; readonly reason: string };

function failed(failure: DecodeFailure, reason: string): DecodeResult {
  return { ok: false, failure, reason };
}

/**
 * Parses and validates a Kafka message value. Never throws: consumers dead-letter what fails,
 * so one bad message cannot block a partition.
 */
export function decodeEvent(value: Buffer | string | null | undefined): DecodeResult {
  if (value === null || value === undefined) {
    return failed('invalid-json', 'invalid JSON: the message has no value');
  }
  let json: unknown;
  try {
    json = JSON.parse(typeof value === 'string' ? value : value.toString('utf8'));
  } catch (error) {
    return failed('invalid-json', `invalid JSON: ${(error as Error).message}`);
  }
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) {
    return failed(
      'invalid-envelope',
      `invalid envelope at ${summarizeIssues(toSchemaIssues(envelope.error))}`,
    );
  }
  const definition = findEventDefinition(envelope.data.type);
  if (definition === undefined) {
    return failed('unknown-type', `unknown event type ${envelope.data.type}`);
  }
  // The envelope already passed, so what fails now is the payload; paths read `data.…`.
  const event = definition.envelope.safeParse(json);
  if (!event.success) {
    return failed(
      'invalid-data',
      `invalid data for ${definition.type} at ${summarizeIssues(toSchemaIssues(event.error))}`,
    );
  }
  return { ok: true, event: event.data };
}
