import { startOtlpReceiver, traceTree } from './otlp-receiver';

/**
 * `npm run traces [-- --port 4318]`: a local OTLP/HTTP receiver that prints each trace as an
 * indented tree once it has been quiet for a moment (no Jaeger needed). Start the services with
 * OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:4318 and watch.
 */
const QUIET_MS = 2000;

async function main(): Promise<void> {
  const portFlag = process.argv.indexOf('--port');
  const port = portFlag === -1 ? 4318 : Number(process.argv[portFlag + 1]);
  const pending = new Map<string, NodeJS.Timeout>();
  const receiver = await startOtlpReceiver({
    port,
    onSpans: (spans) => {
      for (const traceId of new Set(spans.map((span) => span.traceId))) {
        clearTimeout(pending.get(traceId));
        pending.set(
          traceId,
          setTimeout(() => {
            pending.delete(traceId);
            const trace = receiver.trace(traceId);
            process.stdout.write(
              `\ntrace ${traceId} (${trace.length} spans)\n${traceTree(trace)}\n`,
            );
          }, QUIET_MS),
        );
      }
    },
  });
  process.stdout.write(
    `receiving traces on ${receiver.url}/v1/traces — start the services with ` +
      `OTEL_EXPORTER_OTLP_ENDPOINT=${receiver.url}\n`,
  );
  const stop = () => {
    for (const timer of pending.values()) clearTimeout(timer);
    void receiver.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();
