import { createHash, randomBytes, randomUUID } from 'node:crypto';

import {
  badInput,
  conflict,
  requireRole,
  type Identity,
  type Page,
  type PageRequest,
} from '@kollegia/service-kit';

import {
  checkAccountFields,
  checkPassword,
  checkPersonId,
  checkRoles,
  normaliseLogin,
  type Account,
} from '../domain/account';
import { hashPassword } from '../domain/password';
import type { AccountLinkKind, AccountLinkModel } from '../db/account-link.model';
import type { AccountRepository } from '../db/account.repository';
import { countForAccount, revokeAccount } from '../db/oidc-adapter';
import type { OidcEntryModel } from '../db/oidc-entry.model';
import type { AuditAction, AuditEntry, AuditLog, AuditParty } from './audit-log';

/** Who asks, and from where: an administrator's verified token, the client's address. */
export interface Caller {
  identity: Identity;
  ip?: string | undefined;
}

/** A one-time link as issued: the URL with its token (shown once), and until when it works. */
export interface IssuedLink {
  url: string;
  expiresAt: Date;
}

/** Why a one-time link does not work; each has its own page. */
export type LinkRefusal = 'unknown' | 'used' | 'expired';

export type LinkState =
  { usable: true; account: Account } | { usable: false; refusal: LinkRefusal };

/** What a person's data export holds. */
export interface AccountExport {
  exportedAt: Date;
  account: Account;
  /** Their live sign-ins and the grants made in them, at the provider. */
  provider: { sessions: number; grants: number };
  /** Every audit entry about them or by them, oldest first. */
  auditEntries: AuditEntry[];
}

/** The path of a one-time link of a kind, under the issuer. */
export const LINK_PATHS: Record<AccountLinkKind, string> = {
  invitation: '/invitation/',
  'password-reset': '/password/reset/',
};

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const party = (account: Account): AuditParty => ({ id: account.id, login: account.email });

/**
 * An account's life after it is created: an administrator of a tenant invites people, changes
 * their roles, disables and enables them, issues password-reset links, reads the audit log,
 * exports and deletes a person's data — each only in the administrator's own tenant (another
 * tenant's account is not found). People accept an invitation and set a new password through
 * one-time links. Every step is written to the audit log.
 */
export class AccountLifecycle {
  constructor(
    private readonly deps: {
      accounts: AccountRepository;
      links: AccountLinkModel;
      audit: AuditLog;
      oidcEntries: OidcEntryModel;
      clock: () => Date;
      issuer: string;
      invitationTtlS: number;
      passwordResetTtlS: number;
    },
  ) {}

  listAccounts(caller: Caller, page: PageRequest): Promise<Page<Account>> {
    return this.deps.accounts.page(this.admin(caller), page);
  }

  /** A pending account (no password) of the caller's tenant and the link that activates it. */
  async invite(
    caller: Caller,
    input: {
      email: string;
      displayName: string;
      roles: string[];
      organizationId?: string;
      personId?: string;
    },
  ): Promise<{ account: Account; invitation: IssuedLink }> {
    const tenantId = this.admin(caller);
    const fields = checkAccountFields({ ...input, tenantId });
    const account: Account = { id: randomUUID(), ...fields, disabled: false, pending: true };
    await this.deps.accounts.insert(account, undefined, this.deps.clock());
    const invitation = await this.issueLink(account, 'invitation');
    await this.record(caller, 'invitation.created', account, {
      roles: account.roles,
      ...(account.personId ? { personId: account.personId } : {}),
      expiresAt: invitation.expiresAt,
    });
    return { account, invitation };
  }

  /** A new invitation link for an account that has not accepted one; the earlier link stops working. */
  async reinvite(caller: Caller, accountId: string): Promise<IssuedLink> {
    const account = await this.account(caller, accountId);
    if (!account.pending) {
      throw conflict(
        'the account has accepted its invitation: issue a password reset instead',
        'ACTIVE',
      );
    }
    const invitation = await this.issueLink(account, 'invitation');
    await this.record(caller, 'invitation.created', account, {
      roles: account.roles,
      expiresAt: invitation.expiresAt,
    });
    return invitation;
  }

