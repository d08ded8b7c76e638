import type { CounterRepository } from '../db/counter.repository';

/**
 * Readable codes, `R-<year>-<number>` (R-2016-04): the year of the conference (of the round
 * table's conclusion; of the drafting for a recommendation drafted by hand) and a number counted
 * per tenant and year. Codes are unique per tenant (the contract says so), which a number per
 * conference could not be once a tenant holds two conferences in one year; within one concluded
 * round table the numbers follow the order of its resolutions.
 */
export class RecommendationCodes {
  constructor(private readonly counters: CounterRepository) {}

  async next(tenantId: string, year: string): Promise<string> {
    return formatCode(year, await this.reserve(tenantId, year, 1));
  }

  /** Reserves `count` consecutive numbers of a year in one write; returns the first. */
  async reserve(tenantId: string, year: string, count: number): Promise<number> {
    const last = await this.counters.next(tenantId, `code:${tenantId}:${year}`, count);
    return last - count + 1;
  }
}

export function formatCode(year: string, number: number): string {
  return `R-${year}-${String(number).padStart(2, '0')}`;
}
