import { setTimeout as sleep } from 'node:timers/promises';

import { decodeEvent, type KollegiaEvent } from '@kollegia/events';
import type { EachBatchPayload, Kafka, KafkaMessage, Producer } from 'kafkajs';
import type { Tracer } from '@opentelemetry/api';

import type { Logger } from '../logger';
import type { DeadLetterReason, Metrics } from '../metrics';
import { inConsumerSpan, tracingOff } from '../tracing';
import { sendToDeadLetter } from './dead-letter';
import { resilientConsumer } from './resilient-consumer';

/** What a handler learns about where its event came from. */
export interface EventMeta {
  topic: string;
  partition: number;
  offset: string;
  logger: Logger;
}

export type EventHandler<E extends KollegiaEvent = KollegiaEvent> = (
  event: E,
  meta: EventMeta,
) => Promise<void>;

/** What a batch handler learns about where its events came from. */
export interface BatchMeta {
  topic: string;
  partition: number;
  /** The offsets of the first and the last message the events came in. */
  firstOffset: string;
  lastOffset: string;
  logger: Logger;
}

/**
 * A handler that can also apply many events of its type at once: `batch` gets the consecutive
 * events of a Kafka batch (in partition order) and applies them with as few writes as it can.
 * It must be as idempotent as `each`: when it throws, the runner hands each of those events to
 * `each` (with retries and dead letters), so what `batch` did before failing is met again, and one
 * poison event does not hold up the partition.
 */
export interface BatchEventHandler<E extends KollegiaEvent = KollegiaEvent> {
  each: EventHandler<E>;
  batch: (events: E[], meta: BatchMeta) => Promise<void>;
}

/** Handlers by event type; events of other types on the same topics are skipped. */
export type EventHandlers = {
  [T in KollegiaEvent['type']]?:
    | EventHandler<Extract<KollegiaEvent, { type: T }>>
    | BatchEventHandler<Extract<KollegiaEvent, { type: T }>>;
};

/** Thrown by a handler when retrying cannot help (the event contradicts the state for good). */
export class NonRetriableError extends Error {
  override name = 'NonRetriableError';
}

export interface ConsumerRunnerOptions {
  kafka: Kafka;
  /** Used for dead letters only. */
  producer: Producer;
  logger: Logger;
  groupId: string;
  topics: string[];
  deadLetterTopic: string;
  handlers: EventHandlers;
  maxAttempts: number;
  /** First retry delay; doubles per attempt, capped at 5 s. */
  backoffMs?: number;
  fromBeginning?: boolean;
  /** Handles events in CONSUMER spans continuing the traces they carry. */
  tracer?: Tracer;
  /** Dead letters are counted by group and reason. */
  metrics?: Metrics;
}

export interface ConsumerRunner {
  start(): Promise<void>;
  stop(): Promise<void>;
  readonly running: boolean;
}

/** A message of a batch: decoded, with the handler its event goes to (none: skipped), or not. */
type Delivery =
  | { message: KafkaMessage; invalid: string }
  | { message: KafkaMessage; event: KollegiaEvent; handler?: EventHandler | BatchEventHandler };

/** A delivery whose event has a handler. */
type Handled = {
  message: KafkaMessage;
  event: KollegiaEvent;
  handler: EventHandler | BatchEventHandler;
};

function deliveryOf(message: KafkaMessage, handlers: EventHandlers): Delivery {
  const decoded = decodeEvent(message.value ?? '');
  if (!decoded.ok) return { message, invalid: decoded.reason };
  const handler = handlers[decoded.event.type] as EventHandler | BatchEventHandler | undefined;
  return { message, event: decoded.event, ...(handler ? { handler } : {}) };
}

/**
 * The messages from `start` handled together: one, unless its handler is a batch handler; then
 * up to the next event for another handler (messages that do not decode, or that no handler
 * wants, may lie in between).
 */
function runFrom(deliveries: Delivery[], start: number): Delivery[] {
  const first = deliveries[start]!;
  const batchHandler = 'handler' in first && typeof first.handler === 'object' && first.handler;
  if (!batchHandler) return [first];
  let end = start + 1;
  while (end < deliveries.length) {
    const next = deliveries[end]!;
    if ('handler' in next && next.handler !== batchHandler) break;
    end += 1;
  }
  return deliveries.slice(start, end);
}

/**
 * decode and validate → handle → commit, a Kafka batch at a time. A message that does not decode,
 * or whose handler keeps failing, goes to the dead-letter topic with the reason and its origin, and
 * the partition moves on. Delivery is at least once; handlers make their effect once (deterministic
 * ids, `applyOnce`, unique indexes).
 *
 * Events go to their handlers in partition order. A {@link BatchEventHandler} gets the consecutive
 * events of its type together (one bulk write instead of one per event); should it fail, each of
 * them goes through `each`. Offsets are resolved as runs finish and committed after the batch; a
 * rebalance or a stop between runs leaves the rest uncommitted for the partition's next owner.
 */
