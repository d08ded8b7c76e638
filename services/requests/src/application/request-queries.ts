import { emptyPage, type Page, type PageRequest } from '@kollegia/service-kit';

import type { RequestFilter, RequestRepository } from '../db/request.repository';
import type { Request } from '../domain/request';
import type { TimelineEntry } from '../domain/timeline';
import type { CommandContext } from './context';
import type { MemberUseCases } from './members';
import { inboxOwner, isVisible, requireReader, visibilityOf } from './permissions';

/** Drafts made from one recommendation never exceed its addressees; this bounds a lookup. */
const REQUESTS_PER_RECOMMENDATION = 200;

/**
 * What callers may read of the requests. A request the caller may not see does not exist for it:
 * lookups leave it out, lists never show it (see permissions.ts).
 */
export class RequestQueries {
  constructor(
    private readonly requests: RequestRepository,
    private readonly members: MemberUseCases,
  ) {}

  /** One request, or undefined when it does not exist or the caller may not see it. */
  async find(context: CommandContext, id: string): Promise<Request | undefined> {
    const identity = requireReader(context.identity);
    const found = await this.requests.get(identity.tenantId, id);
    return found && isVisible(found, visibilityOf(identity)) ? found : undefined;
  }

  /** Many by id in one query (federation references); unknown and invisible ids are left out. */
  async findMany(context: CommandContext, ids: readonly string[]): Promise<Request[]> {
    const identity = requireReader(context.identity);
    const visibility = visibilityOf(identity);
    return (await this.requests.getMany(identity.tenantId, ids)).filter((r) =>
      isVisible(r, visibility),
    );
  }

  async findByOutgoingNumber(
    context: CommandContext,
    outgoingNumber: string,
  ): Promise<Request | undefined> {
    const identity = requireReader(context.identity);
    const found = await this.requests.byOutgoingNumber(identity.tenantId, outgoingNumber);
    return found && isVisible(found, visibilityOf(identity)) ? found : undefined;
  }

  /**
   * The requests the caller may see, filtered, newest first. An addressee the caller may not see
   * matches nothing.
   */
  async search(
    context: CommandContext,
    filter: RequestFilter,
    page: PageRequest,
  ): Promise<Page<Request>> {
    const identity = requireReader(context.identity);
    if (filter.addresseeId && (await this.members.hiddenFrom(identity, filter.addresseeId))) {
      return emptyPage();
    }
    return this.requests.search(
      identity.tenantId,
      filter,
      visibilityOf(identity),
      page,
      context.now,
    );
  }

  /** What was sent to the caller's organisation, newest first. */
  inbox(context: CommandContext, page: PageRequest): Promise<Page<Request>> {
    const identity = requireReader(context.identity);
    const addresseeId = inboxOwner(identity);
    return this.requests.search(
      identity.tenantId,
      {},
      { sentOnly: true, addresseeId },
      page,
      context.now,
      { bySent: true },
    );
  }

  /** The requests made from these recommendations that the caller may see (one query). */
  async forRecommendations(
    context: CommandContext,
    recommendationIds: readonly string[],
  ): Promise<Map<string, Request[]>> {
    const identity = requireReader(context.identity);
    const found = await this.requests.forRecommendations(
      identity.tenantId,
      recommendationIds,
      visibilityOf(identity),
      REQUESTS_PER_RECOMMENDATION * recommendationIds.length,
    );
    const byRecommendation = new Map<string, Request[]>(recommendationIds.map((id) => [id, []]));
    for (const request of found)
      if (request.recommendationId) byRecommendation.get(request.recommendationId)?.push(request);
    return byRecommendation;
  }

  /** The timelines of requests the caller already holds (one query). */
  timelines(
    context: CommandContext,
    ids: readonly string[],
  ): Promise<Map<string, TimelineEntry[]>> {
    const identity = requireReader(context.identity);
    return this.requests.timelines(identity.tenantId, ids);
  }
}
