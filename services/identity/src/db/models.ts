import type { Connection } from 'mongoose';

import { accountLinkModel } from './account-link.model';
import { accountModel } from './account.model';
import { auditEntryModel } from './audit-entry.model';
import { oidcEntryModel } from './oidc-entry.model';
import { partnerClientModel } from './partner-client.model';
import { providerKeysModel } from './provider-keys';
import { tenantModel } from './tenant.model';

/** The service's collections, and their indexes built — for the service and for the seed CLI. */
export async function identityModels(connection: Connection) {
  const models = {
    tenants: tenantModel(connection),
    accounts: accountModel(connection),
    accountLinks: accountLinkModel(connection),
    auditLog: auditEntryModel(connection),
    partnerClients: partnerClientModel(connection),
    oidcEntries: oidcEntryModel(connection),
    providerKeys: providerKeysModel(connection),
  };
  // One at a time: the embedded engine has crashed on concurrent index builds.
  for (const model of Object.values(models)) await model.syncIndexes();
  return models;
}
