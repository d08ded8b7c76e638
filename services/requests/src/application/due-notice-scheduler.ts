import { deterministicId, type Logger, type OnceClaims } from '@kollegia/service-kit';
import { DomainError } from '@kollegia/service-kit/domain';

import type { RequestRepository } from '../db/request.repository';
import type { DeadlinePolicy } from '../domain/deadline';
import { announceDueNotices, dueNotices } from '../domain/due-notices';
import type { Request } from '../domain/request';
import { timelineEntries } from '../domain/timeline';
import { newId, type CommandContext } from './context';
import type { DeadlinePolicyUseCases } from './deadline-policies';
import { requestEvents } from './request-events';

const DAY_MS = 24 * 60 * 60 * 1000;
/**
 * Candidates read per query. Large, since the embedded database scans the collection for any query
 * whose keys are not exactly a unique index's (docs/adr/0009), as this one's are not; a page is a
 * few megabytes (letters and timelines are left out).
 */
const BATCH = 5000;
/** A request that keeps changing under the scheduler is left to the next run after this many. */
const ATTEMPTS = 3;

export interface SchedulerRun {
  /** Open requests with a deadline inside the horizon that were looked at. */
  scanned: number;
  /** Notices this run announced (another replica's are not counted). */
  announced: number;
}

/**
 * Announces requests that became due soon or overdue, exactly once per request, notice and
 * deadline, however many replicas run it and however often they restart:
 *
 * 1. scan only open requests whose running deadline ends within the longest due-soon lead
 *    (index on status and dueAt), leaving out those already announced overdue, in pages;
 * 2. claim each notice before announcing it (the kit's `OnceClaims`: an insert with a
 *    deterministic `_id`, which one replica wins; docs/adr/0005), complete the claim once it is
 *    announced, release it when it is not due any more;
 * 3. announce it in the request's own write (state, event, timeline line), retrying on a version
 *    conflict while the notice is still due.
 */
export class DueNoticeScheduler {
  constructor(
    private readonly requests: RequestRepository,
    private readonly claims: OnceClaims,
    private readonly policies: DeadlinePolicyUseCases,
    private readonly logger: Logger,
  ) {}

  async run(now: Date): Promise<SchedulerRun> {
    const lead = await this.policies.longestDueSoonLead();
    // One day more than the lead: days are the addressee's, and its day may end a day later.
    const horizon = new Date(now.getTime() + (lead + 1) * DAY_MS);
    const result: SchedulerRun = { scanned: 0, announced: 0 };
    let after: { dueAt: Date; id: string } | undefined;
    for (;;) {
      const batch = await this.requests.openDueBy(horizon, BATCH, after);
      const last = batch.at(-1);
      if (!last?.deadline) break;
      after = { dueAt: last.deadline.dueAt, id: last.id };
      result.scanned += batch.length;
      const policies = await this.policiesOf(batch);
      for (const request of batch) {
        const policy = policies.get(`${request.tenantId}/${request.addresseeId}`);
        if (!policy) continue;
        try {
          if (await this.announce(request, policy, now)) result.announced += 1;
        } catch (error) {
          this.logger.error(
            { err: error, requestId: request.id, tenantId: request.tenantId },
            'due notice failed; the next run tries again',
          );
        }
      }
      if (batch.length < BATCH) break;
    }
    return result;
  }

  /** The policy of every request's addressee in a batch (two queries per tenant). */
  private async policiesOf(batch: Request[]): Promise<Map<string, DeadlinePolicy>> {
    const byTenant = new Map<string, string[]>();
    for (const r of batch)
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
