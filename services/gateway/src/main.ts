import { ConfigError } from '@kollegia/service-kit';

import { createGateway } from './app';
import { loadConfig } from './config';

async function main(): Promise<void> {
  const gateway = await createGateway(loadConfig());
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    gateway.logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    void gateway.stop().then(() => process.exit(0));
  };
  // `on`, not `once`: a second signal during the shutdown is ignored (see Shutdown.trapSignals).
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `gateway: ${error instanceof ConfigError ? error.message : String((error as Error).stack ?? error)}\n`,
  );
  process.exit(1);
});
