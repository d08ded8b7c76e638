import { SpanKind, trace, type Link, type Tracer } from '@opentelemetry/api';

import { contextFrom, inSpan, type TraceContext } from './tracing';

/** The messaging attributes of a span (OpenTelemetry's messaging conventions, Kafka). */
function kafkaAttributes(
  operation: 'send' | 'process',
  topic: string,
  more: Record<string, string | number | undefined> = {},
) {
  return Object.fromEntries(
    Object.entries({
      'messaging.system': 'kafka',
      'messaging.operation.type': operation,
      'messaging.operation.name': operation,
      'messaging.destination.name': topic,
      ...more,
    }).filter(([, value]) => value !== undefined),
  ) as Record<string, string | number>;
}

/** A message the relay sends, with the trace context recorded when its event was written. */
export interface TracedMessage extends TraceContext {
  topic: string;
  key: string;
  eventId: string;
}

/**
 * Sends messages in PRODUCER spans, one per message that carries a trace context, each in the
 * trace its event was written in (the relay runs later, outside it). `send` runs once for all.
 */
export async function inProducerSpans<T>(
  tracer: Tracer,
  messages: TracedMessage[],
  send: () => Promise<T>,
): Promise<T> {
  const traced = messages.filter((message) => message.traceparent);
  if (traced.length === 0) return send();
  const spans = traced.map((message) =>
    tracer.startSpan(
      `send ${message.topic}`,
      {
        kind: SpanKind.PRODUCER,
        attributes: kafkaAttributes('send', message.topic, {
          'messaging.message.id': message.eventId,
          'messaging.kafka.message.key': message.key,
        }),
      },
      contextFrom(message),
    ),
  );
  try {
    return await send();
  } catch (error) {
    for (const span of spans) span.recordException(error as Error);
    throw error;
  } finally {
    for (const span of spans) span.end();
  }
}

/** Where a consumer got its events. */
export interface ConsumedFrom {
  topic: string;
  partition: number;
  groupId: string;
}

/**
 * Handles events in a CONSUMER span. One event: the span continues the trace context the event
 * carries (the CloudEvents distributed-tracing extension). Several handled together: the span
 * links to each of theirs.
 */
export function inConsumerSpan<T>(
  tracer: Tracer,
  from: ConsumedFrom,
  events: (TraceContext & { id: string })[],
  work: () => Promise<T>,
): Promise<T> {
  const [only] = events;
  const single = events.length === 1 && only !== undefined;
  const links: Link[] = single
    ? []
    : events.flatMap((event) => {
        const spanContext = trace.getSpanContext(contextFrom(event));
        return spanContext ? [{ context: spanContext }] : [];
      });
  return inSpan(
    tracer,
    `process ${from.topic}`,
    {
      kind: SpanKind.CONSUMER,
      ...(single ? { parent: contextFrom(only) } : {}),
      links,
      attributes: kafkaAttributes('process', from.topic, {
        'messaging.consumer.group.name': from.groupId,
        'messaging.destination.partition.id': String(from.partition),
        'messaging.batch.message_count': events.length,
        ...(single ? { 'messaging.message.id': only.id } : {}),
      }),
    },
    () => work(),
  );
}
