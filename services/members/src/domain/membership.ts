import type { MemberKind, MembershipRole } from '@kollegia/events';
import {
  badInput,
  calendarDate,
  conflict,
  isoDate,
  optionalCalendarDate,
  optionalText,
  withoutUndefined,
} from '@kollegia/service-kit/domain';

import type { Community } from './community';
import { LIMITS } from './validation';

export type MembershipStatus = 'ACTIVE' | 'REVOKED';

/** An organisation or a person in a community, with a role and a period. */
export interface Membership {
  id: string;
  tenantId: string;
  version: number;
  communityId: string;
  memberKind: MemberKind;
  memberId: string;
  role: MembershipRole;
  since: string;
  until?: string;
  status: MembershipStatus;
  revokedOn?: string;
  revocationReason?: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface GrantMembership {
  communityId: string;
  memberKind: MemberKind;
  memberId: string;
  role: MembershipRole;
  since?: string | null;
  until?: string | null;
}

export type MembershipChange =
  | { kind: 'granted' }
  | { kind: 'role-changed'; previousRole: MembershipRole }
  | { kind: 'revoked'; reason?: string };

/**
 * Grants a membership. The caller has checked that the member exists and that it holds no other
 * active membership in the community (a unique index enforces it too).
 */
export function grantMembership(
  command: GrantMembership,
  community: Community,
  context: { id: string; tenantId: string; now: Date },
): { state: Membership; changes: MembershipChange[] } {
  if (community.status === 'DISSOLVED') {
    throw conflict('a dissolved community accepts no members (status DISSOLVED)', community.status);
  }
  const since = command.since ? calendarDate('since', command.since) : isoDate(context.now);
  const until = optionalCalendarDate('until', command.until);
  if (until !== undefined && until < since) throw badInput('until', 'must not be before since');
  const state = withoutUndefined({
    id: context.id,
    tenantId: context.tenantId,
    version: 1,
    communityId: community.id,
    memberKind: command.memberKind,
    memberId: command.memberId,
    role: command.role,
    since,
    until,
    status: 'ACTIVE' as const,
    createdAt: context.now,
    updatedAt: context.now,
  });
  return { state, changes: [{ kind: 'granted' }] };
}

export function changeMembershipRole(
  state: Membership,
  role: MembershipRole,
  now: Date,
): { state: Membership; changes: MembershipChange[] } {
  if (state.status === 'REVOKED') {
    throw conflict('a revoked membership cannot change its role (status REVOKED)', state.status);
  }
  if (state.role === role) return { state, changes: [] };
  return {
    state: { ...state, role, updatedAt: now },
    changes: [{ kind: 'role-changed', previousRole: state.role }],
  };
}

export function revokeMembership(
  state: Membership,
  reason: string | null | undefined,
  now: Date,
): { state: Membership; changes: MembershipChange[] } {
  if (state.status === 'REVOKED') {
    throw conflict('the membership is already revoked (status REVOKED)', state.status);
  }
  const revocationReason = optionalText('reason', reason, LIMITS.text);
  return {
    state: withoutUndefined({
      ...state,
      status: 'REVOKED' as const,
      revokedOn: isoDate(now),
      revocationReason,
      updatedAt: now,
    }),
    changes: [{ kind: 'revoked', ...(revocationReason ? { reason: revocationReason } : {}) }],
  };
}
