// The package ships no types; it returns prom2json's shape (MetricFamily in metrics.ts).
declare module 'parse-prometheus-text-format' {
  export default function parsePrometheusTextFormat(text: string): unknown[];
}
