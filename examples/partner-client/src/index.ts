import { print } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

import { RoundtableLiveDocument, type RoundtableLiveSubscription } from './generated/graphql';

/** One event of a round table, typed from the public schema: `type` is a union of its enum's values. */
export type RoundtableEvent = RoundtableLiveSubscription['roundtableLive'];

/** A graphql-ws connection to Kollegia's gateway, authenticated with the partner's token. */
export function connect(url: string, token: string): Client {
  return createClient({
    url,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
  });
}

/**
 * Follows a round table: `onEvent` gets each event as it happens, `onError` a refusal (e.g.
 * FORBIDDEN) or a lost connection. With `after`, the last cursor a previous follow got, it first
 * gets every event it missed since, in order, then the live ones — from any gateway. Returns the
 * function that stops following.
 */
export function followRoundtable(
  client: Client,
  roundtableId: string,
  onEvent: (event: RoundtableEvent) => void,
  onError: (error: unknown) => void,
  after?: string,
): () => void {
  return client.subscribe<RoundtableLiveSubscription>(
    { query: print(RoundtableLiveDocument), variables: { roundtableId, after } },
    {
      next: ({ data, errors }) => {
        if (errors?.length) onError(errors);
        else if (data) onEvent(data.roundtableLive);
      },
      error: onError,
      complete: () => undefined,
    },
  );
}

/** A line for the board; the compiler knows every event kind there is. */
export function describeEvent(event: RoundtableEvent): string {
  const at = `${event.occurredAt} «${event.roundtable.title}»`;
  switch (event.type) {
    case 'STATEMENT_RECORDED':
      return `${at}: ${event.text ?? ''}`;
    case 'RESOLUTION_PROPOSED':
      return `${at}: proposed resolution: ${event.text ?? ''}`;
    case 'CONCLUDED':
      return `${at}: concluded`;
    default:
      return `${at}: ${event.type}`;
  }
}
