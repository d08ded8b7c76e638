/** graphql-ws close code 4401: the gateway refused the socket's token, or it expired. */
const UNAUTHORIZED = 4401;

/**
 * Whether to follow again after a live subscription failed: when the gateway closed the socket for
 * its token (it does so when the token the socket was opened with expires) and the board has renewed
 * the token since. A token refused outright stays refused: no loop of reconnections.
 */
export function shouldFollowAgain(
  error: { networkError?: unknown },
  tokenWhenFollowed: string | undefined,
  tokenNow: string | undefined,
): boolean {
  const closed = error.networkError as { code?: unknown } | undefined;
  return closed?.code === UNAUTHORIZED && !!tokenNow && tokenNow !== tokenWhenFollowed;
}
