import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { observabilityDir } from './prometheus';

/** The parts of a Grafana panel the text dashboard shows. */
export interface Panel {
  type: string;
  title: string;
  targets?: { expr: string; legendFormat?: string }[];
  /** A collapsed row keeps its panels inside it. */
  panels?: Panel[];
}

export interface Dashboard {
  title: string;
  panels: Panel[];
  templating?: { list: { name: string; allValue?: string }[] };
}

export function readDashboard(): Dashboard {
  return JSON.parse(
    readFileSync(join(observabilityDir, 'grafana/kollegia.json'), 'utf8'),
  ) as Dashboard;
}

/** Grafana's interval variables, as Grafana would set them for Prometheus scraping every 5 s. */
const BUILT_IN: Record<string, string> = {
  __rate_interval: '1m',
  __interval: '5s',
  __range: '1h',
};

/**
 * The expression Grafana would send with every variable set to "All": a dashboard variable becomes
 * its `allValue` (`.*` when it has none), Grafana's interval variables as above.
 */
export function substitute(expr: string, dashboard: Dashboard): string {
  const values: Record<string, string> = { ...BUILT_IN };
  for (const variable of dashboard.templating?.list ?? [])
    values[variable.name] = variable.allValue ?? '.*';
  return expr.replace(/\$\{(\w+)\}|\$(\w+)/g, (whole, braced?: string, bare?: string) => {
    const value = values[(braced ?? bare)!];
    if (value === undefined) throw new Error(`unknown dashboard variable ${whole} in: ${expr}`);
    return value;
  });
}

/** A series' legend as Grafana draws it: `{{label}}` replaced by the label's value. */
export function legend(format: string | undefined, labels: Record<string, string>): string {
  if (!format) return JSON.stringify(labels);
  return format.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => labels[name] ?? '');
}

export interface Series {
  legend: string;
  value: number;
}

/** A query's answer: Prometheus's instant vector, `value` = [time, "number"]. */
export type InstantVector = { metric: Record<string, string>; value: [number, string] }[];

/** The panels in the dashboard's order, each under the row it belongs to. */
export function rowsOf(dashboard: Dashboard): { row: string; panels: Panel[] }[] {
  const rows: { row: string; panels: Panel[] }[] = [];
  for (const panel of dashboard.panels) {
    if (panel.type === 'row') rows.push({ row: panel.title, panels: [...(panel.panels ?? [])] });
    else if (rows.length === 0) rows.push({ row: '', panels: [panel] });
    else rows[rows.length - 1]!.panels.push(panel);
  }
  return rows;
}

/** Numbers as a person reads them off a graph: 4 significant digits, no exponent for small ones. */
export function formatValue(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs >= 1e6) return `${(value / 1e6).toPrecision(4)}M`;
  if (abs >= 1000) return value.toFixed(0);
  return String(Number(value.toPrecision(4)));
}

/** One panel as text: its title, then its largest `top` series (NaN last), one a line. */
export function renderPanel(title: string, series: Series[], top: number): string[] {
  const key = (s: Series) => (Number.isNaN(s.value) ? -Infinity : s.value);
  const sorted = [...series].sort((a, b) => key(b) - key(a));
  const lines = [title];
  if (sorted.length === 0) lines.push('  (no data)');
  const width = Math.min(48, Math.max(0, ...sorted.slice(0, top).map((s) => s.legend.length)));
  for (const s of sorted.slice(0, top))
    lines.push(`  ${s.legend.padEnd(width)}  ${formatValue(s.value)}`);
  if (sorted.length > top) lines.push(`  … ${sorted.length - top} more`);
  return lines;
}
