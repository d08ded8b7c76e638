import { argon2, randomBytes, timingSafeEqual, type Argon2Parameters } from 'node:crypto';

/**
 * Argon2id with the parameters OWASP recommends as a floor (19 MiB, 2 passes, 1 lane): Node's own
 * `crypto.argon2` (since 24.7), so no native package. Each hash carries its parameters (PHC string
 * format), so they can be raised later and old hashes still verify.
 */
const DEFAULT_COST = { memory: 19_456, passes: 2, parallelism: 1 };
const SALT_BYTES = 16;
const TAG_BYTES = 32;
const PHC = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

function derive(
  password: string,
  salt: Buffer,
  cost: Pick<Argon2Parameters, 'memory' | 'passes' | 'parallelism'>,
  tagLength: number,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    argon2('argon2id', { message: password, nonce: salt, tagLength, ...cost }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

const b64 = (bytes: Buffer) => bytes.toString('base64').replace(/=+$/, '');

/** A new hash of the password with a fresh random salt, as a PHC string. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const tag = await derive(password, salt, DEFAULT_COST, TAG_BYTES);
  const { memory, passes, parallelism } = DEFAULT_COST;
  return `$argon2id$v=19$m=${memory},t=${passes},p=${parallelism}$${b64(salt)}$${b64(tag)}`;
}

/**
 * Whether the password matches the stored hash, compared in constant time. A hash that is not ours
 * matches nothing.
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const match = PHC.exec(stored);
  if (!match) return false;
  const [, memory, passes, parallelism, salt, tag] = match as unknown as string[];
  const expected = Buffer.from(tag!, 'base64');
  const actual = await derive(
    password,
    Buffer.from(salt!, 'base64'),
    { memory: Number(memory), passes: Number(passes), parallelism: Number(parallelism) },
    expected.length,
  );
  return timingSafeEqual(actual, expected);
}

/**
 * A hash no password is known for: checked when the login is unknown, so that answering "wrong
 * login or password" takes as long either way and does not tell which logins exist.
 */
export const UNKNOWN_ACCOUNT_HASH = `$argon2id$v=19$m=${DEFAULT_COST.memory},t=${DEFAULT_COST.passes},p=${DEFAULT_COST.parallelism}$${b64(Buffer.alloc(SALT_BYTES))}$${b64(Buffer.alloc(TAG_BYTES))}`;
