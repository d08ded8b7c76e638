import {
  encodeCursor,
  insertIgnoringDuplicates,
  type Page,
  type PageRequest,
} from '@kollegia/service-kit';

import type { Statement } from '../domain/statement';
import type { StatementModel } from './statement.model';

function toDomain(doc: Record<string, unknown>): Statement {
  const { _id, ...rest } = doc;
  return { id: _id, ...rest } as Statement;
}

/** Statements, tenant by tenant and round table by round table. */
export class StatementRepository {
  constructor(private readonly statements: StatementModel) {}

  /**
   * Stores statements by their ids; those already stored are left as they are (a repeated write
   * after a retry or by the sweep is a no-op).
   */
  async store(statements: readonly Statement[]): Promise<void> {
    if (statements.length === 0) return;
    const docs = statements.map(({ id, ...rest }) => ({ _id: id, ...rest }));
    await insertIgnoringDuplicates(this.statements.collection, docs);
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
      .find({ tenantId, roundtableId, sequence: { $gt: after } })
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
      .find({ tenantId, roundtableId })
      .sort({ sequence: 1 })
      .lean<Record<string, unknown>[]>();
    return rows.map(toDomain);
  }
}
