import type { OrganizationKind } from '@kollegia/events';
import { isDuplicateKey, TenantModel } from '@kollegia/service-kit';

import type { AddresseeDocument, AddresseeModel } from './addressee.model';

const keyOf = (tenantId: string, organizationId: string) => `${tenantId}/${organizationId}`;

/** What is known of an organisation that may be addressed. */
export interface Addressee {
  organizationId: string;
  kind?: OrganizationKind;
  name?: string;
  shortName?: string;
  status?: 'ACTIVE' | 'ARCHIVED';
}

/** Members' organisations as this service knows them, tenant by tenant. */
export class AddresseeRepository {
  private readonly addressees: TenantModel<AddresseeDocument>;

  constructor(model: AddresseeModel) {
    this.addressees = new TenantModel(model);
  }

  /**
   * Records what an organisation event says, as of the organisation's version `version`. The same
   * event again, or one from the same change, writes the same values; an older one changes nothing
   * (its upsert meets the stored `_id`). Returns whether anything was written.
   */
  async record(
    tenantId: string,
    organizationId: string,
    fields: Omit<Addressee, 'organizationId'>,
    version: number,
    now: Date,
  ): Promise<boolean> {
    const _id = keyOf(tenantId, organizationId);
    try {
      // The driver's upsert (`upsertOne`): mongoose's `updateOne` would drop a field given as
      // `undefined`, where this clears it.
      const result = await this.addressees.upsertOne(
        tenantId,
        { _id, version: { $lte: version } },
        { $set: { tenantId, organizationId, ...fields, version, updatedAt: now } },
      );
      return result.modifiedCount + result.upsertedCount > 0;
    } catch (error) {
      // The stored version is newer: the upsert met its `_id`.
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  async get(tenantId: string, organizationId: string): Promise<Addressee | undefined> {
    return (await this.getMany(tenantId, [organizationId]))[0];
  }

  /** The known ones among these organisations (one query). */
  async getMany(tenantId: string, organizationIds: readonly string[]): Promise<Addressee[]> {
    const ids = [...new Set(organizationIds)].map((id) => keyOf(tenantId, id));
    if (ids.length === 0) return [];
    const docs = await this.addressees
      .find(tenantId, { _id: { $in: ids } })
      .lean<(Addressee & { _id: string })[]>();
    return docs.map(({ organizationId, kind, name, shortName, status }) => ({
      organizationId,
      ...(kind ? { kind } : {}),
      ...(name ? { name } : {}),
      ...(shortName ? { shortName } : {}),
      ...(status ? { status } : {}),
    }));
  }
}
