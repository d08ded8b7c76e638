import type { Logger, OnceClaims } from '@kollegia/service-kit';
import { isDuplicateKey } from '@kollegia/service-kit';
import type { DomainError } from '@kollegia/service-kit/domain';

import type { RecommendationRepository } from '../db/recommendation.repository';
import { listKey } from '../db/recommendation.repository';
import { codeYear, needsRenumbering, renumberRecommendation } from '../domain/meeting-year';
import type { Recommendation } from '../domain/recommendation';
import type { RecommendationCodes } from './codes';
import { newId, type CommandContext } from './context';
import type { RecommendationWriter } from './recommendation-writer';

/** The key under which one replica, once, runs the migration. */
export const MIGRATION_KEY = 'migration:codes-by-meeting-year';
const PAGE = 500;
const ATTEMPTS = 20;

/**
 * The migration that moves codes to the year of their meeting (DESIGN.md section 3): a
 * recommendation whose generated code names another year than its meeting's (recorded before
 * codes followed the meeting) gets the next number of its meeting's year, `renumbered` on its
 * timeline and as an event (the code is what people cite, so watchers must hear of the change).
 *
 * Run at start by every replica; the kit's `OnceClaims` lets exactly one run it, once: the
 * others go on at once (what they write is numbered right already). A replica that dies half-way
 * leaves the claim unfinished; the next start after the lease takes it over and finishes: each
 * step is idempotent (a renumbered recommendation no longer needs it), and a recommendation
 * changed meanwhile is read again (version compare-and-set). Renumbered in creation order, so
 * numbering in a past year starts at 01 (a number is lost only to a crash between drawing it and
 * saving, or to a code given by hand that holds it already).
 */
export class CodesByMeetingYearMigration {
  constructor(
    private readonly deps: {
      recommendations: RecommendationRepository;
      writer: RecommendationWriter;
      codes: RecommendationCodes;
      claims: OnceClaims;
      timeZone: string;
      logger: Logger;
    },
  ) {}

  /** Runs the migration at `now` unless it ran or is running; how many it renumbered. */
  async run(now: Date): Promise<number> {
    const renumbered = await this.deps.claims.once(MIGRATION_KEY, now, (claimId) =>
      this.renumberAll(now, claimId),
    );
    if (renumbered) this.deps.logger.info({ renumbered }, 'codes moved to meeting years');
    return renumbered ?? 0;
  }

  private async renumberAll(now: Date, claimId: string): Promise<number> {
    const due: Awaited<ReturnType<RecommendationRepository['withGeneratedCodes']>> = [];
    for (let after: string | undefined; ;) {
      const page = await this.deps.recommendations.withGeneratedCodes(after, PAGE);
      due.push(...page.filter((state) => needsRenumbering(state, this.deps.timeZone)));
      if (page.length < PAGE) break;
      after = page.at(-1)?.id;
    }
    // Per tenant, in the order they were created (then by old code), as numbers are drawn.
    due.sort(
      (a, b) => a.tenantId.localeCompare(b.tenantId) || listKey(a).localeCompare(listKey(b)),
    );
    const context: CommandContext = { identity: null, now, correlationId: claimId };
    let renumbered = 0;
    for (const { tenantId, id } of due) {
      if (await this.renumber(tenantId, id, context)) renumbered += 1;
    }
    return renumbered;
  }

  private async renumber(tenantId: string, id: string, context: CommandContext): Promise<boolean> {
    let current: Recommendation | undefined = await this.deps.recommendations.get(tenantId, id);
    for (let attempt = 1; current && attempt <= ATTEMPTS; attempt += 1) {
      if (!needsRenumbering(current, this.deps.timeZone)) return false;
      const code = await this.deps.codes.next(tenantId, codeYear(current, this.deps.timeZone));
      try {
        await this.deps.writer.save(
          current,
          renumberRecommendation(current, code, { now: context.now, ids: newId }),
          context,
        );
        return true;
      } catch (error) {
        // A code given by hand holds the number: draw the next. Changed meanwhile: read again.
        if (isDuplicateKey(error)) continue;
        if ((error as DomainError).code !== 'CONFLICT') throw error;
        current = await this.deps.recommendations.get(tenantId, id);
      }
    }
    return false;
  }
}
