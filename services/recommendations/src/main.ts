import { ConfigError } from '@kollegia/service-kit';

import { createApp } from './app';
import { loadConfig } from './config';

async function main(): Promise<void> {
  const app = await createApp(loadConfig());
  // The app's stop is the kit's shutdown path (HTTP, periodic jobs, consumers, relay).
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      app.runtime.logger.info({ signal }, 'shutting down');
      setTimeout(() => process.exit(1), 15_000).unref();
      void app.stop().then(() => process.exit(0));
    });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `recommendations: ${error instanceof ConfigError ? error.message : String((error as Error).stack ?? error)}\n`,
  );
  process.exit(1);
});
