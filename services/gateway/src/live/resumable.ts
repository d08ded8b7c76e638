import { Repeater } from '@repeaterjs/repeater';
import { GraphQLError } from 'graphql';

import type { LiveHistory } from './history';
import type { LiveEvent, LiveFeed } from './live-feed';
import { advance, decodeCursor, encodeCursor, isAfter, type Positions } from './stream-cursor';

/** One live stream: a channel, the partitions its events come from, and what a subscriber keeps. */
export interface StreamSource {
  feed: LiveFeed;
  history: LiveHistory;
  channel: string;
  aggregates: readonly string[];
  /** Whether this subscriber may see the event (decided before anything is resolved). */
  keep: (event: LiveEvent) => boolean;
}

/** Pages of a catch-up read, as many as a reconnecting subscriber needs. */
const PAGE = 200;
/**
 * Live events a subscriber may have waiting: one that does not take them (an SSE client that
 * stopped reading; graphql-ws sockets have their own cap, MAX_SOCKET_BUFFER_BYTES) is ended with
 * SLOW_CONSUMER instead of growing the gateway's memory, and resumes from its last cursor.
 */
export const MAX_PENDING = 5_000;
export const MAX_FIRST = 500;

/**
 * A stream from a cursor: what happened after it (from the live history), then what happens
 * (from the live feed), each event once and in its partition's order; each payload carries the
 * cursor that resumes right after it. Without a cursor it starts now. The live listener is
 * registered before the history is read, and the history is read only once it holds everything
 * this gateway had seen when the subscription started, so nothing falls between the two; events in
 * both are told apart by their place in Kafka.
 */
export function resumableStream<T>(
  source: StreamSource,
  after: string | undefined,
  map: (event: LiveEvent, cursor: string) => T,
): AsyncIterable<T> {
  const { feed, history, channel, aggregates, keep } = source;
  const start = after === undefined ? undefined : decodeCursor(after);
  return new Repeater<T>(async (push, stop) => {
    const pending: LiveEvent[] = [];
    let wake: (() => void) | undefined;
    let stopped = false;
    const unlisten = feed.listen(channel, (event) => {
      // A conference's channel carries its round tables' and recommendations' events too.
      if (!aggregates.includes(event.aggregate)) return;
      if (pending.length >= MAX_PENDING) {
        stop(
          new GraphQLError(
            `too slow: ${MAX_PENDING} events waiting; subscribe again after your last cursor`,
            { extensions: { code: 'SLOW_CONSUMER' } },
          ),
        );
        return;
      }
      pending.push(event);
      wake?.();
    });
    // Taken in the same tick as the listener: everything after it, the listener hears.
    const seen = feed.positions(aggregates);
    let positions: Positions = start ?? seen;
    void stop.then(() => {
      stopped = true;
      unlisten();
      wake?.();
    });
    const deliver = async (event: LiveEvent) => {
      if (!isAfter(positions, event.partition, event.offset)) return;
      positions = advance(positions, event.partition, event.offset);
      if (keep(event)) await push(map(event, encodeCursor(positions)));
    };
    try {
      if (start) {
        await history.waitUntilStored(seen);
        for (let more = true; more && !stopped;) {
          const page = await history.after(channel, aggregates, positions, PAGE);
          for (const event of page.events) await deliver(event);
          more = page.hasMore;
        }
      }
      while (!stopped) {
        while (pending.length > 0 && !stopped) await deliver(pending.shift()!);
        if (stopped) break;
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
      }
    } catch (error) {
      stop(error);
    } finally {
      unlisten();
    }
  });
}

/** One page of a stream after a cursor (from the oldest kept without one), as the catch-up queries return it. */
export async function streamPage<T>(
  source: StreamSource,
  after: string | null | undefined,
  first: number,
  map: (event: LiveEvent, cursor: string) => T,
): Promise<{ nodes: T[]; endCursor: string; hasNextPage: boolean }> {
  if (!Number.isInteger(first) || first < 1 || first > MAX_FIRST) {
    throw new GraphQLError(`first must be between 1 and ${MAX_FIRST}`, {
      extensions: { code: 'BAD_USER_INPUT', argument: 'first' },
    });
  }
  let positions: Positions = after ? decodeCursor(after) : {};
  const { feed, history, channel, aggregates, keep } = source;
  await history.waitUntilStored(feed.positions(aggregates));
  const page = await history.after(channel, aggregates, positions, first);
  const nodes: T[] = [];
  for (const event of page.events) {
    positions = advance(positions, event.partition, event.offset);
    if (keep(event)) nodes.push(map(event, encodeCursor(positions)));
  }
  return { nodes, endCursor: encodeCursor(positions), hasNextPage: page.hasMore };
}
