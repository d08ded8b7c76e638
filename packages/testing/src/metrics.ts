import parsePrometheusTextFormat from 'parse-prometheus-text-format';

/** A metric family as the parser gives it (prom2json's shape); values are strings. */
export interface MetricFamily {
  name: string;
  help: string;
  type: 'COUNTER' | 'GAUGE' | 'HISTOGRAM' | 'SUMMARY' | 'UNTYPED';
  metrics: {
    value?: string;
    labels?: Record<string, string>;
    buckets?: Record<string, string>;
    count?: string;
    sum?: string;
  }[];
}

/** A scrape of a `/metrics` endpoint, parsed by an exposition-format parser. */
export interface Scrape {
  families: Map<string, MetricFamily>;
  /**
   * The sum of a counter's or gauge's samples whose labels include `labels`; 0 when none match.
   * Histograms are left out: the parser keeps their buckets but not their samples' labels.
   */
  sum(name: string, labels?: Record<string, string>): number;
  /** The label sets of a family's samples. */
  labelsOf(name: string): Record<string, string>[];
}

/** Scrapes `url` and parses the answer; fails on a status other than 200 or text it cannot parse. */
export async function scrapeMetrics(url: string): Promise<Scrape> {
  const response = await fetch(url);
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  const families = new Map(
    (parsePrometheusTextFormat(await response.text()) as MetricFamily[]).map((family) => [
      family.name,
      family,
    ]),
  );
  const samples = (name: string, labels: Record<string, string> = {}) =>
    (families.get(name)?.metrics ?? []).filter((sample) =>
      Object.entries(labels).every(([label, value]) => sample.labels?.[label] === value),
    );
  return {
    families,
    sum: (name, labels) =>
      samples(name, labels).reduce((total, sample) => total + Number(sample.value ?? 0), 0),
    labelsOf: (name) => samples(name).map((sample) => sample.labels ?? {}),
  };
}
