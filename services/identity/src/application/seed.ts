import { badInput } from '@kollegia/service-kit';
import { z } from 'zod';

import type { IdentityAdmin } from './identity-admin';
import type { PartnerClientAdmin } from './partner-clients';

/**
 * What the seed CLI (`dist/seed.js`) reads on stdin: one tenant, its people's accounts (with their
 * passwords) and its partner clients (with their ids and secrets). `npm start` seeds the demo
 * workspace's people with it, the e2e system its test accounts.
 */
export const seedSchema = z.strictObject({
  tenant: z.strictObject({ id: z.string(), name: z.string() }),
  accounts: z
    .array(
      z.strictObject({
        email: z.string(),
        displayName: z.string(),
        roles: z.array(z.string()),
        organizationId: z.string().optional(),
        personId: z.string().optional(),
        password: z.string(),
        disabled: z.boolean().optional(),
      }),
    )
    .default([]),
  partnerClients: z
    .array(z.strictObject({ clientId: z.string(), clientSecret: z.string(), name: z.string() }))
    .default([]),
});

export type Seed = z.input<typeof seedSchema>;

type Status = 'created' | 'found';

export interface SeedResult {
  tenant: Status;
  accounts: { email: string; id: string; status: Status }[];
  partnerClients: { clientId: string; status: Status }[];
}

const status = (created: boolean): Status => (created ? 'created' : 'found');

/**
 * Makes the tenant, accounts and partner clients exist as the seed says, whatever was there: run
 * again, it finds them (and sets what changed, such as an addressee's organisation after the demo
 * was loaded again). Bad input is a BAD_USER_INPUT naming the field.
 */
export async function runSeed(
  admins: { admin: IdentityAdmin; partnerClients: PartnerClientAdmin },
  input: unknown,
): Promise<SeedResult> {
  const parsed = seedSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw badInput(issue?.path.join('.') || 'seed', issue?.message ?? 'not a seed');
  }
  const { tenant, accounts, partnerClients } = parsed.data;
  const result: SeedResult = {
    tenant: status(await admins.admin.ensureTenant(tenant)),
    accounts: [],
    partnerClients: [],
  };
  for (const account of accounts) {
    const { account: stored, created } = await admins.admin.ensureAccount({
      ...account,
      tenantId: tenant.id,
    });
    result.accounts.push({ email: stored.email, id: stored.id, status: status(created) });
  }
  for (const client of partnerClients) {
    const created = await admins.partnerClients.ensure({ ...client, tenantId: tenant.id });
    result.partnerClients.push({ clientId: client.clientId, status: status(created) });
  }
  return result;
}
