import { badInput, requiredText } from '@kollegia/service-kit/domain';

import { ISO_3166_CODES } from './iso-3166-codes';

/** Each ISO 3166-1 alpha-2 country code with the ISO 3166-2 codes of its subdivisions. */
const SUBDIVISIONS: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries(ISO_3166_CODES).map(([country, codes]) => [
    country,
    new Set(codes === '' ? [] : codes.split(' ').map((code) => `${country}-${code}`)),
  ]),
);

/**
 * The country of an organisation whose card names none: clients from before countries were
 * recorded could register Russian organisations only.
 */
export const DEFAULT_COUNTRY = 'RU';

// Codes are at most 6 characters (RU-MOW); the limit keeps messages that quote one short.
const MAX_CODE_LENGTH = 10;

const cleanCode = (field: string, value: string) =>
  requiredText(field, value, MAX_CODE_LENGTH).toUpperCase();

const isSubdivision = (code: string) => SUBDIVISIONS.get(code.slice(0, 2))?.has(code) === true;

/** An ISO 3166-1 alpha-2 country code, upper-cased; anything else is BAD_USER_INPUT. */
export function countryCode(field: string, value: string): string {
  const country = cleanCode(field, value);
  if (!SUBDIVISIONS.has(country))
    throw badInput(field, `${country} is not an ISO 3166-1 alpha-2 country code, e.g. RU, BY, KZ`);
  return country;
}

/**
 * An ISO 3166-2 code of one of the country's subdivisions, upper-cased. A code of another
 * country's subdivision, or no code at all (e.g. RU-BY), is BAD_USER_INPUT saying which.
 */
export function subdivisionCode(field: string, value: string, country: string): string {
  const subdivision = cleanCode(field, value);
  const owner = subdivision.slice(0, 2);
  if (isSubdivision(subdivision)) {
    if (owner === country) return subdivision;
    throw badInput(field, `${subdivision} is a subdivision of ${owner}, not of ${country}`);
  }
  const [example] = SUBDIVISIONS.get(country) ?? [];
  // The organisation events (v1) carry a subdivision, so a country without any cannot be told yet.
  if (example === undefined)
    throw badInput('country', `${country} has no ISO 3166-2 subdivisions to say where it sits`);
  throw badInput(
    field,
    `${subdivision} is not an ISO 3166-2 code of a subdivision of ${country}, e.g. ${example}`,
  );
}

/** The codes a directory search narrows to, each checked: a country, a subdivision (of it). */
export function jurisdictionFilter(filter: {
  country?: string | null;
  subdivision?: string | null;
}): { country?: string; subdivision?: string } {
  const country = filter.country ? countryCode('country', filter.country) : undefined;
  if (!filter.subdivision) return country ? { country } : {};
  const subdivision = cleanCode('subdivision', filter.subdivision);
  if (country)
    return { country, subdivision: subdivisionCode('subdivision', subdivision, country) };
  if (!isSubdivision(subdivision))
    throw badInput(
      'subdivision',
      `${subdivision} is not an ISO 3166-2 subdivision code, e.g. RU-MOW`,
    );
  return { subdivision };
}
