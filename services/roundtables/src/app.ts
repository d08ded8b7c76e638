import 'reflect-metadata';

import { randomUUID } from 'node:crypto';

import {
  createRuntime,
  Directory,
  directoryModel,
  OnceClaims,
  startDirectoryConsumer,
  type ServiceRuntime,
} from '@kollegia/service-kit';

import { commandContext, systemClock, type Clock } from './application/context';
import { MIGRATION_LEASE_MS } from './application/sittings-dated-by-schedule';
import { RoundtablesUseCases } from './application/use-cases';
import type { RoundtablesConfig } from './config';
import { conferenceModel } from './db/conference.model';
import { ConferenceRepository } from './db/conference.repository';
import { roundtableModel } from './db/roundtable.model';
import { RoundtableRepository } from './db/roundtable.repository';
import { statementModel } from './db/statement.model';
import { StatementRepository } from './db/statement.repository';
import type { RoundtablesContext } from './graphql/context';
import { createLoaders } from './graphql/loaders';
import { buildRoundtablesSubgraph } from './graphql/schema';

export interface RoundtablesApp {
  url: string;
  /** `GET /metrics` (METRICS_PORT). */
  metricsUrl: string;
  runtime: ServiceRuntime;
  useCases: RoundtablesUseCases;
  /** Runs the statement sweep once (the timer runs it every STATEMENT_SWEEP_INTERVAL_MS). */
  storePendingStatements(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Boots the roundtables service: database and indexes, topics, outbox relay, the statement
 * sweep, the start-up migration of sittings recorded after they were held, the consumer of
 * members' directory, and the GraphQL subgraph. Bootable in a test.
 */
export async function createApp(
  config: RoundtablesConfig,
  deps: { clock?: Clock } = {},
): Promise<RoundtablesApp> {
  const clock = deps.clock ?? systemClock;
  const runtime = await createRuntime('roundtables', config);
  const { connection, logger } = runtime;
  const models = {
    conferences: conferenceModel(connection),
    roundtables: roundtableModel(connection),
    statements: statementModel(connection),
    directory: directoryModel(connection),
  };
  for (const model of Object.values(models)) await model.syncIndexes();
  await runtime.ensureTopics([runtime.topic('conference'), runtime.topic('roundtable')]);
  const outbox = await runtime.startOutbox([
    models.conferences.collection,
    models.roundtables.collection,
  ]);

  const directory = new Directory(models.directory);
  const useCases = new RoundtablesUseCases(
    {
      conferences: new ConferenceRepository(models.conferences, outbox),
      roundtables: new RoundtableRepository(models.roundtables, outbox),
      statements: new StatementRepository(models.statements),
      directory,
      migrationClaims: new OnceClaims(connection.collection('roundtable_migrations'), {
        leaseMs: MIGRATION_LEASE_MS,
        owner: `roundtables-${randomUUID()}`,
      }),
    },
    { logger: logger.child({ component: 'statements' }), timeZone: config.DOCUMENT_TIME_ZONE },
  );

  // Statements a crash left inside round tables are written before anyone reads the minutes.
  const storePendingStatements = () => useCases.statements.storePending();
  const repaired = await storePendingStatements();
  if (repaired > 0) logger.warn({ repaired }, 'stored statements left pending by a previous run');
  // Sittings typed up before the record kept when they happened go onto their schedule (one
  // replica, once) before anyone reads or corrects them.
  await useCases.datedBySchedule.run(clock());

  await startDirectoryConsumer(runtime, directory);

  const { schema } = await buildRoundtablesSubgraph();
  const server = await runtime.serve<RoundtablesContext>(schema, (base) => {
    const command = commandContext(base.identity, clock, base.requestId);
    return { ...base, command, useCases, loaders: createLoaders(useCases, command) };
  });
  runtime.runEvery('statement sweep', config.STATEMENT_SWEEP_INTERVAL_MS, storePendingStatements);

  return {
    url: server.url,
    metricsUrl: server.metricsUrl,
    runtime,
    useCases,
    storePendingStatements,
    stop: () => runtime.shutdown.run(),
  };
}
export { roundtablesConfigSchema, type RoundtablesConfig } from './config';
