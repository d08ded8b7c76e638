import type { Identity, Role } from '@kollegia/service-kit';

import { seesConference, seesRoundtable, visibilityOf, visibleStatuses } from './permissions';

const as = (...roles: Role[]): Identity => ({ subject: 'u', tenantId: 'akit', roles });

describe('visibility', () => {
  it.each([
    ['admin', { published: false, status: 'LIVE' }, true],
    ['member', { published: false, status: 'SCHEDULED' }, true],
    ['addressee', { published: true, status: 'LIVE' }, true],
    ['addressee', { published: false, status: 'CONCLUDED' }, false],
    ['partner', { published: true, status: 'CONCLUDED' }, true],
    ['partner', { published: true, status: 'LIVE' }, false],
    ['partner', { published: false, status: 'CONCLUDED' }, false],
  ] as const)('should let a %s see %j: %s', (role, roundtable, expected) => {
    expect(seesRoundtable(visibilityOf(as(role)), roundtable)).toBe(expected);
  });

  it('should give a caller with several roles the widest view', () => {
    expect(visibilityOf(as('partner', 'member'))).toEqual({ publishedOnly: false });
  });

  it('should show partners and addressees published conferences only', () => {
    expect(seesConference(visibilityOf(as('partner')), { published: false })).toBe(false);
    expect(seesConference(visibilityOf(as('addressee')), { published: true })).toBe(true);
  });

  it('should narrow the statuses a partner asks for to those it may see', () => {
    const partner = visibilityOf(as('partner'));
    expect(visibleStatuses(partner, undefined)).toEqual(['CONCLUDED']);
    expect(visibleStatuses(partner, ['LIVE'])).toEqual([]);
    expect(visibleStatuses(visibilityOf(as('secretary')), ['LIVE'])).toEqual(['LIVE']);
  });
});
