import type { Logger } from '@kollegia/service-kit';

import { normaliseLogin, type Account } from '../domain/account';
import { UNKNOWN_ACCOUNT_HASH, verifyPassword } from '../domain/password';
import type { AccountRepository } from '../db/account.repository';
import type { AuditLog } from './audit-log';

/** Why a known login did not sign in: for the audit log, never for the person. */
type Refusal = 'wrong password' | 'disabled' | 'invitation not accepted';

/**
 * The account a login and password sign in as, or undefined — for an unknown login, a wrong
 * password, a pending and a disabled account alike, after the same work, so the answer tells
 * nothing about which logins exist. Each attempt goes to the audit log of the login's tenant (the
 * login, never the password); an unknown login belongs to no tenant and goes to the service log.
 */
export async function signIn(
  deps: { accounts: AccountRepository; audit: AuditLog; logger: Logger },
  login: string,
  password: string,
  ip: string | undefined,
): Promise<Account | undefined> {
  const found = await deps.accounts.byLogin(normaliseLogin(login));
  const matches = await verifyPassword(password, found?.passwordHash ?? UNKNOWN_ACCOUNT_HASH);
  if (!found) {
    deps.logger.warn(
      { login: normaliseLogin(login).slice(0, 254), ip },
      'sign-in with an unknown login',
    );
    return undefined;
  }
  const { account } = found;
  const refusal: Refusal | undefined = account.pending
    ? 'invitation not accepted'
    : !matches
      ? 'wrong password'
      : account.disabled
        ? 'disabled'
        : undefined;
  const who = { id: account.id, login: account.email };
  await deps.audit.record({
    tenantId: account.tenantId,
    action: refusal ? 'sign-in.failed' : 'sign-in.succeeded',
    ...(refusal ? {} : { actor: who }),
    subject: who,
    ...(ip ? { ip } : {}),
    ...(refusal ? { details: { reason: refusal } } : {}),
  });
  return refusal ? undefined : account;
}
