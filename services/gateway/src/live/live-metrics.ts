import type { Metrics } from '@kollegia/service-kit';

/**
 * A subscription's payloads, counted: open from the first read until it ends, is returned (the
 * client completed or went away) or throws, and each payload delivered. A wrapper rather than
 * a generator: a generator's `return` waits behind a read under way, which on a quiet stream
 * would keep a closed subscription counted open until its next event.
 */
export function countedSubscription<T>(
  field: string,
  payloads: AsyncIterable<T>,
  metrics: Metrics,
): AsyncIterable<T> {
  return {
    [Symbol.asyncIterator](): AsyncIterator<T> {
      const inner = payloads[Symbol.asyncIterator]();
      metrics.liveSubscriptions.inc({ field });
      let open = true;
      const close = () => {
        if (open) metrics.liveSubscriptions.dec({ field });
        open = false;
      };
      return {
        async next() {
          const result = await inner.next().catch((error: unknown) => {
            close();
            throw error;
          });
          if (result.done) close();
          else if (open) metrics.liveDeliveries.inc({ field });
          return result;
        },
        async return(value?: unknown) {
          close();
          return (await inner.return?.(value)) ?? { done: true, value: undefined };
        },
        async throw(error?: unknown) {
          close();
          if (inner.throw) return inner.throw(error);
          throw error;
        },
      };
    },
  };
}
