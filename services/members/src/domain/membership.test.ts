import { DomainError } from '@kollegia/service-kit/domain';

import type { Community } from './community';
import {
  changeMembershipRole,
  grantMembership,
  revokeMembership,
  type GrantMembership,
  type Membership,
} from './membership';

const FORMED_AT = new Date('2026-01-15T09:00:00.000Z');
const GRANTED_AT = new Date('2026-03-10T09:00:00.000Z');
const CHANGED_AT = new Date('2026-04-01T10:00:00.000Z');
const REVOKED_AT = new Date('2026-05-20T23:30:00.000Z');
const CONTEXT = { id: 'membership-1', tenantId: 'tenant-a', now: GRANTED_AT };

const COMMUNITY: Community = {
  id: 'community-ai',
  tenantId: 'tenant-a',
  version: 3,
  name: 'Рабочая группа по ИИ',
  kind: 'WORKING_GROUP',
  status: 'ACTIVE',
  published: true,
  createdAt: FORMED_AT,
  updatedAt: FORMED_AT,
};

const DISSOLVED_COMMUNITY: Community = {
  ...COMMUNITY,
  status: 'DISSOLVED',
  dissolvedOn: '2026-03-01',
};

const COMMAND: GrantMembership = {
  communityId: 'community-ai',
  memberKind: 'ORGANIZATION',
  memberId: 'org-sber',
  role: 'MEMBER',
};

const GRANTED_STATE: Membership = {
  id: 'membership-1',
  tenantId: 'tenant-a',
  version: 1,
  communityId: 'community-ai',
  memberKind: 'ORGANIZATION',
  memberId: 'org-sber',
  role: 'MEMBER',
  since: '2026-03-10',
  status: 'ACTIVE',
  createdAt: GRANTED_AT,
  updatedAt: GRANTED_AT,
};

function granted(): Membership {
  return grantMembership(COMMAND, COMMUNITY, CONTEXT).state;
}

function revoked(): Membership {
  return revokeMembership(granted(), 'Вышла из группы', REVOKED_AT).state;
}

function thrownBy(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected the action to throw, but it returned');
}

describe('grantMembership', () => {
  it('should start today with no end when since and until are absent', () => {
    const { state, changes } = grantMembership(COMMAND, COMMUNITY, CONTEXT);

    expect(state).toStrictEqual(GRANTED_STATE);
    expect(changes).toEqual([{ kind: 'granted' }]);
  });

  it.each([
    ['null', null],
    ['empty', ''],
  ])('should start today when since is %s', (_case, since) => {
    const { state } = grantMembership({ ...COMMAND, since }, COMMUNITY, CONTEXT);

    expect(state.since).toBe('2026-03-10');
  });

  it('should start on the UTC date of now when now is late evening in Moscow', () => {
    const { state } = grantMembership(COMMAND, COMMUNITY, {
      ...CONTEXT,
      now: new Date('2026-03-10T23:30:00+03:00'),
    });

    expect(state.since).toBe('2026-03-10');
  });

  it('should keep the given period when since and until are given', () => {
    const { state } = grantMembership(
      {
        ...COMMAND,
        memberKind: 'PERSON',
        memberId: 'person-ivanova',
        role: 'CHAIR',
        since: '2026-01-20',
        until: '2026-12-31',
      },
      COMMUNITY,
      CONTEXT,
    );

    expect(state).toStrictEqual({
      ...GRANTED_STATE,
      memberKind: 'PERSON',
      memberId: 'person-ivanova',
      role: 'CHAIR',
      since: '2026-01-20',
      until: '2026-12-31',
    });
  });

  it('should take the community id from the community when the command names another', () => {
    const { state } = grantMembership(
      { ...COMMAND, communityId: 'community-typo' },
      COMMUNITY,
      CONTEXT,
    );

    expect(state.communityId).toBe('community-ai');
  });

  it('should accept the period when until is the same day as since', () => {
    const { state } = grantMembership(
      { ...COMMAND, since: '2026-03-15', until: '2026-03-15' },
      COMMUNITY,
      CONTEXT,
    );

    expect(state.until).toBe('2026-03-15');
  });

  it.each([
    ['null', null],
    ['empty', ''],
  ])('should store no until when until is %s', (_case, until) => {
    const { state } = grantMembership({ ...COMMAND, until }, COMMUNITY, CONTEXT);

    expect('until' in state).toBe(false);
  });

  it('should refuse with BAD_USER_INPUT naming until when until is before since', () => {
    const error = thrownBy(() =>
      grantMembership({ ...COMMAND, since: '2026-03-15', until: '2026-03-14' }, COMMUNITY, CONTEXT),
    );

    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field: 'until' },
      message: 'until: must not be before since',
    });
  });

  it('should refuse with BAD_USER_INPUT naming until when until is before the default since of today', () => {
    const error = thrownBy(() =>
      grantMembership({ ...COMMAND, until: '2026-03-09' }, COMMUNITY, CONTEXT),
    );

    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'until' } });
  });

  it.each<[string, Partial<GrantMembership>, string]>([
    ['since does not exist', { since: '2026-02-30' }, 'since'],
    ['since is not padded', { since: '2026-3-1' }, 'since'],
    ['until does not exist', { until: '2026-13-01' }, 'until'],
  ])('should refuse with BAD_USER_INPUT naming the field when %s', (_case, override, field) => {
    const error = thrownBy(() => grantMembership({ ...COMMAND, ...override }, COMMUNITY, CONTEXT));

    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field },
      message: `${field}: must be a date YYYY-MM-DD`,
    });
  });

  it('should refuse with CONFLICT naming DISSOLVED when the community is dissolved', () => {
    const error = thrownBy(() => grantMembership(COMMAND, DISSOLVED_COMMUNITY, CONTEXT));

    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: 'CONFLICT',
      details: { currentState: 'DISSOLVED' },
      message: 'a dissolved community accepts no members (status DISSOLVED)',
    });
  });
});

