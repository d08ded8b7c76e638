import type { RoundtableConcludedV1 } from '@kollegia/events';
import { deterministicId } from '@kollegia/service-kit';

import { isDuplicateKey } from '@kollegia/service-kit';
import type { RecommendationRepository } from '../db/recommendation.repository';
import { becomesRecommendation, createFromResolution } from '../domain/recommendation-lifecycle';
import { formatCode, type RecommendationCodes } from './codes';
import { idsStartingWith, type CommandContext } from './context';
import type { RequestFactUseCases } from './request-facts';
import type { RecommendationWriter } from './recommendation-writer';

const CODE_ATTEMPTS = 20;

/** What one concluded round table did here. */
export interface FromResolutionsResult {
  created: string[];
  existing: string[];
}

/**
 * Flow 1 of DESIGN.md section 4: a concluded round table's resolutions of kind RECOMMENDATION,
 * CONTROL_ITEM and QUESTION_TO_REGULATOR become PROPOSED recommendations, linked to their
 * conference, round table and resolution.
 *
 * Idempotent: a recommendation's id is derived from the round table and the resolution, so a
 * redelivered or replayed event finds it (or hits the unique `_id`) and creates nothing. The
 * decision is taken at the round table's `concludedAt`, so a replay into an empty database
 * rebuilds the same state; codes are drawn in the order of the resolutions.
 */
export class FromResolutionsUseCases {
  constructor(
    private readonly deps: {
      recommendations: RecommendationRepository;
      writer: RecommendationWriter;
      codes: RecommendationCodes;
      requestFacts: RequestFactUseCases;
    },
  ) {}

  async roundtableConcluded(event: RoundtableConcludedV1): Promise<FromResolutionsResult> {
    const { data } = event;
    const tenantId = event.tenantid;
    // The year as the round table's own clock read it (the offset travels with the instant).
    const year = data.concludedAt.slice(0, 4);
    const context: CommandContext = {
      identity: null,
      now: new Date(data.concludedAt),
      correlationId: event.correlationid,
      causationId: event.id,
    };
    const candidates = data.resolutions
      .filter((resolution) => resolution.status === 'ADOPTED')
      .filter((resolution) => becomesRecommendation(resolution.kind))
      .map((resolution) => ({ id: deterministicId(event.subject, resolution.id), resolution }));
    const found = new Map<string, { exists: boolean; pending: boolean }>();
    for (const { id } of candidates)
      found.set(id, await this.deps.recommendations.lookup(tenantId, id));

    // The numbers of the new ones are reserved in one write, in the order of the resolutions.
    const fresh = candidates.filter(({ id }) => !found.get(id)?.exists).length;
    let number = fresh > 0 ? await this.deps.codes.reserve(tenantId, year, fresh) : 0;
    const result: FromResolutionsResult = { created: [], existing: [] };
    for (const { id, resolution } of candidates) {
      const known = found.get(id);
      if (known?.exists) {
        // Finishes what a crash may have left between the change and its read models.
        if (known.pending) await this.deps.writer.project(tenantId, id);
        result.existing.push(id);
        continue;
      }
      const code = formatCode(year, number++);
      const created = await this.create(id, tenantId, year, code, context, event, resolution);
      (created ? result.created : result.existing).push(id);
    }
    // Request facts that arrived before their recommendation (or before a crash let it apply them).
    await this.deps.requestFacts.applyPendingToAny(
      tenantId,
      candidates.map(({ id }) => id),
    );
    return result;
  }

  /** Creates one recommendation; false when it was there already (a concurrent delivery). */
  private async create(
    id: string,
    tenantId: string,
    year: string,
    reserved: string,
    context: CommandContext,
    event: RoundtableConcludedV1,
    resolution: RoundtableConcludedV1['data']['resolutions'][number],
  ): Promise<boolean> {
    let code = reserved;
    for (let attempt = 1; ; attempt += 1) {
      const decision = createFromResolution(
        {
          code,
          conferenceId: event.data.conferenceId,
          roundtableId: event.data.id,
          published: event.data.published,
          resolution,
        },
        { tenantId, now: context.now, ids: idsStartingWith(id) },
      );
      try {
        await this.deps.writer.create(decision, context);
        return true;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        if (await this.deps.recommendations.exists(tenantId, id)) return false;
        // A code given by hand took this number (the counter draws each once): draw the next.
        if (attempt >= CODE_ATTEMPTS) throw error;
        code = await this.deps.codes.next(tenantId, year);
      }
    }
  }
}
