import { createApp } from './app';
import { loadConfig } from './config';

async function main(): Promise<void> {
  const app = createApp(loadConfig());
  await app.start();
  process.stdout.write(
    `${JSON.stringify({ level: 30, time: new Date().toISOString(), msg: `the web board is served at ${app.url}` })}\n`,
  );
  const stop = () => void app.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
