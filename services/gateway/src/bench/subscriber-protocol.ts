/** What the gateway bench and its subscriber processes (`live-subscribers.ts`) say. */
import { performance } from 'node:perf_hooks';

export interface Subscriber {
  /** The subscriber's number in its level, the key of everything reported about it. */
  index: number;
  token: string;
  roundtableId: string;
}

export type ToSubscribers =
  | { type: 'subscribe'; url: string; query: string; subscribers: Subscriber[]; batch: number }
  | { type: 'report' }
  | { type: 'close' };

/** Subscriber, event type, text, the round table's title as resolved, wall-clock ms of receipt. */
export type Receipt = [number, string, string | null, string | null, number];

export type FromSubscribers =
  /** Started; the descriptor limits (soft/hard) it runs with, as its shell set them. */
  | { type: 'ready'; descriptors: string }
  | { type: 'connected'; sockets: number }
  /** Deltas since the last progress: receipts by text, and subscriptions that ended in an error. */
  | { type: 'progress'; heard: Record<string, number>; errors: number }
  | {
      type: 'report';
      receipts: Receipt[];
      errors: [number, string][];
      /** Sockets that closed while they should have stayed open, with the close code. */
      closed: [number, number][];
      rss: number;
    }
  | { type: 'closed' }
  | { type: 'failed'; message: string };

/**
 * Wall-clock milliseconds with the monotonic clock's resolution: comparable between the bench,
 * which stamps each statement before sending it, and the subscriber processes.
 */
export const wallClock = () => performance.timeOrigin + performance.now();
