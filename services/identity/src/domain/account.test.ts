import { type DomainError } from '@kollegia/service-kit/domain';

import {
  accountClaims,
  checkNewAccount,
  checkRoles,
  normaliseLogin,
  type NewAccountInput,
} from './account';

const input: NewAccountInput = {
  email: '  Ivanova@Example.RU ',
  displayName: 'Иванова Анна',
  tenantId: 'akit',
  roles: ['secretary'],
  password: 'длинный пароль',
};

function refusal(change: Partial<NewAccountInput>): { code: string; field: unknown } {
  try {
    checkNewAccount({ ...input, ...change });
  } catch (error) {
    const { code, details } = error as DomainError;
    return { code, field: details.field };
  }
  throw new Error('accepted');
}

describe('a new account', () => {
  it('should store the login trimmed and in lower case', () => {
    expect(checkNewAccount(input)).toEqual({
      email: 'ivanova@example.ru',
      displayName: 'Иванова Анна',
      tenantId: 'akit',
      roles: ['secretary'],
    });
    expect(normaliseLogin(' A@B.RU')).toBe('a@b.ru');
  });

  it.each([
    [{ email: 'not-an-address' }, 'email'],
    [{ roles: [] }, 'roles'],
    [{ roles: ['partner'] }, 'roles'],
    [{ roles: ['owner'] }, 'roles'],
    [{ roles: ['addressee'] }, 'organizationId'],
    [{ organizationId: 'org-1' }, 'organizationId'],
    [{ tenantId: 'Bad Tenant' }, 'tenantId'],
    [{ password: 'short' }, 'password'],
    [{ displayName: '   ' }, 'displayName'],
    [{ personId: 'person 1' }, 'personId'],
    [{ personId: 'p'.repeat(101) }, 'personId'],
  ])('should refuse %j naming the field', (change, field) => {
    expect(refusal(change)).toEqual({ code: 'BAD_USER_INPUT', field });
  });

  it("should put an addressee's organisation in its claims", () => {
    const account = checkNewAccount({ ...input, roles: ['addressee'], organizationId: 'org-7' });
    expect(accountClaims({ ...account, id: 'a1', disabled: false, pending: false })).toEqual({
      tenant: 'akit',
      roles: ['addressee'],
      org: 'org-7',
    });
  });

  it('should put the directory person it is in its claims as `person`, an empty one being none', () => {
    const account = checkNewAccount({ ...input, roles: ['member'], personId: ' person-7 ' });
    expect(account.personId).toBe('person-7');
    expect(accountClaims({ ...account, id: 'a1', disabled: false, pending: false })).toEqual({
      tenant: 'akit',
      roles: ['member'],
      person: 'person-7',
    });
    expect(checkNewAccount({ ...input, personId: '  ' })).not.toHaveProperty('personId');
  });

  it('should take new roles with the organisation only for an addressee', () => {
    expect(checkRoles({ roles: ['member', 'member', 'admin'] })).toEqual({
      roles: ['member', 'admin'],
    });
    expect(checkRoles({ roles: ['addressee'], organizationId: ' org-7 ' })).toEqual({
      roles: ['addressee'],
      organizationId: 'org-7',
    });
    expect(() => checkRoles({ roles: ['member'], organizationId: 'org-7' })).toThrow(
      /organizationId: only an addressee/,
    );
  });
});
