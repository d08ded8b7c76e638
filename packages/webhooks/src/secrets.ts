import { randomBytes } from 'node:crypto';

/** The prefix the Standard Webhooks specification gives symmetric secrets. */
const PREFIX = 'whsec_';

/**
 * A new signing secret: 32 random bytes, base64, with the specification's `whsec_` prefix (it asks
 * for 24 to 64 bytes). Shown to the partner once; it verifies deliveries with it.
 */
export function newWebhookSecret(): string {
  return `${PREFIX}${randomBytes(32).toString('base64')}`;
}

/** Whether a string is a secret of that form, 24 to 64 bytes. */
export function isWebhookSecret(value: string): boolean {
  if (!value.startsWith(PREFIX)) return false;
  const base64 = value.slice(PREFIX.length);
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) return false;
  const bytes = Buffer.from(base64, 'base64').length;
  return bytes >= 24 && bytes <= 64;
}
