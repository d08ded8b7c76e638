import type { IncomingMessage } from 'node:http';

import {
  connectMongo,
  isDuplicateKey,
  pingMongo,
  startPeriodicJob,
  type Identity,
  type Logger,
  type Metrics,
} from '@kollegia/service-kit';
import { GraphQLError } from 'graphql';

/** One caller's count in one window; `_id` is `<caller>|<window length, s>@<window start, ms>`. */
interface RateWindow {
  _id: string;
  count: number;
  expiresAt: Date;
}

/** Who an operation is counted against, and under which of the two limits. */
export interface Caller {
  /** `sub:<tenant>/<subject>` for a verified token, `ip:<address>` otherwise. */
  key: string;
  /** A partner application (a token with the role `partner`): the lower partner limit applies. */
  partner: boolean;
}

export interface RateLimiter {
  /**
   * Counts one operation of a caller; past its limit, throws TOO_MANY_REQUESTS (HTTP 429 with
   * `Retry-After`, and `retryAfter` seconds in the error for graphql-ws clients).
   */
  take(caller: Caller): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Who is counted: a verified token's tenant and subject, else the address the request is from.
 * A partner client's token (client credentials: its subject is the client id) carries the role
 * `partner` — the same role the subgraphs limit to published material — so whichever issuer made
 * it, through its claim mapping, the partner limit counts per client.
 */
export function callerOf(
  identity: Identity | undefined,
  context: { req?: IncomingMessage },
): Caller {
  return identity
    ? {
        key: `sub:${identity.tenantId}/${identity.subject}`,
        partner: identity.roles.includes('partner'),
      }
    : { key: `ip:${context.req?.socket.remoteAddress ?? 'unknown'}`, partner: false };
}

function tooManyRequests(
  limit: number,
  windowSeconds: number,
  retryAfter: number,
  partner: boolean,
): GraphQLError {
  const whose = partner ? ' for a partner client' : '';
  return new GraphQLError(
    `too many requests: at most ${limit} per ${windowSeconds} s${whose}; try again in ${retryAfter} s`,
    {
      extensions: {
        code: 'TOO_MANY_REQUESTS',
        limit,
        retryAfter,
        http: { status: 429, headers: { 'retry-after': String(retryAfter) } },
      },
    },
  );
}

/**
 * A fixed-window rate limit per caller, counted in the shared database so that every gateway
 * replica adds to the same count: one atomic upsert `$inc` per operation (a round trip to the
 * database per request, the price of a limit that holds across replicas). Ended windows are
 * swept every window by each replica (not a TTL index: the embedded engine ignores them, and the
 * code uses only what both engines do, DESIGN.md section 7). A limit of 0 counts nothing.
 */
export async function createRateLimiter(options: {
  mongoUrl: string;
  dbName: string;
  /** Operations per window of a caller, and of a partner client. */
  limits: { caller: number; partner: number };
  windowSeconds: number;
  logger: Logger;
  /** The sweep's runs are counted. */
  metrics: Metrics;
}): Promise<RateLimiter & { ping(): Promise<void> }> {
  const { limits, windowSeconds, logger, metrics } = options;
  const connection = await connectMongo(options.mongoUrl, options.dbName, logger);
  const windows = connection.collection<RateWindow>('rate_limit_windows');
  // Serves the sweep below: `deleteMany({ expiresAt: { $lte: now } })`.
  await windows.createIndex({ expiresAt: 1 });
  const windowMs = windowSeconds * 1000;
  const sweep = startPeriodicJob({
    name: 'rate limit sweep',
    intervalMs: windowMs,
    run: () => windows.deleteMany({ expiresAt: { $lte: new Date() } }),
    logger,
    metrics,
  });

  const count = (_id: string, expiresAt: Date) =>
    windows.findOneAndUpdate(
      { _id },
      { $inc: { count: 1 }, $setOnInsert: { expiresAt } },
      { upsert: true, returnDocument: 'after' },
    );

  return {
    async take(caller) {
      const limit = caller.partner ? limits.partner : limits.caller;
      if (limit === 0) return;
      const now = Date.now();
      const start = now - (now % windowMs);
      const id = `${caller.key}|${windowSeconds}@${start}`;
      const expiresAt = new Date(start + windowMs);
      let counted: RateWindow | null;
      try {
        // Two replicas creating the same window at once: one insert wins, the other gets E11000
        // (MongoDB) and its retry increments the window the winner created.
        counted = await count(id, expiresAt).catch((error: unknown) => {
          if (isDuplicateKey(error)) return count(id, expiresAt);
          throw error;
        });
      } catch (error) {
        // The limit protects the service; without the database it must not take it down.
        logger.error({ err: error }, 'rate limit not counted');
        return;
      }
      if (counted && counted.count > limit) {
        const retryAfter = Math.ceil((start + windowMs - now) / 1000);
        throw tooManyRequests(limit, windowSeconds, retryAfter, caller.partner);
      }
    },
    ping: () => pingMongo(connection),
    async stop() {
      await sweep.stop();
      await connection.close();
    },
  };
}
