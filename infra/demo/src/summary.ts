import type { DemoSummary } from './load';

/** One line: what the workspace holds, and the request that is overdue. */
export function formatSummary({ counts, landmarks }: DemoSummary): string {
  const held = [
    `${counts.organizations} organisations`,
    `${counts.people} people`,
    `${counts.communities} communities`,
    `${counts.conferences} conferences`,
    `${counts.roundtables} round tables`,
    `${counts.recommendations} recommendations`,
    `${counts.requests} requests`,
  ].join(', ');
  const overdue = landmarks.overdueRequest;
  return overdue
    ? `${held}; overdue: ${overdue.outgoingNumber} to ${overdue.addressee}, due ${overdue.dueAt.slice(0, 10)}`
    : held;
}
