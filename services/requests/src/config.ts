import { baseConfigSchema, parseConfig } from '@kollegia/service-kit';
import { z } from 'zod';

/** The requests service's settings: the shared ones, with its defaults. */
export const requestsConfigSchema = baseConfigSchema.extend({
  PORT: z.coerce.number().int().min(0).max(65535).default(4104),
  MONGO_DB: baseConfigSchema.shape.MONGO_DB.default('kollegia_requests'),
  /** How often the scheduler looks for requests that became due soon or overdue. */
  SCHEDULER_INTERVAL_MS: z.coerce.number().int().min(1000).default(60_000),
  /** Days before an answer deadline a request is announced as due soon, unless a policy says. */
  DUE_SOON_DAYS: z.coerce.number().int().min(0).max(60).default(5),
  /**
   * How long a replica's claim on a notice stands before another replica may take it over (the
   * claimer died between claiming and announcing).
   */
  DUE_NOTICE_CLAIM_LEASE_MS: z.coerce.number().int().min(1000).default(120_000),
});

export type RequestsConfig = z.infer<typeof requestsConfigSchema>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): RequestsConfig {
  return parseConfig(requestsConfigSchema, env);
}
