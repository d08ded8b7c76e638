import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A finished span as an OTLP/HTTP JSON export carries it, with its service. */
export interface ReceivedSpan {
  service: string;
  traceId: string;
  spanId: string;
  /** Empty for a trace's root. */
  parentSpanId: string;
  name: string;
  /** OTLP's SpanKind: 1 internal, 2 server, 3 client, 4 producer, 5 consumer. */
  kind: number;
  startNs: bigint;
  endNs: bigint;
  attributes: Record<string, string | number | boolean>;
}

interface OtlpValue {
  stringValue?: string;
  intValue?: string | number;
  doubleValue?: number;
  boolValue?: boolean;
}
interface OtlpExport {
  resourceSpans?: {
    resource?: { attributes?: { key: string; value: OtlpValue }[] };
    scopeSpans?: {
      spans?: {
        traceId: string;
        spanId: string;
        parentSpanId?: string;
        name: string;
        kind?: number;
        startTimeUnixNano: string;
        endTimeUnixNano: string;
        attributes?: { key: string; value: OtlpValue }[];
      }[];
    }[];
  }[];
}

function valueOf(value: OtlpValue): string | number | boolean {
  if (value.stringValue !== undefined) return value.stringValue;
  if (value.intValue !== undefined) return Number(value.intValue);
  if (value.doubleValue !== undefined) return value.doubleValue;
  return value.boolValue ?? '';
}

function attributesOf(list: { key: string; value: OtlpValue }[] = []) {
  return Object.fromEntries(list.map(({ key, value }) => [key, valueOf(value)]));
}

/** The spans of one OTLP/HTTP JSON export request. */
export function spansOf(body: OtlpExport): ReceivedSpan[] {
  return (body.resourceSpans ?? []).flatMap((resourceSpans) => {
    const service = String(attributesOf(resourceSpans.resource?.attributes)['service.name'] ?? '');
    return (resourceSpans.scopeSpans ?? []).flatMap((scope) =>
      (scope.spans ?? []).map((span) => ({
        service,
        traceId: span.traceId,
        spanId: span.spanId,
        parentSpanId: span.parentSpanId ?? '',
        name: span.name,
        kind: span.kind ?? 1,
        startNs: BigInt(span.startTimeUnixNano),
        endNs: BigInt(span.endTimeUnixNano),
        attributes: attributesOf(span.attributes),
      })),
    );
  });
}

/**
 * An OTLP/HTTP receiver (JSON encoding, as `@opentelemetry/exporter-trace-otlp-http` sends):
 * what the services export to `<url>/v1/traces` is kept, and handed to `onSpans` as it comes.
 */
export async function startOtlpReceiver(
  options: { port?: number; host?: string; onSpans?: (spans: ReceivedSpan[]) => void } = {},
) {
  const spans: ReceivedSpan[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.method !== 'POST' || request.url !== '/v1/traces') {
        response.writeHead(404).end();
        return;
      }
      try {
        const received = spansOf(JSON.parse(Buffer.concat(chunks).toString('utf8')) as OtlpExport);
        spans.push(...received);
        options.onSpans?.(received);
        response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      } catch {
        // Protobuf or anything else: the exporter must be set to JSON (http/json).
        response.writeHead(415).end();
      }
    });
  });
  await new Promise<void>((resolve) =>
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve),
  );
  const { port } = server.address() as AddressInfo;
  return {
    /** The endpoint to set as OTEL_EXPORTER_OTLP_ENDPOINT. */
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    spans,
    /** The spans of one trace. */
    trace: (traceId: string) => spans.filter((span) => span.traceId === traceId),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type OtlpReceiver = Awaited<ReturnType<typeof startOtlpReceiver>>;

const KINDS = ['', '', 'server', 'client', 'producer', 'consumer'];

/** A trace as an indented tree: each span under its parent, with its service and duration. */
export function traceTree(spans: ReceivedSpan[]): string {
  const ids = new Set(spans.map((span) => span.spanId));
  const children = new Map<string, ReceivedSpan[]>();
  for (const span of spans) {
    const parent = ids.has(span.parentSpanId) ? span.parentSpanId : '';
    children.set(parent, [...(children.get(parent) ?? []), span]);
  }
  const start = spans.reduce(
    (min, span) => (span.startNs < min ? span.startNs : min),
    spans[0]?.startNs ?? 0n,
  );
  const lines: string[] = [];
  const walk = (parent: string, depth: number) => {
    const level = [...(children.get(parent) ?? [])].sort((a, b) =>
      a.startNs < b.startNs ? -1 : 1,
    );
    for (const span of level) {
      const ms = (ns: bigint) => (Number(ns) / 1e6).toFixed(1);
      const kind = KINDS[span.kind] ? ` (${KINDS[span.kind]})` : '';
      lines.push(
        `${'  '.repeat(depth)}${span.service}: ${span.name}${kind}  +${ms(span.startNs - start)} ms, ${ms(span.endNs - span.startNs)} ms`,
      );
      walk(span.spanId, depth + 1);
    }
  };
  walk('', 0);
  return lines.join('\n');
}
