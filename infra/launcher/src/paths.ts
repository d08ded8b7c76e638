import { join, resolve } from 'node:path';

import { readSettings } from '@kollegia/local-stack';

export const repoRoot = resolve(__dirname, '../../..');

/** The dev signing key lives with the stack's state, outside the work tree. */
export function devKeyDir(env: NodeJS.ProcessEnv = process.env): string {
  const { KAFKA_BROKERS: _k, MONGO_URL: _m, ...local } = env;
  return join(readSettings(local).stateDir, 'auth');
}

/** What `npm start` keeps about the identity provider's demo accounts (their passwords). */
export function identityStateDir(env: NodeJS.ProcessEnv = process.env): string {
  const { KAFKA_BROKERS: _k, MONGO_URL: _m, ...local } = env;
  return join(readSettings(local).stateDir, 'identity');
}
