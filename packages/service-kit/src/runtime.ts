import { deadLetterTopic, topicName, type Aggregate } from '@kollegia/events';
import type { GraphQLSchema } from 'graphql';
import type { Kafka, Producer } from 'kafkajs';
import { ConnectionStates, type Collection, type Connection } from 'mongoose';

import { createTokenVerifier, trustedIssuersOf, type TokenVerifier } from './auth';
import type { BaseConfig } from './config';
import {
  createConsumerRunner,
  type ConsumerRunner,
  type EventHandlers,
} from './kafka/consumer-runner';
import { documentLimitsOf } from './graphql/document-limits';
import { gatewaySecretOf } from './http/gateway-credential';
import { createKafka, createProducer, ensureTopics } from './kafka/client';
import { createLogger, type Logger } from './logger';
import { createMetrics, metricsPortOf, type Metrics } from './metrics';
import { watchConsumerLag, type WatchedGroup } from './metrics/consumer-lag';
import { connectMongo, pingMongo } from './mongo';
import type { OutboxTarget } from './outbox/aggregate-writes';
import { createOutboxRelay } from './outbox/relay';
import { SKIPPED_RUN, startPeriodicJob } from './periodic-job';
import {
  startHttpServer,
  type HttpServer,
  type ReadinessChecks,
  type RequestContext,
} from './http/server';
import { Shutdown } from './shutdown';
import { createTracing } from './tracing';

/**
 * The parts every service wires the same way: logger, database, Kafka producer, token verifier,
 * outbox relay, consumers, HTTP server, and the one shutdown path that stops them in reverse order.
 * A service's `createApp` builds one, adds its models, schema and handlers, and calls `serve`.
 */
export interface ServiceRuntime {
  config: BaseConfig;
  logger: Logger;
  connection: Connection;
  kafka: Kafka;
  producer: Producer;
  verifier: TokenVerifier;
  shutdown: Shutdown;
  /** The process's metrics, served by `serve` on `METRICS_PORT`. */
  metrics: Metrics;
  /** The prefixed topic of an aggregate type. */
  topic(aggregate: Aggregate): string;
  /** Creates the service's topics if missing. */
  ensureTopics(topics: string[]): Promise<void>;
  /** Starts the relay over the collections whose documents carry an outbox. */
  startOutbox(collections: Collection[]): Promise<OutboxTarget>;
  /** Starts a consumer group (its dead-letter topic is created too). */
  startConsumer(options: {
    purpose: string;
    topics: string[];
    handlers: EventHandlers;
  }): Promise<ConsumerRunner>;
  /**
   * Adds a step to the shutdown path that runs after the HTTP server stops and before consumers,
   * the relay and the connections close (timers, background jobs).
   */
  onShutdown(name: string, run: () => Promise<void> | void): void;
  /**
   * Runs a job every `intervalMs` with {@link startPeriodicJob} (no overlapping runs, a failed run
   * logged and the next tick runs), skipping ticks while the database is not connected. Shutdown
   * stops it and waits for the run under way, before consumers, the relay and the connections close.
   */
  runEvery(name: string, intervalMs: number, run: () => Promise<unknown>): void;
  /** Starts the HTTP server; readiness includes the database, Kafka and every consumer. */
  serve<C extends RequestContext>(
    schema: GraphQLSchema,
    extendContext: (base: RequestContext) => C,
    readiness?: ReadinessChecks,
  ): Promise<HttpServer>;
}

