import { setTimeout as delay } from 'node:timers/promises';

import { type Logger, type Page, type PageRequest } from '@kollegia/service-kit';
import { badInput, DomainError, notFound } from '@kollegia/service-kit/domain';

import { prefixed } from '../domain/validation';

import type { RoundtableRepository, RoundtableWithPending } from '../db/roundtable.repository';
import type { StatementRepository } from '../db/statement.repository';
import type { Roundtable, RoundtableChange } from '../domain/roundtable';
import {
  correctStatement,
  type CorrectStatement,
  recordStatement,
  type RecordStatement,
  type Statement,
} from '../domain/statement';
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

/** Whether a write lost to another change of the same aggregate (its expected version is stale). */
export const isStale = (error: unknown) =>
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
  /** Statements (id and revision) whose documents this process wrote. */
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

  /**
   * Every statement of a round table in order, those still pending included (a pending correction
   * over the stored revision).
   */
  async all(roundtable: Roundtable): Promise<Statement[]> {
    const [stored, found] = await Promise.all([
      this.statements.all(roundtable.tenantId, roundtable.id),
      this.roundtables.getWithPending(roundtable.tenantId, roundtable.id),
    ]);
    return latestRevisions(stored, found?.pending ?? []);
  }

  /**
   * Every statement of a round table as of the version loaded with its pending ones (a change of
   * all of them, e.g. a redate). The stored documents are read after the round table, so a
   * statement confirmed and dropped from `pending` meanwhile is among them.
   */
  async asOf(found: RoundtableWithPending): Promise<Statement[]> {
    const stored = await this.statements.all(found.state.tenantId, found.state.id);
    return latestRevisions(stored, found.pending);
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

  private write(
    context: CommandContext,
    roundtableId: string,
    commands: readonly RecordStatement[],
    fieldPrefix: (index: number) => string,
  ): Promise<Statement[]> {
    return this.commit(context, roundtableId, (found) => {
      let state = found.state;
      const changes: RoundtableChange[] = [];
      const written: Statement[] = [];
      commands.forEach((command, index) => {
        const decision = prefixed(fieldPrefix(index), () =>
          recordStatement(state, command, decisionContext(context)),
        );
        state = decision.state;
        changes.push(...decision.changes);
        written.push(decision.statement);
      });
      return Promise.resolve({ state, changes, written });
    });
  }

  /**
   * Corrects a line of the minutes (see `correctStatement`): the round table's write carries the
   * correction and its event, then the statement's own document takes the new revision.
   */
  async correct(
    context: CommandContext,
    roundtableId: string,
    statementId: string,
    command: CorrectStatement,
  ): Promise<Statement> {
    const [statement] = await this.commit(context, roundtableId, async (found) => {
      const current = await this.current(found, statementId);
      const decision = correctStatement(found.state, current, command, decisionContext(context));
      return { ...decision, written: decision.changes.length > 0 ? [decision.statement] : [] };
    });
    return statement ?? (await this.current(await this.load(context, roundtableId), statementId));
  }

  /** The latest revision of a statement: pending in its round table's document, or stored. */
  private async current(found: RoundtableWithPending, statementId: string): Promise<Statement> {
    const pending = found.pending
      .filter((statement) => statement.id === statementId)
      .sort((a, b) => (b.revision ?? 0) - (a.revision ?? 0))[0];
    const stored =
      pending ?? (await this.statements.get(found.state.tenantId, found.state.id, statementId));
    if (!stored) throw notFound('statement', statementId);
    return stored;
  }

  private async load(context: CommandContext, roundtableId: string) {
    const { tenantId } = requireOrganizer(context.identity);
    const found = await this.roundtables.getWithPending(tenantId, roundtableId);
    if (!found) throw notFound('roundtable', roundtableId);
    return found;
  }

  /**
   * The compare-and-set loop every statement write goes through: load the round table with its
   * pending statements, decide, store the round table with the events and the statements written
   * (write 1, the commit), retry when another change got in first, then write their documents.
   */
  private async commit(
    context: CommandContext,
    roundtableId: string,
    decide: (found: RoundtableWithPending) => Promise<{
      state: Roundtable;
      changes: RoundtableChange[];
      written: Statement[];
    }>,
  ): Promise<Statement[]> {
    for (let attempt = 1; ; attempt += 1) {
      const found = await this.load(context, roundtableId);
      const { state, changes, written } = await decide(found);
      if (changes.length === 0) return written;
      const expectedVersion = found.state.version;
      const next = { ...state, version: expectedVersion + 1 };
      const pending = [...found.pending.filter((s) => !this.stored.has(storedKey(s))), ...written];
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
      await this.confirm(roundtableId, written);
      return written;
    }
  }

  /**
   * Writes the documents of statements committed with their round table (in `pendingStatements`).
   * A failure is left to the sweep: the statements are committed, the call succeeded. Says whether
   * the documents were written.
   */
  async confirm(roundtableId: string, recorded: readonly Statement[]): Promise<boolean> {
    try {
      await this.statements.store(recorded);
      this.remember(recorded);
      return true;
    } catch (error) {
      this.logger.warn({ err: error, roundtableId }, 'statement documents deferred to the sweep');
      return false;
    }
  }

  private remember(statements: readonly Statement[]): void {
    if (this.stored.size > REMEMBERED) this.stored.clear();
    for (const statement of statements) this.stored.add(storedKey(statement));
  }
}

/** Stored statements with the pending ones over them where those are a later revision, in order. */
function latestRevisions(stored: Statement[], pending: readonly Statement[]): Statement[] {
  if (pending.length === 0) return stored;
  const latest = new Map(stored.map((statement) => [statement.id, statement]));
  for (const statement of pending) {
    const known = latest.get(statement.id);
    if (!known || (known.revision ?? 0) < (statement.revision ?? 0)) {
      latest.set(statement.id, statement);
    }
  }
  return [...latest.values()].sort((a, b) => a.sequence - b.sequence);
}

/** A statement's revision as this process remembers storing it: a correction is stored anew. */
const storedKey = (statement: Statement) => `${statement.id}@${statement.revision ?? 0}`;
