import { ConfigError } from '@kollegia/service-kit';

import { createApp } from './app';
import { loadConfig } from './config';

async function main(): Promise<void> {
  const app = await createApp(loadConfig());
  app.shutdown.trapSignals();
}

main().catch((error: unknown) => {
  process.stderr.write(
    `identity: ${error instanceof ConfigError ? error.message : String((error as Error).stack ?? error)}\n`,
  );
  process.exit(1);
});
