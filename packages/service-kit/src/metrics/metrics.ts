import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Every metric name starts with it, the process metrics' too. */
export const METRIC_PREFIX = 'kollegia_';

/** Latency buckets in seconds: a cached read (a few ms) to a slow fan-out (10 s). */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * Distinct operation names a process labels its samples with; later ones are counted as
 * `other`. Names come from the documents clients send, so without a cap a client could grow the
 * series without end.
 */
export const MAX_OPERATION_NAMES = 200;

/** Dead letters by why: a message that is not an event, or a handler that gave up. */
export type DeadLetterReason = 'invalid-event' | 'handler-failed' | 'non-retriable';

/**
 * One process's metrics: a registry of its own (tests boot several services in one process),
 * every sample labelled with the service, and the recorders the kit and the gateway call.
 * Labels are bounded: operation, periodic job (`task`), subgraph and subscription field names,
 * groups, topics and partitions; never a tenant or an id. A periodic job's name is `task`, not
 * `job`: Prometheus sets `job` to the scrape job and would move ours to `exported_job`.
 */
export interface Metrics {
  readonly registry: Registry;
  readonly graphqlOperations: Counter<'operation' | 'type'>;
  readonly graphqlErrors: Counter<'operation' | 'type' | 'code'>;
  readonly graphqlDuration: Histogram<'operation' | 'type'>;
  readonly subgraphRequests: Counter<'subgraph'>;
  readonly subgraphErrors: Counter<'subgraph'>;
  readonly subgraphDuration: Histogram<'subgraph'>;
  readonly httpRequests: Counter<'route' | 'method' | 'status'>;
  readonly httpDuration: Histogram<'route'>;
  readonly outboxPending: Gauge<'collection'>;
  readonly outboxOldestAge: Gauge<'collection'>;
  readonly consumerLag: Gauge<'group' | 'topic' | 'partition'>;
  readonly deadLetters: Counter<'group' | 'reason'>;
  readonly liveSubscriptions: Gauge<'field'>;
  readonly liveDeliveries: Counter<'field'>;
  readonly jobRuns: Counter<'task' | 'outcome'>;
  readonly jobDuration: Histogram<'task'>;
  readonly jobLastSuccess: Gauge<'task'>;
  /**
   * Runs before every scrape, e.g. to refresh a gauge that is costly to compute (consumer lag);
   * returns the function that removes it.
   */
  beforeScrape(refresh: () => Promise<void>): () => void;
  /** An operation's name as a label: `anonymous` without one, `other` past the cap. */
  operationLabel(name: string | undefined): string;
  /** One GraphQL operation: counted, timed (unless a subscription), its errors by code. */
  recordOperation(operation: {
    name: string | undefined;
    type: string;
    seconds?: number;
    errorCodes: string[];
  }): void;
  /** One run of a periodic job, and, when it succeeded, when. */
  recordJobRun(job: string, outcome: 'success' | 'failure' | 'skipped', seconds: number): void;
}

