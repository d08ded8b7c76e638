import type { PartyRef } from '@kollegia/events';
import {
  type DecisionContext,
  badInput,
  forbidden,
  optionalText,
  requiredText,
  withoutUndefined,
} from '@kollegia/service-kit/domain';

import { type Actor, mayReportProgress } from './permissions';
import {
  decided,
  type ProgressReport,
  type Recommendation,
  type RecommendationChange,
  type RecommendationDecision,
  requireStatus,
} from './recommendation';
import { LIMITS, partyRef, TEXT_FIELD } from './validation';

export interface ReportProgress {
  author: PartyRef;
  text: string;
  /** 0–100, a whole number. */
  percent: number;
}

/** The recommendation after the report, what changed, and the report record to store. */
export interface ProgressDecision extends RecommendationDecision {
  report: ProgressReport;
}

/**
 * Reports progress on an adopted recommendation. The actor must be allowed to (see
 * `mayReportProgress`). The percent may go down as well as up; the first report on an ADOPTED
 * recommendation means the work has started, so it moves to IN_PROGRESS.
 */
export function reportProgress(
  state: Recommendation,
  command: ReportProgress,
  actor: Actor,
  context: DecisionContext,
): ProgressDecision {
  requireStatus(state, ['ADOPTED', 'IN_PROGRESS'], 'take progress reports');
  if (!mayReportProgress(state, actor)) {
    throw forbidden('progress is reported by the responsible party, an addressee or the secretary');
  }
  const { percent } = command;
  if (!Number.isInteger(percent) || percent < 0 || percent > 100) {
    throw badInput('percent', 'must be a whole number from 0 to 100');
  }
  const report: ProgressReport = {
    id: context.ids(),
    tenantId: state.tenantId,
    recommendationId: state.id,
    author: partyRef('author', command.author),
    text: requiredText(TEXT_FIELD, command.text, LIMITS.text),
    percent,
    reportedAt: context.now,
  };
  const changes: RecommendationChange[] = [{ kind: 'progress-reported', report }];
  if (state.status === 'ADOPTED') {
    changes.push({
      kind: 'in-progress',
      previousStatus: 'ADOPTED',
      cause: { kind: 'PROGRESS_REPORTED', reportId: report.id, author: report.author },
    });
  }
  const next: Recommendation = {
    ...state,
    status: 'IN_PROGRESS',
    startedAt: state.startedAt ?? context.now,
    progressReportCount: state.progressReportCount + 1,
    lastProgressPercent: percent,
    lastProgressAt: context.now,
    updatedAt: context.now,
  };
  return { ...decided(next, changes, context), report };
}

/**
 * Marks a recommendation carried out in full: from ADOPTED or IN_PROGRESS, or from
 * PARTIALLY_IMPLEMENTED when the rest was done later.
 */
export function markImplemented(
  state: Recommendation,
  command: { note?: string | null },
  context: DecisionContext,
): RecommendationDecision {
  requireStatus(state, ['ADOPTED', 'IN_PROGRESS', 'PARTIALLY_IMPLEMENTED'], 'be implemented');
  const note = optionalText('note', command.note, LIMITS.reason);
  const change: RecommendationChange = withoutUndefined({
    kind: 'implemented' as const,
    previousStatus: state.status,
    note,
  });
  return decided(
    withoutUndefined({
      ...state,
      status: 'IMPLEMENTED' as const,
      finishedAt: context.now,
      implementationNote: note,
      updatedAt: context.now,
    }),
    [change],
    context,
  );
}

/** Marks a recommendation carried out in part; the note says what was not done. */
export function markPartlyImplemented(
  state: Recommendation,
  command: { note: string },
  context: DecisionContext,
): RecommendationDecision {
  requireStatus(state, ['ADOPTED', 'IN_PROGRESS'], 'be partly implemented');
  const note = requiredText('note', command.note, LIMITS.reason);
  return decided(
    {
      ...state,
      status: 'PARTIALLY_IMPLEMENTED',
      finishedAt: context.now,
      implementationNote: note,
      updatedAt: context.now,
    },
    [{ kind: 'partly-implemented', previousStatus: state.status, note }],
    context,
  );
}
