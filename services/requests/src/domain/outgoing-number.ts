import { badInput, localDate, requiredText } from '@kollegia/service-kit/domain';

/**
 * The year an outgoing number belongs to: the sender's year at the moment of sending, so a
 * letter sent at 01:00 on 1 January in Moscow is numbered in the new year.
 */
export function outgoingYear(now: Date, timeZone: string): number {
  return Number(localDate(now, timeZone).slice(0, 4));
}

/**
 * An outgoing number: the tenant's prefix, the year and a sequence that restarts every year,
 * e.g. `АКИТ-2016/014`. The caller keeps the sequence per tenant and year, so numbers are unique.
 */
export function formatOutgoingNumber(prefix: string, year: number, sequence: number): string {
  const text = requiredText('prefix', prefix, 20);
  if (!Number.isInteger(sequence) || sequence < 1) {
    throw badInput('sequence', 'must be a whole number from 1');
  }
  return `${text}-${year}/${String(sequence).padStart(3, '0')}`;
}
