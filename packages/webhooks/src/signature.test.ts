import { Webhook, WebhookVerificationError } from 'standardwebhooks';

import { isWebhookSecret, newWebhookSecret } from './secrets';
import { webhookHeaders } from './signature';

/** What a receiver does: the reference library's verification of the body and headers. */
function verify(secret: string, body: string, headers: Record<string, string>): unknown {
  return new Webhook(secret).verify(body, headers);
}

describe('webhook signatures', () => {
  const body = JSON.stringify({
    specversion: '1.0',
    id: 'e1',
    type: 'kollegia.requests.request.answered.v1',
    data: { text: 'Ответ министерства' },
  });
  const message = { id: 'msg_e1', timestamp: new Date(), body };

  it('should make secrets of the specification: whsec_ and 32 random bytes', () => {
    const a = newWebhookSecret();
    expect(isWebhookSecret(a)).toBe(true);
    expect(Buffer.from(a.slice('whsec_'.length), 'base64')).toHaveLength(32);
    expect(newWebhookSecret()).not.toBe(a);
    expect(isWebhookSecret('whsec_c2hvcnQ=')).toBe(false);
    expect(isWebhookSecret('secret')).toBe(false);
  });

  it('should be verified by the reference library, with the id and the timestamp in seconds', () => {
    const secret = newWebhookSecret();
    const headers = webhookHeaders(message, [secret]);
    expect(headers['webhook-id']).toBe('msg_e1');
    expect(headers['webhook-timestamp']).toBe(
      String(Math.floor(message.timestamp.getTime() / 1000)),
    );
    expect(headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(verify(secret, body, { ...headers })).toEqual(JSON.parse(body));
  });

  it('should be refused by the reference library when the body, the id or the timestamp was changed', () => {
    const secret = newWebhookSecret();
    const headers = { ...webhookHeaders(message, [secret]) };
    const tampered = body.replace('Ответ', 'Отказ');
    expect(() => verify(secret, tampered, headers)).toThrow(WebhookVerificationError);
    expect(() => verify(secret, body, { ...headers, 'webhook-id': 'msg_other' })).toThrow(
      WebhookVerificationError,
    );
    const earlier = String(Number(headers['webhook-timestamp']) - 1);
    expect(() => verify(secret, body, { ...headers, 'webhook-timestamp': earlier })).toThrow(
      WebhookVerificationError,
    );
    expect(() => verify(newWebhookSecret(), body, headers)).toThrow(WebhookVerificationError);
  });

  it('should carry a signature per secret during a rotation, so either verifies and no other', () => {
    const [old, next] = [newWebhookSecret(), newWebhookSecret()];
    const headers = { ...webhookHeaders(message, [old, next]) };
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(verify(old, body, headers)).toEqual(JSON.parse(body));
    expect(verify(next, body, headers)).toEqual(JSON.parse(body));
    expect(() => verify(newWebhookSecret(), body, headers)).toThrow(WebhookVerificationError);
  });

  it('should be refused by the reference library when replayed later than its tolerance', () => {
    const secret = newWebhookSecret();
    const old = { ...message, timestamp: new Date(Date.now() - 10 * 60_000) };
    expect(() => verify(secret, body, { ...webhookHeaders(old, [secret]) })).toThrow(
      /timestamp too old/i,
    );
  });

  it('should refuse to sign without a secret', () => {
    expect(() => webhookHeaders(message, [])).toThrow(/at least one secret/);
  });
});
