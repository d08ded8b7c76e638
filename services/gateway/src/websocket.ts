import { tokenExpiresAt, type Logger, type TokenVerifier } from '@kollegia/service-kit';
import { GraphQLError } from 'graphql';
import { CloseCode, type ServerOptions } from 'graphql-ws';
import type { Extra } from 'graphql-ws/use/ws';
import type { WebSocketServer } from 'ws';

import { authenticate, tokenOf } from './auth';

/** RFC 6455's "try again later": a client may reconnect and resume from its last cursor. */
export const SLOW_CONSUMER = 1013;

/**
 * The runtime's graphql-ws options with the gateway's rules for a socket:
 * - authenticated once, at `connection_init`: a bad token closes the socket with 4401;
 * - closed with 4401 when that token expires: what it subscribed to was allowed by the token,
 *   and nothing is delivered past it (clients reconnect with a fresh token and resume after their
 *   last cursor);
 * - at most `maxSubscriptions` operations under way at once; one more is refused with an error
 *   (code BAD_REQUEST, `limit`) and the others keep running;
 * - closed with 1013 (try again later) when more than `maxBufferedBytes` it was sent have not
 *   left the gateway yet: a client that reads slower than its events come cannot grow the
 *   gateway's memory. Nothing more is sent to it; it reconnects and resumes after its last cursor.
 */
export function socketRules<P extends ServerOptions<Record<string, unknown>, Extra>>(
  options: P,
  rules: { verifier: TokenVerifier; maxSubscriptions: number; maxBufferedBytes: number },
): P {
  return {
    ...options,
    onConnect: async (ctx) => {
      const token = tokenOf({ connectionParams: ctx.connectionParams ?? {} });
      const { socket } = ctx.extra;
      try {
        await authenticate(rules.verifier, token);
      } catch (error) {
        socket.close(CloseCode.Unauthorized, (error as Error).message.slice(0, 120));
        return false;
      }
      const expiresAt = token ? tokenExpiresAt(token) : undefined;
      if (expiresAt !== undefined) {
        const expiry = setTimeout(
          () => socket.close(CloseCode.Unauthorized, 'token expired'),
          Math.max(0, expiresAt - Date.now()),
        );
        socket.once('close', () => clearTimeout(expiry));
      }
      return true;
    },
    onSubscribe: (ctx, id, payload) => {
      // The operation being subscribed is already among them.
      if (Object.keys(ctx.subscriptions).length > rules.maxSubscriptions) {
        return [
          new GraphQLError(
            `too many operations on this connection: at most ${rules.maxSubscriptions} at once`,
            { extensions: { code: 'BAD_REQUEST', limit: rules.maxSubscriptions } },
          ),
        ];
      }
      return options.onSubscribe?.(ctx, id, payload);
    },
    onNext: (ctx, id, payload, args, result) => {
      const { socket } = ctx.extra;
      if (socket.bufferedAmount > rules.maxBufferedBytes) {
        // graphql-ws sends nothing on a socket that is no longer open; ws ends the closing
        // handshake of a client that does not read after 30 s.
        socket.close(
          SLOW_CONSUMER,
          `too slow: more than ${rules.maxBufferedBytes} bytes waiting to be sent`,
        );
      }
      return options.onNext?.(ctx, id, payload, args, result);
    },
  };
}

/**
 * A socket's `error` is the client's doing — a message over `maxPayload`, a malformed frame — and
 * ws has already closed the socket with the code that says so (1009, 1002). graphql-ws would print
 * each one with `console.error` as an internal error, so any client could fill the logs: they are
 * logged here, at debug, instead. Call after `useServer` (its listener is the one replaced).
 */
export function logClientSocketErrors(wsServer: WebSocketServer, logger: Logger): void {
  wsServer.on('connection', (socket) => {
    socket.removeAllListeners('error');
    socket.on('error', (error) => logger.debug({ err: error }, 'websocket closed: client error'));
  });
}
