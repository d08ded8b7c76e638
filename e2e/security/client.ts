import { request as httpRequest } from 'node:http';

import WebSocket from 'ws';

import type { Ledger } from './ledger';

/** What one HTTP exchange gave, body parsed when it is JSON. */
export interface Reply {
  status: number;
  headers: Headers;
  text: string;

  json?: any;
}

/** The first `extensions.code` of a GraphQL answer. */

export const codeOf = (json: any): string | undefined => json?.errors?.[0]?.extensions?.code;

const ANSWER_TIMEOUT_MS = 30_000;

/**
 * The tier's HTTP and WebSocket client: every answer it gets goes through the ledger's global
 * checks, labelled, with what was sent and by which tenant.
 */
export class Client {
  constructor(
    private readonly ledger: Ledger,
    readonly gatewayUrl: string,
  ) {}

  get wsUrl(): string {
    return this.gatewayUrl.replace(/^http/, 'ws');
  }

  /** A raw HTTP request; a request that gets no answer in time is a 5xx finding (status 599). */
  async http(
    label: string,
    url: string,
    init: { method?: string; headers?: Record<string, string>; body?: string },
    tenant?: string,
  ): Promise<Reply> {
    const sent = `${url} ${JSON.stringify(init.headers ?? {})} ${init.body ?? ''}`;
    let reply: Reply;
    try {
      const response = await fetch(url, {
        method: init.method ?? 'POST',
        headers: init.headers,
        body: init.body,
        signal: AbortSignal.timeout(ANSWER_TIMEOUT_MS),
      });
      const text = await response.text();
      reply = { status: response.status, headers: response.headers, text };
      try {
        reply.json = JSON.parse(text);
      } catch {
        // Not JSON (an event stream, or a page): the checks read the text.
      }
    } catch (error) {
      reply = {
        status: 599,
        headers: new Headers(),
        text: `no answer: ${(error as Error).message}`,
      };
    }
    this.ledger.check({ label, status: reply.status, text: reply.text, sent, tenant });
    return reply;
  }

  /** A GraphQL POST (application/json) to `url`, with an Authorization header when given. */
  post(
    label: string,
    url: string,
    body: unknown,
    authorization?: string,
    options: { tenant?: string; headers?: Record<string, string> } = {},
  ): Promise<Reply> {
    return this.http(
      label,
      url,
      {
        headers: {
          'content-type': 'application/json',
          ...(authorization !== undefined ? { authorization } : {}),
          ...options.headers,
        },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      },
      options.tenant,
    );
  }

  /** A GraphQL GET (query in the URL), with the CSRF header the gateway wants on GETs. */
  get(
    label: string,
    query: string,
    variables: Record<string, unknown>,
    authorization?: string,
    tenant?: string,
  ): Promise<Reply> {
    const url = new URL(this.gatewayUrl);
    url.searchParams.set('query', query);
    url.searchParams.set('variables', JSON.stringify(variables));
    return this.http(
      label,
      url.toString(),
      {
        method: 'GET',
        headers: {
          'x-graphql-csrf': '1',
          ...(authorization !== undefined ? { authorization } : {}),
        },
      },
      tenant,
    );
  }

