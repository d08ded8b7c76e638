import { type Actor, isSecretary, mayActForAddressee } from './permissions';
import { aSubmittedRequest, MINPROMTORG } from './request.fixture';

describe('mayActForAddressee', () => {
  const request = aSubmittedRequest();

  it.each<[string, Actor, boolean]>([
    ['a secretary', { subject: 's', roles: ['secretary'] }, true],
    ['an admin', { subject: 'a', roles: ['admin'] }, true],
    [
      'the addressee’s representative',
      { subject: 'u', roles: ['addressee'], organizationId: MINPROMTORG },
      true,
    ],
    [
      'another organisation’s representative',
      { subject: 'u', roles: ['addressee'], organizationId: 'org-minek' },
      false,
    ],
    [
      'a member who happens to work for the addressee',
      { subject: 'u', roles: ['member'], organizationId: MINPROMTORG },
      false,
    ],
    [
      'a partner of the addressee',
      { subject: 'u', roles: ['partner'], organizationId: MINPROMTORG },
      false,
    ],
    ['an addressee user with no organisation', { subject: 'u', roles: ['addressee'] }, false],
  ])('should decide for %s', (_case, actor, expected) => {
    expect(mayActForAddressee(request, actor)).toBe(expected);
  });
});

describe('isSecretary', () => {
  it('should tell a secretary from a member', () => {
    expect(isSecretary({ subject: 's', roles: ['member', 'secretary'] })).toBe(true);
    expect(isSecretary({ subject: 'm', roles: ['member'] })).toBe(false);
  });
});
