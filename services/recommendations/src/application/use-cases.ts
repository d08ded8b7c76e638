import type { Directory, Logger, OnceClaims } from '@kollegia/service-kit';

import type { AppliedConclusionRepository } from '../db/applied-conclusion.repository';
import type { ConferenceCountsRepository } from '../db/conference-counts.repository';
import type { ControlItemRepository } from '../db/control-item.repository';
import type { CounterRepository } from '../db/counter.repository';
import type { PendingRequestFactRepository } from '../db/pending-request-fact.repository';
import type { ProgressReportRepository } from '../db/progress-report.repository';
import type { RecommendationRepository } from '../db/recommendation.repository';
import type { TimelineRepository } from '../db/timeline.repository';
import type { FollowUpOptions } from '../domain/follow-ups';
import { RecommendationCodes } from './codes';
import { RecommendationDocuments } from './documents';
import type { Clock } from './context';
import { RecommendationEngagementUseCases } from './engagement';
import { FollowUpScheduler } from './follow-ups';
import { ControlItemUseCases } from './control-items';
import { FromResolutionsUseCases } from './from-resolutions';
import { MemberUseCases } from './members';
import { RecommendationQueries } from './queries';
import { RecommendationLifecycleUseCases } from './recommendations';
import { RecommendationWriter } from './recommendation-writer';
import { RedatedSittingUseCases } from './redated-sittings';
import { CodesByMeetingYearMigration } from './renumber-codes-by-meeting-year';
import { RequestFactUseCases } from './request-facts';
import { WholeTitlesMigration } from './restore-whole-titles';

export interface RecommendationsRepositories {
  recommendations: RecommendationRepository;
  controlItems: ControlItemRepository;
  timeline: TimelineRepository;
  reports: ProgressReportRepository;
  counts: ConferenceCountsRepository;
  counters: CounterRepository;
  pendingFacts: PendingRequestFactRepository;
  appliedConclusions: AppliedConclusionRepository;
  claims: OnceClaims;
  /** Claims of the migrations run at start, one replica each, once. */
  migrationClaims: OnceClaims;
  directory: Directory;
}

/** Every use case of the recommendations service, wired to its repositories. */
export class RecommendationsUseCases {
  readonly writer: RecommendationWriter;
  readonly lifecycle: RecommendationLifecycleUseCases;
  readonly engagement: RecommendationEngagementUseCases;
  readonly queries: RecommendationQueries;
  readonly documents: RecommendationDocuments;
  readonly fromResolutions: FromResolutionsUseCases;
  readonly redatedSittings: RedatedSittingUseCases;
  readonly requestFacts: RequestFactUseCases;
  readonly followUps: FollowUpScheduler;
  readonly members: MemberUseCases;
  readonly codesByMeetingYear: CodesByMeetingYearMigration;
  readonly wholeTitles: WholeTitlesMigration;
  readonly controlItems: ControlItemUseCases;

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
    this.engagement = new RecommendationEngagementUseCases({
      ...writes,
      timeZone: options.followUps.timeZone,
    });
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
    this.controlItems = new ControlItemUseCases({
      items: repos.controlItems,
      claims: repos.claims,
      options: options.followUps,
      logger: options.logger,
    });
    this.documents = new RecommendationDocuments({
      queries: this.queries,
      controlItems: this.controlItems,
      members: this.members,
    });
    this.fromResolutions = new FromResolutionsUseCases({
      ...writes,
      codes,
      requestFacts: this.requestFacts,
      applied: repos.appliedConclusions,
      controlItems: this.controlItems,
      timeZone: options.followUps.timeZone,
    });
    this.redatedSittings = new RedatedSittingUseCases({
      ...writes,
      timeline: repos.timeline,
      codes,
      controlItems: this.controlItems,
      timeZone: options.followUps.timeZone,
    });
    this.codesByMeetingYear = new CodesByMeetingYearMigration({
      ...writes,
      codes,
      claims: repos.migrationClaims,
      timeZone: options.followUps.timeZone,
      logger: options.logger,
    });
    this.wholeTitles = new WholeTitlesMigration({
      ...writes,
      claims: repos.migrationClaims,
      logger: options.logger,
    });
    this.followUps = new FollowUpScheduler({
      ...writes,
      claims: repos.claims,
      options: options.followUps,
      logger: options.logger,
    });
  }
}
