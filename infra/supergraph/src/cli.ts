#!/usr/bin/env node
import { readFile } from 'node:fs/promises';
import { compareApis, UNRELEASED_HEADING, type ApiChange } from './breaking';
import { findStaleFiles } from './check';
import { composeSupergraph, writeSupergraphFiles, type Composition } from './compose';
import { showFileAtRef } from './git';
import { apiPathInRepo, changelogFile, composeCommand, packageDir, repoRoot } from './paths';
import { findSubgraphSources } from './subgraph-sources';

const USAGE = `usage: supergraph <compose|check|schema:check> [--base <ref>]
  compose        compose services/*/schema.graphql and write supergraph.graphql, api.graphql, subgraphs.json
  check          fail when the committed files differ from a fresh composition
  schema:check   fail on breaking public API changes since <ref> (default HEAD) not listed in CHANGELOG.md`;

function say(line: string): void {
  process.stdout.write(`[supergraph] ${line}\n`);
}

function complain(line: string): void {
  process.stderr.write(`[supergraph] ${line}\n`);
}

async function composeFromServices(): Promise<Extract<Composition, { ok: true }> | undefined> {
  const composition = composeSupergraph(await findSubgraphSources(repoRoot));
  if (composition.ok) return composition;
  complain(`composition failed with ${composition.errors.length} error(s):`);
  for (const error of composition.errors) complain(`  - ${error}`);
  return undefined;
}

function describeSubgraphs(subgraphs: string[]): string {
  return subgraphs.length === 0 ? 'no subgraphs (placeholder)' : subgraphs.join(', ');
}

async function compose(): Promise<number> {
  const composition = await composeFromServices();
  if (!composition) return 1;
  await writeSupergraphFiles(packageDir, composition.files);
  say(`composed ${describeSubgraphs(composition.subgraphs)}`);
  return 0;
}

async function check(): Promise<number> {
  const composition = await composeFromServices();
  if (!composition) return 1;
  const stale = await findStaleFiles(packageDir, composition.files);
  if (stale.length > 0) {
    complain(`stale supergraph: run ${composeCommand} (differs: ${stale.join(', ')})`);
    return 1;
  }
  say(`up to date with ${describeSubgraphs(composition.subgraphs)}`);
  return 0;
}

function list(title: string, changes: ApiChange[], print: (line: string) => void): void {
  if (changes.length === 0) return;
  print(`${title} (${changes.length}):`);
  for (const change of changes) print(`  - ${change.message}`);
}

async function schemaCheck(base: string): Promise<number> {
  const composition = await composeFromServices();
  if (!composition) return 1;
  const previousApi = await showFileAtRef(repoRoot, base, apiPathInRepo);
  if (previousApi === undefined) {
    say(`${apiPathInRepo} is not in ${base}: nothing to compare`);
    return 0;
  }
  const changelog = await readFile(changelogFile, 'utf8').catch(() => '');
  const report = await compareApis(previousApi, composition.files['api.graphql'], changelog);

  list('safe changes', report.safe, say);
  list('dangerous changes', report.dangerous, say);
  list('breaking changes accepted by CHANGELOG.md', report.acceptedBreaking, say);
  if (report.breaking.length > 0) {
    list(`breaking changes since ${base}`, report.breaking, complain);
    complain(
      `to accept them, list each under "${UNRELEASED_HEADING}" in infra/supergraph/CHANGELOG.md as ` +
        '"- BREAKING: `<message>`" with the exact message above',
    );
    return 1;
  }
  say(`no unaccepted breaking changes since ${base}`);
  return 0;
}

function baseRef(args: string[]): string | undefined {
  const at = args.indexOf('--base');
  if (at === -1) return 'HEAD';
  return args[at + 1];
}

async function main(args: string[]): Promise<number> {
  const [command, ...rest] = args;
  switch (command) {
    case 'compose':
      return compose();
    case 'check':
      return check();
    case 'schema:check': {
      const base = baseRef(rest);
      if (base === undefined) break;
      return schemaCheck(base);
    }
    default:
      break;
  }
  complain(USAGE);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    complain(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  },
);