export async function createRuntime(service: string, config: BaseConfig): Promise<ServiceRuntime> {
  const gatewaySecret = gatewaySecretOf(config);
  const metricsPort = metricsPortOf(config);
  const logger = createLogger({ service, level: config.LOG_LEVEL });
  const metrics = createMetrics(service);
  const tracing = createTracing(service, config);
  const shutdown = new Shutdown(logger);
  const verifier = await createTokenVerifier({
    issuers: trustedIssuersOf(config),
    maxLifetimeSeconds: config.AUTH_MAX_TOKEN_LIFETIME_S,
  });
  const connection = await connectMongo(config.MONGO_URL, config.MONGO_DB, logger);
  const kafka = createKafka({ clientId: service, brokers: config.KAFKA_BROKERS, logger });
  const producer = createProducer(kafka);
  await producer.connect();
  // Each consumer's group and topics are what the lag watcher reads.
  const consumers: (WatchedGroup & { name: string; runner: ConsumerRunner })[] = [];
  const consumerLag = watchConsumerLag({ metrics, kafka, groups: () => consumers, logger });
  // Stopped in this order by `shutdown.run()`: steps added later by `serve` and consumers run first.
  const closing: { name: string; run: () => Promise<void> }[] = [];

  const runtime: ServiceRuntime = {
    config,
    logger,
    connection,
    kafka,
    producer,
    verifier,
    shutdown,
    metrics,
    topic: (aggregate) => topicName(aggregate, config.KAFKA_TOPIC_PREFIX),
    ensureTopics: (topics) =>
      ensureTopics(kafka, topics, {
        partitions: config.KAFKA_TOPIC_PARTITIONS,
        replicationFactor: config.KAFKA_TOPIC_REPLICATION,
        topicPrefix: config.KAFKA_TOPIC_PREFIX,
      }),
    async startOutbox(collections) {
      const relay = createOutboxRelay({
        producer,
        collections: collections as never,
        logger: logger.child({ component: 'outbox' }),
        sweepIntervalMs: config.OUTBOX_SWEEP_INTERVAL_MS,
        metrics,
        tracer: tracing.tracer,
      });
      await relay.start();
      closing.push({ name: 'outbox relay', run: () => relay.stop() });
      return { relay, topicPrefix: config.KAFKA_TOPIC_PREFIX };
    },
    async startConsumer({ purpose, topics, handlers }) {
      const groupId = `${config.KAFKA_TOPIC_PREFIX}kollegia.${service}.${purpose}`;
      const dlq = deadLetterTopic(`${service}.${purpose}`, config.KAFKA_TOPIC_PREFIX);
      await runtime.ensureTopics([...topics, dlq]);
      const runner = createConsumerRunner({
        kafka,
        producer,
        logger,
        groupId,
        topics,
        deadLetterTopic: dlq,
        handlers,
        maxAttempts: config.CONSUMER_MAX_ATTEMPTS,
        metrics,
        tracer: tracing.tracer,
      });
      await runner.start();
      consumers.push({ name: purpose, runner, groupId, topics });
      closing.unshift({ name: `consumer ${purpose}`, run: () => runner.stop() });
      return runner;
    },
    onShutdown(name, run) {
      // Before every consumer and the relay (they were unshifted/pushed earlier), after `serve`'s step.
      const firstAfterServer = closing.findIndex((step) => step.name !== 'http server');
      closing.splice(firstAfterServer === -1 ? closing.length : firstAfterServer, 0, {
        name,
        run: async () => {
          await run();
        },
      });
    },
    runEvery(name, intervalMs, run) {
      const job = startPeriodicJob({
        name,
        intervalMs,
        // While the database is away a run could only fail; a tick after it reconnects runs. The
        // skipped runs are not successes: a scan held up this way shows as overdue.
        run: async () => {
          if (connection.readyState !== ConnectionStates.connected) return SKIPPED_RUN;
          await run();
        },
        logger,
        metrics,
      });
      runtime.onShutdown(name, () => job.stop());
    },
    async serve(schema, extendContext, readiness = {}) {
      const server = await startHttpServer({
        schema,
        host: config.HOST,
        port: config.PORT,
        logger,
        verifier,
        production: config.NODE_ENV === 'production',
        debugErrors: config.DEBUG_ERRORS,
        limits: documentLimitsOf(config),
        gatewaySecret,
        extendContext,
        metrics,
        metricsPort,
        tracer: tracing.tracer,
        readiness: {
          mongo: () => pingMongo(connection),
          ...Object.fromEntries(
            consumers.map(({ name, runner }) => [
              `consumer:${name}`,
              () => {
                if (!runner.running) throw new Error('not running');
              },
            ]),
          ),
          ...readiness,
        },
      });
      closing.unshift({ name: 'http server', run: () => server.stop() });
      return server;
    },
  };

  shutdown.add('service', async () => {
    for (const step of closing) {
      try {
        logger.debug({ step: step.name }, 'stopping');
        await step.run();
      } catch (error) {
        logger.error({ err: error, step: step.name }, 'shutdown step failed');
      }
    }
    await consumerLag.stop();
    await producer.disconnect();
    await connection.close();
    // Last: the spans of everything above are exported.
    await tracing.shutdown();
  });
  return runtime;
}
