import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

import { type StackSettings } from '@kollegia/local-stack';

import { ensureHelm, ensureValidator, helmDir } from './tools';

export const chartDir = join(helmDir, 'kollegia');

/** The values files CI renders: the defaults, the production-like file and the operators case. */
export const checkedValues: Record<string, string[]> = {
  default: [],
  production: [join(chartDir, 'values-production.yaml')],
  operators: [join(chartDir, 'ci', 'operators-values.yaml')],
};

/** The release the checks render, in a namespace of its name. */
export const RELEASE = 'kollegia';

export interface ChartTools {
  helm: string;
  validator: string;
}

export interface Outcome {
  ok: boolean;
  /** Standard output: the manifests, for `helm template`. */
  output: string;
  errors: string;
}

/** Helm and the validator, built once into the cache when missing. */
export async function ensureChartTools(
  settings: StackSettings,
  log: (line: string) => void,
): Promise<ChartTools> {
  return {
    helm: await ensureHelm(settings, log),
    validator: await ensureValidator(settings, log),
  };
}

function run(command: string, args: string[], input?: string): Outcome {
  const result = spawnSync(command, args, {
    input,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return { ok: result.status === 0, output: result.stdout, errors: result.stderr };
}

const valuesArgs = (files: string[]) => files.flatMap((file) => ['--values', file]);

/** `helm lint --strict`: warnings fail too. */
export function lintChart(tools: ChartTools, values: string[]): Outcome {
  return run(tools.helm, ['lint', '--strict', chartDir, ...valuesArgs(values)]);
}

/** `helm template` of the chart as release `kollegia` in namespace `kollegia`. */
export function renderChart(tools: ChartTools, values: string[], set: string[] = []): Outcome {
  return run(tools.helm, [
    'template',
    RELEASE,
    chartDir,
    '--namespace',
    RELEASE,
    ...valuesArgs(values),
    ...set.flatMap((s) => ['--set', s]),
  ]);
}

/** Strict-decodes every manifest against the Kubernetes API types (infra/helm/validate). */
export function validateManifests(tools: ChartTools, manifests: string): Outcome {
  return run(tools.validator, [], manifests);
}
