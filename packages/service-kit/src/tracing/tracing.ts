import type { IncomingMessage, ServerResponse } from 'node:http';

import type { ApolloServerPlugin } from '@apollo/server';

import {
  context,
  createContextKey,
  defaultTextMapGetter,
  defaultTextMapSetter,
  INVALID_SPAN_CONTEXT,
  ProxyTracerProvider,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Context,
  type Span,
  type SpanOptions,
  type Tracer,
} from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  AlwaysOffSampler,
  AlwaysOnSampler,
  BatchSpanProcessor,
  ParentBasedSampler,
  TraceIdRatioBasedSampler,
  TracerProvider,
  type Sampler,
} from '@opentelemetry/sdk-trace';
import {
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_SERVICE_NAME,
  ATTR_URL_FULL,
  ATTR_URL_PATH,
} from '@opentelemetry/semantic-conventions';

import { tracesEndpointOf, type TracingSettings } from './settings';

export type { Span, Tracer } from '@opentelemetry/api';

/** The tracing of one service: its tracer, and the flush on the way out. */
export interface Tracing {
  readonly tracer: Tracer;
  /** Exports the spans still buffered, then stops exporting. */
  shutdown(): Promise<void>;
}

/** Tracing off: spans record nothing and nothing is exported. */
export const tracingOff: Tracing = {
  tracer: new ProxyTracerProvider().getTracer('@kollegia/service-kit'),
  shutdown: () => Promise.resolve(),
};

let contextManaged = false;

function samplerOf(settings: TracingSettings): Sampler {
  const ratio = new TraceIdRatioBasedSampler(settings.OTEL_TRACES_SAMPLER_ARG);
  switch (settings.OTEL_TRACES_SAMPLER) {
    case 'always_on':
      return new AlwaysOnSampler();
    case 'always_off':
      return new AlwaysOffSampler();
    case 'traceidratio':
      return ratio;
    case 'parentbased_always_on':
      return new ParentBasedSampler({ root: new AlwaysOnSampler() });
    case 'parentbased_always_off':
      return new ParentBasedSampler({ root: new AlwaysOffSampler() });
    case 'parentbased_traceidratio':
      return new ParentBasedSampler({ root: ratio });
  }
}

/**
 * The tracing of a service, exporting over OTLP/HTTP when an endpoint is set (else
 * {@link tracingOff}). Each service has its own provider rather than the global one, so services
 * booted in one process (the tests) keep their own `service.name`; its tracer travels in the
 * context of the spans it starts, where the kit's writes and calls find it ({@link inServiceSpan}).
 */
export function createTracing(service: string, settings: TracingSettings): Tracing {
  const url = tracesEndpointOf(settings);
  if (!url) return tracingOff;
  if (!contextManaged) {
    // One per process: the active span follows awaits, timers and event listeners.
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    contextManaged = true;
  }
  const provider = new TracerProvider({
    resource: resourceFromAttributes({
      [ATTR_SERVICE_NAME]: settings.OTEL_SERVICE_NAME ?? service,
    }),
    sampler: samplerOf(settings),
    spanProcessors: [
      new BatchSpanProcessor({
        exporter: new OTLPTraceExporter({ url }),
        scheduledDelayMillis: settings.OTEL_BSP_SCHEDULE_DELAY,
      }),
    ],
  });
  return {
    tracer: provider.getTracer('@kollegia/service-kit'),
    shutdown: () => provider.shutdown(),
  };
}

const SERVICE_TRACER = createContextKey('kollegia service tracer');
const NO_SPAN = trace.wrapSpanContext(INVALID_SPAN_CONTEXT);

/**
 * Runs `work` in a new span of `tracer`, a child of `parent` (default: the active context), that
 * is active for everything `work` awaits. The span ends when `work` settles, marked failed when it
 * throws.
 */
