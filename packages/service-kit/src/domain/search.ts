/**
 * Directory search without text indexes (FerretDB has none): each document keeps the normalised
 * tokens of its names, and a query matches when every query token starts some stored token.
 * Normalised means lower case with `ё` read as `е`, split on anything but letters and digits,
 * so Cyrillic and Latin work alike.
 */
export function normalize(text: string): string {
  // NFC first: a decomposed «ё» (е + U+0308) must read like the composed one.
  return text.normalize('NFC').toLowerCase().replace(/ё/g, 'е');
}

export function tokenize(text: string): string[] {
  return normalize(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((token) => token.length > 0);
}

/** The distinct tokens of several texts, for the stored search field. */
export function searchTokens(...texts: (string | undefined)[]): string[] {
  return [...new Set(texts.flatMap((text) => (text ? tokenize(text) : [])))];
}

/** At most this many words of a query count; the rest would only narrow an empty result. */
export const MAX_QUERY_TOKENS = 8;

export function queryTokens(text: string): string[] {
  return [...new Set(tokenize(text))].slice(0, MAX_QUERY_TOKENS);
}

/** The key lists sort by: case- and ё-insensitive. */
export function sortKey(text: string): string {
  return normalize(text).trim();
}
