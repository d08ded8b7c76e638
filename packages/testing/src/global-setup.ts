import { up } from '@kollegia/local-stack';

import { removeTestLeftovers, TEST_RUN_VARIABLE } from './leftovers';

/**
 * Jest global setup of the integration and e2e tiers: starts the local stack once per run (builds it
 * on first use; Kafka, the database and the mail catcher), or attaches to KAFKA_BROKERS / MONGO_URL
 * when set. Workers inherit the endpoints
 * and the run id through the environment. On the local stack it first removes the topics, groups
 * and databases that runs killed before their teardown left behind.
 */
export default async function globalSetup(): Promise<void> {
  const started = Date.now();
  const endpoints = await up(undefined, (line) => process.stderr.write(`\n[stack] ${line}`));
  process.env.KAFKA_BROKERS = endpoints.kafkaBrokers.join(',');
  process.env.MONGO_URL = endpoints.mongoUrl;
  // The local mail catcher: where a test sends mail (SMTP_URL) and reads what arrived (mail.ts).
  if (endpoints.mail) {
    process.env.SMTP_URL = endpoints.mail.smtpUrl;
    process.env.KOLLEGIA_MAIL_WEB_URL = endpoints.mail.webUrl;
  }
  process.env[TEST_RUN_VARIABLE] = String(Date.now());
  process.env.KOLLEGIA_STACK_STARTED_BY_TESTS = endpoints.started ? '1' : '';
  // Whether the endpoints are the local stack (which a test may stop and start) or external ones.
  process.env.KOLLEGIA_STACK_EXTERNAL = endpoints.external ? '1' : '';
  process.stderr.write(
    `\n[stack] ${endpoints.external ? 'attached to' : endpoints.started ? 'started' : 'reusing'} Kafka ${process.env.KAFKA_BROKERS} and MongoDB ${endpoints.mongoUrl} in ${((Date.now() - started) / 1000).toFixed(1)}s\n`,
  );
  if (!endpoints.external) {
    const sweep = Date.now();
    const removed = await removeTestLeftovers(endpoints, { staleAt: sweep });
    if (removed.topics + removed.groups + removed.databases > 0) {
      process.stderr.write(
        `[stack] removed what killed test runs left behind: ${removed.topics} topics, ${removed.groups} consumer groups, ${removed.databases} databases in ${((Date.now() - sweep) / 1000).toFixed(1)}s\n`,
      );
    }
  }
}
