import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { Webhook } from 'standardwebhooks';

import { deliverWebhook, type DeliveryLimits } from './deliver';
import { newWebhookSecret } from './secrets';

/**
 * One delivery against real HTTP receivers on loopback (allowed in development only): a receiver
 * that verifies with the reference library, one that redirects, one that never answers, one that
 * answers without end, and the same loopback refused outside development.
 */
interface Received {
  headers: IncomingMessage['headers'];
  body: string;
}

async function receiver(
  answer: (req: IncomingMessage, res: ServerResponse, body: string) => void,
): Promise<{ url: string; received: Received[]; server: Server }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      received.push({ headers: req.headers, body });
      answer(req, res, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  servers.push(server);
  return { url: `http://127.0.0.1:${port}/hooks/kollegia`, received, server };
}

const servers: Server[] = [];
afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

const development: DeliveryLimits = { allowPrivate: true, timeoutMs: 2000 };
const event = JSON.stringify({
  specversion: '1.0',
  id: '5f0c6f1e-9d1a-4f57-9a43-3c1b7a0f1a11',
  source: 'kollegia/requests',
  type: 'kollegia.requests.request.answered.v1',
  subject: 'req-1',
  data: { answer: 'Министерство рассмотрело обращение' },
});

describe('deliverWebhook', () => {
  it('should POST the CloudEvent, signed so that the reference library verifies it', async () => {
    const secret = newWebhookSecret();
    const hook = await receiver((req, res) => res.writeHead(204).end());
    const result = await deliverWebhook(
      { url: hook.url, id: 'msg_1', body: event, secrets: [secret] },
      development,
    );
    expect(result).toMatchObject({ ok: true, status: 204 });
    const [got, ...more] = hook.received;
    expect(more).toEqual([]);
    expect(got!.body).toBe(event);
    expect(got!.headers['content-type']).toBe('application/cloudevents+json; charset=utf-8');
    expect(got!.headers['webhook-id']).toBe('msg_1');
    expect(new Webhook(secret).verify(got!.body, got!.headers as Record<string, string>)).toEqual(
      JSON.parse(event),
    );
  });

  it('should not follow a redirect, and count it as a failure to retry', async () => {
    const elsewhere = await receiver((req, res) => res.writeHead(200).end());
    const hook = await receiver((req, res) =>
      res.writeHead(307, { location: elsewhere.url }).end(),
    );
    const result = await deliverWebhook(
      { url: hook.url, id: 'msg_2', body: event, secrets: [newWebhookSecret()] },
      development,
    );
    expect(result).toMatchObject({ ok: false, reason: 'redirect', status: 307, retriable: true });
    expect(hook.received).toHaveLength(1);
    expect(elsewhere.received).toEqual([]);
  });

  it('should give up on a receiver that does not answer in time', async () => {
    const hook = await receiver(() => undefined);
    const result = await deliverWebhook(
      { url: hook.url, id: 'msg_3', body: event, secrets: [newWebhookSecret()] },
      { ...development, timeoutMs: 300 },
    );
    expect(result).toMatchObject({ ok: false, reason: 'timeout', retriable: true });
    expect(hook.received).toHaveLength(1);
  });

  it('should count a 2xx whose body is still coming at the time limit as delivered', async () => {
    const hook = await receiver((req, res) => {
      res.writeHead(202, { 'content-type': 'text/plain' });
      res.write('принято');
      // …and the rest never comes.
    });
    const result = await deliverWebhook(
      { url: hook.url, id: 'msg_8', body: event, secrets: [newWebhookSecret()] },
      { ...development, timeoutMs: 300 },
    );
    expect(result).toMatchObject({ ok: true, status: 202, response: 'принято' });
  });

  it('should read no more of an answer than its limit', async () => {
    const hook = await receiver((req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      // Far more than the limit, written as long as the connection is open.
      const chunk = 'я'.repeat(32 * 1024);
      const pump = () => {
        while (!res.destroyed && res.write(chunk));
        if (!res.destroyed) res.once('drain', pump);
      };
      pump();
    });
    const result = await deliverWebhook(
      { url: hook.url, id: 'msg_4', body: event, secrets: [newWebhookSecret()] },
      { ...development, maxResponseBytes: 1000 },
    );
    expect(result.ok).toBe(true);
    expect(Buffer.byteLength(result.ok ? result.response : '')).toBeLessThanOrEqual(1000);
  });

  it('should fail on an error status, to retry unless the endpoint is gone', async () => {
    const broken = await receiver((req, res) => res.writeHead(503).end('перегружен'));
    const gone = await receiver((req, res) => res.writeHead(410).end());
    const attempt = (url: string) =>
      deliverWebhook({ url, id: 'msg_5', body: event, secrets: [newWebhookSecret()] }, development);
    expect(await attempt(broken.url)).toMatchObject({
      ok: false,
      reason: 'http-status',
      status: 503,
      retriable: true,
      response: 'перегружен',
    });
    expect(await attempt(gone.url)).toMatchObject({ ok: false, status: 410, retriable: false });
  });

  it('should refuse loopback outside development, by address and by a name that resolves to it, sending nothing', async () => {
    const hook = await receiver((req, res) => res.writeHead(200).end());
    const port = new URL(hook.url).port;
    const production: DeliveryLimits = { allowPrivate: false, timeoutMs: 2000 };
    for (const url of [
      `https://127.0.0.1:${port}/hooks`,
      `https://localhost:${port}/hooks`,
      `http://127.0.0.1:${port}/hooks`,
    ]) {
      const result = await deliverWebhook(
        { url, id: 'msg_6', body: event, secrets: [newWebhookSecret()] },
        production,
      );
      expect({ url, result }).toMatchObject({
        url,
        result: { ok: false, reason: 'refused-target', retriable: false },
      });
    }
    const byName = await deliverWebhook(
      {
        url: `https://localhost:${port}/hooks`,
        id: 'msg_7',
        body: event,
        secrets: [newWebhookSecret()],
      },
      production,
    );
    expect(byName).toMatchObject({ detail: expect.stringMatching(/loopback address/) });
    expect(hook.received).toEqual([]);
  });
});
