import { CriticalityLevel, diff, type Change } from '@graphql-inspector/core';
import { buildSchema, GraphQLSchema } from 'graphql';

/** The changelog section whose `- BREAKING: <message>` lines accept breaking changes. */
export const UNRELEASED_HEADING = '## Unreleased';

const BREAKING_LINE = /^\s*[-*]\s+BREAKING:\s*(.+?)\s*$/;

/**
 * Messages listed as `- BREAKING: <message>` under `## Unreleased`, up to the next heading.
 * A message may be wrapped in backticks, which keeps Prettier from escaping it.
 */
export function acceptedBreakingChanges(changelog: string): Set<string> {
  const accepted = new Set<string>();
  let inUnreleased = false;
  for (const line of changelog.split(/\r?\n/)) {
    if (/^#{1,2}\s/.test(line)) {
      inUnreleased = line.trim() === UNRELEASED_HEADING;
      continue;
    }
    const match = inUnreleased ? BREAKING_LINE.exec(line) : null;
    const message = match?.[1];
    if (message === undefined) continue;
    const unquoted = /^`(.+)`$/.exec(message)?.[1];
    accepted.add(unquoted ?? message);
  }
  return accepted;
}

// The zero-subgraph placeholder holds only comments: it stands for a schema with nothing in it,
// so replacing a real API with it reads as removing every type.
export function schemaFromApiSdl(sdl: string): GraphQLSchema {
  const onlyComments = sdl.split(/\r?\n/).every((line) => /^\s*(#.*)?$/.test(line));
  return onlyComments ? new GraphQLSchema({}) : buildSchema(sdl);
}

export interface ApiChange {
  message: string;
  path: string | undefined;
  reason: string | undefined;
}

export interface ApiChangeReport {
  /** Breaking changes not listed in the changelog: these fail the check. */
  breaking: ApiChange[];
  /** Breaking changes the changelog lists under `## Unreleased`. */
  acceptedBreaking: ApiChange[];
  dangerous: ApiChange[];
  safe: ApiChange[];
}

function toApiChange(change: Change): ApiChange {
  return { message: change.message, path: change.path, reason: change.criticality.reason };
}

/** Classifies how the public API changed from `previousApi` to `currentApi`. */
export async function compareApis(
  previousApi: string,
  currentApi: string,
  changelog: string,
): Promise<ApiChangeReport> {
  const accepted = acceptedBreakingChanges(changelog);
  const changes = await diff(schemaFromApiSdl(previousApi), schemaFromApiSdl(currentApi));
  const report: ApiChangeReport = { breaking: [], acceptedBreaking: [], dangerous: [], safe: [] };
  for (const change of changes) {
    const apiChange = toApiChange(change);
    switch (change.criticality.level) {
      case CriticalityLevel.Breaking:
        (accepted.has(change.message) ? report.acceptedBreaking : report.breaking).push(apiChange);
        break;
      case CriticalityLevel.Dangerous:
        report.dangerous.push(apiChange);
        break;
      case CriticalityLevel.NonBreaking:
        report.safe.push(apiChange);
        break;
    }
  }
  return report;
}
