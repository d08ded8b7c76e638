import type { CommunityKind, CommunityStatus } from '@kollegia/events';
import {
  badInput,
  conflict,
  isoDate,
  optionalCalendarDate,
  optionalText,
  requiredText,
  withoutUndefined,
} from '@kollegia/service-kit/domain';

import { LIMITS } from './validation';

/** An association, cluster, working group, competence centre, expert council or committee. */
export interface Community {
  id: string;
  tenantId: string;
  version: number;
  name: string;
  kind: CommunityKind;
  description?: string;
  parentId?: string;
  /** Last day of a temporary community; it is dissolved the day after. */
  validUntil?: string;
  status: CommunityStatus;
  published: boolean;
  dissolvedOn?: string;
  dissolutionReason?: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface CommunityCard {
  name: string;
  kind: CommunityKind;
  description?: string | null;
  parentId?: string | null;
  validUntil?: string | null;
  published?: boolean | null;
}

export type CommunityUpdatableField =
  'name' | 'kind' | 'description' | 'parentId' | 'validUntil' | 'published';

export type CommunityChange =
  | { kind: 'formed' }
  | { kind: 'updated'; changedFields: CommunityUpdatableField[] }
  | { kind: 'dissolved'; reason?: string };

/** The reason recorded when a temporary community reaches its last day. */
export const EXPIRED_REASON = 'Срок полномочий истёк';

function validCard(card: CommunityCard, id: string, today: string, isNew: boolean) {
  const parentId = optionalText('parentId', card.parentId, 64);
  if (parentId === id) throw badInput('parentId', 'a community cannot be its own parent');
  const validUntil = optionalCalendarDate('validUntil', card.validUntil);
  if (isNew && validUntil !== undefined && validUntil < today) {
    throw badInput('validUntil', 'must not be in the past');
  }
  return {
    name: requiredText('name', card.name, LIMITS.name),
    kind: card.kind,
    description: optionalText('description', card.description, LIMITS.text),
    parentId,
    validUntil,
    published: card.published ?? false,
  };
}

export function formCommunity(
  card: CommunityCard,
  context: { id: string; tenantId: string; now: Date },
): { state: Community; changes: CommunityChange[] } {
  const state = withoutUndefined({
    id: context.id,
    tenantId: context.tenantId,
    version: 1,
    ...validCard(card, context.id, isoDate(context.now), true),
    status: 'ACTIVE' as const,
    createdAt: context.now,
    updatedAt: context.now,
  });
  return { state, changes: [{ kind: 'formed' }] };
}

const UPDATABLE: CommunityUpdatableField[] = [
  'name',
  'kind',
  'description',
  'parentId',
  'validUntil',
  'published',
];

export function updateCommunity(
  state: Community,
  patch: Partial<CommunityCard>,
  now: Date,
): { state: Community; changes: CommunityChange[] } {
  if (state.status === 'DISSOLVED') {
    throw conflict('a dissolved community cannot be changed (status DISSOLVED)', state.status);
  }
  if (patch.kind === null) throw badInput('kind', 'is required and cannot be cleared');
  const pick = <K extends keyof CommunityCard>(key: K, current: CommunityCard[K]) =>
    patch[key] === undefined ? current : patch[key];
  const card = validCard(
    {
      name: pick('name', state.name) ?? '',
      kind: pick('kind', state.kind) ?? state.kind,
      description: pick('description', state.description),
      parentId: pick('parentId', state.parentId),
      validUntil: pick('validUntil', state.validUntil),
      published: pick('published', state.published),
    },
    state.id,
    isoDate(now),
    false,
  );
  const next = withoutUndefined({ ...state, ...card, updatedAt: now });
  const changedFields = UPDATABLE.filter(
    (f) => JSON.stringify(state[f]) !== JSON.stringify(next[f]),
  );
  return {
    state: next,
    changes: changedFields.length > 0 ? [{ kind: 'updated', changedFields }] : [],
  };
}

export function dissolveCommunity(
  state: Community,
  reason: string | null | undefined,
  now: Date,
): { state: Community; changes: CommunityChange[] } {
  if (state.status === 'DISSOLVED') {
    throw conflict('the community is already dissolved (status DISSOLVED)', state.status);
  }
  const dissolutionReason = optionalText('reason', reason, LIMITS.text);
  const next = withoutUndefined({
    ...state,
    status: 'DISSOLVED' as const,
    dissolvedOn: isoDate(now),
    dissolutionReason,
    updatedAt: now,
  });
  return {
    state: next,
    changes: [{ kind: 'dissolved', ...(dissolutionReason ? { reason: dissolutionReason } : {}) }],
  };
}

/** A temporary community whose last day has passed, still active: it is due to be dissolved. */
export function isExpired(state: Community, now: Date): boolean {
  return (
    state.status === 'ACTIVE' && state.validUntil !== undefined && state.validUntil < isoDate(now)
  );
}
