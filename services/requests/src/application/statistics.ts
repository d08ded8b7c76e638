import type { Page, PageRequest } from '@kollegia/service-kit';

import type { RequestFactsRepository } from '../db/request-facts.repository';
import {
  applyRequestEvent,
  noStatistics,
  summarize,
  type AddresseeSummary,
  type RequestEvent,
} from '../domain/statistics';
import type { CommandContext } from './context';
import type { DeadlinePolicyUseCases } from './deadline-policies';
import type { MemberUseCases } from './members';
import { requireReader, statisticsScope } from './permissions';

/** One addressee's statistics at a moment. */
export interface AddresseeStatisticsView extends AddresseeSummary {
  addresseeId: string;
}

/**
 * Per-addressee response statistics: a read model of per-request facts fed by this service's own
 * events through the domain's idempotent reducer, so a replay leaves the same facts; what depends
 * on the moment ('overdue now') is summed up at query time.
 */
export class StatisticsUseCases {
  constructor(
    private readonly facts: RequestFactsRepository,
    private readonly policies: DeadlinePolicyUseCases,
    private readonly members: MemberUseCases,
  ) {}

  /** Applies one request event. Returns whether the facts changed. */
  apply(event: RequestEvent, now: Date): Promise<boolean> {
    const { addresseeId, id } = event.data;
    return this.facts.update(
      event.tenantid,
      addresseeId,
      id,
      (current) => {
        const before = noStatistics(event.tenantid, addresseeId);
        if (current) before.requests.push(current);
        const after = applyRequestEvent(before, event);
        return after === before ? undefined : after.requests[0];
      },
      now,
    );
  }

  /**
   * The statistics of these organisations the caller may see (three queries), by organisation.
   * Partners and addressees see those of published organisations only.
   */
  async of(
    context: CommandContext,
    organizationIds: readonly string[],
  ): Promise<Map<string, AddresseeStatisticsView>> {
    const identity = requireReader(context.identity);
    const scope = statisticsScope(identity);
    const visible = await this.members.shownOrganizations(
      identity,
      organizationIds.filter((id) => scope === undefined || id === scope),
    );
    const [facts, policies] = await Promise.all([
      this.facts.ofAddressees(identity.tenantId, visible),
      this.policies.forAddressees(identity.tenantId, visible),
    ]);
    return new Map(
      visible.map((addresseeId) => {
        const statistics = {
          ...noStatistics(identity.tenantId, addresseeId),
          requests: facts.get(addresseeId) ?? [],
        };
        const timeZone = policies.get(addresseeId)?.timeZone;
        return [addresseeId, { addresseeId, ...summarize(statistics, context.now, timeZone) }];
      }),
    );
  }

  /** Every addressee with statistics that the caller may see, by organisation id. */
  async page(context: CommandContext, page: PageRequest): Promise<Page<AddresseeStatisticsView>> {
    const identity = requireReader(context.identity);
    const ids = await this.facts.addresseePage(identity.tenantId, page, statisticsScope(identity));
    const views = await this.of(context, ids.items);
    // Those the caller may not see are left out, with their cursors.
    const kept = ids.items.map((id) => views.has(id));
    return {
      ...ids,
      items: ids.items.flatMap((id) => {
        const view = views.get(id);
        return view ? [view] : [];
      }),
      cursors: ids.cursors.filter((_, i) => kept[i]),
    };
  }
}
