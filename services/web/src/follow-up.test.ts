import type { Claims } from './auth/claims';
import { decidedAtOf, runsFollowUp, sendsRequests, unaskedAddressees } from './follow-up';

const claims = (...roles: Claims['roles']): Claims => ({ subject: 's', tenant: 't', roles });

describe('the follow-up the board offers', () => {
  it('should offer deciding and sending to secretaries and admins only', () => {
    expect(runsFollowUp(claims('secretary'))).toBe(true);
    expect(runsFollowUp(claims('admin'))).toBe(true);
    expect(runsFollowUp(claims('member'))).toBe(false);
    expect(runsFollowUp({ ...claims('addressee'), organization: 'o' })).toBe(false);
    expect(runsFollowUp(undefined)).toBe(false);
  });

  it('should send requests about adopted recommendations being carried out only', () => {
    expect(sendsRequests('ADOPTED')).toBe(true);
    expect(sendsRequests('IN_PROGRESS')).toBe(true);
    expect(sendsRequests('PROPOSED')).toBe(false);
    expect(sendsRequests('IMPLEMENTED')).toBe(false);
  });

  it('should leave out the addressees already written to, a draft included, but not a withdrawn one', () => {
    const addressees = [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }];
    expect(
      unaskedAddressees(addressees, [
        { status: 'DRAFT', addressee: { id: 'a' } },
        { status: 'ANSWERED', addressee: { id: 'b' } },
        { status: 'WITHDRAWN', addressee: { id: 'c' } },
        { status: 'SUBMITTED', addressee: null },
      ]),
    ).toEqual([{ id: 'c' }, { id: 'd' }]);
  });

  it('should leave the moment of a decision taken today to the API, and put an earlier day at 09:00 UTC', () => {
    expect(decidedAtOf(null, '2026-12-07')).toBeUndefined();
    expect(decidedAtOf('2026-12-07', '2026-12-07')).toBeUndefined();
    expect(decidedAtOf('2026-11-24', '2026-12-07')).toBe('2026-11-24T09:00:00.000Z');
  });
});
