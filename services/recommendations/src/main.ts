import { ConfigError } from '@kollegia/service-kit';

import { createApp } from './app';
import { loadConfig } from './config';

async function main(): Promise<void> {
  const app = await createApp(loadConfig());
  app.runtime.shutdown.trapSignals();
}

main().catch((error: unknown) => {
  process.stderr.write(
    `recommendations: ${error instanceof ConfigError ? error.message : String((error as Error).stack ?? error)}\n`,
  );
  process.exit(1);
});
