import { ConfigError, Shutdown } from '@kollegia/service-kit';

import { createGateway } from './app';
import { loadConfig } from './config';

async function main(): Promise<void> {
  const gateway = await createGateway(loadConfig());
  // The kit's one shutdown path: once, on SIGINT or SIGTERM, forced after 15 s.
  new Shutdown(gateway.logger).add('gateway', () => gateway.stop()).trapSignals();
}

main().catch((error: unknown) => {
  process.stderr.write(
    `gateway: ${error instanceof ConfigError ? error.message : String((error as Error).stack ?? error)}\n`,
  );
  process.exit(1);
});
