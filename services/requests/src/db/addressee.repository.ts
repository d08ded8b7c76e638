import type { OrganizationKind } from '@kollegia/events';
import { collectionOf, isDuplicateKey, TenantModel } from '@kollegia/service-kit';
import type { mongo } from 'mongoose';

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
  /**
   * The driver's collection, for `record` alone: mongoose's `updateOne` drops the `undefined`
   * fields of an update where the driver stores them as null, so a field given without a value
   * is cleared rather than kept as it was.
   */
  private readonly collection: mongo.Collection<AddresseeDocument>;

  constructor(model: AddresseeModel) {
    this.addressees = new TenantModel(model);
    this.collection = collectionOf(model);
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
      const result = await this.collection.updateOne(
        // The tenant's scope, in the driver's typing of the same filter.
        this.addressees.scope(tenantId, {
          _id,
          version: { $lte: version },
        }) as mongo.Filter<AddresseeDocument>,
        { $set: { tenantId, organizationId, ...fields, version, updatedAt: now } },
        { upsert: true },
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