export function createConsumerRunner(options: ConsumerRunnerOptions): ConsumerRunner {
  const { kafka, producer, groupId, handlers, maxAttempts, tracer = tracingOff.tracer } = options;
  const logger = options.logger.child({ consumerGroup: groupId });
  const backoffMs = options.backoffMs ?? 100;
  let stopping = false;

  async function deadLetter(
    where: { topic: string; partition: number; message: KafkaMessage },
    reason: string,
    attempts: number,
    why: DeadLetterReason,
  ) {
    const { topic, partition, message } = where;
    await sendToDeadLetter(producer, options.deadLetterTopic, groupId, {
      topic,
      partition,
      message,
      reason,
      attempts,
    });
    options.metrics?.deadLetters.inc({ group: groupId, reason: why });
    logger.warn({ topic, partition, offset: message.offset, reason }, 'message dead-lettered');
  }

  /** One event through its handler, with retries; dead-lettered when it keeps failing. */
  async function handleOne(
    payload: EachBatchPayload,
    message: KafkaMessage,
    event: KollegiaEvent,
    handler: EventHandler,
  ): Promise<void> {
    const { topic, partition } = payload.batch;
    const eventLogger = logger.child({
      eventId: event.id,
      eventType: event.type,
      tenantId: event.tenantid,
    });
    const meta: EventMeta = { topic, partition, offset: message.offset, logger: eventLogger };
    for (let attempt = 1; ; attempt += 1) {
      try {
        await handler(event, meta);
        return;
      } catch (error) {
        const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        if (error instanceof NonRetriableError || attempt >= maxAttempts) {
          return deadLetter(
            { topic, partition, message },
            `handler failed: ${reason}`,
            attempt,
            error instanceof NonRetriableError ? 'non-retriable' : 'handler-failed',
          );
        }
        // Leave the offset uncommitted when shutting down: the next owner retries the message.
        if (stopping) throw error;
        eventLogger.warn({ err: error, attempt }, 'handler failed, retrying');
        await sleep(Math.min(backoffMs * 2 ** (attempt - 1), 5000));
        await payload.heartbeat();
      }
    }
  }

  /** Events through a batch handler's `batch` at once; each through its `each` should that fail. */
  async function handleTogether(
    payload: EachBatchPayload,
    deliveries: { message: KafkaMessage; event: KollegiaEvent }[],
    handler: BatchEventHandler,
  ): Promise<void> {
    const { topic, partition } = payload.batch;
    const events = deliveries.map((d) => d.event);
    const meta: BatchMeta = {
      topic,
      partition,
      firstOffset: deliveries[0]!.message.offset,
      lastOffset: deliveries.at(-1)!.message.offset,
      logger: logger.child({ eventType: events[0]?.type, events: events.length }),
    };
    try {
      await handler.batch(events, meta);
      return;
    } catch (error) {
      if (stopping) throw error;
      meta.logger.warn({ err: error }, 'batch handler failed, handling its events one by one');
    }
    for (const { message, event } of deliveries) {
      await handleOne(payload, message, event, handler.each);
    }
  }

  async function eachBatch(payload: EachBatchPayload): Promise<void> {
    const { topic, partition, messages } = payload.batch;
    const deliveries = messages.map((message) => deliveryOf(message, handlers));
    for (let start = 0; start < deliveries.length;) {
      // The partition went to another member, or we are stopping: what is not resolved yet is
      // fetched again by whoever owns the partition next.
      if (!payload.isRunning() || payload.isStale()) return;
      const run = runFrom(deliveries, start);
      const handled: Handled[] = [];
      for (const d of run) {
        if ('invalid' in d) {
          await deadLetter(
            { topic, partition, message: d.message },
            `invalid event: ${d.invalid}`,
            0,
            'invalid-event',
          );
        } else if (d.handler) {
          handled.push({ ...d, handler: d.handler });
        }
      }
      const [first] = handled;
      if (first) {
        const events = handled.map((h) => h.event);
        await inConsumerSpan(tracer, { topic, partition, groupId }, events, () =>
          typeof first.handler === 'object'
            ? handleTogether(payload, handled, first.handler)
            : handleOne(payload, first.message, first.event, first.handler),
        );
      }
      payload.resolveOffset(run.at(-1)!.message.offset);
      await payload.heartbeat();
      start += run.length;
    }
  }

  const consumer = resilientConsumer({
    kafka,
    config: {
      groupId,
      allowAutoTopicCreation: false,
      // Don't sit on an idle partition: a live follow-up should not wait for a full fetch.
      maxWaitTimeInMs: 100,
    },
    logger,
    run: async (fresh) => {
      await fresh.subscribe({
        topics: options.topics,
        fromBeginning: options.fromBeginning ?? true,
      });
      // Offsets are resolved here, run by run: kafkajs' auto-resolve would mark a batch left
      // half-way (a rebalance, a stop) as done.
      await fresh.run({ eachBatch, eachBatchAutoResolve: false });
    },
  });

  return {
    get running() {
      return consumer.running;
    },
    start: () => consumer.start(),
    async stop() {
      stopping = true;
      await consumer.stop();
    },
  };
}
