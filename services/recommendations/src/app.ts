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
import { RecommendationsUseCases } from './application/use-cases';
import type { RecommendationsConfig } from './config';
import { appliedConclusionModel } from './db/applied-conclusion.model';
import { AppliedConclusionRepository } from './db/applied-conclusion.repository';
import { conferenceCountsModel } from './db/conference-counts.model';
import { controlItemModel } from './db/control-item.model';
import { ControlItemRepository } from './db/control-item.repository';
import { ConferenceCountsRepository } from './db/conference-counts.repository';
import { CounterRepository } from './db/counter.repository';
import { counterModel } from './db/counters.model';
import { pendingRequestFactModel } from './db/pending-request-fact.model';
import { PendingRequestFactRepository } from './db/pending-request-fact.repository';
import { progressReportModel } from './db/progress-report.model';
import { ProgressReportRepository } from './db/progress-report.repository';
import { recommendationModel } from './db/recommendation.model';
import { RecommendationRepository } from './db/recommendation.repository';
import { timelineModel } from './db/timeline.model';
import { TimelineRepository } from './db/timeline.repository';
import { startConsumers } from './events/consumers';
import type { RecommendationsContext } from './graphql/context';
import { createLoaders } from './graphql/loaders';
import { buildRecommendationsSubgraph } from './graphql/schema';

export interface RecommendationsApp {
  url: string;
  /** `GET /metrics` (METRICS_PORT). */
  metricsUrl: string;
  runtime: ServiceRuntime;
  useCases: RecommendationsUseCases;
  /**
   * Runs the follow-up scheduler once (recommendations, then items under control; the timer runs
   * it every FOLLOW_UP_INTERVAL_MS). Returns how many notices this replica announced.
   */
  runScheduler(): Promise<number>;
  /** Finishes read-model writes a crash left pending (the timer runs it too). */
  sweepReadModels(): Promise<number>;
  /** Stops the timers (waiting for a run under way), then the rest (HTTP, consumers, relay). */
  stop(): Promise<void>;
}

/**
 * Boots the recommendations service: database and indexes, topics, outbox relay, read-model
 * sweep, the consumers of round table, request and members' events, the GraphQL subgraph and the
 * follow-up scheduler. Bootable in a test; `deps.clock` drives the scheduler and every decision.
 */
export async function createApp(
  config: RecommendationsConfig,
  deps: { clock?: Clock } = {},
): Promise<RecommendationsApp> {
  const clock = deps.clock ?? systemClock;
  const runtime = await createRuntime('recommendations', config);
  const { connection, logger } = runtime;
  const models = {
    recommendations: recommendationModel(connection),
    controlItems: controlItemModel(connection),
    timeline: timelineModel(connection),
    reports: progressReportModel(connection),
    counts: conferenceCountsModel(connection),
    counters: counterModel(connection),
    pendingFacts: pendingRequestFactModel(connection),
    appliedConclusions: appliedConclusionModel(connection),
    directory: directoryModel(connection),
  };
  for (const model of Object.values(models)) await model.syncIndexes();
  await runtime.ensureTopics([runtime.topic('recommendation'), runtime.topic('control-item')]);
  const outbox = await runtime.startOutbox([
    models.recommendations.collection,
    models.controlItems.collection,
  ]);

  const followUps = {
    timeZone: config.FOLLOW_UP_TIME_ZONE,
    dueSoonDays: config.FOLLOW_UP_DUE_SOON_DAYS,
  };
  const counters = new CounterRepository(models.counters);
  const directory = new Directory(models.directory);
  const useCases = new RecommendationsUseCases(
    {
      recommendations: new RecommendationRepository(models.recommendations, outbox, followUps),
      controlItems: new ControlItemRepository(
        models.controlItems,
        outbox,
        config.FOLLOW_UP_DUE_SOON_DAYS,
      ),
      timeline: new TimelineRepository(models.timeline, counters),
      reports: new ProgressReportRepository(models.reports),
      counts: new ConferenceCountsRepository(models.counts),
      counters,
      pendingFacts: new PendingRequestFactRepository(models.pendingFacts),
      appliedConclusions: new AppliedConclusionRepository(models.appliedConclusions),
      claims: new OnceClaims(connection.collection('follow_up_claims'), {
        leaseMs: config.FOLLOW_UP_CLAIM_LEASE_MS,
        owner: `recommendations-${randomUUID()}`,
      }),
      migrationClaims: new OnceClaims(connection.collection('recommendation_migrations'), {
        leaseMs: config.FOLLOW_UP_CLAIM_LEASE_MS,
        owner: `recommendations-${randomUUID()}`,
      }),
      directory,
    },
    {
      clock,
      followUps,
      logger: logger.child({ component: 'recommendations' }),
    },
  );

  // Changes a crash left half-projected are finished before anyone reads the timeline.
  const sweepReadModels = () => useCases.writer.sweep();
  const repaired = await sweepReadModels();
  if (repaired > 0)
    logger.warn({ repaired }, 'finished read models left pending by a previous run');

  // Codes moved to their meeting's year (one replica, once) before consumers add to a year.
  await useCases.codesByMeetingYear.run(clock());
  // Titles the old rule cut at 120 characters given back whole (one replica, once).
  await useCases.wholeTitles.run(clock());

  await startConsumers(runtime, useCases);
  await startDirectoryConsumer(runtime, directory);

  const { schema } = await buildRecommendationsSubgraph();
  const server = await runtime.serve<RecommendationsContext>(schema, (base) => {
    const command = commandContext(base.identity, clock, base.requestId);
    return { ...base, command, useCases, loaders: createLoaders(useCases, command) };
  });

  const runScheduler = async () => {
    const now = clock();
    return (await useCases.followUps.run(now)) + (await useCases.controlItems.announceNotices(now));
  };
  runtime.runEvery('follow-up scheduler', config.FOLLOW_UP_INTERVAL_MS, runScheduler);
  runtime.runEvery('read-model sweep', config.READ_MODEL_SWEEP_INTERVAL_MS, sweepReadModels);
  const stop = () => runtime.shutdown.run();

  return {
    url: server.url,
    metricsUrl: server.metricsUrl,
    runtime,
    useCases,
    runScheduler,
    sweepReadModels,
    stop,
  };
}

export { recommendationsConfigSchema, type RecommendationsConfig } from './config';
