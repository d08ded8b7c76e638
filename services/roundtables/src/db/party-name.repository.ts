import type { PartyRef } from '@kollegia/events';
import { isDuplicateKey, TenantModel } from '@kollegia/service-kit';

import type { PartyName } from '../documents/names';
import type { PartyNameDocument, PartyNameModel } from './party-name.model';

const keyOf = (tenantId: string, kind: PartyRef['kind'], id: string) => `${tenantId}/${kind}/${id}`;

/** The names of members' organisations and people, tenant by tenant. */
export class PartyNameRepository {
  private readonly names: TenantModel<PartyNameDocument>;

  constructor(names: PartyNameModel) {
    this.names = new TenantModel(names);
  }

  /**
   * Records a name as of the member's version `version`. Applying the same or an older event again
   * changes nothing (idempotent), so redelivered and replayed events are absorbed. Returns whether
   * the name was written.
   */
  async record(tenantId: string, name: PartyName, version: number, now: Date): Promise<boolean> {
    const _id = keyOf(tenantId, name.kind, name.id);
    try {
      const result = await this.names.upsertOne(
        tenantId,
        { _id, version: { $lt: version } },
        {
          $set: {
            tenantId,
            kind: name.kind,
            partyId: name.id,
            name: name.name,
            version,
            updatedAt: now,
            ...(name.shortName ? { shortName: name.shortName } : {}),
          },
          ...(name.shortName ? {} : { $unset: { shortName: '' } }),
        },
      );
      return result.modifiedCount + result.upsertedCount > 0;
    } catch (error) {
      // A newer version is stored: the upsert tried to insert the existing `_id`.
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  /** The known names among these parties (one query). */
  async getMany(tenantId: string, refs: readonly PartyRef[]): Promise<PartyName[]> {
    const ids = [...new Set(refs.map((ref) => keyOf(tenantId, ref.kind, ref.id)))];
    if (ids.length === 0) return [];
    const docs = await this.names
      .find(tenantId, { _id: { $in: ids } })
      .lean<{ kind: PartyRef['kind']; partyId: string; name: string; shortName?: string }[]>();
    return docs.map((doc) => ({
      kind: doc.kind,
      id: doc.partyId,
      name: doc.name,
      ...(doc.shortName ? { shortName: doc.shortName } : {}),
    }));
  }
}
