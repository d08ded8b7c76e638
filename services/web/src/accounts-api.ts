import type { Role } from './auth/claims';
import type { ApiError } from './errors';

/** A person's role as an account holds it (partners are applications, not accounts). */
export type PersonRole = Exclude<Role, 'partner'>;

/** An account of the tenant, as the identity provider's admin API gives it. */
export interface Account {
  id: string;
  email: string;
  displayName: string;
  tenantId: string;
  roles: PersonRole[];
  organizationId?: string;
  disabled: boolean;
  /** Invited, the invitation not yet accepted. */
  pending: boolean;
}

/** A person in an audit entry: an id and the login then (a pseudonym once deleted). */
export interface AuditParty {
  id?: string;
  login?: string;
}

export interface AuditEntry {
  id: string;
  at: string;
  action: string;
  actor?: AuditParty;
  subject: AuditParty;
  ip?: string;
  details?: Record<string, unknown>;
}

/** A page of a list: `nextCursor` is the `after` of the next page, null on the last. */
export interface ListPage<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Invitation {
  email: string;
  displayName: string;
  roles: PersonRole[];
  organizationId?: string;
}

/** A one-time link the administrator hands over (no mail is sent yet). */
export interface OneTimeLink {
  url: string;
  expiresAt: string;
}

/**
 * A refused request: the admin API answers errors in the kit's shape, the one GraphQL errors have,
 * so the board says them in the same words (errors.ts, by code).
 */
export class AccountsApiError extends Error implements ApiError {
  constructor(
    readonly graphQLErrors: ApiError['graphQLErrors'],
    readonly networkError?: Error,
  ) {
    super(graphQLErrors[0]?.message ?? networkError?.message ?? 'request failed');
  }
}

/**
 * The identity provider's admin API (`<issuer>/admin/v1/`), called from the board's origin with
 * the signed-in administrator's access token (the provider allows that origin cross-origin).
 */
export function accountsApi(issuer: string, accessToken: () => string | undefined) {
  const base = `${issuer.replace(/\/$/, '')}/admin/v1/`;

  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    let response: Response;
    try {
      const token = accessToken();
      response = await fetch(base + path, {
        method,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (error) {
      throw new AccountsApiError([], error instanceof Error ? error : new Error(String(error)));
    }
    const json = (await response.json().catch(() => undefined)) as
      { errors?: ApiError['graphQLErrors'] } | undefined;
    if (!response.ok) {
      throw new AccountsApiError(
        json?.errors?.length
          ? json.errors
          : [{ message: `HTTP ${response.status}`, extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
      );
    }
    return json as T;
  }

  const page = (first: number, after: string | null) =>
    `first=${first}${after ? `&after=${encodeURIComponent(after)}` : ''}`;
  const account = (id: string) => `accounts/${encodeURIComponent(id)}`;

  return {
    accounts: (first: number, after: string | null) =>
      call<ListPage<Account>>('GET', `accounts?${page(first, after)}`),
    invite: async (input: Invitation) => {
      const answer = await call<{ account: Account; invitationUrl: string; expiresAt: string }>(
        'POST',
        'invitations',
        input,
      );
      return { account: answer.account, url: answer.invitationUrl, expiresAt: answer.expiresAt };
    },
    reinvite: async (id: string): Promise<OneTimeLink> => {
      const answer = await call<{ invitationUrl: string; expiresAt: string }>(
        'POST',
        `${account(id)}/invitation`,
      );
      return { url: answer.invitationUrl, expiresAt: answer.expiresAt };
    },
    changeRoles: (id: string, roles: PersonRole[], organizationId?: string) =>
      call<Account>('PUT', `${account(id)}/roles`, {
        roles,
        ...(organizationId ? { organizationId } : {}),
      }),
    setDisabled: (id: string, disabled: boolean) =>
      call<Account>('POST', `${account(id)}/${disabled ? 'disable' : 'enable'}`),
    passwordReset: async (id: string): Promise<OneTimeLink> => {
      const answer = await call<{ resetUrl: string; expiresAt: string }>(
        'POST',
        `${account(id)}/password-reset`,
      );
      return { url: answer.resetUrl, expiresAt: answer.expiresAt };
    },
    /** The person's data as JSON, as the API gives it: to save as a file. */
    exportAccount: (id: string) => call<unknown>('GET', `${account(id)}/export`),
    deleteAccount: (id: string) => call<{ pseudonym: string }>('DELETE', account(id)),
    audit: (first: number, after: string | null) =>
      call<ListPage<AuditEntry>>('GET', `audit?${page(first, after)}`),
  };
}

export type AccountsApi = ReturnType<typeof accountsApi>;

/** The audit log's actions in Russian. */
export const AUDIT_ACTION: Record<string, string> = {
  'sign-in.succeeded': 'Вход',
  'sign-in.failed': 'Неудачный вход',
  'sign-out': 'Выход',
  'refresh.refused': 'Продление входа отклонено',
  'invitation.created': 'Приглашение создано',
  'invitation.accepted': 'Приглашение принято',
  'password-reset.requested': 'Запрошен сброс пароля',
  'password-reset.issued': 'Выдана ссылка для сброса пароля',
  'password-reset.used': 'Пароль изменён по ссылке',
  'roles.changed': 'Роли изменены',
  'person.changed': 'Связь с человеком справочника изменена',
  'account.disabled': 'Учётная запись отключена',
  'account.enabled': 'Учётная запись включена',
  'account.exported': 'Данные выгружены',
  'account.deleted': 'Данные удалены',
};

/** An account's state in words. */
export function accountState(account: Account): string {
  if (account.disabled) return 'отключена';
  if (account.pending) return 'приглашение не принято';
  return 'действует';
}
