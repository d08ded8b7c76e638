import { Repeater } from '@repeaterjs/repeater';

import type { LiveEvent } from './live-feed';

interface FollowUpEdge {
  cursor: string;
  node: Record<string, unknown> & { recommendationId: string; data?: Record<string, unknown> };
}

interface FollowUpConnection {
  edges: FollowUpEdge[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

/**
 * One page of a conference's follow-ups after a cursor, read with the subscriber's token. `wake`
 * is the cursor of the live event that prompted the read (none for the first reads): subscribers
 * woken by the same event at the same cursor get the same page, so it may be read once for all.
 */
export type FollowUpPage = (
  after: string | null,
  wake?: string,
) => Promise<{ conferenceFollowUps?: FollowUpConnection | null } | null | undefined>;

/** Listens to a live channel; returns the function that stops listening. */
export type Listen = (onEvent: (event: LiveEvent) => void) => () => void;

function connectionOf(result: Awaited<ReturnType<FollowUpPage>>): FollowUpConnection {
  const connection = result?.conferenceFollowUps;
  if (!connection) throw new Error('the recommendations service did not return follow-ups');
  return connection;
}

function toFollowUp(edge: FollowUpEdge): Record<string, unknown> {
  const request = edge.node.data?.request as { requestId?: unknown } | undefined;
  return {
    ...edge.node,
    cursor: edge.cursor,
    requestId: typeof request?.requestId === 'string' ? request.requestId : null,
  };
}

/**
 * A conference's follow-ups as a stream with the query's own cursors: it reads the feed after
 * `after` (or from its end, without one), then again whenever a live event about one of the
 * conference's recommendations arrives, and pushes each new entry once, in the feed's order.
 *
 * Live events only wake it; the entries come from the recommendations service (which relays an
 * event only once its timeline entry is written), so the stream has the query's order and
 * cursors: a client that keeps the last cursor resumes with no gap and no repeat. Events that
 * arrive while a read is under way are covered by one more read.
 */
export function followUpsAfter(
  listen: Listen,
  wakes: (event: LiveEvent) => boolean,
  page: FollowUpPage,
  after?: string | null,
): AsyncIterable<Record<string, unknown>> {
  return new Repeater<Record<string, unknown>>(async (push, stop) => {
    let dirty = Boolean(after);
    let wake: (() => void) | undefined;
    let stopped = false;
    // The cursor of the last live event that woke it; a read after it sees that event's entry.
    let wokenBy: string | undefined;
    const unlisten = listen((event) => {
      if (!wakes(event)) return;
      dirty = true;
      wokenBy = event.cursor;
      wake?.();
    });
    void stop.then(() => {
      stopped = true;
      unlisten();
      wake?.();
    });
    try {
      let cursor = after ?? null;
      if (!after) {
        // No cursor: start from what is there now, without replaying it.
        for (;;) {
          const connection = connectionOf(await page(cursor));
          cursor = connection.pageInfo.endCursor ?? cursor;
          if (!connection.pageInfo.hasNextPage) break;
        }
      }
      while (!stopped) {
        if (!dirty) await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
        if (stopped) break;
        dirty = false;
        const reason = wokenBy;
        for (;;) {
          const connection = connectionOf(await page(cursor, reason));
          for (const edge of connection.edges) {
            cursor = edge.cursor;
            await push(toFollowUp(edge));
          }
          if (!connection.pageInfo.hasNextPage || connection.edges.length === 0) break;
        }
      }
    } catch (error) {
      stop(error);
    } finally {
      unlisten();
    }
  });
}
