import { deterministicId, type Logger, type OnceClaims } from '@kollegia/service-kit';
import { DomainError } from '@kollegia/service-kit/domain';

import type { RequestRepository } from '../db/request.repository';
import type { DeadlinePolicy } from '../domain/deadline';
import { announceDueNotices, dueNotices, withDueSoonLead } from '../domain/due-notices';
import type { Request } from '../domain/request';
import { timelineEntries } from '../domain/timeline';
import { newId, type CommandContext } from './context';
import type { DeadlinePolicyUseCases } from './deadline-policies';
import { requestEvents } from './request-events';

/**
 * Requests read per query. Only those with a notice due come back, but the embedded database
 * scans the collection for each query (docs/adr/0009), so a page is large.
 */
const PAGE = 1000;
/** A request that keeps changing under the scheduler is left to the next run after this many. */
const ATTEMPTS = 3;

export interface SchedulerRun {
  /** Requests read: those with a notice due, and, once, those stored before they kept its moment. */
  read: number;
  /** Notices this run announced (another replica's are not counted). */
  announced: number;
}

/**
 * Announces requests that became due soon or overdue, exactly once per request, notice and
 * deadline, however many replicas run it and however often they restart:
 *
 * 1. read only the requests whose next notice is due (`nextNoticeAt`, which the domain derives
 *    from the state and every write stores), in pages; a request stored before it kept that
 *    moment is read once and given its policy's due-soon lead, which sets the moment;
 * 2. claim each notice before announcing it (the kit's `OnceClaims`: an insert with a
 *    deterministic `_id`, which one replica wins; docs/adr/0009), complete the claim once it is
 *    announced, release it when it is not due any more;
 * 3. announce it in the request's own write (state, event, timeline line), retrying on a version
 *    conflict while the notice is still due; the write moves `nextNoticeAt` on.
 */
export class DueNoticeScheduler {
  constructor(
    private readonly requests: RequestRepository,
    private readonly claims: OnceClaims,
    private readonly policies: DeadlinePolicyUseCases,
    private readonly logger: Logger,
  ) {}

  async run(now: Date): Promise<SchedulerRun> {
    const result: SchedulerRun = { read: 0, announced: 0 };
    let after: string | undefined;
    for (;;) {
      const page = await this.requests.noticesDue(now, PAGE, after);
      after = page.at(-1)?.id;
      if (!after) break;
      result.read += page.length;
      const policies = await this.policiesOf(page);
      const candidates = page.flatMap((stored) => {
        const policy = policies.get(`${stored.tenantId}/${stored.addresseeId}`);
        return policy ? [{ stored, request: withDueSoonLead(stored, policy), policy }] : [];
      });
      // Those stored before requests kept a due-soon lead keep their policy's from now on.
      await this.requests.keepDueSoonLeads(
        candidates.filter((c) => c.request !== c.stored).map((c) => c.request),
      );
      for (const { request, policy } of candidates) {
        try {
          if (await this.announce(request, policy, now)) result.announced += 1;
        } catch (error) {
          this.logger.error(
            { err: error, requestId: request.id, tenantId: request.tenantId },
            'due notice failed; the next run tries again',
          );
        }
      }
      if (page.length < PAGE) break;
    }
    return result;
  }

  /** The policy of every request's addressee in a page (two queries per tenant). */
  private async policiesOf(page: Request[]): Promise<Map<string, DeadlinePolicy>> {
    const byTenant = new Map<string, string[]>();
    for (const r of page)
      byTenant.set(r.tenantId, [...(byTenant.get(r.tenantId) ?? []), r.addresseeId]);
    const policies = new Map<string, DeadlinePolicy>();
    for (const [tenantId, addresseeIds] of byTenant) {
      for (const [addresseeId, policy] of await this.policies.forAddressees(tenantId, addresseeIds))
        policies.set(`${tenantId}/${addresseeId}`, policy);
    }
    return policies;
  }

  private async announce(request: Request, policy: DeadlinePolicy, now: Date): Promise<boolean> {
    const [notice] = dueNotices(request, now, policy);
    if (!notice) return false;
    const deadline = `${notice.deadline.stage}/${notice.deadline.dueOn}`;
    const claimId = await this.claims.claim(
      deterministicId(request.tenantId, request.id, notice.kind, deadline),
      now,
      { tenantId: request.tenantId, requestId: request.id, notice: notice.kind, deadline },
    );
    if (!claimId) return false;
    let announced = false;
    try {
      announced = await this.announceClaimed(request, policy, notice.kind, deadline, now);
    } finally {
      await (announced ? this.claims.complete(claimId) : this.claims.release(claimId));
    }
    return announced;
  }

  /** Writes the claimed notice into the request; false when it is not due any more. */
  private async announceClaimed(
    request: Request,
    policy: DeadlinePolicy,
    kind: 'due-soon' | 'overdue',
    deadline: string,
    now: Date,
  ): Promise<boolean> {
    const context: CommandContext = {
      identity: null,
      now,
      correlationId: `${kind}:${request.id}:${deadline}`,
    };
    // The scan left the letter out; what is written back must be the whole request.
    let current = await this.requests.get(request.tenantId, request.id);
    for (let attempt = 1; current && attempt <= ATTEMPTS; attempt += 1) {
      const decision = announceDueNotices(current, policy, { now, ids: newId });
      const still = decision.changes.some(
        (change) =>
          change.kind === kind && `${change.deadline.stage}/${change.deadline.dueOn}` === deadline,
      );
      // Answered, withdrawn or given another deadline meanwhile: this notice is not due any more.
      if (!still) return false;
      const next = { ...decision.state, version: current.version + 1 };
      try {
        await this.requests.change(
          next,
          current.version,
          requestEvents(next, decision.changes, context),
          timelineEntries(next, decision.changes, 'system:requests', now),
        );
        await this.requests.relayed(request.id);
        return true;
      } catch (error) {
        // Changed meanwhile (registered, answered, extended…): look again at what it is now.
        if (!(error instanceof DomainError && error.code === 'CONFLICT')) throw error;
        current = await this.requests.get(request.tenantId, request.id);
      }
    }
    return false;
  }
}
