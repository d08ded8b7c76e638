import type { OrganizationKind } from '@kollegia/events';
import { withDocumentLock } from '@kollegia/service-kit';

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
  constructor(private readonly model: DeadlinePolicyModel) {}

  /** Everything a tenant set: its default and its overrides by kind of addressee (one query). */
  async policies(tenantId: string): Promise<DeadlinePolicies & { stored: StoredPolicy[] }> {
    const docs = await this.model.find({ tenantId }).lean<DeadlinePolicyDocument[]>();
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

  /** Replaces a tenant's settings for a kind of addressee (or its default). */
  async replace(
    tenantId: string,
    addresseeKind: OrganizationKind | undefined,
    settings: Partial<DeadlinePolicy>,
    now: Date,
    by: string,
  ): Promise<StoredPolicy> {
    const _id = `${tenantId}/${addresseeKind ?? DEFAULT_KEY}`;
    return withDocumentLock(this.model.collection.collectionName, _id, async () => {
      const current = await this.model.findById(_id, { version: 1 }).lean<{ version: number }>();
      const version = (current?.version ?? 0) + 1;
      await this.model.collection.replaceOne(
        { _id } as never,
        {
          tenantId,
          ...(addresseeKind ? { addresseeKind } : {}),
          settings,
          version,
          updatedAt: now,
          updatedBy: by,
        },
        { upsert: true },
      );
      return { ...(addresseeKind ? { addresseeKind } : {}), settings, version, updatedAt: now };
    });
  }

  /** The largest due-soon lead any tenant set (the scheduler's scan reaches that far ahead). */
  async maxDueSoonDays(): Promise<number | undefined> {
    const docs = await this.model
      .find({ 'settings.dueSoonDays': { $exists: true } }, { 'settings.dueSoonDays': 1 })
      .lean<{ settings: { dueSoonDays?: number } }[]>();
    const values = docs.flatMap((doc) =>
      typeof doc.settings.dueSoonDays === 'number' ? [doc.settings.dueSoonDays] : [],
    );
    return values.length > 0 ? Math.max(...values) : undefined;
  }
}
