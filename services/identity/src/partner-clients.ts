import { text } from 'node:stream/consumers';

import {
  badInput,
  ConfigError,
  connectMongo,
  createLogger,
  DomainError,
} from '@kollegia/service-kit';

import { PartnerClientAdmin } from './application/partner-clients';
import { loadConfig } from './config';
import { identityModels } from './db/models';

const USAGE = `usage: node services/identity/dist/partner-clients.js <command>
  list <tenant>
  show <client id>
  create <tenant> <name>              a client with a secret (printed once)
  create-with-keys <tenant> <name>    a client that signs assertions; stdin: a JWK or {"keys":[…]}
  rotate-secret <client id> [<overlap seconds, default 86400>]   the new secret printed once
  end-overlap <client id>             the secret a rotation replaced is refused from now
  add-key <client id>                 stdin: the public key (a JWK with a kid)
  remove-key <client id> <kid>
  revoke <client id>`;

/** The public keys on stdin: one JWK, or a JWK Set (`{"keys": […]}`). */
async function keysFromStdin(): Promise<unknown[]> {
  let input: unknown;
  try {
    input = JSON.parse(await text(process.stdin));
  } catch {
    throw badInput('key', 'stdin must be a JSON Web Key or a JWK Set');
  }
  const set = input as { keys?: unknown };
  return Array.isArray(set.keys) ? (set.keys as unknown[]) : [input];
}

function commandOf(
  admin: PartnerClientAdmin,
  [command, first = '', second]: string[],
): (() => Promise<unknown>) | undefined {
  const ref = { clientId: first };
  switch (command) {
    case 'list':
      return () => admin.list(first);
    case 'show':
      return () => admin.get(ref);
    case 'create':
      return () => admin.create({ tenantId: first, name: second ?? '' });
    case 'create-with-keys':
      return async () =>
        admin.create({ tenantId: first, name: second ?? '', keys: await keysFromStdin() });
    case 'rotate-secret':
      return () =>
        admin.rotateSecret({
          ...ref,
          ...(second === undefined ? {} : { overlapSeconds: Number(second) }),
        });
    case 'end-overlap':
      return () => admin.endSecretOverlap(ref);
    case 'add-key':
      return async () => {
        const [key, ...more] = await keysFromStdin();
        if (more.length > 0) throw badInput('key', 'one key at a time');
        return admin.addKey({ ...ref, key });
      };
    case 'remove-key':
      return () => admin.removeKey({ ...ref, kid: second ?? '' });
    case 'revoke':
      return () => admin.revoke(ref);
    default:
      return undefined;
  }
}

/**
 * The operator's partner-client commands, against the identity database of MONGO_URL / MONGO_DB:
 * list, create, rotate a secret, add and remove keys, revoke. Prints the answer as JSON — a new
 * secret only here, once. Like the seed CLI it needs the database, not the network: nothing of it
 * listens. Bad input is the error's message on stderr and exit code 1.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const connection = await connectMongo(
    config.MONGO_URL,
    config.MONGO_DB,
    // stdout is the answer: the connection's own log lines stay out of it.
    createLogger({ service: 'identity-partner-clients', level: 'silent' }),
  );
  try {
    const models = await identityModels(connection);
    const admin = new PartnerClientAdmin({
      tenants: models.tenants,
      partnerClients: models.partnerClients,
      clock: () => new Date(),
    });
    const command = commandOf(admin, process.argv.slice(2));
    if (!command) {
      process.stderr.write(`${USAGE}\n`);
      process.exitCode = 2;
      return;
    }
    process.stdout.write(`${JSON.stringify(await command(), null, 2)}\n`);
  } finally {
    await connection.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `identity partner-clients: ${error instanceof DomainError || error instanceof ConfigError ? error.message : String((error as Error).stack ?? error)}\n`,
  );
  process.exit(1);
});
