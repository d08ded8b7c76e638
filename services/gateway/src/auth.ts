import type { IncomingMessage } from 'node:http';

import { bearerToken, DomainError, type Identity, type TokenVerifier } from '@kollegia/service-kit';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { GraphQLError } from 'graphql';

import { callerOf, type RateLimiter } from './rate-limit';

/** What the gateway adds to every operation's context. */
export interface AuthContext {
  identity: Identity;
  /** The caller's `Authorization` header, forwarded to the subgraphs (they verify it again). */
  authorization: string;
}

function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
  });
}

/** The bearer token of an HTTP request, or of a graphql-ws `connection_init` payload. */
/** The parts of Yoga's context the gateway reads a caller from. */
type RequestContext = {
  request?: Request;
  connectionParams?: Record<string, unknown>;
  req?: IncomingMessage;
};

export function tokenOf(context: RequestContext): string | undefined {
  const fromParams =
    context.connectionParams?.authorization ?? context.connectionParams?.Authorization;
  const header =
    typeof fromParams === 'string'
      ? fromParams
      : (context.request?.headers.get('authorization') ?? undefined);
  return bearerToken(header);
}

/** Verifies a token, turning any failure into UNAUTHENTICATED with a short reason. */
export async function authenticate(
  verifier: TokenVerifier,
  token: string | undefined,
): Promise<Identity> {
  if (!token) throw unauthenticated('a valid bearer token is required');
  try {
    return await verifier.verify(token);
  } catch (error) {
    throw unauthenticated(error instanceof DomainError ? error.message : 'invalid token');
  }
}

/**
 * Every GraphQL operation needs a verified token (HTTP header or graphql-ws connection params)
 * and counts against its caller's rate limit: the token's subject, or when the token is refused
 * the address it came from (so bad tokens cannot be tried without limit either). The identity
 * goes into the context; the header goes on to the subgraphs.
 */
export function useAuthentication(
  verifier: TokenVerifier,
  limiter: RateLimiter,
): GatewayPlugin<AuthContext> {
  return {
    async onContextBuilding({ context, extendContext }) {
      // What Yoga's context holds for an HTTP request (`request`, Node's `req`) or a graphql-ws
      // operation (`connectionParams`); the plugin's context type names none of them.
      const incoming = context as RequestContext;
      const token = tokenOf(incoming);
      let identity: Identity;
      try {
        identity = await authenticate(verifier, token);
      } catch (error) {
        await limiter.take(callerOf(undefined, incoming));
        throw error;
      }
      await limiter.take(callerOf(identity, incoming));
      extendContext({ identity, authorization: `Bearer ${token}` });
    },
  };
}
