import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { ensureGoBuild, StackError, tail, type StackSettings } from '@kollegia/local-stack';
import { parse as parseYaml } from 'yaml';

/** The Prometheus release built from the Go module proxy; bumping it builds a new cache entry. */
export const PROMETHEUS_VERSION = '0.316.0';

/** infra/observability in the repository: prometheus.yml, alerts.yml, grafana/kollegia.json. */
export const observabilityDir = resolve(__dirname, '..');

export interface PrometheusTools {
  prometheus: string;
  promtool: string;
}

function prometheusBuildDir(settings: StackSettings): string {
  return join(settings.cacheDir, `prometheus-v${PROMETHEUS_VERSION}`);
}

/** The binaries when a build is already in the cache (tests use them only then, never build). */
export function cachedPrometheus(settings: StackSettings): PrometheusTools | undefined {
  const bin = join(prometheusBuildDir(settings), 'bin');
  const tools = { prometheus: join(bin, 'prometheus'), promtool: join(bin, 'promtool') };
  return existsSync(tools.prometheus) && existsSync(tools.promtool) ? tools : undefined;
}

/** Builds Prometheus and promtool once (`go install`, one build) into the cache. */
export async function ensurePrometheus(
  settings: StackSettings,
  log: (line: string) => void,
): Promise<PrometheusTools> {
  const module = `github.com/prometheus/prometheus/cmd`;
  const prometheus = await ensureGoBuild(settings, log, {
    dir: prometheusBuildDir(settings),
    binary: 'prometheus',
    what: `Prometheus v${PROMETHEUS_VERSION}`,
    build: (bin) => ({
      cwd: settings.cacheDir,
      args: [
        'install',
        `${module}/prometheus@v${PROMETHEUS_VERSION}`,
        `${module}/promtool@v${PROMETHEUS_VERSION}`,
      ],
      env: { GOBIN: bin },
    }),
  });
  return { prometheus, promtool: join(prometheus, '..', 'promtool') };
}

/**
 * The committed scrape config (prometheus.yml, written for compose) pointed at the processes of
 * `npm start`: the same job and metrics ports on loopback, scraped and evaluated every 5 s so a
 * few minutes of use fill the dashboard, with the committed alerts.yml.
 */
export function localScrapeConfig(host = '127.0.0.1'): object {
  const committed = parseYaml(readFileSync(join(observabilityDir, 'prometheus.yml'), 'utf8')) as {
    scrape_configs: { static_configs: { targets: string[] }[] }[];
  };
  return {
    ...committed,
    global: { scrape_interval: '5s', evaluation_interval: '5s' },
    rule_files: [join(observabilityDir, 'alerts.yml')],
    scrape_configs: committed.scrape_configs.map((job) => ({
      ...job,
      static_configs: job.static_configs.map((group) => ({
        ...group,
        targets: group.targets.map((target) => `${host}:${target.split(':')[1]}`),
      })),
    })),
  };
}

/** `promtool check …`: its output, and whether it passed. */
export function promtool(tools: PrometheusTools, args: string[]): { ok: boolean; output: string } {
  const result = spawnSync(tools.promtool, args, { encoding: 'utf8' });
  return { ok: result.status === 0, output: `${result.stdout}${result.stderr}`.trim() };
}

/** A Prometheus server on `listen` with the given config file and a throwaway TSDB directory. */
export async function startPrometheus(
  tools: PrometheusTools,
  options: { config: string; dataDir: string; listen: string; log: string },
): Promise<{ url: string; stop: () => Promise<void> }> {
  const fd = openSync(options.log, 'a');
  const child: ChildProcess = spawn(
    tools.prometheus,
    [
      `--config.file=${options.config}`,
      `--storage.tsdb.path=${options.dataDir}`,
      `--web.listen-address=${options.listen}`,
    ],
    { stdio: ['ignore', fd, fd] },
  );
  closeSync(fd);
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const url = `http://${options.listen}`;
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
  };
  for (let attempt = 0; ; attempt++) {
    if (child.exitCode !== null)
      throw new StackError(`Prometheus exited at start:\n${tail(options.log, 15)}`);
    try {
      if ((await fetch(`${url}/-/ready`)).ok) return { url, stop };
    } catch {
      // not listening yet
    }
    if (attempt > 120) {
      await stop();
      throw new StackError(`Prometheus was not ready after 60 s:\n${tail(options.log, 15)}`);
    }
    await sleep(500);
  }
}

/** The promtool checks: the alert rules, the committed scrape config and a generated one. */
export function promtoolChecks(generatedConfig: string): string[][] {
  return [
    ['check', 'rules', join(observabilityDir, 'alerts.yml')],
    ['check', 'config', '--syntax-only', join(observabilityDir, 'prometheus.yml')],
    ['check', 'config', generatedConfig],
  ];
}

/** GET a Prometheus API path; its `data`, or an error with Prometheus's own message. */
export async function prometheusApi<T>(url: string, path: string): Promise<T> {
  const response = await fetch(`${url}${path}`);
  const body = (await response.json()) as { status: string; data: T; error?: string };
  if (body.status !== 'success') throw new StackError(`Prometheus ${path}: ${body.error}`);
  return body.data;
}
