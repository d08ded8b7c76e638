/**
 * The gateway bench's graphql-ws subscribers, in a process of their own so that their sockets,
 * JSON parsing and bookkeeping do not run on the gateway's event loop. Spawned by
 * `gateway.bench.ts` (through `sh -c 'ulimit -n …'`, for the descriptors), spoken to over the IPC
 * channel; not run by hand.
 *
 * It writes down every event each subscriber receives, with the wall-clock time of receipt, and
 * judges nothing: the bench, which knows what everyone may see, does. While statements are being
 * delivered it sends only how many subscribers have heard each text so far, a few times a second,
 * so that reporting costs the gateway's process next to nothing until the level is over.
 */
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

import {
  wallClock,
  type FromSubscribers,
  type Receipt,
  type Subscriber,
  type ToSubscribers,
} from './subscriber-protocol';

interface RoundtableLive {
  type: string;
  text: string | null;
  roundtable: { title: string } | null;
}

const send = (message: FromSubscribers) => process.send!(message);

let clients: Client[] = [];
let receipts: Receipt[] = [];
let errors: [number, string][] = [];
let closed: [number, number][] = [];
/** Clients being disposed: their sockets' closing is expected (and may be reported later). */
const disposed = new WeakSet<Client>();
let heard = new Map<string, number>();
let newErrors = 0;

function subscribeOne(url: string, query: string, subscriber: Subscriber): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let connected = false;
    const client = createClient({
      url,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      lazy: false,
      connectionParams: { authorization: `Bearer ${subscriber.token}` },
      on: {
        connected: () => {
          connected = true;
          resolve();
        },
        closed: (event) => {
          const code = (event as { code?: number }).code ?? 0;
          if (!connected) reject(new Error(`subscriber ${subscriber.index}: closed (${code})`));
          else if (!disposed.has(client)) closed.push([subscriber.index, code]);
        },
      },
    });
    clients.push(client);
    client.subscribe(
      { query, variables: { id: subscriber.roundtableId } },
      {
        next: (value) => {
          const at = wallClock();
          const event = value.data?.roundtableLive as RoundtableLive | undefined;
          if (value.errors || !event) {
            errors.push([subscriber.index, JSON.stringify(value).slice(0, 300)]);
            newErrors += 1;
            return;
          }
          receipts.push([
            subscriber.index,
            event.type,
            event.text,
            event.roundtable?.title ?? null,
            at,
          ]);
          if (event.type === 'STATEMENT_RECORDED' && event.text)
            heard.set(event.text, (heard.get(event.text) ?? 0) + 1);
        },
        error: (error) => {
          errors.push([subscriber.index, JSON.stringify(error).slice(0, 300)]);
          newErrors += 1;
        },
        complete: () => undefined,
      },
    );
  });
}

async function subscribe(message: Extract<ToSubscribers, { type: 'subscribe' }>): Promise<void> {
  const { url, query, subscribers, batch } = message;
  for (let from = 0; from < subscribers.length; from += batch) {
    await Promise.all(
      subscribers.slice(from, from + batch).map((one) => subscribeOne(url, query, one)),
    );
  }
  send({ type: 'connected', sockets: clients.length });
}

setInterval(() => {
  if (heard.size === 0 && newErrors === 0) return;
  send({ type: 'progress', heard: Object.fromEntries(heard), errors: newErrors });
  heard = new Map();
  newErrors = 0;
}, 50).unref();

process.on('message', (message: ToSubscribers) => {
  const handle = async () => {
    switch (message.type) {
      case 'subscribe':
        return subscribe(message);
      case 'report':
        return send({
          type: 'report',
          receipts,
          errors,
          closed,
          rss: process.memoryUsage.rss(),
        });
      case 'close':
        for (const client of clients) disposed.add(client);
        await Promise.all(clients.map(async (client) => client.dispose()));
        clients = [];
        receipts = [];
        errors = [];
        closed = [];
        heard = new Map();
        newErrors = 0;
        return send({ type: 'closed' });
    }
  };
  handle().catch((error: unknown) =>
    send({ type: 'failed', message: String((error as Error).stack ?? error) }),
  );
});
// The bench is gone (finished or killed): so are its subscribers.
process.on('disconnect', () => process.exit(0));
send({ type: 'ready', descriptors: process.env.BENCH_DESCRIPTORS ?? 'unknown' });
