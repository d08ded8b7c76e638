import type { RoundtableRedatedV1 } from '@kollegia/events';
import { isDuplicateKey } from '@kollegia/service-kit';
import type { DomainError } from '@kollegia/service-kit/domain';

import type { RecommendationRepository } from '../db/recommendation.repository';
import type { TimelineRepository } from '../db/timeline.repository';
import {
  codeYear,
  meetingDateOf,
  needsRenumbering,
  onMeetingDay,
  redateRecommendation,
  type SittingRedate,
} from '../domain/meeting-year';
import type { Recommendation } from '../domain/recommendation';
import type { RecommendationCodes } from './codes';
import { newId, type CommandContext } from './context';
import type { ControlItemUseCases } from './control-items';
import type { RecommendationWriter } from './recommendation-writer';

/** Recommendations of a redated sitting read at once (a sitting has tens of resolutions). */
const PAGE = 100;
/** A recommendation that keeps meeting concurrent changes fails the event (retried) after this. */
const ATTEMPTS = 20;

/** What following a redated sitting did here. */
export interface RedatedSittingResult {
  /** Recommendations moved to the new meeting day (renumbered among them). */
  redated: number;
  renumbered: number;
  controlItems: number;
}

/**
 * `roundtable.redated`: when a concluded sitting happened was corrected (by its secretary, or by
 * the roundtables migration that dates sittings recorded before the record kept when things
 * happened). Its recommendations and items under control take the new meeting day (its
 * `concludedAt` in the workspace's calendar, as at conclusion); a recommendation whose generated
 * code now names another year draws the next code of the meeting's year and is renumbered in
 * the same write (`renumbered` on the timeline and as an event). A code given by hand stays.
 *
 * Idempotent: only those not on the new day yet are read, so a redelivery or a replay finds none
 * and changes nothing; a change made meanwhile is read again (version compare-and-set). Decided
 * and announced at the event's `time` (when the correction was recorded), so a replay into an
 * empty database, which meets `concluded` then `redated` in the round table's partition order,
 * rebuilds the same state. A sitting whose conclusion made nothing here (no resolution became
 * anything, or its `concluded` was dead-lettered) has nothing to follow.
 */
export class RedatedSittingUseCases {
  constructor(
    private readonly deps: {
      recommendations: RecommendationRepository;
      writer: RecommendationWriter;
      timeline: TimelineRepository;
      codes: RecommendationCodes;
      controlItems: ControlItemUseCases;
      /** The workspace's calendar, in which a sitting's `concludedAt` falls on its meeting day. */
      timeZone: string;
    },
  ) {}

  async roundtableRedated(event: RoundtableRedatedV1): Promise<RedatedSittingResult> {
    const tenantId = event.tenantid;
    const concludedAt = new Date(event.data.concludedAt);
    const meetingDate = meetingDateOf(concludedAt, this.deps.timeZone);
    const redate: SittingRedate = {
      meetingDate,
      concludedAt,
      previousConcludedAt: new Date(event.data.previousConcludedAt),
    };
    const context: CommandContext = {
      identity: null,
      now: new Date(event.time),
      correlationId: event.correlationid,
      causationId: event.id,
    };
    const result: RedatedSittingResult = { redated: 0, renumbered: 0, controlItems: 0 };
    for (;;) {
      const page = await this.deps.recommendations.ofRoundtableNotOn(
        tenantId,
        event.subject,
        redate,
        PAGE,
      );
      for (const recommendation of page) {
        const outcome = await this.redate(recommendation, redate, context);
        if (outcome !== 'unchanged') result.redated += 1;
        if (outcome === 'renumbered') result.renumbered += 1;
      }
      if (page.length < PAGE) break;
    }
    result.controlItems = await this.deps.controlItems.followRedatedSitting(
      tenantId,
      event.subject,
      { meetingDate, concludedAt },
      context,
    );
    return result;
  }

  private async redate(
    recommendation: Recommendation,
    redate: SittingRedate,
    context: CommandContext,
  ): Promise<'unchanged' | 'redated' | 'renumbered'> {
    const { tenantId, id } = recommendation;
    const { timeZone } = this.deps;
    let current: Recommendation | undefined = recommendation;
    for (let attempt = 1; current; attempt += 1) {
      const moved = onMeetingDay(current, redate.meetingDate);
      const code = needsRenumbering(moved, timeZone)
        ? await this.deps.codes.next(tenantId, codeYear(moved, timeZone))
        : undefined;
      const decision = redateRecommendation(current, redate, code, {
        now: context.now,
        ids: newId,
      });
      if (decision.state === current) return 'unchanged';
      try {
        // The proposal's timeline entry first: a crash before the save leaves the recommendation
        // to be read again on redelivery, and this move is a no-op the second time.
        if (decision.state.proposedAt !== current.proposedAt && current.proposedAt) {
          await this.deps.timeline.moveOccurrence(tenantId, id, 'proposed', {
            from: current.proposedAt,
            to: redate.concludedAt,
          });
        }
        await this.deps.writer.save(current, decision, context);
        return code === undefined ? 'redated' : 'renumbered';
      } catch (error) {
        if (attempt >= ATTEMPTS) throw error;
        // A code given by hand holds the number: draw the next. Changed meanwhile: read again.
        if (isDuplicateKey(error)) continue;
        if ((error as DomainError).code !== 'CONFLICT') throw error;
        current = await this.deps.recommendations.get(tenantId, id);
      }
    }
    return 'unchanged';
  }
}
