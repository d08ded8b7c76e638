import { encodeCursor, TenantModel, type Page, type PageRequest } from '@kollegia/service-kit';

import { groupBy } from '@kollegia/service-kit/domain';

import type { Statement } from '../domain/statement';
import type { StatementDocument, StatementModel } from './statement.model';

/**
 * A statement as read: statements stored before `occurredAt` was kept were said when they were
 * recorded (they could only be typed live).
 */
export function statementOf(
  stored: Omit<Statement, 'occurredAt'> & { occurredAt?: Date },
): Statement {
  return { ...stored, occurredAt: stored.occurredAt ?? stored.recordedAt };
}

function toDomain(doc: Record<string, unknown>): Statement {
  const { _id, ...rest } = doc;
  return statementOf({ id: _id, ...rest } as Statement);
}

/** Statements, tenant by tenant and round table by round table. */
export class StatementRepository {
  private readonly statements: TenantModel<StatementDocument>;

  constructor(statements: StatementModel) {
    this.statements = new TenantModel(statements);
  }

  /**
   * Stores statements by their ids; those already stored are left as they are (a repeated write
   * after a retry or by the sweep is a no-op), except that a correction (a higher `revision`)
   * replaces an older revision, and never the other way round.
   */
  async store(statements: readonly Statement[]): Promise<void> {
    if (statements.length === 0) return;
    for (const [tenantId, ofTenant] of groupBy(statements, (statement) => statement.tenantId)) {
      const latest = new Map<string, Statement>();
      for (const statement of ofTenant) {
        const known = latest.get(statement.id);
        if (!known || (known.revision ?? 0) < (statement.revision ?? 0)) {
          latest.set(statement.id, statement);
        }
      }
      await this.statements.insertIgnoringDuplicates(
        tenantId,
        [...latest.values()].map(({ id, ...rest }) => ({ _id: id, ...rest })),
      );
      for (const { id, ...corrected } of latest.values()) {
        if (!corrected.revision) continue;
        await this.statements.updateOne(
          tenantId,
          {
            _id: id,
            $or: [{ revision: { $exists: false } }, { revision: { $lt: corrected.revision } }],
          },
          { $set: corrected },
        );
      }
    }
  }

  /** One statement of a round table, or undefined. */
  async get(tenantId: string, roundtableId: string, id: string): Promise<Statement | undefined> {
    const doc = await this.statements
      .findOne(tenantId, { _id: id, roundtableId })
      .lean<Record<string, unknown>>();
    return doc ? toDomain(doc) : undefined;
  }

  /**
   * Whether any statement of a round table stored when it was said: every statement written since
   * the record kept it does, none stored before did.
   */
  async anySaidAt(tenantId: string, roundtableId: string): Promise<boolean> {
    const doc = await this.statements
      .findOne(tenantId, { roundtableId, occurredAt: { $exists: true } }, { _id: 1 })
      .lean();
    return doc !== null;
  }

  /** A keyset page of a round table's statements by sequence. */
  async page(
    tenantId: string,
    roundtableId: string,
    page: PageRequest,
    totalCount: () => Promise<number>,
  ): Promise<Page<Statement>> {
    const after = page.after ? Number(page.after.sort) : 0;
    const rows = await this.statements
      .find(tenantId, { roundtableId, sequence: { $gt: after } })
      .sort({ sequence: 1 })
      .limit(page.limit + 1)
      .lean<Record<string, unknown>[]>();
    const items = rows.slice(0, page.limit).map(toDomain);
    return {
      items,
      cursors: items.map((item) => encodeCursor({ sort: item.sequence, id: item.id })),
      hasNextPage: rows.length > page.limit,
      hasPreviousPage: page.after !== undefined,
      totalCount,
    };
  }

  /** Every statement of a round table in sequence order (for the minutes). */
  async all(tenantId: string, roundtableId: string): Promise<Statement[]> {
    const rows = await this.statements
      .find(tenantId, { roundtableId })
      .sort({ sequence: 1 })
      .lean<Record<string, unknown>[]>();
    return rows.map(toDomain);
  }
}
