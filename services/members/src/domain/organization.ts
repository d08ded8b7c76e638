import type { OrganizationKind, OrganizationStatus } from '@kollegia/events';
import {
  badInput,
  conflict,
  optionalText,
  requiredText,
  sameValue,
  withoutUndefined,
} from '@kollegia/service-kit/domain';

import { isValidInn, isValidOgrn } from './inn-ogrn';
import { countryCode, DEFAULT_COUNTRY, subdivisionCode } from './jurisdiction';
import { LIMITS, optionalWebsite, tags } from './validation';

/** An organisation in the directory. */
export interface Organization {
  id: string;
  tenantId: string;
  version: number;
  name: string;
  shortName: string;
  kind: OrganizationKind;
  /** Its jurisdiction, ISO 3166-1 alpha-2 (e.g. RU, BY). */
  country: string;
  /** Where it sits, ISO 3166-2, a subdivision of `country` (e.g. RU-MOW, BY-HM). */
  subdivision: string;
  /** What it does, its role. */
  description?: string;
  industries: string[];
  inn?: string;
  ogrn?: string;
  website?: string;
  parentId?: string;
  status: OrganizationStatus;
  /** Visible to partners; internal otherwise. */
  published: boolean;
  archiveReason?: string;
  createdAt: Date;
  updatedAt: Date;
}

/** What can be set on an organisation's card (register takes all, update any subset). */
export interface OrganizationCard {
  name: string;
  shortName?: string | null;
  kind: OrganizationKind;
  /** Defaults to RU (see DEFAULT_COUNTRY). */
  country?: string | null;
  /** Required, here or as `region`. */
  subdivision?: string | null;
  /** The former name of `subdivision`, still accepted from clients that send it. */
  region?: string | null;
  description?: string | null;
  industries?: string[] | null;
  inn?: string | null;
  ogrn?: string | null;
  website?: string | null;
  parentId?: string | null;
  published?: boolean | null;
}

/** The fields `organization.updated` reports; renames and archiving have events of their own. */
export type OrganizationUpdatableField =
  | 'kind'
  | 'country'
  | 'subdivision'
  | 'description'
  | 'industries'
  | 'inn'
  | 'ogrn'
  | 'website'
  | 'parentId'
  | 'published';

/** What a change did, for the application layer to announce. */
export type OrganizationChange =
  | { kind: 'registered' }
  | { kind: 'renamed'; previousName: string; previousShortName: string }
  | { kind: 'updated'; changedFields: OrganizationUpdatableField[] }
  | { kind: 'archived'; reason?: string };

/**
 * The country and subdivision a card gives; the subdivision under its name or its former one,
 * and errors name the field the caller used.
 */
function jurisdiction(card: OrganizationCard): { country: string; subdivision: string } {
  const country = countryCode('country', card.country ?? DEFAULT_COUNTRY);
  if (!given(card.region)) {
    return {
      country,
      subdivision: subdivisionCode('subdivision', card.subdivision ?? '', country),
    };
  }
  if (given(card.subdivision) && !sameCode(card.subdivision, card.region))
    throw badInput('region', 'is the former name of subdivision: give one of them');
  return { country, subdivision: subdivisionCode('region', card.region, country) };
}

const given = (value: string | null | undefined): value is string =>
  value !== undefined && value !== null;

const sameCode = (a: string, b: string) => a.trim().toUpperCase() === b.trim().toUpperCase();

function inn(value: string | null | undefined): string | undefined {
  const text = optionalText('inn', value, 12);
  if (text !== undefined && !isValidInn(text))
    throw badInput('inn', 'is not a valid INN (10 or 12 digits with check digits)');
  return text;
}

function ogrn(value: string | null | undefined): string | undefined {
  const text = optionalText('ogrn', value, 15);
  if (text !== undefined && !isValidOgrn(text))
    throw badInput('ogrn', 'is not a valid OGRN (13 or 15 digits with a control digit)');
  return text;
}

