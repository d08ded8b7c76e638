#!/usr/bin/env node
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';

import { assertPortFree, readSettings, runCommand } from '@kollegia/local-stack';

import {
  legend,
  readDashboard,
  renderPanel,
  rowsOf,
  substitute,
  type InstantVector,
} from './dashboard';
import {
  ensurePrometheus,
  localScrapeConfig,
  prometheusApi,
  promtool,
  promtoolChecks,
  startPrometheus,
  PROMETHEUS_VERSION,
  type PrometheusTools,
} from './prometheus';

const USAGE = `usage: npm run dashboard -- <snapshot | check> [options]
  snapshot   start Prometheus (built once, cached) scraping the processes of a running \`npm start\`
             every 5 s with alerts.yml, wait, then print every panel of grafana/kollegia.json with
             its series' current values, and the state of every alert rule
             --wait <seconds>   how long to scrape before printing (default 60); use the board meanwhile
             --top <n>          series shown per panel (default 5)
             --port <port>      Prometheus's own port on 127.0.0.1 (default 9090)
  check      promtool check rules alerts.yml and check config on prometheus.yml and the generated config`;

function say(line: string): void {
  process.stderr.write(`[dashboard] ${line}\n`);
}

/** promtool on the committed files and on the config `snapshot` runs; false when one fails. */
function check(tools: PrometheusTools, generatedConfig: string): boolean {
  let ok = true;
  for (const args of promtoolChecks(generatedConfig)) {
    const result = promtool(tools, args);
    say(`promtool ${args.join(' ')}: ${result.ok ? 'ok' : 'FAILED'}`);
    if (!result.ok) process.stderr.write(`${result.output}\n`);
    ok &&= result.ok;
  }
  return ok;
}

async function snapshot(
  tools: PrometheusTools,
  dir: string,
  config: string,
  options: { wait: number; top: number; port: number },
): Promise<void> {
  await assertPortFree(options.port, 'Prometheus', '--port');
  const prometheus = await startPrometheus(tools, {
    config,
    dataDir: join(dir, 'data'),
    listen: `127.0.0.1:${options.port}`,
    log: join(dir, 'prometheus.log'),
  });
  try {
    say(`Prometheus v${PROMETHEUS_VERSION} at ${prometheus.url}; scraping for ${options.wait} s`);
    say('use the board (http://127.0.0.1:4106) or the curl examples of `npm start` meanwhile');
    for (let left = options.wait; left > 0; left -= 15) {
      await sleep(Math.min(15, left) * 1000);
      if (left > 15) say(`… ${left - 15} s`);
    }
    const lines = await render(prometheus.url, options.top);
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await prometheus.stop();
  }
}

async function render(url: string, top: number): Promise<string[]> {
  const dashboard = readDashboard();
  const targets = await prometheusApi<{
    activeTargets: { health: string; labels: Record<string, string>; lastError: string }[];
  }>(url, '/api/v1/targets');
  const up = targets.activeTargets.filter((target) => target.health === 'up');
  const lines = [
    `${dashboard.title} dashboard at ${new Date().toISOString().slice(0, 19)}Z (Prometheus v${PROMETHEUS_VERSION}, every panel's query, all services)`,
    `targets up: ${up.length}/${targets.activeTargets.length}`,
    ...targets.activeTargets
      .filter((target) => target.health !== 'up')
      .map((target) => `  ${target.labels.instance}: ${target.health} ${target.lastError}`),
  ];
  for (const { row, panels } of rowsOf(dashboard)) {
    lines.push('', `== ${row}`);
    for (const panel of panels) {
      const series = [];
      for (const target of panel.targets ?? []) {
        const query = substitute(target.expr, dashboard);
        const vector = await prometheusApi<{ result: InstantVector }>(
          url,
          `/api/v1/query?query=${encodeURIComponent(query)}`,
        );
        series.push(
          ...vector.result.map((sample) => ({
            legend: legend(target.legendFormat, sample.metric),
            value: Number(sample.value[1]),
          })),
        );
      }
      lines.push(...renderPanel(panel.title, series, top));
    }
  }
  const rules = await prometheusApi<{
    groups: {
      rules: { name: string; state: string; alerts?: { labels: Record<string, string> }[] }[];
    }[];
  }>(url, '/api/v1/rules?type=alert');
  lines.push('', '== Alerts (alerts.yml)');
  for (const rule of rules.groups.flatMap((group) => group.rules)) {
    const active = (rule.alerts ?? []).map(
      (alert) => alert.labels.service ?? alert.labels.instance,
    );
    lines.push(
      `  ${rule.name.padEnd(24)} ${rule.state}${active.length ? ` (${active.join(', ')})` : ''}`,
    );
  }
  return lines;
}

async function main(args: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      wait: { type: 'string', default: '60' },
      top: { type: 'string', default: '5' },
      port: { type: 'string', default: '9090' },
    },
  });
  const [command] = positionals;
  const numbers = { wait: Number(values.wait), top: Number(values.top), port: Number(values.port) };
  if (
    (command !== 'snapshot' && command !== 'check') ||
    positionals.length !== 1 ||
    !Object.values(numbers).every((n) => Number.isInteger(n) && n > 0)
  ) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const tools = await ensurePrometheus(readSettings(), say);
  const dir = mkdtempSync(join(tmpdir(), 'kollegia-dashboard-'));
  try {
    const config = join(dir, 'prometheus.yml');
    // JSON is YAML: Prometheus reads it as it is.
    writeFileSync(config, JSON.stringify(localScrapeConfig(), null, 2));
    if (!check(tools, config)) return 1;
    if (command === 'snapshot') await snapshot(tools, dir, config, numbers);
    return 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

runCommand(() => main(process.argv.slice(2)), say);
