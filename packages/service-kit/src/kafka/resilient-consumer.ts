import type { Consumer, ConsumerConfig, Kafka } from 'kafkajs';

import type { Logger } from '../logger';

export interface ResilientConsumer {
  /** Connected and consuming (false while it restarts, and after stop). */
  readonly running: boolean;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A kafkajs consumer that comes back after any crash. kafkajs restarts a consumer itself only after
 * errors it deems retriable; after a broker restart it may give up for good on others (measured:
 * "This is not the correct coordinator for this group", wrapped as non-retriable), leaving the
 * service up but deaf. Here a crash kafkajs will not recover from disconnects that consumer and
 * starts a new one in the same group after `restartDelayMs`, until `stop`; offsets are committed, so
 * it goes on where the group left off.
 */
export function resilientConsumer(options: {
  kafka: Kafka;
  config: ConsumerConfig;
  logger: Logger;
  /** Subscribes and runs a fresh consumer; called again on every restart. */
  run: (consumer: Consumer) => Promise<void>;
  restartDelayMs?: number;
}): ResilientConsumer {
  const { kafka, config, logger, run } = options;
  const delay = options.restartDelayMs ?? 2000;
  let current: Consumer | undefined;
  let running = false;
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;

  async function launch(): Promise<void> {
    const consumer = kafka.consumer(config);
    current = consumer;
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      // kafkajs restarts it itself (e.g. "the coordinator is loading" while a broker starts):
      // worth a warning, not an error; one it gives up on is restarted here, and is an error.
      const level = payload.restart ? 'warn' : 'error';
      logger[level]({ err: payload.error, restart: payload.restart }, 'consumer crashed');
      if (payload.restart || stopping) return;
      running = false;
      schedule(consumer);
    });
    await consumer.connect();
    await run(consumer);
    running = true;
  }

  function schedule(failed: Consumer): void {
    if (stopping || current !== failed) return;
    timer = setTimeout(() => void relaunch(failed), delay);
    timer.unref();
  }

  async function relaunch(failed: Consumer): Promise<void> {
    if (stopping || current !== failed) return;
    await failed.disconnect().catch(() => undefined);
    try {
      await launch();
      logger.warn({ groupId: config.groupId }, 'consumer restarted after a crash');
    } catch (error) {
      logger.error({ err: error, groupId: config.groupId }, 'consumer restart failed; retrying');
      if (current) schedule(current);
    }
  }

  return {
    get running() {
      return running;
    },
    start: launch,
    async stop() {
      stopping = true;
      running = false;
      if (timer) clearTimeout(timer);
      await current?.disconnect();
    },
  };
}
