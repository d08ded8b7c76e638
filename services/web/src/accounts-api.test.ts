import { accountState, AccountsApiError, type Account } from './accounts-api';
import { mayAdministerAccounts } from './auth/claims';
import { describeError } from './errors';
import { pathOf, routeOf } from './routes';

const account: Account = {
  id: 'a1',
  email: 'clerk@example.ru',
  displayName: 'Петрова Мария',
  tenantId: 'akit',
  roles: ['addressee'],
  disabled: false,
  pending: false,
};

describe('the admin API on the board', () => {
  it("should say a refused request in the board's words for its code", () => {
    const refused = new AccountsApiError([
      { message: 'requires the role admin', extensions: { code: 'FORBIDDEN' } },
    ]);
    expect(describeError(refused)).toBe('Недостаточно прав для этого действия.');
    const bad = new AccountsApiError([
      { message: 'email: not an e-mail address', extensions: { code: 'BAD_USER_INPUT' } },
    ]);
    expect(describeError(bad)).toBe('Данные не приняты: email: not an e-mail address');
    expect(describeError(new AccountsApiError([], new TypeError('Failed to fetch')))).toBe(
      'Нет связи с сервером. Проверьте подключение и повторите.',
    );
  });

  it("should name an account's state, disabled before pending", () => {
    expect(accountState(account)).toBe('действует');
    expect(accountState({ ...account, pending: true })).toBe('приглашение не принято');
    expect(accountState({ ...account, pending: true, disabled: true })).toBe('отключена');
  });

  it('should offer the accounts page at /accounts to an admin only', () => {
    expect(routeOf('/accounts')).toEqual({ page: 'accounts' });
    expect(pathOf({ page: 'accounts' })).toBe('/accounts');
    const claims = { subject: 's', tenant: 'akit' };
    expect(mayAdministerAccounts({ ...claims, roles: ['admin'] })).toBe(true);
    expect(mayAdministerAccounts({ ...claims, roles: ['secretary', 'member', 'addressee'] })).toBe(
      false,
    );
    expect(mayAdministerAccounts(undefined)).toBe(false);
  });
});