  /**
   * An operation over server-sent events: reads the stream until its first event (a refusal, a
   * result, or the first payload of a subscription) or its end, then lets go of it.
   */
  async sse(
    label: string,
    body: { query: string; variables?: Record<string, unknown> },
    authorization?: string,
    tenant?: string,
  ): Promise<{ status: number; event: string }> {
    const sent = `${JSON.stringify(body)} ${authorization ?? ''}`;
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), ANSWER_TIMEOUT_MS);
    let status = 599;
    let text = '';
    try {
      const response = await fetch(this.gatewayUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'text/event-stream',
          ...(authorization !== undefined ? { authorization } : {}),
        },
        body: JSON.stringify(body),
        signal: abort.signal,
      });
      status = response.status;
      const reader = response.body!.getReader();
      const decoder = new TextDecoder();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        text += decoder.decode(value, { stream: true });
        if (/^data: .+\n\n/m.test(text)) break;
      }
      abort.abort();
    } catch (error) {
      if (!text) text = `no answer: ${(error as Error).message}`;
    } finally {
      clearTimeout(timer);
    }
    const event = /^data: (.+)$/m.exec(text)?.[1] ?? text;
    this.ledger.check({ label, status, text, sent, tenant });
    return { status, event };
  }

  /** An HTTP request with a `Host` of our choosing (fetch will not send one). */
  rawHost(label: string, host: string, body: string): Promise<Reply> {
    const url = new URL(this.gatewayUrl);
    return new Promise((resolvePromise, reject) => {
      const req = httpRequest(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: 'POST',
          headers: {
            host,
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
          },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => {
            this.ledger.check({ label, status: res.statusCode ?? 0, text, sent: body });
            resolvePromise({ status: res.statusCode ?? 0, headers: new Headers(), text });
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  /** Opens a graphql-ws socket and sends `connection_init` with this payload (or raw text). */
  socket(
    label: string,
    init: Record<string, unknown> | string,
    tenant?: string,
    origin?: string,
  ): Promise<Socket> {
    return Socket.open(this.ledger, this.wsUrl, label, init, tenant, origin);
  }
}

/** A message the server sent on a graphql-ws socket. */
export interface Frame {
  type: string;
  id?: string;

  payload?: any;
}

/**
 * A graphql-ws socket driven by hand (the protocol is four message types): what the server
 * sends, how it closes, and nothing a client library would hide or retry.
 */
export class Socket {
  readonly frames: Frame[] = [];
  closed?: { code: number; reason: string };
  private waiters: (() => void)[] = [];

  private constructor(
    private readonly ledger: Ledger,
    private readonly ws: WebSocket,
    private readonly label: string,
    /** What the client sent on the socket, to tell echoed input from leaks. */
    private sent: string,
    private readonly tenant: string | undefined,
  ) {
    ws.on('message', (data) => {
      const text = Buffer.isBuffer(data) ? data.toString('utf8') : JSON.stringify(data);
      this.ledger.check({ label, status: 0, text, sent: this.sent, tenant });
      try {
        this.frames.push(JSON.parse(text) as Frame);
      } catch {
        this.frames.push({ type: 'unparsable', payload: text });
      }
      this.wake();
    });
    ws.on('close', (code, reason) => {
      this.closed = { code, reason: String(reason) };
      this.ledger.check({ label, status: 0, text: String(reason), sent: this.sent, tenant });
      this.wake();
    });
    ws.on('error', () => this.wake());
  }

  static open(
    ledger: Ledger,
    url: string,
    label: string,
    init: Record<string, unknown> | string,
    tenant?: string,
    origin?: string,
  ): Promise<Socket> {
    const message =
      typeof init === 'string' ? init : JSON.stringify({ type: 'connection_init', payload: init });
    return new Promise((resolvePromise) => {
      const ws = new WebSocket(url, 'graphql-transport-ws', origin ? { origin } : {});
      const socket = new Socket(ledger, ws, label, message.slice(0, 10_000), tenant);
      ws.once('open', () => {
        ws.send(message, () => resolvePromise(socket));
      });
      ws.once('unexpected-response', (_req, res) => {
        socket.closed = { code: -(res.statusCode ?? 0), reason: `HTTP ${res.statusCode}` };
        resolvePromise(socket);
      });
      ws.once('error', () => resolvePromise(socket));
    });
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const waiter of waiters) waiter();
  }

  /** Waits until `done` holds (checked on every frame and on close) or the socket closed. */
  async until(done: () => boolean, timeoutMs = ANSWER_TIMEOUT_MS): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!done() && !this.closed && Date.now() < deadline) {
      await new Promise<void>((resolvePromise) => {
        const timer = setTimeout(resolvePromise, Math.max(0, deadline - Date.now()));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolvePromise();
        });
      });
    }
  }

  /** Acknowledged (`connection_ack`), or closed: which. */
  async acknowledged(): Promise<boolean> {
    await this.until(() => this.frames.some((frame) => frame.type === 'connection_ack'));
    return this.frames.some((frame) => frame.type === 'connection_ack');
  }

  subscribe(id: string, query: string, variables: Record<string, unknown> = {}): void {
    const message = JSON.stringify({ id, type: 'subscribe', payload: { query, variables } });
    this.sent += message;
    this.ws.send(message);
  }

  complete(id: string): void {
    this.ws.send(JSON.stringify({ id, type: 'complete' }));
  }

  /** The frames of one operation. */
  of(id: string): Frame[] {
    return this.frames.filter((frame) => frame.id === id);
  }

  /** Waits for the first frame of an operation (or the close). */
  async first(id: string, timeoutMs?: number): Promise<Frame | undefined> {
    await this.until(() => this.of(id).length > 0, timeoutMs);
    return this.of(id)[0];
  }

  get open(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }

  close(): void {
    if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING)
      this.ws.close(1000);
  }
}

/** Runs `work` over `items`, at most `concurrency` at once, in order of the items. */
export async function inPool<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        await work(items[index]!, index);
      }
    }),
  );
}
