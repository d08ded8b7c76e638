import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** Versions of the local stack. Bumping one (or editing its recipe) builds a new cache entry. */
export const KAFKA_VERSION = '3.9.1';
export const MONGO_SERVER_VERSION = '1.47.0';

/** Where the recipes (the pom.xml files, the database launcher) live in the repository. */
export const recipeDir = resolve(__dirname, '..');

/** Everything the local stack needs to know, read once from the environment. */
export interface StackSettings {
  /** Built artefacts, shared by every clone on this machine: `<cacheDir>/kafka-3.9.1-<hash>/…`. */
  cacheDir: string;
  /** Data, logs and pid files of this stack instance (outside the work tree). */
  stateDir: string;
  kafkaPort: number;
  kafkaControllerPort: number;
  mongoPort: number;
  /** The mail catcher's SMTP port and its web page's. */
  smtpPort: number;
  mailWebPort: number;
  kafkaHeapMb: number;
  mongoHeapMb: number;
  /** Set when KAFKA_BROKERS and MONGO_URL point at an existing Kafka and MongoDB: nothing is started. */
  external?: { kafkaBrokers: string[]; mongoUrl: string };
}

export class StackError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'StackError';
  }
}

function port(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    throw new StackError(`${name} must be a TCP port (1-65535), got "${raw}"`);
  }
  return value;
}

function megabytes(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 64) {
    throw new StackError(`${name} must be a whole number of megabytes (at least 64), got "${raw}"`);
  }
  return value;
}

/**
 * Reads the stack's settings. Default ports sit away from the standard 9092/27017 so a developer's
 * own Kafka or MongoDB keeps running beside Kollegia's.
 */
export function readSettings(env: NodeJS.ProcessEnv = process.env): StackSettings {
  const cacheRoot = env.XDG_CACHE_HOME || join(homedir(), '.cache');
  const stateRoot = env.XDG_STATE_HOME || join(homedir(), '.local', 'state');
  const instance = env.KOLLEGIA_STACK_NAME || 'default';
  const settings: StackSettings = {
    cacheDir: resolve(env.KOLLEGIA_CACHE_DIR || join(cacheRoot, 'kollegia')),
    stateDir: resolve(env.KOLLEGIA_STATE_DIR || join(stateRoot, 'kollegia', instance)),
    kafkaPort: port(env, 'KOLLEGIA_KAFKA_PORT', 29092),
    kafkaControllerPort: port(env, 'KOLLEGIA_KAFKA_CONTROLLER_PORT', 29093),
    mongoPort: port(env, 'KOLLEGIA_MONGO_PORT', 29017),
    smtpPort: port(env, 'KOLLEGIA_SMTP_PORT', 29025),
    mailWebPort: port(env, 'KOLLEGIA_MAIL_WEB_PORT', 29080),
    kafkaHeapMb: megabytes(env, 'KOLLEGIA_KAFKA_HEAP_MB', 384),
    mongoHeapMb: megabytes(env, 'KOLLEGIA_MONGO_HEAP_MB', 768),
  };
  const brokers = env.KAFKA_BROKERS?.trim();
  const mongoUrl = env.MONGO_URL?.trim();
  if (brokers && mongoUrl) {
    settings.external = { kafkaBrokers: brokers.split(',').map((b) => b.trim()), mongoUrl };
  } else if (brokers || mongoUrl) {
    throw new StackError(
      'set both KAFKA_BROKERS and MONGO_URL to use an existing Kafka and MongoDB, or neither to use the local stack',
    );
  }
  return settings;
}

/**
 * A short digest of recipe files (relative to `base`), so an edited recipe does not reuse an old
 * build.
 */
export function recipeDigest(files: string[], base = recipeDir): string {
  const hash = createHash('sha256');
  for (const file of files) hash.update(readFileSync(join(base, file)));
  return hash.digest('hex').slice(0, 10);
}

/**
 * Runs a command-line tool's `main` and exits with its code; a failure is said in one line (with
 * a StackError's hint), not as a stack trace.
 */
export function runCommand(main: () => Promise<number>, say: (line: string) => void): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      say(error instanceof Error ? error.message : String(error));
      if (error instanceof StackError && error.hint) say(`hint: ${error.hint}`);
      process.exit(1);
    },
  );
}
