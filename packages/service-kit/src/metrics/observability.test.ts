import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { parser } from '@prometheus-io/lezer-promql';
import { Histogram } from 'prom-client';
import { parse as parseYaml } from 'yaml';

import { createMetrics } from './metrics';
import { METRICS_PORT_OFFSET } from './server';

// Grafana and Prometheus cannot run here: the committed dashboard, scrape config and alert rules
// are checked offline, their PromQL with Prometheus's own parser.
const ROOT = join(__dirname, '../../../..');
const OBSERVABILITY = join(ROOT, 'infra/observability');

/** Every series name the processes serve: the kit's metrics, process metrics, histogram parts. */
function definedNames(): Set<string> {
  const names = new Set(['up']); // Prometheus's own, per scrape target
  for (const metric of createMetrics('test').registry.getMetricsAsArray()) {
    const { name } = metric as unknown as { name: string };
    names.add(name);
    if (metric instanceof Histogram) {
      for (const suffix of ['_bucket', '_sum', '_count']) names.add(`${name}${suffix}`);
    }
  }
  return names;
}

/** The parse errors of an expression and the metric names it selects. */
function analyse(expr: string): { errors: string[]; metrics: string[] } {
  const errors: string[] = [];
  const metrics: string[] = [];
  parser.parse(expr).iterate({
    enter(node) {
      if (node.type.isError)
        errors.push(`error at ${node.from}: ${expr.slice(node.from, node.to + 10)}`);
      if (node.name === 'Identifier' && node.node.parent?.name === 'VectorSelector') {
        metrics.push(expr.slice(node.from, node.to));
      }
    },
  });
  return { errors, metrics };
}

interface Panel {
  id: number;
  type: string;
  title: string;
  gridPos: { h: number; w: number; x: number; y: number };
  datasource?: { type: string; uid: string };
  targets?: { refId: string; expr: string; datasource?: { uid: string } }[];
}

const dashboard = JSON.parse(
  readFileSync(join(OBSERVABILITY, 'grafana/kollegia.json'), 'utf8'),
) as { uid: string; title: string; schemaVersion: number; panels: Panel[] };
const alerts = parseYaml(readFileSync(join(OBSERVABILITY, 'alerts.yml'), 'utf8')) as {
  groups: {
    name: string;
    rules: {
      alert: string;
      expr: string;
      for?: string;
      labels: { severity: string };
      annotations: { summary: string };
    }[];
  }[];
};
const expressions = [
  ...dashboard.panels.flatMap((panel) =>
    (panel.targets ?? []).map((target) => ({ where: panel.title, expr: target.expr })),
  ),
  ...alerts.groups.flatMap((group) =>
    group.rules.map((rule) => ({ where: rule.alert, expr: rule.expr })),
  ),
];

describe('the observability files', () => {
  it('should tell a broken expression and an unknown metric (the checks below are not empty)', () => {
    expect(analyse('sum(rate(kollegia_x_total[5m])').errors).not.toEqual([]);
    expect(analyse('sum by (job) (rate(kollegia_x_total[5m]))')).toEqual({
      errors: [],
      metrics: ['kollegia_x_total'],
    });
    expect(definedNames().has('kollegia_x_total')).toBe(false);
  });

  it('should have every PromQL expression parse, and use only metrics the processes define', () => {
    const defined = definedNames();
    expect(expressions.length).toBeGreaterThan(20);
    for (const { where, expr } of expressions) {
      const { errors, metrics } = analyse(expr);
      expect({ where, errors }).toEqual({ where, errors: [] });
      expect(metrics.length).toBeGreaterThan(0);
      for (const metric of metrics)
        expect({ where, metric, defined: defined.has(metric) }).toEqual({
          where,
          metric,
          defined: true,
        });
    }
  });

  it('should have a dashboard Grafana can load: panels with ids, places and Prometheus queries', () => {
    expect(dashboard).toMatchObject({ uid: 'kollegia', title: 'Kollegia' });
    expect(dashboard.schemaVersion).toBeGreaterThanOrEqual(36);
    const ids = dashboard.panels.map((panel) => panel.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const panel of dashboard.panels) {
      expect(panel.gridPos.x + panel.gridPos.w).toBeLessThanOrEqual(24);
      if (panel.type === 'row') continue;
      expect(panel).toMatchObject({ type: 'timeseries', datasource: { uid: 'prometheus' } });
      const refIds = panel.targets!.map((target) => target.refId);
      expect(new Set(refIds).size).toBe(refIds.length);
    }
    // The golden signals and the follow-up journey, each on a panel of its own.
    const used = expressions.map((e) => e.expr).join('\n');
    for (const family of [
      'kollegia_graphql_operations_total',
      'kollegia_graphql_operation_errors_total',
      'kollegia_graphql_operation_duration_seconds_bucket',
      'kollegia_subgraph_requests_total',
      'kollegia_process_cpu_seconds_total',
      'kollegia_outbox_pending_events',
      'kollegia_outbox_oldest_pending_age_seconds',
      'kollegia_consumer_lag_messages',
      'kollegia_dead_letters_total',
      'kollegia_live_subscriptions_open',
      'kollegia_live_deliveries_total',
      'kollegia_job_last_success_timestamp_seconds',
    ]) {
      expect([family, used.includes(family)]).toEqual([family, true]);
    }
  });

  it('should have alerts for a growing outbox, consumer lag, dead letters and overdue scans', () => {
    const rules = alerts.groups.flatMap((group) => group.rules);
    for (const rule of rules) {
      expect(rule.alert).toMatch(/^Kollegia[A-Za-z]+$/);
      expect(['warning', 'critical']).toContain(rule.labels.severity);
      expect(rule.annotations.summary).toBeTruthy();
    }
    const byName = new Map(rules.map((rule) => [rule.alert, rule.expr]));
    expect(byName.get('KollegiaOutboxGrowing')).toMatch(/kollegia_outbox_oldest_pending_age/);
    expect(byName.get('KollegiaConsumerLag')).toMatch(/kollegia_consumer_lag_messages/);
    expect(byName.get('KollegiaDeadLetters')).toMatch(/kollegia_dead_letters_total/);
    expect(byName.get('KollegiaScanOverdue')).toMatch(/kollegia_job_last_success_timestamp/);
  });

  it('should scrape every process on its default metrics port (PORT + 5000)', () => {
    const config = parseYaml(readFileSync(join(OBSERVABILITY, 'prometheus.yml'), 'utf8')) as {
      rule_files: string[];
      scrape_configs: { job_name: string; static_configs: { targets: string[] }[] }[];
    };
    expect(config.rule_files).toEqual(['alerts.yml']);
    const targets = config.scrape_configs.flatMap((job) =>
      job.static_configs.flatMap((group) => group.targets),
    );
    const services = readdirSync(join(ROOT, 'services')).flatMap((name) => {
      const manifest = JSON.parse(
        readFileSync(join(ROOT, 'services', name, 'package.json'), 'utf8'),
      ) as { kollegia?: { port?: number } };
      const port = manifest.kollegia?.port;
      return port === undefined ? [] : [`${name}:${port + METRICS_PORT_OFFSET}`];
    });
    expect(services).toHaveLength(7);
    expect(targets.sort()).toEqual(services.sort());
  });
});
