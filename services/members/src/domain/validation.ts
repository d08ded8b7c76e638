import { badInput, characterCount, optionalText } from '@kollegia/service-kit/domain';

/** Limits that keep one field from filling a document (FerretDB and MongoDB cap documents at 16 MB). */
export const LIMITS = { name: 300, text: 2000, tag: 60, tags: 30 } as const;

/** Lower-cases, trims and de-duplicates tags, keeping their order. */
export function tags(field: string, values: readonly string[] | undefined | null): string[] {
  const result: string[] = [];
  for (const raw of values ?? []) {
    // The kit's text rules, with the limit checked here to say it is per value.
    const tag = optionalText(field, raw, Number.POSITIVE_INFINITY)?.toLowerCase();
    if (tag === undefined) throw badInput(field, 'must not contain empty values');
    if (characterCount(tag) > LIMITS.tag)
      throw badInput(field, `values must be at most ${LIMITS.tag} characters`);
    if (!result.includes(tag)) result.push(tag);
  }
  if (result.length > LIMITS.tags) throw badInput(field, `must have at most ${LIMITS.tags} values`);
  return result;
}

/** An http(s) URL. */
export function optionalWebsite(
  field: string,
  value: string | undefined | null,
): string | undefined {
  const text = optionalText(field, value, LIMITS.text);
  if (text === undefined) return undefined;
  try {
    const url = new URL(text);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.toString();
  } catch {
    // fall through
  }
  throw badInput(field, 'must be an http(s) URL');
}
