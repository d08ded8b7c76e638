import type { IncomingMessage } from 'node:http';

import {
  connectMongo,
  isDuplicateKey,
  pingMongo,
  startPeriodicJob,
  type Identity,
  type Logger,
} from '@kollegia/service-kit';
import { GraphQLError } from 'graphql';

/** One caller's count in one window; `_id` is `<caller>|<window length, s>@<window start, ms>`. */
interface RateWindow {
  _id: string;
  count: number;
  expiresAt: Date;
}

export interface RateLimiter {
  /**
   * Counts one operation of a caller; past the limit, throws TOO_MANY_REQUESTS (HTTP 429 with
   * `Retry-After`, and `retryAfter` seconds in the error for graphql-ws clients).
   */
  take(caller: string): Promise<void>;
  stop(): Promise<void>;
}

/** Who is counted: a verified token's tenant and subject, else the address the request is from. */
export function callerOf(
  identity: Identity | undefined,
  context: { req?: IncomingMessage },
): string {
  return identity
    ? `sub:${identity.tenantId}/${identity.subject}`
    : `ip:${context.req?.socket.remoteAddress ?? 'unknown'}`;
}

function tooManyRequests(limit: number, windowSeconds: number, retryAfter: number): GraphQLError {
  return new GraphQLError(
    `too many requests: at most ${limit} per ${windowSeconds} s; try again in ${retryAfter} s`,
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
 * code uses only what both engines do, DESIGN.md section 7). `limit` 0 counts nothing.
 */
export async function createRateLimiter(options: {
  mongoUrl: string;
  dbName: string;
  limit: number;
  windowSeconds: number;
  logger: Logger;
}): Promise<RateLimiter & { ping(): Promise<void> }> {
  const { limit, windowSeconds, logger } = options;
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
  });

  const count = (_id: string, expiresAt: Date) =>
    windows.findOneAndUpdate(
      { _id },
      { $inc: { count: 1 }, $setOnInsert: { expiresAt } },
      { upsert: true, returnDocument: 'after' },
    );

  return {
    async take(caller) {
      if (limit === 0) return;
      const now = Date.now();
      const start = now - (now % windowMs);
      const id = `${caller}|${windowSeconds}@${start}`;
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
        throw tooManyRequests(limit, windowSeconds, Math.ceil((start + windowMs - now) / 1000));
      }
    },
    ping: () => pingMongo(connection),
    async stop() {
      await sweep.stop();
      await connection.close();
    },
  };
}
