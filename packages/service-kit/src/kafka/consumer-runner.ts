import { setTimeout as sleep } from 'node:timers/promises';

import { decodeEvent, type KollegiaEvent } from '@kollegia/events';
import type { EachMessagePayload, Kafka, Producer } from 'kafkajs';

import type { Logger } from '../logger';
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

/** Handlers by event type; events of other types on the same topics are skipped. */
export type EventHandlers = {
  [T in KollegiaEvent['type']]?: EventHandler<Extract<KollegiaEvent, { type: T }>>;
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
}

export interface ConsumerRunner {
  start(): Promise<void>;
  stop(): Promise<void>;
  readonly running: boolean;
}

/**
 * decode and validate → handle → commit. A message that does not decode, or whose handler keeps
 * failing, goes to the dead-letter topic with the reason and its origin, and the partition moves
 * on. Delivery is at least once; handlers make their effect once by recording the event id in the
 * same write (see `applyOnce`).
 */
export function createConsumerRunner(options: ConsumerRunnerOptions): ConsumerRunner {
  const { kafka, producer, groupId, handlers, maxAttempts } = options;
  const logger = options.logger.child({ consumerGroup: groupId });
  const backoffMs = options.backoffMs ?? 100;
  let stopping = false;

  async function deadLetter(payload: EachMessagePayload, reason: string, attempts: number) {
    const { topic, partition, message } = payload;
    await sendToDeadLetter(producer, options.deadLetterTopic, groupId, {
      topic,
      partition,
      message,
      reason,
      attempts,
    });
    logger.warn({ topic, partition, offset: message.offset, reason }, 'message dead-lettered');
  }

  async function eachMessage(payload: EachMessagePayload): Promise<void> {
    const { topic, partition, message } = payload;
    const decoded = decodeEvent(message.value ?? '');
    if (!decoded.ok) return deadLetter(payload, `invalid event: ${decoded.reason}`, 0);
    const event = decoded.event;
    const handler = handlers[event.type] as EventHandler | undefined;
    if (!handler) return;
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
          return deadLetter(payload, `handler failed: ${reason}`, attempt);
        }
        // Leave the offset uncommitted when shutting down: the next owner retries the message.
        if (stopping) throw error;
        eventLogger.warn({ err: error, attempt }, 'handler failed, retrying');
        await sleep(Math.min(backoffMs * 2 ** (attempt - 1), 5000));
        await payload.heartbeat();
      }
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
      await fresh.run({ eachMessage });
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
