#!/usr/bin/env node
import { spawnSync } from 'node:child_process';

import { readSettings, runCommand } from '@kollegia/local-stack';

import {
  checkedValues,
  ensureChartTools,
  lintChart,
  renderChart,
  validateManifests,
  type Outcome,
} from './chart';
import { ensureHelm, ensureValidator } from './tools';

const USAGE = `usage: npm run helm -- <check | validate [file] | helm arguments…>
  check           helm lint --strict, helm template and the validator for each checked values file
  validate [file] strict-check the manifests in file (or standard input) against the Kubernetes API
  anything else   passed to Helm v4 (built once, cached), e.g. \`npm run helm -- template kollegia infra/helm/kollegia\``;

function say(line: string): void {
  process.stderr.write(`[helm] ${line}\n`);
}

async function main(args: string[]): Promise<number> {
  if (args.length === 0) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const settings = readSettings();
  const [command, ...rest] = args;
  if (command === 'check') {
    const tools = await ensureChartTools(settings, say);
    let failed = false;
    for (const [name, values] of Object.entries(checkedValues)) {
      const report = (step: string, outcome: Outcome) => {
        say(`${name}: ${step} ${outcome.ok ? 'ok' : 'FAILED'}`);
        if (!outcome.ok) process.stderr.write(`${outcome.output}${outcome.errors}\n`);
        failed ||= !outcome.ok;
        return outcome.ok;
      };
      if (!report('helm lint --strict', lintChart(tools, values))) continue;
      const rendered = renderChart(tools, values);
      if (!report('helm template', rendered)) continue;
      report('validation', validateManifests(tools, rendered.output));
    }
    return failed ? 1 : 0;
  }
  // Only the tool asked for is built: the validator is a client-go build of its own.
  const [binary, binaryArgs] =
    command === 'validate'
      ? [await ensureValidator(settings, say), rest]
      : [await ensureHelm(settings, say), args];
  return spawnSync(binary, binaryArgs, { stdio: 'inherit' }).status ?? 1;
}

runCommand(() => main(process.argv.slice(2)), say);