  /** Sets the roles (and the organisation of an addressee); the next refresh carries them. */
  async changeRoles(
    caller: Caller,
    accountId: string,
    input: { roles: string[]; organizationId?: string },
  ): Promise<Account> {
    const account = await this.account(caller, accountId);
    const roles = checkRoles(input);
    if (account.id === caller.identity.subject && !roles.roles.includes('admin')) {
      throw badInput('roles', 'an administrator cannot take the admin role from themselves');
    }
    const changed = await this.deps.accounts.setRoles(account.id, roles, this.deps.clock());
    await this.record(caller, 'roles.changed', account, {
      before: { roles: account.roles, organizationId: account.organizationId ?? null },
      after: { roles: changed.roles, organizationId: changed.organizationId ?? null },
    });
    return changed;
  }

  /**
   * Links the account to the directory person it is (null: to none); the next refresh carries it
   * as the token's `person`.
   */
  async changePerson(
    caller: Caller,
    accountId: string,
    input: { personId: string | null },
  ): Promise<Account> {
    const account = await this.account(caller, accountId);
    const personId = checkPersonId(input.personId);
    if (account.personId === personId) return account;
    const changed = await this.deps.accounts.setPerson(account.id, personId, this.deps.clock());
    await this.record(caller, 'person.changed', account, {
      before: { personId: account.personId ?? null },
      after: { personId: changed.personId ?? null },
    });
    return changed;
  }

  /** A disabled account cannot sign in, and its refresh tokens are refused from then on. */
  async setDisabled(caller: Caller, accountId: string, disabled: boolean): Promise<Account> {
    const account = await this.account(caller, accountId);
    if (disabled && account.id === caller.identity.subject) {
      throw badInput('accountId', 'an administrator cannot disable their own account');
    }
    if (account.disabled === disabled) return account;
    const changed = await this.deps.accounts.setDisabled(account.id, disabled, this.deps.clock());
    await this.record(caller, disabled ? 'account.disabled' : 'account.enabled', account);
    return changed;
  }

  /** A link to set a new password; the earlier unused one stops working. */
  async issuePasswordReset(caller: Caller, accountId: string): Promise<IssuedLink> {
    const account = await this.account(caller, accountId);
    if (account.pending) {
      throw conflict(
        'the account has not accepted its invitation: invite again instead',
        'PENDING',
      );
    }
    if (account.disabled) {
      throw conflict('the account is disabled: enable it first', 'DISABLED');
    }
    const link = await this.issueLink(account, 'password-reset');
    await this.record(caller, 'password-reset.issued', account, { expiresAt: link.expiresAt });
    return link;
  }

  auditLog(caller: Caller, page: PageRequest): Promise<Page<AuditEntry>> {
    return this.deps.audit.page(this.admin(caller), page);
  }

  /** Everything kept about a person: their account, their sign-ins at the provider, their audit entries. */
  async exportAccount(caller: Caller, accountId: string): Promise<AccountExport> {
    const account = await this.account(caller, accountId);
    const now = this.deps.clock();
    const exported: AccountExport = {
      exportedAt: now,
      account,
      provider: await countForAccount(this.deps.oidcEntries, account.id, now),
      auditEntries: await this.deps.audit.about(account.tenantId, account.id),
    };
    await this.record(caller, 'account.exported', account);
    return exported;
  }

  /**
   * Deletes a person's account data: the account is disabled first (no new sign-in or token while
   * the rest runs), then their sessions, grants and refresh tokens and their links are deleted,
   * the audit entries about them get a pseudonym for their id and login, and the account is
   * removed. The log keeps, under the pseudonym, that the deletion happened. Run again after a
   * failure, it finishes the job.
   */
  async deleteAccount(caller: Caller, accountId: string): Promise<{ pseudonym: string }> {
    const account = await this.account(caller, accountId);
    if (account.id === caller.identity.subject) {
      throw badInput('accountId', 'an administrator cannot delete their own account');
    }
    const now = this.deps.clock();
    await this.deps.accounts.setDisabled(account.id, true, now);
    const revoked = await revokeAccount(this.deps.oidcEntries, account.id);
    await this.deps.links.deleteMany({ accountId: account.id });
    const pseudonym = `deleted-${randomUUID()}`;
    await this.deps.audit.pseudonymise(account.tenantId, account.id, { id: pseudonym });
    await this.deps.accounts.remove(account.id);
    await this.deps.audit.record({
      tenantId: account.tenantId,
      action: 'account.deleted',
      actor: { id: caller.identity.subject },
      subject: { id: pseudonym },
      ...(caller.ip ? { ip: caller.ip } : {}),
      details: { providerRecordsRevoked: revoked },
    });
    return { pseudonym };
  }

