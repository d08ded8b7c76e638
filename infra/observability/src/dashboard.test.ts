import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { readSettings } from '@kollegia/local-stack';
import { parse as parseYaml } from 'yaml';

import { legend, readDashboard, renderPanel, rowsOf, substitute } from './dashboard';
import {
  cachedPrometheus,
  localScrapeConfig,
  observabilityDir,
  promtool,
  promtoolChecks,
} from './prometheus';

const dashboard = readDashboard();

describe('the text dashboard', () => {
  it('should send every panel query with the variables set as Grafana sets them for "All"', () => {
    expect(substitute('rate(x{service=~"$service"}[$__rate_interval])', dashboard)).toBe(
      'rate(x{service=~".*"}[1m])',
    );
    expect(substitute('x{service=~"${service}"}', dashboard)).toBe('x{service=~".*"}');
    expect(() => substitute('x{job="$nope"}', dashboard)).toThrow(/unknown dashboard variable/);
    const queries = rowsOf(dashboard).flatMap(({ panels }) =>
      panels.flatMap((panel) => (panel.targets ?? []).map((t) => substitute(t.expr, dashboard))),
    );
    expect(queries.length).toBeGreaterThan(15);
    for (const query of queries) expect(query).not.toContain('$');
  });

  it('should keep the dashboard order: each panel under its row', () => {
    const rows = rowsOf(dashboard);
    expect(rows.map((r) => r.row)).toEqual([
      'Golden signals',
      'Follow-up journey: outbox → Kafka → consumers → live',
    ]);
    expect(rows[0]!.panels[0]!.title).toBe('Traffic: GraphQL operations');
    expect(rows.flatMap((r) => r.panels)).toHaveLength(
      dashboard.panels.filter((p) => p.type !== 'row').length,
    );
  });

  it('should print a panel with its largest series first, legends as Grafana draws them', () => {
    expect(legend('p95 {{service}} {{ code }}', { service: 'members', code: 'X' })).toBe(
      'p95 members X',
    );
    const series = [
      { legend: 'a', value: 0.5 },
      { legend: 'b', value: Number.NaN },
      { legend: 'c', value: 12345.6 },
      { legend: 'd', value: 0.000123456 },
    ];
    expect(renderPanel('T', series, 3)).toEqual([
      'T',
      '  c  12346',
      '  a  0.5',
      '  d  0.0001235',
      '  … 1 more',
    ]);
    expect(renderPanel('T', [], 3)).toEqual(['T', '  (no data)']);
  });

  it('should scrape the committed targets on loopback every 5 s with the committed rules', () => {
    const committed = parseYaml(readFileSync(join(observabilityDir, 'prometheus.yml'), 'utf8')) as {
      scrape_configs: { job_name: string; static_configs: { targets: string[] }[] }[];
    };
    const local = localScrapeConfig() as typeof committed & {
      global: { scrape_interval: string };
      rule_files: string[];
    };
    expect(local.global.scrape_interval).toBe('5s');
    expect(local.rule_files).toEqual([join(observabilityDir, 'alerts.yml')]);
    const targets = (config: typeof committed) =>
      config.scrape_configs.flatMap((job) => job.static_configs.flatMap((g) => g.targets));
    expect(targets(local)).toEqual(
      targets(committed).map((target) => `127.0.0.1:${target.split(':')[1]}`),
    );
    expect(local.scrape_configs[0]!.job_name).toBe('kollegia'); // KollegiaDown selects it
  });

  // Prometheus is built only by `npm run dashboard` (minutes of Go); `npm test` never builds it,
  // and checks with its promtool only where that build is already in the cache.
  const tools = cachedPrometheus(readSettings());
  if (tools) {
    it('should pass promtool: the alert rules, the committed and the generated scrape config', () => {
      const dir = mkdtempSync(join(tmpdir(), 'kollegia-promtool-'));
      try {
        const generated = join(dir, 'prometheus.yml');
        writeFileSync(generated, JSON.stringify(localScrapeConfig()));
        for (const args of promtoolChecks(generated))
          expect({ args, ...promtool(tools, args) }).toMatchObject({ args, ok: true });
        // And promtool does refuse a broken rule (the checks above are not empty).
        const broken = join(dir, 'broken.yml');
        writeFileSync(broken, 'groups: [{name: x, rules: [{alert: X, expr: "sum(rate(x[5m])"}]}]');
        expect(promtool(tools, ['check', 'rules', broken]).ok).toBe(false);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