/** Validates a full card; the parent's existence is checked by the caller, which can see others. */
function validCard(card: OrganizationCard, id: string) {
  const name = requiredText('name', card.name, LIMITS.name);
  const parentId = optionalText('parentId', card.parentId, 64);
  if (parentId === id) throw badInput('parentId', 'an organisation cannot be its own parent');
  return {
    name,
    shortName: optionalText('shortName', card.shortName, LIMITS.name) ?? name,
    kind: card.kind,
    ...jurisdiction(card),
    description: optionalText('description', card.description, LIMITS.text),
    industries: tags('industries', card.industries),
    inn: inn(card.inn),
    ogrn: ogrn(card.ogrn),
    website: optionalWebsite('website', card.website),
    parentId,
    published: card.published ?? false,
  };
}

export function registerOrganization(
  card: OrganizationCard,
  context: { id: string; tenantId: string; now: Date },
): { state: Organization; changes: OrganizationChange[] } {
  const state: Organization = {
    id: context.id,
    tenantId: context.tenantId,
    version: 1,
    ...withoutUndefined(validCard(card, context.id)),
    status: 'ACTIVE',
    createdAt: context.now,
    updatedAt: context.now,
  };
  return { state, changes: [{ kind: 'registered' }] };
}

const UPDATABLE: OrganizationUpdatableField[] = [
  'kind',
  'country',
  'subdivision',
  'description',
  'industries',
  'inn',
  'ogrn',
  'website',
  'parentId',
  'published',
];

/**
 * Applies a partial card: absent fields stay, `null` clears an optional one. An archived
 * organisation cannot change.
 */
export function updateOrganization(
  state: Organization,
  patch: Partial<OrganizationCard>,
  now: Date,
): { state: Organization; changes: OrganizationChange[] } {
  if (state.status === 'ARCHIVED') {
    throw conflict('an archived organisation cannot be changed (status ARCHIVED)', state.status);
  }
  for (const field of ['kind', 'country', 'subdivision', 'region'] as const) {
    if (patch[field] === null) throw badInput(field, 'is required and cannot be cleared');
  }
  const newSubdivision = given(patch.subdivision) || given(patch.region);
  const merged: OrganizationCard = {
    name: patch.name === undefined ? state.name : (patch.name ?? ''),
    shortName: patch.shortName === undefined ? state.shortName : patch.shortName,
    kind: patch.kind ?? state.kind,
    country: patch.country ?? state.country,
    subdivision: newSubdivision ? patch.subdivision : state.subdivision,
    region: newSubdivision ? patch.region : undefined,
    description: patch.description === undefined ? state.description : patch.description,
    industries: patch.industries === undefined ? state.industries : patch.industries,
    inn: patch.inn === undefined ? state.inn : patch.inn,
    ogrn: patch.ogrn === undefined ? state.ogrn : patch.ogrn,
    website: patch.website === undefined ? state.website : patch.website,
    parentId: patch.parentId === undefined ? state.parentId : patch.parentId,
    published: patch.published === undefined ? state.published : patch.published,
  };
  const card = validCard(merged, state.id);
  const next: Organization = {
    ...state,
    ...card,
    updatedAt: now,
  };
  const changes: OrganizationChange[] = [];
  if (next.name !== state.name || next.shortName !== state.shortName) {
    changes.push({ kind: 'renamed', previousName: state.name, previousShortName: state.shortName });
  }
  const changedFields = UPDATABLE.filter((field) => !sameValue(state[field], next[field]));
  if (changedFields.length > 0) changes.push({ kind: 'updated', changedFields });
  return { state: withoutUndefined(next), changes };
}

export function archiveOrganization(
  state: Organization,
  reason: string | null | undefined,
  now: Date,
): { state: Organization; changes: OrganizationChange[] } {
  if (state.status === 'ARCHIVED') {
    throw conflict('the organisation is already archived (status ARCHIVED)', state.status);
  }
  const archiveReason = optionalText('reason', reason, LIMITS.text);
  return {
    state: withoutUndefined({ ...state, status: 'ARCHIVED', archiveReason, updatedAt: now }),
    changes: [{ kind: 'archived', ...(archiveReason ? { reason: archiveReason } : {}) }],
  };
}
