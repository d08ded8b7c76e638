import { baseConfigSchema, parseConfig } from '@kollegia/service-kit';
import { z } from 'zod';

/** The members service's settings: the shared ones, with its defaults. */
export const membersConfigSchema = baseConfigSchema.extend({
  PORT: z.coerce.number().int().min(0).max(65535).default(4101),
  MONGO_DB: baseConfigSchema.shape.MONGO_DB.default('kollegia_members'),
  /** How often temporary communities past their last day are dissolved. */
  COMMUNITY_EXPIRY_INTERVAL_MS: z.coerce.number().int().min(1000).default(60_000),
});

export type MembersConfig = z.infer<typeof membersConfigSchema>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): MembersConfig {
  return parseConfig(membersConfigSchema, env);
}
