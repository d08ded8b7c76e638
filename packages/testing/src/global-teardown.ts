import { down } from '@kollegia/local-stack';

import { removeTestLeftovers, TEST_RUN_VARIABLE } from './leftovers';

/**
 * Removes this run's topics, consumer groups and databases, then stops the local stack if this run
 * started it; a stack someone else started keeps running.
 */
export default async function globalTeardown(): Promise<void> {
  const run = process.env[TEST_RUN_VARIABLE];
  const kafkaBrokers = process.env.KAFKA_BROKERS?.split(',');
  const mongoUrl = process.env.MONGO_URL;
  if (run && kafkaBrokers && mongoUrl) {
    try {
      await removeTestLeftovers({ kafkaBrokers, mongoUrl }, { run });
    } catch (error) {
      // The next run's setup removes them once they are stale; a failed clean-up fails no test.
      process.stderr.write(
        `\n[stack] could not remove this run's test topics and databases: ${String(error)}\n`,
      );
    }
  }
  if (process.env.KOLLEGIA_STACK_STARTED_BY_TESTS === '1' && !process.env.KOLLEGIA_KEEP_STACK) {
    // KAFKA_BROKERS/MONGO_URL were set by the setup; they would make `down` think the stack is external.
    const env = { ...process.env };
    delete env.KAFKA_BROKERS;
    delete env.MONGO_URL;
    const { readSettings } = await import('@kollegia/local-stack');
    await down(readSettings(env));
  }
}
