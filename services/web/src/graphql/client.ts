import { cacheExchange, Client, fetchExchange, mapExchange, subscriptionExchange } from 'urql';
import { createClient as createWsClient } from 'graphql-ws';

import type { BoardConfig } from '../config';

/**
 * The board's GraphQL client: queries and mutations over HTTP, subscriptions over graphql-ws, both
 * to the gateway with the current access token. A refused token ends the sign-in here.
 */
export function createApiClient(
  config: BoardConfig,
  accessToken: () => string | undefined,
  onUnauthenticated: () => void,
): Client {
  const bearer = (): Record<string, string> => {
    const token = accessToken();
    return token ? { authorization: `Bearer ${token}` } : {};
  };
  const ws = createWsClient({
    url: config.graphqlWsUrl,
    lazy: true,
    // Read on every (re)connection, so a reconnect after a renewal carries the new token.
    connectionParams: bearer,
  });
  return new Client({
    url: config.graphqlUrl,
    preferGetMethod: false,
    fetchOptions: () => ({ headers: bearer() }),
    exchanges: [
      mapExchange({
        onError(error) {
          if (error.graphQLErrors.some((entry) => entry.extensions?.code === 'UNAUTHENTICATED'))
            onUnauthenticated();
        },
      }),
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query ?? '' };
          return {
            subscribe(sink) {
              return { unsubscribe: ws.subscribe(input, sink) };
            },
          };
        },
      }),
    ],
  });
}
