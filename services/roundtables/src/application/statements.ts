import { setTimeout as delay } from 'node:timers/promises';

import { type Logger, type Page, type PageRequest } from '@kollegia/service-kit';
import { badInput, DomainError, notFound } from '@kollegia/service-kit/domain';

import type { RoundtableRepository } from '../db/roundtable.repository';
import type { StatementRepository } from '../db/statement.repository';
import type { Roundtable, RoundtableChange } from '../domain/roundtable';
import { recordStatement, type RecordStatement, type Statement } from '../domain/statement';
import { decisionContext, type CommandContext } from './context';
import { requireOrganizer } from './permissions';
import { roundtableEvents } from './roundtable-events';

/**
 * How often a statement is retried when another change of the round table got in first: enough
 * for a burst of lines typed at once (each round of a burst has one winner), each retry after a
 * short random pause so the writers spread out.
 */
export const STATEMENT_ATTEMPTS = 50;
const RETRY_PAUSE_MS = 20;
/** At most this many statements in one `recordStatements` call. */
export const MAX_STATEMENTS_PER_CALL = 100;
/** How many ids of statements this process stored it remembers (see `stored`). */
const REMEMBERED = 10_000;

const isStale = (error: unknown) =>
  error instanceof DomainError &&
  error.code === 'CONFLICT' &&
  error.details.field === 'expectedVersion';

/**
 * The minutes. Statements take no `expectedVersion`: the secretary types while others change the
 * agenda or resolutions, and a line must never be lost to a version check. So each call loads the
 * current version and writes with a compare-and-set; when another change got in first (another
 * call, another process, a mutation of the round table) it loads again and retries.
 *
 * Writing a statement takes two writes, and there are no multi-document transactions:
 * 1. the round table: its statement count and last sequence, the `statement-recorded` event
 *    carrying the whole statement (outbox), and the statement itself in `pendingStatements`;
 * 2. the statement's own document, by the id the event announced (a repeat is a no-op).
 * The first write commits the statement; a crash before the second leaves it in
 * `pendingStatements`, from where `storePending` (at start and periodically) writes it. Entries
 * this process knows it stored are dropped by the round table's next statement write.
 */
export class StatementUseCases {
  /** Ids of statements whose documents this process wrote. */
  private readonly stored = new Set<string>();

  constructor(
    private readonly roundtables: RoundtableRepository,
    private readonly statements: StatementRepository,
    private readonly logger: Logger,
  ) {}

  async record(context: CommandContext, roundtableId: string, command: RecordStatement) {
    const [statement] = await this.write(context, roundtableId, [command], () => '');
    return statement!;
  }

  /** Several lines at once (typing up or importing minutes); one write, one version. */
  recordMany(context: CommandContext, roundtableId: string, commands: readonly RecordStatement[]) {
    if (commands.length === 0 || commands.length > MAX_STATEMENTS_PER_CALL) {
      throw badInput('statements', `must have 1 to ${MAX_STATEMENTS_PER_CALL} statements`);
    }
    return this.write(context, roundtableId, commands, (index) => `statements[${index}].`);
  }

  /** A keyset page of a round table the caller may see (the GraphQL parent checked that). */
  page(roundtable: Roundtable, page: PageRequest): Promise<Page<Statement>> {
    return this.statements.page(roundtable.tenantId, roundtable.id, page, () =>
      Promise.resolve(roundtable.statementCount),
    );
  }

  /** Every statement of a round table in order, those still pending included. */
  async all(roundtable: Roundtable): Promise<Statement[]> {
    const [stored, found] = await Promise.all([
      this.statements.all(roundtable.tenantId, roundtable.id),
      this.roundtables.getWithPending(roundtable.tenantId, roundtable.id),
    ]);
    const ids = new Set(stored.map((statement) => statement.id));
    const missing = (found?.pending ?? []).filter((statement) => !ids.has(statement.id));
    if (missing.length === 0) return stored;
    return [...stored, ...missing].sort((a, b) => a.sequence - b.sequence);
  }

  /** Writes the statements a crash left in round tables' documents; returns how many. */
  async storePending(batch = 100): Promise<number> {
    let count = 0;
    for (const { tenantId, id, pending } of await this.roundtables.withPendingStatements(batch)) {
      await this.statements.store(pending);
      this.remember(pending);
      await this.roundtables.dropPending(tenantId, id, pending);
      count += pending.length;
    }
    return count;
  }

  private async write(
    context: CommandContext,
    roundtableId: string,
    commands: readonly RecordStatement[],
    fieldPrefix: (index: number) => string,
  ): Promise<Statement[]> {
    const { tenantId } = requireOrganizer(context.identity);
    for (let attempt = 1; ; attempt += 1) {
      const found = await this.roundtables.getWithPending(tenantId, roundtableId);
      if (!found) throw notFound('roundtable', roundtableId);
      let state = found.state;
      const changes: RoundtableChange[] = [];
      const recorded: Statement[] = [];
      commands.forEach((command, index) => {
        const decision = prefixed(fieldPrefix(index), () =>
          recordStatement(state, command, decisionContext(context)),
        );
        state = decision.state;
        changes.push(...decision.changes);
        recorded.push(decision.statement);
      });
      const expectedVersion = found.state.version;
      const next = { ...state, version: expectedVersion + 1 };
      const pending = [...found.pending.filter((s) => !this.stored.has(s.id)), ...recorded];
      try {
        await this.roundtables.updateWithStatements(
          next,
          expectedVersion,
          roundtableEvents(next, changes, context),
          pending,
        );
      } catch (error) {
        if (isStale(error) && attempt < STATEMENT_ATTEMPTS) {
          await delay(Math.random() * RETRY_PAUSE_MS);
          continue;
        }
        throw error;
      }
      try {
        await this.statements.store(recorded);
        this.remember(recorded);
      } catch (error) {
        // Committed with the round table; the sweep writes the documents. The call succeeded.
        this.logger.warn({ err: error, roundtableId }, 'statement documents deferred to the sweep');
      }
      return recorded;
    }
  }

  private remember(statements: readonly Statement[]): void {
    if (this.stored.size > REMEMBERED) this.stored.clear();
    for (const statement of statements) this.stored.add(statement.id);
  }
}

/** Runs a decision, naming the offending field of a batch entry (`statements[3].text`). */
function prefixed<T>(prefix: string, decide: () => T): T {
  try {
    return decide();
  } catch (error) {
    if (!prefix || !(error instanceof DomainError) || error.details.field === undefined)
      throw error;
    const field = `${prefix}${error.details.field}`;
    throw new DomainError(error.code, `${prefix}${error.message}`, { ...error.details, field });
  }
}
