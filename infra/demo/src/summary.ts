import type { DemoSummary } from './load';

/** One line: what the workspace holds. */
export function formatSummary({ counts }: DemoSummary): string {
  return [
    `${counts.organizations} organisations`,
    `${counts.people} people`,
    `${counts.communities} communities`,
    `${counts.conferences} conferences`,
    `${counts.roundtables} round tables`,
    `${counts.recommendations} recommendations`,
    `${counts.requests} requests`,
  ].join(', ');
}
