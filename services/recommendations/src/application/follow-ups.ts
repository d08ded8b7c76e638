import type { Logger } from '@kollegia/service-kit';
import { localDate, type DomainError } from '@kollegia/service-kit/domain';

import type { FollowUpClaimRepository } from '../db/follow-up-claim.repository';
import type { RecommendationRepository } from '../db/recommendation.repository';
import {
  announceFollowUps,
  dueFollowUps,
  followUpDate,
  type FollowUp,
  type FollowUpOptions,
} from '../domain/follow-ups';
import type { Recommendation } from '../domain/recommendation';
import { newId, type CommandContext } from './context';
import type { RecommendationWriter } from './recommendation-writer';

// Recommendations taken per run; the rest wait for the next one (earliest day first).
const BATCH = 200;

/**
 * The follow-up scheduler: announces `due-soon`, `overdue` and `review-due` once per
 * (recommendation, kind, date), across restarts and replicas.
 *
 * - Once per process and across restarts: the announcement is stored with the recommendation
 *   (`announced`), in the same write as its events, and the next run finds nothing due.
 * - Once across replicas: before announcing, a replica claims each follow-up by inserting a claim
 *   with a deterministic `_id`; another replica's insert fails with E11000 and it skips. A claim
 *   whose announcement failed (the recommendation changed meanwhile) is released and retried.
 */
export class FollowUpScheduler {
  constructor(
    private readonly deps: {
      recommendations: RecommendationRepository;
      writer: RecommendationWriter;
      claims: FollowUpClaimRepository;
      options: FollowUpOptions;
      /** This replica's name on its claims. */
      owner: string;
      logger: Logger;
    },
  ) {}

  /** One run at `now`; returns how many follow-ups this replica announced. */
  async run(now: Date): Promise<number> {
    const today = localDate(now, this.deps.options.timeZone);
    const due = await this.deps.recommendations.dueForFollowUp(today, BATCH);
    let announced = 0;
    for (const recommendation of due) {
      try {
        announced += await this.announce(recommendation, now);
      } catch (error) {
        this.deps.logger.warn(
          { err: error, recommendationId: recommendation.id, tenantId: recommendation.tenantId },
          'follow-up not announced; retried next run',
        );
      }
    }
    return announced;
  }

  private async announce(recommendation: Recommendation, now: Date): Promise<number> {
    const claimed: { followUp: FollowUp; claimId: string }[] = [];
    for (const followUp of dueFollowUps(recommendation, now, this.deps.options)) {
      const claimId = await this.deps.claims.claim(
        {
          tenantId: recommendation.tenantId,
          recommendationId: recommendation.id,
          kind: followUp.kind,
          date: followUpDate(followUp),
        },
        this.deps.owner,
        now,
      );
      if (claimId) claimed.push({ followUp, claimId });
    }
    if (claimed.length === 0) return 0;
    const decision = announceFollowUps(
      recommendation,
      { now, ids: newId },
      this.deps.options,
      claimed.map(({ followUp }) => followUp.kind),
    );
    if (decision.changes.length === 0) {
      for (const { claimId } of claimed) await this.deps.claims.release(claimId, this.deps.owner);
      return 0;
    }
    const context: CommandContext = {
      identity: null,
      now,
      correlationId: `follow-up:${claimed.map(({ claimId }) => claimId).join(',')}`,
    };
    try {
      await this.deps.writer.save(recommendation, decision, context);
    } catch (error) {
      for (const { claimId } of claimed) await this.deps.claims.release(claimId, this.deps.owner);
      if ((error as DomainError).code === 'CONFLICT') return 0;
      throw error;
    }
    for (const { claimId } of claimed) await this.deps.claims.complete(claimId);
    return claimed.length;
  }
}
