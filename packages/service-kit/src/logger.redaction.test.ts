import { Writable } from 'node:stream';

import { context } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { TracerProvider } from '@opentelemetry/sdk-trace';

import { createLogger } from './logger';

/** A logger whose lines are collected, parsed. */
function capturedLogger() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
      done();
    },
  });
  return { logger: createLogger({ service: 'test', level: 'info' }, sink), lines };
}

const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyLTEifQ.c2lnbmF0dXJl';

describe('createLogger', () => {
  it('should blank out a token and a contact when a line carries them', () => {
    const { logger, lines } = capturedLogger();

    logger.info(
      {
        req: { headers: { authorization: `Bearer ${TOKEN}`, 'x-kollegia-gateway': 'secret-1' } },
        token: TOKEN,
        input: { person: { fullName: 'Иван Петров', email: 'ivan@example.org', phone: '+7 495' } },
        err: { message: 'E11000 duplicate key', keyValue: { email: 'ivan@example.org' } },
        contacts: [{ kind: 'EMAIL', value: 'ivan@example.org' }],
      },
      'request failed',
    );

    const text = JSON.stringify(lines);
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain('secret-1');
    expect(text).not.toContain('ivan@example.org');
    expect(text).not.toContain('+7 495');
    // What is not sensitive stays readable.
    expect(text).toContain('Иван Петров');
    expect(lines[0]).toMatchObject({ token: '[redacted]', contacts: '[redacted]' });
  });

  it('should carry the trace and span ids when a line is logged inside a span', () => {
    const manager = new AsyncLocalStorageContextManager().enable();
    context.setGlobalContextManager(manager);
    const tracer = new TracerProvider().getTracer('test');
    const { logger, lines } = capturedLogger();

    try {
      tracer.startActiveSpan('work', (span) => {
        logger.info('inside');
        span.end();
        const { traceId, spanId } = span.spanContext();
        expect(lines[0]).toMatchObject({ trace_id: traceId, span_id: spanId });
      });
      logger.info('outside');
      expect(lines[1]).not.toHaveProperty('trace_id');
    } finally {
      context.disable();
    }
  });
});
