import type { OrganizationKind } from '@kollegia/events';
import { withoutUndefined } from '@kollegia/service-kit/domain';

import type { DeadlinePolicyRepository, StoredPolicy } from '../db/deadline-policy.repository';
import { jurisdictionOf, type Jurisdiction } from '../domain/calendars/production-calendar';
import {
  deadlinePolicy,
  policyFor,
  type DeadlinePolicies,
  type DeadlinePolicy,
} from '../domain/deadline';
import type { CommandContext } from './context';
import type { MemberUseCases } from './members';
import { requireAdmin, requireReader } from './permissions';

/** A policy in force, with where it comes from. */
export interface EffectivePolicy {
  addresseeKind?: OrganizationKind;
  policy: DeadlinePolicy;
  /** What the tenant set for this kind (or as its default), if anything. */
  stored?: StoredPolicy;
}

/**
 * Deadline policies per tenant and kind of addressee: stored settings over the tenant's default
 * over the procedure of the addressee's jurisdiction (its country as members keeps it; Russia's,
 * 59-FZ, when unknown), with the service's configured due-soon lead as the first fallback.
 */
export class DeadlinePolicyUseCases {
  constructor(
    private readonly policies: DeadlinePolicyRepository,
    private readonly members: MemberUseCases,
    private readonly defaults: { dueSoonDays: number },
  ) {}

  /** Everything that decides a tenant's deadlines (one query). */
  async ofTenant(tenantId: string): Promise<DeadlinePolicies & { stored: StoredPolicy[] }> {
    const stored = await this.policies.policies(tenantId);
    return { ...stored, default: { dueSoonDays: this.defaults.dueSoonDays, ...stored.default } };
  }

  /**
   * The policy for one addressee, by the kind and the country members gave it (the default and
   * Russia when unknown).
   */
  async forAddressee(tenantId: string, addresseeId: string): Promise<DeadlinePolicy> {
    const [policies, [addressee]] = await Promise.all([
      this.ofTenant(tenantId),
      this.members.organizations(tenantId, [addresseeId]),
    ]);
    return policyFor(policies, addressee?.organizationKind, jurisdictionOf(addressee?.country));
  }

  /** Where the tenant itself is: its default policy's time zone (outgoing numbers' years). */
  async senderTimeZone(tenantId: string): Promise<string> {
    return policyFor(await this.ofTenant(tenantId)).timeZone;
  }

  /** The policy for many addressees of a tenant (two queries). */
  async forAddressees(
    tenantId: string,
    addresseeIds: readonly string[],
  ): Promise<Map<string, DeadlinePolicy>> {
    const [policies, addressees] = await Promise.all([
      this.ofTenant(tenantId),
      this.members.organizations(tenantId, addresseeIds),
    ]);
    const known = new Map(addressees.map((a) => [a.id, a]));
    return new Map(
      addresseeIds.map((id) => {
        const addressee = known.get(id);
        return [
          id,
          policyFor(policies, addressee?.organizationKind, jurisdictionOf(addressee?.country)),
        ];
      }),
    );
  }

  /** The policy for addressees of a kind (all without one) in a jurisdiction (Russia unless given). */
  async get(
    context: CommandContext,
    addresseeKind?: OrganizationKind,
    jurisdiction: Jurisdiction = 'RU',
  ): Promise<EffectivePolicy> {
    const identity = requireReader(context.identity);
    return this.effective(identity.tenantId, addresseeKind, jurisdiction);
  }

  /**
   * Sets what the tenant wants for a kind of addressee (or for all, without a kind): the given
   * settings replace the stored ones; what is left out is inherited. Checked whole before storing.
   */
  async set(
    context: CommandContext,
    addresseeKind: OrganizationKind | undefined,
    settings: Partial<DeadlinePolicy>,
  ): Promise<EffectivePolicy> {
    const identity = requireAdmin(context.identity);
    const given = withoutUndefined(settings);
    deadlinePolicy(given);
    const policies = await this.ofTenant(identity.tenantId);
    // The result must hold with what it inherits too.
    policyFor(
      addresseeKind
        ? { ...policies, byAddresseeKind: { ...policies.byAddresseeKind, [addresseeKind]: given } }
        : { ...policies, default: { dueSoonDays: this.defaults.dueSoonDays, ...given } },
      addresseeKind,
    );
    await this.policies.replace(
      identity.tenantId,
      addresseeKind,
      given,
      context.now,
      identity.subject,
    );
    return this.effective(identity.tenantId, addresseeKind, 'RU');
  }

  private async effective(
    tenantId: string,
    addresseeKind: OrganizationKind | undefined,
    jurisdiction: Jurisdiction,
  ): Promise<EffectivePolicy> {
    const policies = await this.ofTenant(tenantId);
    const stored = policies.stored.find((p) => p.addresseeKind === addresseeKind);
    return {
      ...(addresseeKind ? { addresseeKind } : {}),
      policy: policyFor(policies, addresseeKind, jurisdiction),
      ...(stored ? { stored } : {}),
    };
  }
}
