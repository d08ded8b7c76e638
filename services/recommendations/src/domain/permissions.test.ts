import { type Actor, isSecretary, mayReportProgress } from './permissions';
import { aRecommendation, ASSOCIATION, MINPROMTORG } from './recommendation.fixture';

const recommendation = aRecommendation();

describe('mayReportProgress', () => {
  it.each<[string, Actor]>([
    ['a secretary', { subject: 'user-1', roles: ['secretary'] }],
    ['an admin', { subject: 'user-2', roles: ['admin'] }],
    [
      'a member of the responsible organisation',
      { subject: 'user-3', roles: ['member'], organizationId: ASSOCIATION },
    ],
    [
      'a representative of an addressee',
      { subject: 'user-4', roles: ['addressee'], organizationId: MINPROMTORG },
    ],
  ])('should allow %s', (_case, actor) => {
    expect(mayReportProgress(recommendation, actor)).toBe(true);
  });

  it('should allow the responsible person when a person answers for the recommendation', () => {
    const personal = aRecommendation({ responsible: { kind: 'PERSON', id: 'person-7' } });

    expect(
      mayReportProgress(personal, { subject: 'user-7', person: 'person-7', roles: ['member'] }),
    ).toBe(true);
    expect(
      mayReportProgress(personal, { subject: 'user-8', person: 'person-8', roles: ['member'] }),
    ).toBe(false);
    // An account's id is not a person's, even when it happens to look like one.
    expect(mayReportProgress(personal, { subject: 'person-7', roles: ['member'] })).toBe(false);
  });

  it.each<[string, Actor]>([
    [
      'a representative of an organisation that is not addressed',
      { subject: 'user-5', roles: ['addressee'], organizationId: 'org-minek' },
    ],
    ['a member who speaks for no organisation', { subject: 'user-6', roles: ['member'] }],
    [
      'a partner of an addressee, who only reads',
      { subject: 'user-7', roles: ['partner'], organizationId: MINPROMTORG },
    ],
  ])('should refuse %s', (_case, actor) => {
    expect(mayReportProgress(recommendation, actor)).toBe(false);
  });

  it('should refuse an organisation when nobody is responsible and it is not addressed', () => {
    const unowned = aRecommendation({ responsible: undefined });

    expect(
      mayReportProgress(unowned, { subject: 'u', roles: ['member'], organizationId: ASSOCIATION }),
    ).toBe(false);
  });
});

describe('isSecretary', () => {
  it.each<[Actor['roles'], boolean]>([
    [['secretary'], true],
    [['member', 'admin'], true],
    [['member'], false],
    [['addressee'], false],
  ])('should say %j is %s', (roles, expected) => {
    expect(isSecretary({ subject: 'u', roles })).toBe(expected);
  });
});
