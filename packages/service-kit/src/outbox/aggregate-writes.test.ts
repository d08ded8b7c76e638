import { decodeEvent } from '@kollegia/events';
import { organizationRegistered } from '@kollegia/events/testing';
import { context } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { TracerProvider } from '@opentelemetry/sdk-trace';

import { toOutboxEntries } from './aggregate-writes';

describe('toOutboxEntries', () => {
  afterEach(() => context.disable());

  it('should record the active trace context in the entry and its event when written in a span', () => {
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    const tracer = new TracerProvider().getTracer('test');

    const { entry, spanContext } = tracer.startActiveSpan('write', (span) => {
      const [written] = toOutboxEntries([organizationRegistered()], '');
      span.end();
      return { entry: written!, spanContext: span.spanContext() };
    });

    const traceparent = `00-${spanContext.traceId}-${spanContext.spanId}-01`;
    expect(entry.traceparent).toBe(traceparent);
    const decoded = decodeEvent(entry.value);
    expect(decoded.ok && decoded.event.traceparent).toBe(traceparent);
  });

  it('should record no trace context when nothing is traced', () => {
    const [entry] = toOutboxEntries([organizationRegistered()], '');

    expect(entry).not.toHaveProperty('traceparent');
    expect(JSON.parse(entry!.value)).not.toHaveProperty('traceparent');
  });
});
