import type { DomainError } from '@kollegia/service-kit/domain';

import type { PendingRequestFactRepository } from '../db/pending-request-fact.repository';
import type { RecommendationRepository } from '../db/recommendation.repository';
import { recordRequestEvent, type RecordRequestEvent } from '../domain/request-facts';
import { newId, type Clock, type CommandContext } from './context';
import type { RecommendationWriter } from './recommendation-writer';

/** Where a request event went. */
export type RequestFactOutcome = 'recorded' | 'known' | 'pending';

/** The event a request fact came with, for tracing and for keeping it until later. */
export interface RequestFactOrigin {
  tenantId: string;
  eventId: string;
  correlationId: string;
}

// Concurrent changes of one recommendation (a secretary adopting it as an answer arrives) make
// the version check fail; the fact is simply applied to the newer state.
const CONFLICT_RETRIES = 5;

/**
 * Flow 3 of DESIGN.md section 4: `request.registered`, `.answered` and `.overdue` become facts on
 * the recommendation the request was made from (timeline, the addressee's position, and the
 * status: ACCEPTED → IN_PROGRESS, all DECLINED → REJECTED).
 *
 * - Redelivery and replay: the domain notes each fact once (a request is registered once,
 *   answered once, overdue once per deadline), so a repeat decides nothing and writes nothing.
 * - Out of order between aggregates: a fact for a recommendation that does not exist yet is kept
 *   in `pending_request_facts` and applied when the recommendation is created; facts noted before
 *   adoption take effect at adoption (the domain's `settleAnswers`).
 */
export class RequestFactUseCases {
  constructor(
    private readonly deps: {
      recommendations: RecommendationRepository;
      writer: RecommendationWriter;
      pending: PendingRequestFactRepository;
      clock: Clock;
    },
  ) {}

  async record(
    origin: RequestFactOrigin,
    recommendationId: string,
    fact: RecordRequestEvent,
  ): Promise<RequestFactOutcome> {
    const applied = await this.apply(origin, recommendationId, fact);
    if (applied !== 'missing') return applied;
    await this.deps.pending.keep({
      tenantId: origin.tenantId,
      recommendationId,
      fact,
      eventId: origin.eventId,
      correlationId: origin.correlationId,
      receivedAt: this.deps.clock(),
    });
    // The recommendation may have been created between the lookup and the keep, after its
    // creator looked for waiting facts: look once more, so no fact is left behind.
    if (await this.deps.recommendations.exists(origin.tenantId, recommendationId)) {
      await this.applyPending(origin.tenantId, recommendationId);
    }
    return 'pending';
  }

  /** Applies (and then forgets) the facts that arrived before the recommendation existed. */
  applyPending(tenantId: string, recommendationId: string): Promise<number> {
    return this.applyPendingToAny(tenantId, [recommendationId]);
  }

  /** The same for several recommendations, looked up in one query (a concluded round table's). */
  async applyPendingToAny(tenantId: string, recommendationIds: readonly string[]) {
    const waiting = await this.deps.pending.waitingForAny(tenantId, recommendationIds);
    let applied = 0;
    for (const doc of waiting) {
      const origin = { tenantId, eventId: doc.eventId, correlationId: doc.correlationId };
      if ((await this.apply(origin, doc.recommendationId, doc.fact)) === 'missing') continue;
      await this.deps.pending.remove(tenantId, doc._id);
      applied += 1;
    }
    return applied;
  }

  private async apply(
    origin: RequestFactOrigin,
    recommendationId: string,
    fact: RecordRequestEvent,
  ): Promise<RequestFactOutcome | 'missing'> {
    for (let attempt = 1; ; attempt += 1) {
      const current = await this.deps.recommendations.get(origin.tenantId, recommendationId);
      if (!current) return 'missing';
      const context: CommandContext = {
        identity: null,
        now: this.deps.clock(),
        correlationId: origin.correlationId,
        causationId: origin.eventId,
      };
      const decision = recordRequestEvent(current, fact, { now: context.now, ids: newId });
      if (decision.changes.length === 0) return 'known';
      try {
        await this.deps.writer.save(current, decision, context);
        return 'recorded';
      } catch (error) {
        const stale = (error as DomainError).code === 'CONFLICT';
        if (!stale || attempt >= CONFLICT_RETRIES) throw error;
      }
    }
  }
}
