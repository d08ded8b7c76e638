import { baseConfigSchema, parseConfig, timeZoneSetting } from '@kollegia/service-kit';
import { z } from 'zod';

/** The recommendations service's settings: the shared ones, with its defaults. */
export const recommendationsConfigSchema = baseConfigSchema.extend({
  PORT: z.coerce.number().int().min(0).max(65535).default(4103),
  MONGO_DB: baseConfigSchema.shape.MONGO_DB.default('kollegia_recommendations'),
  /** How often the follow-up scheduler looks for due-soon, overdue and review dates. */
  FOLLOW_UP_INTERVAL_MS: z.coerce.number().int().min(1000).default(60_000),
  /** Where the workspace's days begin and end (due and review dates are calendar dates). */
  FOLLOW_UP_TIME_ZONE: timeZoneSetting(),
  /** How many calendar days before its due date an adopted recommendation is due soon. */
  FOLLOW_UP_DUE_SOON_DAYS: z.coerce.number().int().min(0).max(365).default(14),
  /**
   * How long a follow-up claim stays with the replica that took it. A replica that died between
   * the claim and the announcement leaves the claim unfinished; after this long another one
   * takes it over.
   */
  FOLLOW_UP_CLAIM_LEASE_MS: z.coerce.number().int().min(1000).default(300_000),
  /**
   * How often the read models (timeline, progress reports, counts) are brought up to date with
   * changes a crash left pending (each change also does it at once).
   */
  READ_MODEL_SWEEP_INTERVAL_MS: z.coerce.number().int().min(100).default(10_000),
});

export type RecommendationsConfig = z.infer<typeof recommendationsConfigSchema>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): RecommendationsConfig {
  return parseConfig(recommendationsConfigSchema, env);
}
