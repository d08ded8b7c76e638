/** The roles a Kollegia token carries (the kit's ROLES). */
export type Role = 'admin' | 'secretary' | 'member' | 'addressee' | 'partner';

export interface Claims {
  subject: string;
  tenant: string;
  roles: Role[];
  /** The organisation an addressee speaks for. */
  organization?: string;
}

const ROLES: readonly Role[] = ['admin', 'secretary', 'member', 'addressee', 'partner'];

/**
 * What the access token says about its holder, read without verifying it: the board only decides
 * what to offer with it; the gateway and services verify every request and decide what is allowed.
 */
export function claimsOf(accessToken: string): Claims | undefined {
  const payload = accessToken.split('.')[1];
  if (!payload) return undefined;
  let json: Record<string, unknown>;
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
    json = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const roles = Array.isArray(json.roles)
    ? json.roles.filter((role): role is Role => ROLES.includes(role as Role))
    : [];
  if (typeof json.sub !== 'string' || typeof json.tenant !== 'string') return undefined;
  return {
    subject: json.sub,
    tenant: json.tenant,
    roles,
    ...(typeof json.org === 'string' ? { organization: json.org } : {}),
  };
}

/** Secretaries and admins run round tables (roundtables' requireOrganizer): they record minutes. */
export function mayRecordMinutes(claims: Claims | undefined): boolean {
  return !!claims?.roles.some((role) => role === 'secretary' || role === 'admin');
}

/** Admins, secretaries and members read the association's internal material (the directory). */
export function readsInternal(claims: Claims | undefined): boolean {
  return !!claims?.roles.some(
    (role) => role === 'secretary' || role === 'admin' || role === 'member',
  );
}

/**
 * The inbox is that of the organisation the token speaks for (claim `org`): an addressee's. The
 * API refuses an inbox to a token that names no organisation, an admin's or a secretary's.
 */
export function mayUseInbox(claims: Claims | undefined): boolean {
  return !!claims?.organization && claims.roles.includes('addressee');
}

/** Only admins manage the tenant's accounts (the identity provider's admin API requires `admin`). */
export function mayAdministerAccounts(claims: Claims | undefined): boolean {
  return !!claims?.roles.includes('admin');
}

export const ROLE_NAMES: Record<Role, string> = {
  admin: 'администратор',
  secretary: 'секретарь',
  member: 'участник',
  addressee: 'адресат',
  partner: 'партнёр',
};
