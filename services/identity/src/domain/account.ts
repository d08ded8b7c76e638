import type { Role } from '@kollegia/service-kit';
import { badInput, requiredText } from '@kollegia/service-kit/domain';

/** The roles a person's account can hold; `partner` belongs to client applications only. */
export const PERSON_ROLES = ['admin', 'secretary', 'member', 'addressee'] as const satisfies Role[];
export type PersonRole = (typeof PERSON_ROLES)[number];

export interface Account {
  id: string;
  /** The login: an e-mail address, lower case. */
  email: string;
  displayName: string;
  tenantId: string;
  roles: PersonRole[];
  /** The organisation an addressee speaks for (DESIGN.md section 2). */
  organizationId?: string;
  /**
   * The person of the members directory (of the same tenant) this account is, if any: who its
   * holder is when acting as themselves (an endorsement, a progress report). An account's own id
   * is no directory person, so an account without one acts only for an organisation.
   */
  personId?: string;
  disabled: boolean;
  /** Invited and not yet accepted: it has no password, so nobody signs in as it. */
  pending: boolean;
}

export interface NewAccountInput {
  email: string;
  displayName: string;
  tenantId: string;
  roles: string[];
  organizationId?: string;
  personId?: string | undefined;
  password: string;
}

const TENANT_ID = /^[a-z0-9][a-z0-9-]{1,62}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** NIST SP 800-63B: at least 8 characters, and long passphrases welcome. */
const PASSWORD_LENGTH = { min: 8, max: 256 };

/** A login as stored and looked up: trimmed and lower case, so `Ivanova@…` finds `ivanova@…`. */
export function normaliseLogin(login: string): string {
  return login.trim().toLowerCase();
}

export function checkTenantId(tenantId: string): string {
  if (!TENANT_ID.test(tenantId)) {
    throw badInput('tenantId', 'lower-case letters, digits and hyphens, 2 to 63 characters');
  }
  return tenantId;
}

/** A password as people choose them: NIST SP 800-63B's length rule, nothing else. */
export function checkPassword(password: string, field = 'password'): string {
  const length = [...password].length;
  if (length < PASSWORD_LENGTH.min || length > PASSWORD_LENGTH.max) {
    throw badInput(
      field,
      `must be ${PASSWORD_LENGTH.min} to ${PASSWORD_LENGTH.max} characters long`,
    );
  }
  return password;
}

/**
 * A person's roles and the organisation that goes with them: at least one known role, and an
 * organisation exactly when one of them is `addressee`.
 */
export function checkRoles(input: {
  roles: string[];
  organizationId?: string | undefined;
}): Pick<Account, 'roles' | 'organizationId'> {
  const roles = [...new Set(input.roles)];
  if (roles.length === 0) throw badInput('roles', 'at least one role is needed');
  const unknown = roles.filter((role) => !(PERSON_ROLES as readonly string[]).includes(role));
  if (unknown.length > 0) {
    throw badInput(
      'roles',
      `${unknown.join(', ')}: a person's role is one of ${PERSON_ROLES.join(', ')}`,
    );
  }
  const organizationId = input.organizationId?.trim() || undefined;
  const addressee = roles.includes('addressee');
  if (addressee && !organizationId) {
    throw badInput('organizationId', 'an addressee must name the organisation it speaks for');
  }
  if (!addressee && organizationId) {
    throw badInput('organizationId', 'only an addressee speaks for an organisation');
  }
  return { roles: roles as PersonRole[], ...(organizationId ? { organizationId } : {}) };
}

/**
 * A directory person's id as an account links it, or undefined for none (an empty one is none).
 * Identity cannot ask the directory, so only its shape is checked: the services leave out an
 * actor the directory does not know rather than fail a read.
 */
export function checkPersonId(personId: string | null | undefined): string | undefined {
  const id = personId?.trim() || undefined;
  if (id !== undefined && (id.length > 100 || /\s/.test(id))) {
    throw badInput('personId', "must be a directory person's id: up to 100 characters, no spaces");
  }
  return id;
}

/** An account's fields as stored, checked: what a new account and an invitation share. */
export function checkAccountFields(
  input: Omit<NewAccountInput, 'password'>,
): Omit<Account, 'id' | 'disabled' | 'pending'> {
  const email = normaliseLogin(input.email);
  if (!EMAIL.test(email) || email.length > 254) {
    throw badInput('email', 'must be an e-mail address');
  }
  const roles = checkRoles(input);
  const personId = checkPersonId(input.personId);
  return {
    email,
    displayName: requiredText('displayName', input.displayName, 200),
    tenantId: checkTenantId(input.tenantId),
    ...roles,
    ...(personId ? { personId } : {}),
  };
}

/** Checks a new account; the account's fields as stored, without the password. */
export function checkNewAccount(
  input: NewAccountInput,
): Omit<Account, 'id' | 'disabled' | 'pending'> {
  const fields = checkAccountFields(input);
  checkPassword(input.password);
  return fields;
}

/** What an access token says about its holder: the claims the kit's verifier expects. */
export interface KollegiaClaims {
  tenant: string;
  roles: Role[];
  org?: string;
  /** The directory person the account is (`Account.personId`). */
  person?: string;
}

export function accountClaims(account: Account): KollegiaClaims {
  return {
    tenant: account.tenantId,
    roles: account.roles,
    ...(account.organizationId ? { org: account.organizationId } : {}),
    ...(account.personId ? { person: account.personId } : {}),
  };
}

/** A partner application's claims: read-only access to one tenant's published material. */
export function partnerClaims(tenantId: string): KollegiaClaims {
  return { tenant: tenantId, roles: ['partner'] };
}
