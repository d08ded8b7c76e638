import type { RoundtableConcludedV1 } from '@kollegia/events';
import { deterministicId, isDuplicateKey } from '@kollegia/service-kit';

import type { AppliedConclusionRepository } from '../db/applied-conclusion.repository';
import type { RecommendationRepository } from '../db/recommendation.repository';
import { groupBy } from '@kollegia/service-kit/domain';
import { becomesRecommendation, createFromResolution } from '../domain/recommendation-lifecycle';
import type { RecommendationDecision } from '../domain/recommendation';
import { formatCode, type RecommendationCodes } from './codes';
import { idsStartingWith, type CommandContext } from './context';
import type { RequestFactUseCases } from './request-facts';
import type { RecommendationWriter } from './recommendation-writer';

const CODE_ATTEMPTS = 20;

/** What concluded round tables did here. */
export interface FromResolutionsResult {
  created: string[];
  existing: string[];
  /** Events applied in full before (a redelivery, a replay), or repeated in the batch. */
  skipped: number;
}

type Resolution = RoundtableConcludedV1['data']['resolutions'][number];

/** A resolution that becomes a recommendation, with what deciding it needs. */
interface Candidate {
  id: string;
  tenantId: string;
  year: string;
  context: CommandContext;
  event: RoundtableConcludedV1;
  resolution: Resolution;
}

function candidatesOf(event: RoundtableConcludedV1): Candidate[] {
  const { data } = event;
  const context: CommandContext = {
    identity: null,
    now: new Date(data.concludedAt),
    correlationId: event.correlationid,
    causationId: event.id,
  };
  return data.resolutions
    .filter((resolution) => resolution.status === 'ADOPTED')
    .filter((resolution) => becomesRecommendation(resolution.kind))
    .map((resolution) => ({
      id: deterministicId(event.subject, resolution.id),
      tenantId: event.tenantid,
      // The year as the round table's own clock read it (the offset travels with the instant).
      year: data.concludedAt.slice(0, 4),
      context,
      event,
      resolution,
    }));
}

function decide(candidate: Candidate, code: string): RecommendationDecision {
  const { event, resolution } = candidate;
  return createFromResolution(
    {
      code,
      conferenceId: event.data.conferenceId,
      roundtableId: event.data.id,
      published: event.data.published,
      resolution,
    },
    {
      tenantId: candidate.tenantId,
      now: candidate.context.now,
      ids: idsStartingWith(candidate.id),
    },
  );
}

/**
 * Flow 1 of DESIGN.md section 4: a concluded round table's resolutions of kind RECOMMENDATION,
 * CONTROL_ITEM and QUESTION_TO_REGULATOR become PROPOSED recommendations, linked to their
 * conference, round table and resolution.
 *
 * A Kafka batch of conclusions is applied at once, with a few writes per collection for all of
 * them (one conclusion is a batch of one): one read of the events applied in full already, one
 * read of which recommendations exist, one block of code numbers per tenant and year, one insert
 * of the new recommendations with their events, their read models together, one note of the
 * events applied.
 *
 * Idempotent: an event applied in full is noted, and skipped when it comes again. One that was
 * not (a crash half-way, a replica applying the same batch after a rebalance) finds its
 * recommendations by their ids, derived from the round table and the resolution, or hits the
 * unique `_id`, and creates nothing twice. The decision is taken at the round table's
 * `concludedAt`, so a replay into an empty database rebuilds the same state; codes are drawn in
 * the order of the events and their resolutions.
 */
export class FromResolutionsUseCases {
  constructor(
    private readonly deps: {
      recommendations: RecommendationRepository;
      writer: RecommendationWriter;
      codes: RecommendationCodes;
      requestFacts: RequestFactUseCases;
      applied: AppliedConclusionRepository;
    },
  ) {}

  roundtableConcluded(event: RoundtableConcludedV1): Promise<FromResolutionsResult> {
    return this.roundtablesConcluded([event]);
  }

  async roundtablesConcluded(events: RoundtableConcludedV1[]): Promise<FromResolutionsResult> {
    const applied = await this.deps.applied.appliedOf(
      events.map((event) => ({ tenantId: event.tenantid, eventId: event.id })),
    );
    const fresh = [...groupBy(events, (event) => event.id).values()]
      .map(([first]) => first!)
      .filter((event) => !applied.has(event.id));
    const result: FromResolutionsResult = {
      created: [],
      existing: [],
      skipped: events.length - fresh.length,
    };
    // One recommendation per resolution, whichever event of the batch names it first.
    const candidates = [...groupBy(fresh.flatMap(candidatesOf), (c) => c.id).values()].map(
      ([first]) => first!,
    );
    for (const [tenantId, ofTenant] of groupBy(candidates, (c) => c.tenantId)) {
      await this.apply(tenantId, ofTenant, result);
    }
    await this.deps.applied.record(
      fresh.map((event) => ({
        tenantId: event.tenantid,
        eventId: event.id,
        roundtableId: event.subject,
      })),
    );
    return result;
  }

  private async apply(
    tenantId: string,
    candidates: Candidate[],
    result: FromResolutionsResult,
  ): Promise<void> {
    const found = await this.deps.recommendations.lookupMany(
      tenantId,
      candidates.map(({ id }) => id),
    );
    for (const [id, { pending }] of found) {
      // Finishes what a crash may have left between the change and its read models.
      if (pending) await this.deps.writer.project(tenantId, id);
      result.existing.push(id);
    }
    const missing = candidates.filter(({ id }) => !found.has(id));

    // The numbers of the new ones are reserved in one write per year, in the order of the events
    // and their resolutions.
    const decisions: { decision: RecommendationDecision; context: CommandContext }[] = [];
    for (const [year, ofYear] of groupBy(missing, (c) => c.year)) {
      let number = await this.deps.codes.reserve(tenantId, year, ofYear.length);
      for (const candidate of ofYear) {
        const decision = decide(candidate, formatCode(year, number++));
        decisions.push({ decision, context: candidate.context });
      }
    }
    const refused = await this.deps.writer.createMany(decisions);
    for (const candidate of missing) {
      const created = !refused.has(candidate.id) || (await this.createWithNextCode(candidate));
      (created ? result.created : result.existing).push(candidate.id);
    }

    // Request facts that arrived before their recommendation (or before a crash let it apply them).
    await this.deps.requestFacts.applyPendingToAny(
      tenantId,
      candidates.map(({ id }) => id),
    );
  }

  /**
   * Creates a recommendation whose insert was refused; false when it was there already (a
   * concurrent delivery). Otherwise a code given by hand took its number (the counter draws each
   * once): it draws the next.
   */
  private async createWithNextCode(candidate: Candidate): Promise<boolean> {
    const { tenantId, year, context } = candidate;
    for (let attempt = 1; ; attempt += 1) {
      if (await this.deps.recommendations.exists(tenantId, candidate.id)) return false;
      const decision = decide(candidate, await this.deps.codes.next(tenantId, year));
      try {
        await this.deps.writer.create(decision, context);
        return true;
      } catch (error) {
        if (!isDuplicateKey(error) || attempt >= CODE_ATTEMPTS) throw error;
      }
    }
  }
}
