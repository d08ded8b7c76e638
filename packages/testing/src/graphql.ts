import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

/** Posts a GraphQL operation; returns the response body whatever the HTTP status. */
export async function graphqlRequest<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<GraphQLResponse<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResponse<T>;
}

/** Like graphqlRequest, but fails unless the response has data and no errors. */
export async function graphqlData<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<T> {
  const response = await graphqlRequest<T>(url, query, variables, token);
  if (response.errors?.length || !response.data) {
    throw new Error(`GraphQL errors: ${JSON.stringify(response.errors)}`);
  }
  return response.data;
}

/** A response's data, failing with its errors when it has any. */
export function dataOf<T>(response: GraphQLResponse<T>): T {
  if (response.errors?.length || !response.data) {
    throw new Error(`unexpected GraphQL errors: ${JSON.stringify(response.errors)}`);
  }
  return response.data;
}

/** The first error code of a response, for assertions on refusals. */
export function errorCode(response: GraphQLResponse<unknown>): unknown {
  return response.errors?.[0]?.extensions?.code;
}

/** A graphql-ws client that authenticates in `connection_init`. */
export function wsClient(url: string, token?: string): Client {
  return createClient({
    url,
    webSocketImpl: WebSocket,
    lazy: true,
    retryAttempts: 0,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
  });
}

/** A payload as tests read it: untyped GraphQL JSON, whatever the field selected. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests assert on selected fields
export type Payload = Record<string, any> & { at: number };

export interface CollectedSubscription<T> {
  /** Every `next` result, in arrival order. */
  received: GraphQLResponse<T>[];
  /** When each of `received` arrived (Date.now()). */
  receivedAt: number[];
  /** What the sink's `error` got (a refused subscription may end here or in `received`). */
  errors: unknown[];
  /** The subscription field's payloads (results without it left out), each with its arrival time. */
  payloads: (field: string) => Payload[];
  dispose: () => void;
}

/** Subscribes and collects every `next` payload into an array until disposed. */
export function collectSubscription<T = Record<string, unknown>>(
  client: Client,
  query: string,
  variables: Record<string, unknown> = {},
): CollectedSubscription<T> {
  const received: GraphQLResponse<T>[] = [];
  const receivedAt: number[] = [];
  const errors: unknown[] = [];
  const dispose = client.subscribe<T>(
    { query, variables },
    {
      next: (value) => {
        received.push(value as GraphQLResponse<T>);
        receivedAt.push(Date.now());
      },
      error: (error) => errors.push(error),
      complete: () => undefined,
    },
  );
  const payloads = (field: string): Payload[] =>
    received.flatMap((result, i) => {
      const payload = (result.data as Record<string, unknown> | null | undefined)?.[field];
      return payload ? [{ ...payload, at: receivedAt[i]! }] : [];
    });
  return { received, receivedAt, errors, payloads, dispose };
}

export interface SseSubscription {
  /** The HTTP status the gateway answered with. */
  status: number;
  contentType: string | null;
  /** Everything received so far, as it came. */
  text: () => string;
  /** The `next` results' payloads of the subscription field, in arrival order. */
  payloads: (field: string) => Payload[];
  /** Whether the gateway has ended the stream. */
  ended: () => boolean;
  /** Ends the stream and waits until reading has stopped. */
  stop: () => Promise<void>;
}

/** Subscribes over server-sent events (graphql-sse's distinct-connections mode) and collects. */
export async function sseSubscription(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  token: string,
): Promise<SseSubscription> {
  const controller = new AbortController();
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'text/event-stream',
      authorization: `Bearer ${token}`,
    },
    body: JSON.stringify({ query, variables }),
    signal: controller.signal,
  });
  const decoder = new TextDecoder();
  let text = '';
  let ended = false;
  const reading = (async () => {
    for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
      text += decoder.decode(chunk, { stream: true });
    }
    ended = true;
  })().catch(() => undefined);
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    text: () => text,
    ended: () => ended,
    payloads: (field) =>
      [...text.matchAll(/^data: (.*)$/gm)].flatMap(([, line]) => {
        const result = JSON.parse(line!) as { data?: Record<string, Payload | null> | null };
        const payload = result.data?.[field];
        return payload ? [payload] : [];
      }),
    stop: async () => {
      controller.abort();
      await reading;
    },
  };
}
