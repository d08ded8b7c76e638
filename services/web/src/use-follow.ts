import type { TypedDocumentNode } from '@urql/core';
import { useEffect, useRef, useState } from 'react';
import { useClient, type CombinedError } from 'urql';

import { useAuth } from './auth/auth-context';
import { shouldFollowAgain } from './live';

/** What the board reads of every live event: where it stands in its stream. */
interface LiveEvent {
  cursor: string;
}

/**
 * Follows a live subscription of the gateway, handing each event to `onEvent`. When the gateway
 * closes the socket at its token's expiry, it follows again with the renewed token from the last
 * event it got (`after`), so nothing is missed. `key` names what is followed: a new key starts a
 * new stream from now.
 */
export function useFollow<
  Data,
  Variables extends { after?: string | null },
  Event extends LiveEvent,
>(
  subscription: TypedDocumentNode<Data, Variables>,
  variables: Omit<Variables, 'after'>,
  key: string,
  eventOf: (data: Data) => Event | undefined,
  onEvent: (event: Event) => void,
): { following: boolean; error?: CombinedError } {
  const client = useClient();
  const { accessToken } = useAuth();
  const [state, setState] = useState<{ following: boolean; error?: CombinedError }>({
    following: false,
  });
  const [attempt, setAttempt] = useState(0);
  const cursor = useRef<string | undefined>(undefined);
  // The variables and handlers change every render; the stream stays the same while the key does.
  const current = useRef({ variables, eventOf, onEvent });
  useEffect(() => {
    current.current = { variables, eventOf, onEvent };
  });
  useEffect(() => {
    cursor.current = undefined;
  }, [key]);
  useEffect(() => {
    setState({ following: true });
    const token = accessToken();
    const following = client
      .subscription(subscription, {
        ...current.current.variables,
        after: cursor.current,
      } as Variables)
      .subscribe((result) => {
        if (result.error) {
          if (shouldFollowAgain(result.error, token, accessToken())) setAttempt((n) => n + 1);
          else setState({ following: false, error: result.error });
          return;
        }
        const event = result.data && current.current.eventOf(result.data);
        if (!event) return;
        cursor.current = event.cursor;
        current.current.onEvent(event);
      });
    return () => following.unsubscribe();
  }, [client, subscription, key, accessToken, attempt]);
  return state;
}
