import { normaliseLogin, type Account } from '../domain/account';
import { UNKNOWN_ACCOUNT_HASH, verifyPassword } from '../domain/password';
import type { AccountRepository } from '../db/account.repository';

/**
 * The account a login and password sign in as, or undefined — for an unknown login, a wrong
 * password and a disabled account alike, after the same work, so the answer tells nothing about
 * which logins exist.
 */
export async function checkCredentials(
  accounts: AccountRepository,
  login: string,
  password: string,
): Promise<Account | undefined> {
  const found = await accounts.byLogin(normaliseLogin(login));
  const matches = await verifyPassword(password, found?.passwordHash ?? UNKNOWN_ACCOUNT_HASH);
  return found && matches && !found.account.disabled ? found.account : undefined;
}
