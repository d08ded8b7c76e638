import type { Logger, OnceClaims } from '@kollegia/service-kit';
import type { DomainError } from '@kollegia/service-kit/domain';

import type { RecommendationRepository } from '../db/recommendation.repository';
import type { Recommendation } from '../domain/recommendation';
import { hasCutTitle, restoreWholeTitle } from '../domain/recommendation-lifecycle';
import { newId, type CommandContext } from './context';
import type { RecommendationWriter } from './recommendation-writer';

/** The key under which one replica, once, runs the migration. */
export const MIGRATION_KEY = 'migration:whole-titles';
const PAGE = 500;
const ATTEMPTS = 20;

/**
 * The migration that gives back the whole first sentence to the titles the old rule cut: before
 * titles were kept whole (up to 300 characters, `shortTitle` deriving the 120-character cut for
 * tables), a recommendation drafted from a resolution took its first sentence cut at about 120
 * characters. One whose title is still exactly that cut (`hasCutTitle`) gets the whole sentence,
 * announced as a revised title (`revised`, `changedFields: ['title']`, actor the service); one
 * retitled by hand or whose text was revised has another title and stays.
 *
 * Run at start by every replica; the kit's `OnceClaims` lets exactly one run it, once. A replica
 * that dies half-way leaves the claim unfinished; the next start after the lease takes it over
 * and finishes: a restored title is no longer cut, and a recommendation changed meanwhile is read
 * again (version compare-and-set).
 */
export class WholeTitlesMigration {
  constructor(
    private readonly deps: {
      recommendations: RecommendationRepository;
      writer: RecommendationWriter;
      claims: OnceClaims;
      logger: Logger;
    },
  ) {}

  /** Runs the migration at `now` unless it ran or is running; how many titles it restored. */
  async run(now: Date): Promise<number> {
    const restored = await this.deps.claims.once(MIGRATION_KEY, now, (claimId) =>
      this.restoreAll({ identity: null, now, correlationId: claimId }),
    );
    if (restored) this.deps.logger.info({ restored }, 'whole titles restored');
    return restored ?? 0;
  }

  private async restoreAll(context: CommandContext): Promise<number> {
    let restored = 0;
    for (let after: string | undefined; ;) {
      const page = await this.deps.recommendations.withCutTitles(after, PAGE);
      for (const { tenantId, id } of page.filter(hasCutTitle)) {
        if (await this.restore(tenantId, id, context)) restored += 1;
      }
      if (page.length < PAGE) return restored;
      after = page.at(-1)?.id;
    }
  }

  private async restore(tenantId: string, id: string, context: CommandContext): Promise<boolean> {
    let current: Recommendation | undefined = await this.deps.recommendations.get(tenantId, id);
    for (let attempt = 1; current && attempt <= ATTEMPTS; attempt += 1) {
      const decision = restoreWholeTitle(current, { now: context.now, ids: newId });
      if (decision.changes.length === 0) return false;
      try {
        await this.deps.writer.save(current, decision, context);
        return true;
      } catch (error) {
        if ((error as DomainError).code !== 'CONFLICT') throw error;
        current = await this.deps.recommendations.get(tenantId, id);
      }
    }
    return false;
  }
}
