import type { IncomingMessage, ServerResponse } from 'node:http';

/** The body of a request, or undefined when it is longer than `maxBytes`. */
export async function readBody(
  req: IncomingMessage,
  maxBytes: number,
): Promise<string | undefined> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The client's address for the audit log: the connection's, or behind a proxy (TRUST_PROXY) the
 * first of `X-Forwarded-For` — as the provider's own (Koa's `ctx.ip`) reads it.
 */
export function clientIp(req: IncomingMessage, trustProxy: boolean): string | undefined {
  const forwarded = trustProxy ? req.headers['x-forwarded-for'] : undefined;
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  return first || req.socket.remoteAddress;
}

/** The origins of URLs, each once: the web board's, from its redirect URIs. */
export function originsOf(urls: readonly string[]): string[] {
  return [...new Set(urls.map((url) => new URL(url).origin))];
}

export function json(res: ServerResponse, status: number, body: unknown): void {
  res
    .writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' })
    .end(JSON.stringify(body));
}

/** The kit's error shape (json-errors.ts): a message and a code clients branch on. */
export function error(
  res: ServerResponse,
  status: number,
  message: string,
  extensions: object,
): void {
  json(res, status, { errors: [{ message, extensions }] });
}