  /** Whether a one-time link can be used, and whose it is: what its page shows. */
  async linkState(kind: AccountLinkKind, token: string): Promise<LinkState> {
    const link = await this.deps.links.findOne({ _id: hashToken(token), kind }).lean();
    if (!link) return { usable: false, refusal: 'unknown' };
    if (link.usedAt) return { usable: false, refusal: 'used' };
    if (link.expiresAt.getTime() <= this.deps.clock().getTime()) {
      return { usable: false, refusal: 'expired' };
    }
    const account = await this.deps.accounts.byId(link.accountId);
    if (!account || !this.fitsLink(kind, account)) return { usable: false, refusal: 'unknown' };
    return { usable: true, account };
  }

  /**
   * Sets the password a person chose through a one-time link, once: an invitation activates the
   * account, a reset replaces the password and ends the sign-ins made with the old one. A bad
   * password (BAD_USER_INPUT naming `password`) leaves the link usable.
   */
  async useLink(
    kind: AccountLinkKind,
    token: string,
    password: string,
    ip: string | undefined,
  ): Promise<{ account: Account } | { refusal: LinkRefusal }> {
    const state = await this.linkState(kind, token);
    if (!state.usable) return state;
    const passwordHash = await hashPassword(checkPassword(password));
    const now = this.deps.clock();
    // The one place a link is spent: of two submissions at once, one wins.
    const spent = await this.deps.links.findOneAndUpdate(
      { _id: hashToken(token), usedAt: { $exists: false }, expiresAt: { $gt: now } },
      { $set: { usedAt: now } },
    );
    if (!spent) return { refusal: 'used' };
    const account = await this.deps.accounts.setPassword(state.account.id, passwordHash, now);
    if (kind === 'password-reset') await revokeAccount(this.deps.oidcEntries, account.id);
    await this.deps.audit.record({
      tenantId: account.tenantId,
      action: kind === 'invitation' ? 'invitation.accepted' : 'password-reset.used',
      actor: party(account),
      subject: party(account),
      ...(ip ? { ip } : {}),
    });
    return { account };
  }

  /**
   * «Забыли пароль?»: recorded in the audit log of the login's tenant for its administrators, who
   * issue the link (no mail is sent yet). An unknown login records nothing and is not told apart.
   * True when the login is an account's.
   */
  async requestPasswordReset(login: string, ip: string | undefined): Promise<boolean> {
    const found = await this.deps.accounts.byLogin(normaliseLogin(login));
    if (!found) return false;
    await this.deps.audit.record({
      tenantId: found.account.tenantId,
      action: 'password-reset.requested',
      subject: party(found.account),
      ...(ip ? { ip } : {}),
    });
    return true;
  }

  /** An invitation is for a pending account, a reset for an active one; neither for a disabled one. */
  private fitsLink(kind: AccountLinkKind, account: Account): boolean {
    return !account.disabled && account.pending === (kind === 'invitation');
  }

  private async issueLink(account: Account, kind: AccountLinkKind): Promise<IssuedLink> {
    const token = randomBytes(32).toString('base64url');
    const now = this.deps.clock();
    const ttl = kind === 'invitation' ? this.deps.invitationTtlS : this.deps.passwordResetTtlS;
    const expiresAt = new Date(now.getTime() + ttl * 1000);
    // One working link of a kind per account: a new one replaces the unused one.
    await this.deps.links.deleteMany({
      accountId: account.id,
      kind,
      usedAt: { $exists: false },
    });
    await this.deps.links.create({
      _id: hashToken(token),
      kind,
      accountId: account.id,
      tenantId: account.tenantId,
      expiresAt,
      createdAt: now,
    });
    return { url: `${this.deps.issuer}${LINK_PATHS[kind]}${token}`, expiresAt };
  }

  /** The caller's tenant, once they are known to be its administrator. */
  private admin(caller: Caller): string {
    return requireRole(caller.identity, 'admin').tenantId;
  }

  private account(caller: Caller, accountId: string): Promise<Account> {
    return this.deps.accounts.inTenant(this.admin(caller), accountId);
  }

  private record(
    caller: Caller,
    action: AuditAction,
    account: Account,
    details?: Record<string, unknown>,
  ): Promise<void> {
    return this.deps.audit.record({
      tenantId: account.tenantId,
      action,
      actor: { id: caller.identity.subject },
      subject: party(account),
      ...(caller.ip ? { ip: caller.ip } : {}),
      ...(details ? { details } : {}),
    });
  }
}
