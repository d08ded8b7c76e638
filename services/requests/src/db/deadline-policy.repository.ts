import type { OrganizationKind } from '@kollegia/events';
import { isDuplicateKey, TenantModel } from '@kollegia/service-kit';

import type { DeadlinePolicies, DeadlinePolicy } from '../domain/deadline';
import type { DeadlinePolicyDocument, DeadlinePolicyModel } from './deadline-policy.model';

const DEFAULT_KEY = 'DEFAULT';

export interface StoredPolicy {
  addresseeKind?: OrganizationKind;
  settings: Partial<DeadlinePolicy>;
  version: number;
  updatedAt: Date;
}

/** Deadline settings, tenant by tenant. */
export class DeadlinePolicyRepository {
  private readonly docs: TenantModel<DeadlinePolicyDocument>;

  constructor(model: DeadlinePolicyModel) {
    this.docs = new TenantModel(model);
  }

  /** Everything a tenant set: its default and its overrides by kind of addressee (one query). */
  async policies(tenantId: string): Promise<DeadlinePolicies & { stored: StoredPolicy[] }> {
    const docs = await this.docs.find(tenantId).lean<DeadlinePolicyDocument[]>();
    const stored = docs.map((doc) => ({
      ...(doc.addresseeKind ? { addresseeKind: doc.addresseeKind as OrganizationKind } : {}),
      settings: doc.settings ?? {},
      version: doc.version,
      updatedAt: doc.updatedAt,
    }));
    return {
      default: stored.find((p) => !p.addresseeKind)?.settings ?? {},
      byAddresseeKind: Object.fromEntries(
        stored.flatMap((p) => (p.addresseeKind ? [[p.addresseeKind, p.settings]] : [])),
      ),
      stored,
    };
  }

  /**
   * Replaces a tenant's settings for a kind of addressee (or its default), bumping the version in
   * the same atomic write: writers racing from any number of processes each get their own version,
   * and the stored settings are those of the highest.
   */
  async replace(
    tenantId: string,
    addresseeKind: OrganizationKind | undefined,
    settings: Partial<DeadlinePolicy>,
    now: Date,
    by: string,
  ): Promise<StoredPolicy> {
    const _id = `${tenantId}/${addresseeKind ?? DEFAULT_KEY}`;
    for (let attempt = 0; ; attempt += 1) {
      try {
        const doc = await this.docs
          .findOneAndUpdate(
            tenantId,
            { _id },
            {
              // Every field but the version: what the replaced settings left out goes with them.
              $set: {
                tenantId,
                ...(addresseeKind ? { addresseeKind } : {}),
                settings,
                updatedAt: now,
                updatedBy: by,
              },
              $inc: { version: 1 },
            },
            { upsert: true, returnDocument: 'after', projection: { version: 1 } },
          )
          .lean<{ version: number }>();
        if (!doc) throw new Error(`deadline policy ${_id}: the upsert returned no document`);
        return {
          ...(addresseeKind ? { addresseeKind } : {}),
          settings,
          version: doc.version,
          updatedAt: now,
        };
      } catch (error) {
        // Two processes created the policy at once: the other one's insert stands; bump it.
        if (!isDuplicateKey(error) || attempt > 0) throw error;
      }
    }
  }
}
