import type { Directory, Logger, OnceClaims } from '@kollegia/service-kit';

import type { AppliedConclusionRepository } from '../db/applied-conclusion.repository';
import type { ConferenceCountsRepository } from '../db/conference-counts.repository';
import type { CounterRepository } from '../db/counter.repository';
import type { PendingRequestFactRepository } from '../db/pending-request-fact.repository';
import type { ProgressReportRepository } from '../db/progress-report.repository';
import type { RecommendationRepository } from '../db/recommendation.repository';
import type { TimelineRepository } from '../db/timeline.repository';
import type { FollowUpOptions } from '../domain/follow-ups';
import { RecommendationCodes } from './codes';
import type { Clock } from './context';
import { RecommendationEngagementUseCases } from './engagement';
import { FollowUpScheduler } from './follow-ups';
import { FromResolutionsUseCases } from './from-resolutions';
import { MemberUseCases } from './members';
import { RecommendationQueries } from './queries';
import { RecommendationLifecycleUseCases } from './recommendations';
import { RecommendationWriter } from './recommendation-writer';
import { RequestFactUseCases } from './request-facts';

export interface RecommendationsRepositories {
  recommendations: RecommendationRepository;
  timeline: TimelineRepository;
  reports: ProgressReportRepository;
  counts: ConferenceCountsRepository;
  counters: CounterRepository;
  pendingFacts: PendingRequestFactRepository;
  appliedConclusions: AppliedConclusionRepository;
  claims: OnceClaims;
  directory: Directory;
}

/** Every use case of the recommendations service, wired to its repositories. */
export class RecommendationsUseCases {
  readonly writer: RecommendationWriter;
  readonly lifecycle: RecommendationLifecycleUseCases;
  readonly engagement: RecommendationEngagementUseCases;
  readonly queries: RecommendationQueries;
  readonly fromResolutions: FromResolutionsUseCases;
  readonly requestFacts: RequestFactUseCases;
  readonly followUps: FollowUpScheduler;
  readonly members: MemberUseCases;

  constructor(
    repos: RecommendationsRepositories,
    options: { clock: Clock; followUps: FollowUpOptions; logger: Logger },
  ) {
    const { recommendations } = repos;
    this.writer = new RecommendationWriter(
      recommendations,
      repos.timeline,
      repos.reports,
      repos.counts,
      options.logger,
    );
    const codes = new RecommendationCodes(repos.counters);
    this.members = new MemberUseCases(repos.directory);
    const writes = { recommendations, writer: this.writer, members: this.members };
    this.lifecycle = new RecommendationLifecycleUseCases({
      ...writes,
      codes,
      timeZone: options.followUps.timeZone,
    });
    this.engagement = new RecommendationEngagementUseCases(writes);
    this.queries = new RecommendationQueries({
      recommendations,
      timeline: repos.timeline,
      reports: repos.reports,
      counts: repos.counts,
      members: this.members,
      timeZone: options.followUps.timeZone,
    });
    this.requestFacts = new RequestFactUseCases({
      ...writes,
      pending: repos.pendingFacts,
      clock: options.clock,
    });
    this.fromResolutions = new FromResolutionsUseCases({
      ...writes,
      codes,
      requestFacts: this.requestFacts,
      applied: repos.appliedConclusions,
    });
    this.followUps = new FollowUpScheduler({
      ...writes,
      claims: repos.claims,
      options: options.followUps,
      logger: options.logger,
    });
  }
}
