import { Webhook } from 'standardwebhooks';

/** The three headers of a Standard Webhooks delivery. */
export interface WebhookHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

export interface WebhookMessage {
  /** The message id, the same on every attempt (receivers drop what they have seen). */
  id: string;
  /** When this attempt is made: receivers refuse a timestamp far from their clock. */
  timestamp: Date;
  /** The exact bytes sent: what is signed. */
  body: string;
}

/**
 * The headers of one attempt, signed with every secret the endpoint currently has: during a
 * rotation the old and the new one, space-separated as the specification allows, so a receiver
 * holding either verifies it. Signed by the specification's reference library.
 */
export function webhookHeaders(
  message: WebhookMessage,
  secrets: readonly string[],
): WebhookHeaders {
  if (secrets.length === 0) throw new Error('a webhook is signed with at least one secret');
  return {
    'webhook-id': message.id,
    'webhook-timestamp': String(Math.floor(message.timestamp.getTime() / 1000)),
    'webhook-signature': secrets
      .map((secret) => new Webhook(secret).sign(message.id, message.timestamp, message.body))
      .join(' '),
  };
}
