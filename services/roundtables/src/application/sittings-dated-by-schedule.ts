import type { Logger, OnceClaims } from '@kollegia/service-kit';
import { DomainError } from '@kollegia/service-kit/domain';

import type { RoundtableRepository } from '../db/roundtable.repository';
import type { StatementRepository } from '../db/statement.repository';
import { scheduledSpan } from '../domain/redate-sitting';
import type { CommandContext } from './context';
import type { RoundtableUseCases } from './roundtables';
import { isStale } from './statements';

/** The key under which one replica, once, runs the migration. */
export const MIGRATION_KEY = 'migration:sittings-dated-by-schedule';
/** How long a replica's claim holds before a start elsewhere takes the migration over. */
export const MIGRATION_LEASE_MS = 10 * 60 * 1000;
const PAGE = 200;
const ATTEMPTS = 20;

/**
 * The migration of sittings recorded after they were held (ADR 0016): before the record kept when
 * things happened, the server put its own clock on every moment, so a past meeting typed up later
 * started, spoke and concluded on the day of typing. Each such sitting (`scheduledSpan`, and no
 * statement stored with `occurredAt`) is redated onto its schedule by the same decision and event
 * as `redateSitting`, by the system (no identity).
 *
 * Run at start by every replica; the kit's `OnceClaims` lets exactly one run it, once: the others
 * go on at once. A replica that dies half-way leaves the claim unfinished; the next start after
 * the lease takes it over and finishes: a redated sitting no longer qualifies (it starts on its
 * schedule), and its statements were moved in the same write as the round table (see
 * `RoundtableUseCases.redateLoaded`). A sitting changed meanwhile is read again.
 */
export class SittingsDatedByScheduleMigration {
  constructor(
    private readonly deps: {
      roundtables: RoundtableRepository;
      statements: StatementRepository;
      redate: Pick<RoundtableUseCases, 'redateLoaded'>;
      claims: OnceClaims;
      logger: Logger;
    },
  ) {}

  /** Runs the migration at `now` unless it ran or is running; how many sittings it redated. */
  async run(now: Date): Promise<number> {
    const redated = await this.deps.claims.once(MIGRATION_KEY, now, (claimId) =>
      this.redateAll({ identity: null, now, correlationId: claimId }),
    );
    if (redated) this.deps.logger.info({ redated }, 'sittings moved onto their schedule');
    return redated ?? 0;
  }

  private async redateAll(context: CommandContext): Promise<number> {
    let redated = 0;
    for (let after: string | undefined; ;) {
      const page = await this.deps.roundtables.concludedWithOpenMinutes(after, PAGE);
      for (const { tenantId, id } of page.filter((state) => scheduledSpan(state))) {
        if (await this.redate(tenantId, id, context)) redated += 1;
      }
      if (page.length < PAGE) return redated;
      after = page.at(-1)?.id;
    }
  }

  private async redate(tenantId: string, id: string, context: CommandContext): Promise<boolean> {
    for (let attempt = 1; attempt <= ATTEMPTS; attempt += 1) {
      const found = await this.deps.roundtables.getWithPending(tenantId, id);
      const span = found && scheduledSpan(found.state);
      if (!span || (await this.deps.statements.anySaidAt(tenantId, id))) return false;
      try {
        await this.deps.redate.redateLoaded(context, found, span);
        return true;
      } catch (error) {
        if (isStale(error)) continue;
        // A schedule the rules refuse (e.g. no end and no length) leaves the sitting as it is.
        if (!(error instanceof DomainError)) throw error;
        this.deps.logger.warn({ err: error, tenantId, roundtableId: id }, 'sitting left as dated');
        return false;
      }
    }
    return false;
  }
}
