import { down } from '@kollegia/local-stack';

/** Stops the local stack if this test run started it; a stack someone else started keeps running. */
export default async function globalTeardown(): Promise<void> {
  if (process.env.KOLLEGIA_STACK_STARTED_BY_TESTS === '1' && !process.env.KOLLEGIA_KEEP_STACK) {
    // KAFKA_BROKERS/MONGO_URL were set by the setup; they would make `down` think the stack is external.
    const env = { ...process.env };
    delete env.KAFKA_BROKERS;
    delete env.MONGO_URL;
    const { readSettings } = await import('@kollegia/local-stack');
    await down(readSettings(env));
  }
}
