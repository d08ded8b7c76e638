import { baseConfigSchema, parseConfig, timeZoneSetting } from '@kollegia/service-kit';
import { z } from 'zod';

/** The roundtables service's settings: the shared ones, with its defaults. */
export const roundtablesConfigSchema = baseConfigSchema.extend({
  PORT: z.coerce.number().int().min(0).max(65535).default(4102),
  MONGO_DB: baseConfigSchema.shape.MONGO_DB.default('kollegia_roundtables'),
  /** How often statements a crash left inside round tables are written to their collection. */
  STATEMENT_SWEEP_INTERVAL_MS: z.coerce.number().int().min(100).default(5000),
  /** The time zone of dates and times in generated documents (IANA name). */
  DOCUMENT_TIME_ZONE: timeZoneSetting(),
});

export type RoundtablesConfig = z.infer<typeof roundtablesConfigSchema>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): RoundtablesConfig {
  return parseConfig(roundtablesConfigSchema, env);
}
