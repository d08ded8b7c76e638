import 'reflect-metadata';

import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

import {
  createRuntime,
  Directory,
  directoryModel,
  OnceClaims,
  startDirectoryConsumer,
  type ServiceRuntime,
} from '@kollegia/service-kit';

import { commandContext, systemClock, type Clock } from './application/context';
import { DueNoticeScheduler, type SchedulerRun } from './application/due-notice-scheduler';
import { RequestsUseCases } from './application/use-cases';
import type { RequestsConfig } from './config';
import { deadlinePolicyModel } from './db/deadline-policy.model';
import { DeadlinePolicyRepository } from './db/deadline-policy.repository';
import { numberCounterModel, numberPrefixModel } from './db/outgoing-number.model';
import { OutgoingNumberRepository } from './db/outgoing-number.repository';
import { requestFactsModel, statisticsAddresseeModel } from './db/request-facts.model';
import { RequestFactsRepository } from './db/request-facts.repository';
import { requestModel } from './db/request.model';
import { RequestRepository } from './db/request.repository';
import { startConsumers } from './events/consumers';
import type { RequestsContext } from './graphql/context';
import { createLoaders } from './graphql/loaders';
import { buildRequestsSubgraph } from './graphql/schema';

export interface RequestsApp {
  url: string;
  /** `GET /metrics` (METRICS_PORT). */
  metricsUrl: string;
  runtime: ServiceRuntime;
  useCases: RequestsUseCases;
  /** Runs the due-notice scheduler once (the timer runs it every SCHEDULER_INTERVAL_MS). */
  runScheduler(): Promise<SchedulerRun>;
  stop(): Promise<void>;
}

/**
 * Boots the requests service: database and indexes, topic, outbox relay, the consumers (members'
 * organisations and people, adopted recommendations, its own events for the statistics), the
 * due-notice scheduler and the GraphQL subgraph. Bootable in a test, with an injected clock.
 */
export async function createApp(
  config: RequestsConfig,
  deps: { clock?: Clock } = {},
): Promise<RequestsApp> {
  const clock = deps.clock ?? systemClock;
  const runtime = await createRuntime('requests', config);
  const { connection, logger } = runtime;
  const models = {
    requests: requestModel(connection),
    counters: numberCounterModel(connection),
    prefixes: numberPrefixModel(connection),
    policies: deadlinePolicyModel(connection),
    directory: directoryModel(connection),
    facts: requestFactsModel(connection),
    statisticsAddressees: statisticsAddresseeModel(connection),
  };
  for (const model of Object.values(models)) await model.syncIndexes();
  await runtime.ensureTopics([runtime.topic('request')]);
  const outbox = await runtime.startOutbox([models.requests.collection]);

  const requests = new RequestRepository(models.requests, outbox);
  const numbers = new OutgoingNumberRepository(models.counters, models.prefixes);
  const directory = new Directory(models.directory);
  await numbers.addTenantToOlderPrefixes();
  const useCases = new RequestsUseCases(
    {
      requests,
      numbers,
      policies: new DeadlinePolicyRepository(models.policies),
      directory,
      facts: new RequestFactsRepository(models.facts, models.statisticsAddressees),
    },
    { dueSoonDays: config.DUE_SOON_DAYS },
  );
  const scheduler = new DueNoticeScheduler(
    requests,
    new OnceClaims(connection.collection('due_notice_claims'), {
      leaseMs: config.DUE_NOTICE_CLAIM_LEASE_MS,
      owner: `${hostname()}/${process.pid}/${randomBytes(3).toString('hex')}`,
    }),
    useCases.policies,
    logger.child({ component: 'scheduler' }),
  );

  await startConsumers(runtime, useCases, clock);
  await startDirectoryConsumer(runtime, directory);

  const { schema } = await buildRequestsSubgraph();
  const server = await runtime.serve<RequestsContext>(schema, (base) => {
    const command = commandContext(base.identity, clock, base.requestId);
    return { ...base, command, useCases, loaders: createLoaders(useCases, command) };
  });

  const runScheduler = () => scheduler.run(clock());
  runtime.runEvery('due-notice scheduler', config.SCHEDULER_INTERVAL_MS, async () => {
    const run = await runScheduler();
    if (run.announced > 0) logger.info(run, 'due notices announced');
    else logger.debug(run, 'due-notice run');
  });

  return {
    url: server.url,
    metricsUrl: server.metricsUrl,
    runtime,
    useCases,
    runScheduler,
    stop: () => runtime.shutdown.run(),
  };
}
export { requestsConfigSchema, type RequestsConfig } from './config';