describe('changeMembershipRole', () => {
  it('should change the role and report the previous one when the role differs', () => {
    const { state, changes } = changeMembershipRole(granted(), 'SECRETARY', CHANGED_AT);

    expect(state).toStrictEqual({ ...GRANTED_STATE, role: 'SECRETARY', updatedAt: CHANGED_AT });
    expect(changes).toEqual([{ kind: 'role-changed', previousRole: 'MEMBER' }]);
  });

  it('should return the state untouched and report no changes when the role is the same', () => {
    const current = granted();

    const { state, changes } = changeMembershipRole(current, 'MEMBER', CHANGED_AT);

    expect(state).toBe(current);
    expect(state.updatedAt).toBe(GRANTED_AT);
    expect(changes).toEqual([]);
  });

  it('should refuse with CONFLICT naming REVOKED when the membership is revoked', () => {
    const error = thrownBy(() => changeMembershipRole(revoked(), 'CHAIR', CHANGED_AT));

    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: 'CONFLICT',
      details: { currentState: 'REVOKED' },
      message: 'a revoked membership cannot change its role (status REVOKED)',
    });
  });

  it('should refuse with CONFLICT when the membership is revoked and the role is the same', () => {
    const error = thrownBy(() => changeMembershipRole(revoked(), 'MEMBER', CHANGED_AT));

    expect(error).toMatchObject({ code: 'CONFLICT', details: { currentState: 'REVOKED' } });
  });
});

describe('revokeMembership', () => {
  it('should record the UTC date of now and the trimmed reason when a reason is given', () => {
    const { state, changes } = revokeMembership(granted(), ' Вышла из группы ', REVOKED_AT);

    expect(state).toStrictEqual({
      ...GRANTED_STATE,
      status: 'REVOKED',
      revokedOn: '2026-05-20',
      revocationReason: 'Вышла из группы',
      updatedAt: REVOKED_AT,
    });
    expect(changes).toEqual([{ kind: 'revoked', reason: 'Вышла из группы' }]);
  });

  it.each([
    ['undefined', undefined],
    ['null', null],
    ['blank', '   '],
  ])('should revoke without a reason when the reason is %s', (_case, reason) => {
    const { state, changes } = revokeMembership(granted(), reason, REVOKED_AT);

    expect(state).toStrictEqual({
      ...GRANTED_STATE,
      status: 'REVOKED',
      revokedOn: '2026-05-20',
      updatedAt: REVOKED_AT,
    });
    expect(changes).toStrictEqual([{ kind: 'revoked' }]);
  });

  it('should refuse with BAD_USER_INPUT naming reason when the reason is too long', () => {
    const error = thrownBy(() => revokeMembership(granted(), 'я'.repeat(2001), REVOKED_AT));

    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'reason' } });
  });

  it('should refuse with CONFLICT naming REVOKED when revoking twice', () => {
    const error = thrownBy(() => revokeMembership(revoked(), undefined, REVOKED_AT));

    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: 'CONFLICT',
      details: { currentState: 'REVOKED' },
      message: 'the membership is already revoked (status REVOKED)',
    });
  });
});