/** Creates a process's registry with the process metrics and every metric of the kit. */
export function createMetrics(service: string): Metrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry, prefix: METRIC_PREFIX });
  const refreshers = new Set<() => Promise<void>>();
  const seenOperations = new Set<string>();
  const registers = [registry];

  const consumerLag = new Gauge({
    name: `${METRIC_PREFIX}consumer_lag_messages`,
    help: "Messages of a partition the consumer group has not committed yet (the partition's end offset minus the group's committed offset).",
    labelNames: ['group', 'topic', 'partition'],
    registers,
    // Every costly gauge is refreshed once per scrape, by whoever registered to do it.
    async collect() {
      await Promise.all([...refreshers].map((refresh) => refresh()));
    },
  });

  const metrics: Metrics = {
    registry,
    graphqlOperations: new Counter({
      name: `${METRIC_PREFIX}graphql_operations_total`,
      help: 'GraphQL operations executed, by operation name and type.',
      labelNames: ['operation', 'type'],
      registers,
    }),
    graphqlErrors: new Counter({
      name: `${METRIC_PREFIX}graphql_operation_errors_total`,
      help: 'Errors in GraphQL responses, by operation and error code (extensions.code).',
      labelNames: ['operation', 'type', 'code'],
      registers,
    }),
    graphqlDuration: new Histogram({
      name: `${METRIC_PREFIX}graphql_operation_duration_seconds`,
      help: 'Time to answer a GraphQL query or mutation.',
      labelNames: ['operation', 'type'],
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    subgraphRequests: new Counter({
      name: `${METRIC_PREFIX}subgraph_requests_total`,
      help: 'Calls from the gateway to a subgraph.',
      labelNames: ['subgraph'],
      registers,
    }),
    subgraphErrors: new Counter({
      name: `${METRIC_PREFIX}subgraph_request_errors_total`,
      help: 'Calls from the gateway to a subgraph that answered with errors or not at all.',
      labelNames: ['subgraph'],
      registers,
    }),
    subgraphDuration: new Histogram({
      name: `${METRIC_PREFIX}subgraph_request_duration_seconds`,
      help: 'Time a subgraph took to answer the gateway.',
      labelNames: ['subgraph'],
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    httpRequests: new Counter({
      name: `${METRIC_PREFIX}http_requests_total`,
      help: 'HTTP requests answered by a server that is not a GraphQL one (identity, web), by route.',
      labelNames: ['route', 'method', 'status'],
      registers,
    }),
    httpDuration: new Histogram({
      name: `${METRIC_PREFIX}http_request_duration_seconds`,
      help: 'Time to answer an HTTP request (identity, web), by route.',
      labelNames: ['route'],
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    outboxPending: new Gauge({
      name: `${METRIC_PREFIX}outbox_pending_events`,
      help: 'Outbox entries the last relay sweep found waiting (not relayed right after their write).',
      labelNames: ['collection'],
      registers,
    }),
    outboxOldestAge: new Gauge({
      name: `${METRIC_PREFIX}outbox_oldest_pending_age_seconds`,
      help: 'Age of the oldest outbox entry the last relay sweep found waiting; 0 when none.',
      labelNames: ['collection'],
      registers,
    }),
    consumerLag,
    deadLetters: new Counter({
      name: `${METRIC_PREFIX}dead_letters_total`,
      help: 'Messages a consumer group sent to its dead-letter topic, by reason.',
      labelNames: ['group', 'reason'],
      registers,
    }),
    liveSubscriptions: new Gauge({
      name: `${METRIC_PREFIX}live_subscriptions_open`,
      help: 'Live subscriptions open at the gateway, by subscription field.',
      labelNames: ['field'],
      registers,
    }),
    liveDeliveries: new Counter({
      name: `${METRIC_PREFIX}live_deliveries_total`,
      help: 'Payloads delivered to live subscribers, by subscription field.',
      labelNames: ['field'],
      registers,
    }),
    jobRuns: new Counter({
      name: `${METRIC_PREFIX}job_runs_total`,
      help: 'Runs of a periodic job (scans, sweeps), by outcome.',
      labelNames: ['task', 'outcome'],
      registers,
    }),
    jobDuration: new Histogram({
      name: `${METRIC_PREFIX}job_duration_seconds`,
      help: 'Time a periodic job run took.',
      labelNames: ['task'],
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    jobLastSuccess: new Gauge({
      name: `${METRIC_PREFIX}job_last_success_timestamp_seconds`,
      help: 'When a periodic job last finished a run successfully (Unix time): an alert sees a job that stopped running.',
      labelNames: ['task'],
      registers,
    }),
    beforeScrape(refresh) {
      refreshers.add(refresh);
      return () => void refreshers.delete(refresh);
    },
    operationLabel(name) {
      if (!name) return 'anonymous';
      if (seenOperations.has(name)) return name;
      if (seenOperations.size >= MAX_OPERATION_NAMES) return 'other';
      seenOperations.add(name);
      return name;
    },
    recordOperation({ name, type, seconds, errorCodes }) {
      const labels = { operation: metrics.operationLabel(name), type };
      metrics.graphqlOperations.inc(labels);
      if (seconds !== undefined) metrics.graphqlDuration.observe(labels, seconds);
      for (const code of errorCodes) metrics.graphqlErrors.inc({ ...labels, code });
    },
    recordJobRun(job, outcome, seconds) {
      metrics.jobRuns.inc({ task: job, outcome });
      metrics.jobDuration.observe({ task: job }, seconds);
      if (outcome === 'success') metrics.jobLastSuccess.set({ task: job }, Date.now() / 1000);
    },
  };
  return metrics;
}

/** The error codes of a GraphQL response's errors (`INTERNAL_SERVER_ERROR` for one without). */
export function errorCodesOf(
  errors: readonly { extensions?: Record<string, unknown> }[] | undefined,
): string[] {
  return (errors ?? []).map((error) => {
    const code = error.extensions?.code;
    return typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR';
  });
}
