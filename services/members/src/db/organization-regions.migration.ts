import { acrossTenants, TenantModel } from '@kollegia/service-kit';

import type { OrganizationDocument, OrganizationModel } from './organization.model';

/** An organisation as stored before countries were recorded: a Russian `region`, no country. */
type RegionOnly = Pick<OrganizationDocument, '_id' | 'tenantId'> & { region: string };

/**
 * Moves organisations stored before countries were recorded (`region: 'RU-…'`, no `country`) to
 * `country: 'RU'` and `subdivision` = the region, at start, before the service serves. Each
 * document moves in one update guarded by its old shape, so a second run, or several replicas
 * starting together, move each document once and write the same values. It neither bumps the
 * version nor announces anything: the card is the same, and consumers read the country of old
 * events from their `region`. Returns how many documents this run moved.
 */
export async function moveRegionsToJurisdictions(model: OrganizationModel): Promise<number> {
  const organizations = new TenantModel(model);
  const old = { country: { $exists: false }, region: { $regex: '^RU-' } };
  // A sweep across tenants; each move then goes through its own tenant's scope.
  const found = await acrossTenants(organizations)
    .find(old, { _id: 1, tenantId: 1, region: 1 })
    .lean<RegionOnly[]>();
  let moved = 0;
  for (const { _id, tenantId, region } of found) {
    const result = await organizations.updateOne(
      tenantId,
      { _id, ...old, region },
      { $set: { country: 'RU', subdivision: region }, $unset: { region: 1 } },
      // `region` is no longer in the schema: without this, mongoose would drop its $unset.
      { strict: false },
    );
    moved += result.modifiedCount;
  }
  return moved;
}
