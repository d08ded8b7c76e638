import type { RoundtableConcludedV1 } from '@kollegia/events';
import { deterministicId, isDuplicateKey } from '@kollegia/service-kit';

import type { AppliedConclusionRepository } from '../db/applied-conclusion.repository';
import type { RecommendationRepository } from '../db/recommendation.repository';
import { groupBy } from '@kollegia/service-kit/domain';
import { meetingDateOf } from '../domain/meeting-year';
import { becomesRecommendation, createFromResolution } from '../domain/recommendation-lifecycle';
import type { RecommendationDecision } from '../domain/recommendation';
import { formatCode, type RecommendationCodes } from './codes';
import type { ControlItemCandidate, ControlItemUseCases } from './control-items';
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
  /** Items taken under control now (those there already are left as they are). */
  controlItems: string[];
}

type Resolution = RoundtableConcludedV1['data']['resolutions'][number];

/** A resolution that becomes a recommendation, with what deciding it needs. */
interface Candidate {
  id: string;
  tenantId: string;
  /** The day the round table sat, in the workspace's calendar; its year is the code's. */
  meetingDate: string;
  year: string;
  context: CommandContext;
  event: RoundtableConcludedV1;
  resolution: Resolution;
}

function candidatesOf(event: RoundtableConcludedV1, timeZone: string): Candidate[] {
  const { data } = event;
  const meetingDate = meetingDateOf(new Date(data.concludedAt), timeZone);
  const context: CommandContext = {
    identity: null,
    // Proposed when the sitting concluded; recorded when its conclusion was (the event's own
    // time, so a rebuild reproduces both).
    now: new Date(data.concludedAt),
    recordedAt: new Date(event.time),
    correlationId: event.correlationid,
    causationId: event.id,
  };
  return data.resolutions
    .filter((resolution) => resolution.status === 'ADOPTED')
    .filter((resolution) => becomesRecommendation(resolution.kind))
    .map((resolution) => ({
      id: deterministicId(event.subject, resolution.id),
      tenantId: event.tenantid,
      meetingDate,
      year: meetingDate.slice(0, 4),
      context,
      event,
      resolution,
    }));
}

/** The control items of a conclusion: taken under control at once, no adoption step. */
function controlItemsOf(event: RoundtableConcludedV1, timeZone: string): ControlItemCandidate[] {
  const { data } = event;
  const context: CommandContext = {
    identity: null,
    now: new Date(data.concludedAt),
    recordedAt: new Date(event.time),
    correlationId: event.correlationid,
    causationId: event.id,
  };
  return data.resolutions
    .filter((resolution) => resolution.status === 'ADOPTED' && resolution.kind === 'CONTROL_ITEM')
    .map((resolution) => ({
      id: deterministicId(event.subject, resolution.id),
      context,
      command: {
        conferenceId: data.conferenceId,
        roundtableId: data.id,
        meetingDate: meetingDateOf(new Date(data.concludedAt), timeZone),
        published: data.published,
        resolution,
      },
    }));
}

function decide(candidate: Candidate, code: string): RecommendationDecision {
  const { event, resolution } = candidate;
  return createFromResolution(
    {
      code,
      conferenceId: event.data.conferenceId,
      roundtableId: event.data.id,
      meetingDate: candidate.meetingDate,
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
 * Flow 1 of DESIGN.md section 4: a concluded round table's resolutions of kind RECOMMENDATION
 * and QUESTION_TO_REGULATOR become PROPOSED recommendations, linked to their conference, round
 * table and resolution; those of kind CONTROL_ITEM are taken under control at once.
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
 * `concludedAt` and announced as recorded at its event's `time`, so a replay into an empty
 * database rebuilds the same state; codes take the year of the sitting (its `concludedAt` in the
 * workspace's calendar) and are drawn in the order of the events and their resolutions.
 */
export class FromResolutionsUseCases {
  constructor(
    private readonly deps: {
      recommendations: RecommendationRepository;
      writer: RecommendationWriter;
      codes: RecommendationCodes;
      requestFacts: RequestFactUseCases;
      applied: AppliedConclusionRepository;
      controlItems: ControlItemUseCases;
      /** The workspace's calendar, in which a sitting's `concludedAt` falls on its meeting day. */
      timeZone: string;
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
      controlItems: [],
      skipped: events.length - fresh.length,
    };
    // One recommendation per resolution, whichever event of the batch names it first.
    const candidates = [
      ...groupBy(
        fresh.flatMap((event) => candidatesOf(event, this.deps.timeZone)),
        (c) => c.id,
      ).values(),
    ].map(([first]) => first!);
    // Items under control first: their decisions are taken before anything is written, so a
    // conclusion the domain refuses there leaves no recommendation behind either.
    for (const [tenantId, ofTenant] of groupBy(fresh, (event) => event.tenantid)) {
      const items = ofTenant.flatMap((event) => controlItemsOf(event, this.deps.timeZone));
      result.controlItems.push(...(await this.deps.controlItems.take(tenantId, items)));
    }
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
