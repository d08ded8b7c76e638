import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';

import { webhookHeaders } from './signature';
import { checkTargetUrl, guardedLookup, TargetRefused, type TargetPolicy } from './target';

/** One attempt to deliver one message to one endpoint. */
export interface WebhookDelivery {
  url: string;
  /** The message id, the same on every attempt. */
  id: string;
  /** The CloudEvent, as sent (structured mode: `application/cloudevents+json`). */
  body: string;
  /** The endpoint's current secrets (two during a rotation). */
  secrets: readonly string[];
  /** When the attempt is made (default now). */
  timestamp?: Date;
}

export interface DeliveryLimits extends TargetPolicy {
  /**
   * The whole attempt, from connecting to the end of the response's head (default 10 s); a body
   * still coming then is cut, and the status decides.
   */
  timeoutMs?: number;
  /** How much of the response body is read, at most; the rest is not (default 4 KiB). */
  maxResponseBytes?: number;
}

export type DeliveryFailure =
  /** The URL or what its host resolves to is refused (SSRF rules): nothing was sent. */
  | 'refused-target'
  /** A 3xx: the specification counts it as a failure, and it is not followed. */
  | 'redirect'
  /** Any other status outside 2xx. */
  | 'http-status'
  | 'timeout'
  | 'network';

export type DeliveryResult =
  | { ok: true; status: number; durationMs: number; response: string }
  | {
      ok: false;
      reason: DeliveryFailure;
      /** Whether trying again later may succeed (a refused target or 410 Gone will not). */
      retriable: boolean;
      detail: string;
      status?: number;
      durationMs: number;
      response?: string;
    };

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_RESPONSE_BYTES = 4096;

/**
 * Sends one signed message and says how it went; never throws. The target is checked before and
 * while connecting (`checkTargetUrl`, `guardedLookup`), no redirect is followed, the attempt is
 * cut at `timeoutMs`, and at most `maxResponseBytes` of the answer are read (kept for the
 * delivery log); a 2xx is a success whatever the body.
 */
export async function deliverWebhook(
  delivery: WebhookDelivery,
  limits: DeliveryLimits,
): Promise<DeliveryResult> {
  const started = Date.now();
  const elapsed = () => Date.now() - started;
  let url: URL;
  try {
    url = checkTargetUrl(delivery.url, limits);
  } catch (error) {
    return failure('refused-target', (error as Error).message, elapsed());
  }
  const headers = {
    ...webhookHeaders(
      { id: delivery.id, timestamp: delivery.timestamp ?? new Date(), body: delivery.body },
      delivery.secrets,
    ),
    'content-type': 'application/cloudevents+json; charset=utf-8',
    'content-length': String(Buffer.byteLength(delivery.body)),
    'user-agent': 'Kollegia-Webhooks/1',
  };
  const timeoutMs = limits.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = limits.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;

  return new Promise<DeliveryResult>((resolve) => {
    let settled = false;
    const settle = (result: DeliveryResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const req = send(url, {
      method: 'POST',
      headers,
      lookup: guardedLookup(limits),
      // A new connection per attempt: no socket outlives the check of where it goes.
      agent: false,
    });
    // The status, once the response's head has come: a 2xx whose body is slow is still delivered.
    let answered: { status: number; body: () => string } | undefined;
    const timer = setTimeout(() => {
      if (answered) settle(judge(answered.status, answered.body(), elapsed()));
      else settle(failure('timeout', `no answer within ${timeoutMs} ms`, elapsed()));
      req.destroy();
    }, timeoutMs);
    // `on`, not `once`: destroying the request after it settled may emit a second error.
    req.on('error', (error) => {
      if (error instanceof TargetRefused) {
        settle(failure('refused-target', error.message, elapsed()));
      } else {
        settle(failure('network', error.message, elapsed()));
      }
    });
    req.once('response', (response: IncomingMessage) => {
      const status = response.statusCode ?? 0;
      const reading = readAtMost(response, maxBytes);
      answered = { status, body: reading.soFar };
      void reading.done.then((body) => {
        req.destroy();
        settle(judge(status, body, elapsed()));
      });
    });
    req.end(delivery.body);
  });
}

/** What a status says: 2xx delivered, 3xx a redirect not followed, anything else a failure. */
function judge(status: number, body: string, durationMs: number): DeliveryResult {
  if (status >= 200 && status < 300) return { ok: true, status, durationMs, response: body };
  if (status >= 300 && status < 400) {
    return failure('redirect', `answered ${status} (not followed)`, durationMs, status, body);
  }
  return failure('http-status', `answered ${status}`, durationMs, status, body);
}

function failure(
  reason: DeliveryFailure,
  detail: string,
  durationMs: number,
  status?: number,
  response?: string,
): DeliveryResult {
  const retriable = reason !== 'refused-target' && status !== 410;
  return { ok: false, reason, retriable, detail, durationMs, status, response };
}

/**
 * Reads the first `max` bytes of a response body, as text; reading stops there. `done` when the body
 * ended or the limit was reached; `soFar` what has come until now.
 */
function readAtMost(
  response: IncomingMessage,
  max: number,
): { done: Promise<string>; soFar: () => string } {
  const chunks: Buffer[] = [];
  let size = 0;
  const soFar = () => Buffer.concat(chunks).subarray(0, max).toString('utf8');
  const done = new Promise<string>((resolve) => {
    const finish = () => {
      response.removeAllListeners('data');
      resolve(soFar());
    };
    response.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      if (size >= max) {
        response.pause();
        finish();
      }
    });
    response.once('end', finish);
    response.on('error', finish);
    response.once('aborted', finish);
  });
  return { done, soFar };
}
