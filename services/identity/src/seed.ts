import { text } from 'node:stream/consumers';

import { ConfigError, connectMongo, createLogger, DomainError } from '@kollegia/service-kit';

import { IdentityAdmin } from './application/identity-admin';
import { PartnerClientAdmin } from './application/partner-clients';
import { runSeed } from './application/seed';
import { loadConfig } from './config';
import { AccountRepository } from './db/account.repository';
import { identityModels } from './db/models';

/**
 * `node services/identity/dist/seed.js < seed.json`: creates or updates a tenant, its accounts and
 * partner clients (`seedSchema`) in the identity database of MONGO_URL / MONGO_DB, and prints what
 * it found and created as JSON. The seed is read from stdin, so passwords and secrets never show in
 * a process list. An admin surface that only whoever can reach the database can use: nothing of it
 * listens on the network.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const input: unknown = JSON.parse(await text(process.stdin));
  // stdout is the answer: the connection's own log lines stay out of it.
  const connection = await connectMongo(
    config.MONGO_URL,
    config.MONGO_DB,
    createLogger({ service: 'identity-seed', level: 'silent' }),
  );
  try {
    const models = await identityModels(connection);
    const clock = () => new Date();
    const admins = {
      admin: new IdentityAdmin({
        tenants: models.tenants,
        accounts: new AccountRepository(models.accounts),
        clock,
      }),
      partnerClients: new PartnerClientAdmin({
        tenants: models.tenants,
        partnerClients: models.partnerClients,
        clock,
      }),
    };
    process.stdout.write(`${JSON.stringify(await runSeed(admins, input))}\n`);
  } finally {
    await connection.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `identity seed: ${error instanceof DomainError || error instanceof ConfigError || error instanceof SyntaxError ? error.message : String((error as Error).stack ?? error)}\n`,
  );
  process.exit(1);
});