export function inSpan<T>(
  tracer: Tracer,
  name: string,
  options: SpanOptions & { parent?: Context },
  work: (span: Span) => Promise<T>,
): Promise<T> {
  const { parent = context.active(), ...spanOptions } = options;
  return tracer.startActiveSpan(
    name,
    spanOptions,
    parent.setValue(SERVICE_TRACER, tracer),
    async (span) => {
      try {
        return await work(span);
      } catch (error) {
        span.recordException(error as Error);
        span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
        throw error;
      } finally {
        span.end();
      }
    },
  );
}

/**
 * {@link inSpan} with the tracer of the service whose span is active (a write inside a request or
 * an event handler). Outside any, `work` runs without a span.
 */
export function inServiceSpan<T>(
  name: string,
  options: SpanOptions,
  work: (span: Span) => Promise<T>,
): Promise<T> {
  const tracer = context.active().getValue(SERVICE_TRACER) as Tracer | undefined;
  return tracer ? inSpan(tracer, name, options, work) : work(NO_SPAN);
}

/** A W3C trace context: what a span's children in other processes continue. */
export interface TraceContext {
  traceparent?: string;
  tracestate?: string;
}

const w3c = new W3CTraceContextPropagator();

/** The trace context of the active span: empty when no span is recording (tracing off). */
export function activeTraceContext(): TraceContext {
  const carrier: TraceContext = {};
  w3c.inject(context.active(), carrier, defaultTextMapSetter);
  return carrier;
}

/** The context a received trace context continues: the root when there is none or it is malformed. */
export function contextFrom(carrier: TraceContext | IncomingMessage['headers']): Context {
  return w3c.extract(ROOT_CONTEXT, carrier, defaultTextMapGetter);
}

/**
 * Handles an HTTP request in a SERVER span that continues the caller's `traceparent`; the span
 * ends when the answer is sent (or the connection closes).
 */
export function inServerSpan(
  tracer: Tracer,
  request: IncomingMessage,
  response: ServerResponse,
  handle: () => void,
): void {
  // Inside a mounted express middleware `url` lost the mount path; `originalUrl` keeps it.
  const url = (request as { originalUrl?: string }).originalUrl ?? request.url ?? '/';
  const path = url.split('?')[0]!;
  const method = request.method ?? 'GET';
  const parent = contextFrom(request.headers);
  const span = tracer.startSpan(
    `${method} ${path}`,
    {
      kind: SpanKind.SERVER,
      attributes: { [ATTR_HTTP_REQUEST_METHOD]: method, [ATTR_URL_PATH]: path },
    },
    parent,
  );
  const active = trace.setSpan(parent, span).setValue(SERVICE_TRACER, tracer);
  // The body arrives in listeners of the request: they run in the span too.
  context.bind(active, request);
  context.bind(active, response);
  response.once('close', () => {
    span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, response.statusCode);
    if (response.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  });
  context.with(active, handle);
}

/** Names the active server span after the GraphQL operation it runs (`mutation addRequest`). */
export function nameOperation(type: string, name: string | undefined | null): void {
  const span = trace.getActiveSpan();
  if (!span) return;
  span.updateName(name ? `${type} ${name}` : type);
  span.setAttributes({
    'graphql.operation.type': type,
    ...(name ? { 'graphql.operation.name': name } : {}),
  });
}

/** Names each request's server span after the GraphQL operation it runs. */
export const operationSpanPlugin: ApolloServerPlugin = {
  requestDidStart: () =>
    Promise.resolve({
      didResolveOperation: ({ operation, operationName }) => {
        if (operation) nameOperation(operation.operation, operationName);
        return Promise.resolve();
      },
    }),
};

/**
 * Starts a CLIENT span for an outgoing HTTP call, a child of the active span, and the headers
 * that carry it to the server; the caller ends it when the answer came.
 */
export function startClientSpan(
  tracer: Tracer,
  name: string,
  url: string,
): { span: Span; headers: TraceContext } {
  const span = tracer.startSpan(name, {
    kind: SpanKind.CLIENT,
    attributes: { [ATTR_HTTP_REQUEST_METHOD]: 'POST', [ATTR_URL_FULL]: url },
  });
  const headers: TraceContext = {};
  w3c.inject(trace.setSpan(context.active(), span), headers, defaultTextMapSetter);
  return { span, headers };
}
