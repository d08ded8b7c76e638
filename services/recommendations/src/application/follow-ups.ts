import { deterministicId, type Logger, type OnceClaims } from '@kollegia/service-kit';
import { localDate, type DomainError } from '@kollegia/service-kit/domain';

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
/** A recommendation that keeps changing under the scheduler is left to the next run after this many. */
const ATTEMPTS = 3;

/**
 * The follow-up scheduler: announces `due-soon`, `overdue` and `review-due` once per
 * (recommendation, kind, date), across restarts and replicas.
 *
 * - Once per process and across restarts: the announcement is stored with the recommendation
 *   (`announced`), in the same write as its events, and the next run finds nothing due.
 * - Once across replicas: before announcing, a replica claims each follow-up (the kit's
 *   `OnceClaims`: an insert with a deterministic `_id`, which one replica wins). Two replicas may
 *   each win some of one recommendation's follow-ups; the second to save meets a version conflict,
 *   reads the recommendation again and announces its own ones on top. A claim whose announcement
 *   did not happen (the recommendation changed meanwhile) is released and retried next run.
 */
export class FollowUpScheduler {
  constructor(
    private readonly deps: {
      recommendations: RecommendationRepository;
      writer: RecommendationWriter;
      claims: OnceClaims;
      options: FollowUpOptions;
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
      const key = {
        tenantId: recommendation.tenantId,
        recommendationId: recommendation.id,
        kind: followUp.kind,
        date: followUpDate(followUp),
      };
      const claimId = await this.deps.claims.claim(
        deterministicId('follow-up', key.tenantId, key.recommendationId, key.kind, key.date),
        now,
        key,
      );
      if (claimId) claimed.push({ followUp, claimId });
    }
    if (claimed.length === 0) return 0;
    const claimIds = claimed.map(({ claimId }) => claimId);
    try {
      const announced = await this.announceClaimed(
        recommendation,
        claimed.map(({ followUp }) => followUp.kind),
        claimIds,
        now,
      );
      for (const claimId of claimIds)
        await (announced ? this.deps.claims.complete(claimId) : this.deps.claims.release(claimId));
      return announced ? claimed.length : 0;
    } catch (error) {
      for (const claimId of claimIds) await this.deps.claims.release(claimId);
      throw error;
    }
  }

  /** Saves the claimed follow-ups' events; false when they are no longer due. */
  private async announceClaimed(
    recommendation: Recommendation,
    kinds: FollowUp['kind'][],
    claimIds: string[],
    now: Date,
  ): Promise<boolean> {
    const context: CommandContext = {
      identity: null,
      now,
      correlationId: `follow-up:${claimIds.join(',')}`,
    };
    let current: Recommendation | undefined = recommendation;
    for (let attempt = 1; current && attempt <= ATTEMPTS; attempt += 1) {
      const decision = announceFollowUps(current, { now, ids: newId }, this.deps.options, kinds);
      if (decision.changes.length === 0) return false;
      try {
        await this.deps.writer.save(current, decision, context);
        return true;
      } catch (error) {
        if ((error as DomainError).code !== 'CONFLICT') throw error;
        // Changed meanwhile (another replica announced its share, or someone acted on it).
        current = await this.deps.recommendations.get(current.tenantId, current.id);
      }
    }
    return false;
  }
}
