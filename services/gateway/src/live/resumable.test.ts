import type { LiveHistory } from './history';
import type { LiveEvent, LiveFeed } from './live-feed';
import { MAX_PENDING, resumableStream } from './resumable';
import { encodeCursor } from './stream-cursor';

/** A live feed of one channel that the test publishes to by hand. */
function handFeed() {
  let listener: ((event: LiveEvent) => void) | undefined;
  let offset = 0;
  const feed = {
    listen: (_channel: string, onEvent: (event: LiveEvent) => void) => {
      listener = onEvent;
      return () => (listener = undefined);
    },
    positions: () => ({ 'roundtable:0': -1 }),
  };
  const publish = (aggregate = 'roundtable') => {
    offset += 1;
    listener?.({
      cursor: `${aggregate}:0:${offset}`,
      partition: `${aggregate}:0`,
      offset,
      eventId: `e${offset}`,
      type: 'statement-recorded',
      occurredAt: '2026-12-07T09:00:00.000Z',
      tenantId: 'akit',
      aggregate,
      subject: 'rt',
      data: {},
      receivedAt: 0,
    });
  };
  return { feed: feed as unknown as LiveFeed, publish };
}

describe('resumableStream', () => {
  it('should pass over events of other aggregates on its channel, in its payloads and its cursors', async () => {
    const { feed, publish } = handFeed();
    const stream = resumableStream(
      {
        feed,
        history: {} as LiveHistory,
        channel: 'conference/akit/conf',
        aggregates: ['roundtable'],
        keep: () => true,
      },
      undefined,
      (event, cursor) => ({ offset: event.offset, cursor }),
    )[Symbol.asyncIterator]();
    const next = stream.next();
    // A conference's channel carries its recommendations' events too.
    publish('recommendation');
    publish();
    expect(await next).toEqual({
      value: { offset: 2, cursor: encodeCursor({ 'roundtable:0': 2 }) },
      done: false,
    });
    await stream.return?.();
  });

  it('should end a subscriber that stops taking events with SLOW_CONSUMER, not hold its events without bound', async () => {
    const { feed, publish } = handFeed();
    const stream = resumableStream(
      {
        feed,
        history: {} as LiveHistory,
        channel: 'roundtable/akit/rt',
        aggregates: ['roundtable'],
        keep: () => true,
      },
      undefined,
      (event) => event.offset,
    )[Symbol.asyncIterator]();
    const first = stream.next();
    publish();
    expect(await first).toEqual({ value: 1, done: false });

    // It takes nothing more while MAX_PENDING + 1 events come.
    for (let i = 0; i <= MAX_PENDING; i += 1) publish();
    const taken: number[] = [];
    await expect(
      (async () => {
        for (;;) {
          const next = await stream.next();
          if (next.done) return;
          taken.push(next.value);
        }
      })(),
    ).rejects.toMatchObject({ extensions: { code: 'SLOW_CONSUMER' } });
    // What it had been handed before the cap, it still gets, in order.
    expect(taken).toEqual(taken.map((_, i) => i + 2));
    expect(taken.length).toBeLessThan(MAX_PENDING);
  });
});
