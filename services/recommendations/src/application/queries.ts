import type { RecommendationStatus } from '@kollegia/events';
import { emptyPage, type Page, type PageRequest } from '@kollegia/service-kit';
import { calendarDate, localDate } from '@kollegia/service-kit/domain';

import type { ConferenceCountsRepository } from '../db/conference-counts.repository';
import type { ProgressReportRepository } from '../db/progress-report.repository';
import type { ProgressReportDocument, TimelineEntryDocument } from '../db/read-model.documents';
import type {
  RecommendationFilter,
  RecommendationRepository,
} from '../db/recommendation.repository';
import type { TimelineRepository } from '../db/timeline.repository';
import type { Recommendation } from '../domain/recommendation';
import type { CommandContext } from './context';
import type { MemberUseCases } from './members';
import { mayRead, readScopeOf, requireReader } from './permissions';

/** Recommendations of a conference by status, as the caller may count them. */
export type StatusCounts = Partial<Record<RecommendationStatus, number>>;

/** What every read of the recommendations service goes through: tenant and visibility. */
export class RecommendationQueries {
  constructor(
    private readonly deps: {
      recommendations: RecommendationRepository;
      timeline: TimelineRepository;
      reports: ProgressReportRepository;
      counts: ConferenceCountsRepository;
      members: MemberUseCases;
      timeZone: string;
    },
  ) {}

  /** One recommendation, or undefined when it does not exist or the caller may not see it. */
  async find(context: CommandContext, id: string): Promise<Recommendation | undefined> {
    const identity = requireReader(context.identity);
    const found = await this.deps.recommendations.get(identity.tenantId, id);
    return found && mayRead(readScopeOf(identity), found) ? found : undefined;
  }

  async findByCode(context: CommandContext, code: string): Promise<Recommendation | undefined> {
    const identity = requireReader(context.identity);
    const found = await this.deps.recommendations.getByCode(identity.tenantId, code.trim());
    return found && mayRead(readScopeOf(identity), found) ? found : undefined;
  }

  /** Many by id in one query (federation references, DataLoader batches). */
  async findMany(context: CommandContext, ids: readonly string[]): Promise<Recommendation[]> {
    const identity = requireReader(context.identity);
    const scope = readScopeOf(identity);
    return (await this.deps.recommendations.getMany(identity.tenantId, ids)).filter((found) =>
      mayRead(scope, found),
    );
  }

  /**
   * The recommendations the caller may see, filtered, in the order they were created. An
   * addressee or responsible party the caller may not see matches nothing.
   */
  async search(
    context: CommandContext,
    filter: RecommendationFilter,
    page: PageRequest,
  ): Promise<Page<Recommendation>> {
    const identity = requireReader(context.identity);
    if (filter.dueBefore) calendarDate('dueBefore', filter.dueBefore);
    for (const id of [filter.addresseeId, filter.responsibleId]) {
      if (id && (await this.deps.members.hiddenFrom(identity, id))) return emptyPage();
    }
    return this.deps.recommendations.search(
      identity.tenantId,
      filter,
      readScopeOf(identity),
      localDate(context.now, this.deps.timeZone),
      page,
    );
  }

  /** A visible recommendation's timeline, in order. */
  timeline(
    context: CommandContext,
    recommendation: Recommendation,
    page: PageRequest,
  ): Promise<Page<TimelineEntryDocument>> {
    const identity = requireReader(context.identity);
    return this.deps.timeline.page(
      identity.tenantId,
      recommendation.id,
      readScopeOf(identity),
      page,
    );
  }

  /**
   * The timeline entries of every recommendation of a conference, in the order they were
   * written, so a client that kept the last cursor catches up with no gap and no repeat.
   */
  conferenceFollowUps(
    context: CommandContext,
    conferenceId: string,
    page: PageRequest,
  ): Promise<Page<TimelineEntryDocument>> {
    const identity = requireReader(context.identity);
    return this.deps.timeline.feed(identity.tenantId, conferenceId, readScopeOf(identity), page);
  }

  progressReports(
    context: CommandContext,
    recommendation: Recommendation,
    page: PageRequest,
  ): Promise<Page<ProgressReportDocument>> {
    const identity = requireReader(context.identity);
    return this.deps.reports.page(identity.tenantId, recommendation.id, page);
  }

  /**
   * A conference's recommendations by status. Members and above count them all; addressees and
   * partners count what partners may read (published and adopted).
   */
  async conferenceCounts(context: CommandContext, conferenceId: string): Promise<StatusCounts> {
    const identity = requireReader(context.identity);
    const counts = await this.deps.counts.get(identity.tenantId, conferenceId);
    return readScopeOf(identity).kind === 'all' ? counts.all : counts.visibleToPartners;
  }

  /** Where the workspace's days begin and end (for `overdue`). */
  get timeZone(): string {
    return this.deps.timeZone;
  }
}
