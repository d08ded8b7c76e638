import {
  createEvent,
  recommendationAdoptedV1,
  recommendationDraftedV1,
  recommendationDueSoonV1,
  recommendationEndorsedV1,
  recommendationEndorsementWithdrawnV1,
  recommendationImplementedV1,
  recommendationInProgressV1,
  recommendationOverdueV1,
  recommendationPartlyImplementedV1,
  recommendationProgressReportedV1,
  recommendationProposedV1,
  recommendationRejectedV1,
  recommendationRenumberedV1,
  recommendationRequestRecordedV1,
  recommendationReviewDueV1,
  recommendationRevisedV1,
  recommendationSupersededV1,
  recommendationWithdrawnV1,
  type CloudEventEnvelope,
  type RecommendationHeader,
  type RecommendationSnapshot,
  type RecommendationStatus,
} from '@kollegia/events';
import { withoutUndefined } from '@kollegia/service-kit/domain';

import type { Recommendation, RecommendationChange } from '../domain/recommendation';
import { SYSTEM_ACTOR, type CommandContext } from './context';

/** The status a change leaves a recommendation in, given the status before it. */
export function statusAfter(
  change: RecommendationChange,
  before: RecommendationStatus,
): RecommendationStatus {
  switch (change.kind) {
    case 'drafted':
      return 'DRAFT';
    case 'proposed':
      return 'PROPOSED';
    case 'adopted':
      return 'ADOPTED';
    case 'rejected':
      return 'REJECTED';
    case 'withdrawn':
      return 'WITHDRAWN';
    case 'superseded':
      return 'SUPERSEDED';
    case 'in-progress':
      return 'IN_PROGRESS';
    case 'implemented':
      return 'IMPLEMENTED';
    case 'partly-implemented':
      return 'PARTIALLY_IMPLEMENTED';
    default:
      return before;
  }
}

function header(state: Recommendation, status: RecommendationStatus): RecommendationHeader {
  return {
    id: state.id,
    code: state.code,
    title: state.title,
    status,
    addresseeIds: state.addresseeIds,
    published: state.published,
    ...(state.source.conferenceId ? { conferenceId: state.source.conferenceId } : {}),
  };
}

function snapshot(state: Recommendation, status: RecommendationStatus): RecommendationSnapshot {
  return withoutUndefined({
    ...header(state, status),
    recommendedText: state.recommendedText,
    actionType: state.actionType,
    responsible: state.responsible,
    legalBasis: state.legalBasis,
    priority: state.priority,
    source: state.source,
    dueDate: state.dueDate,
    reviewDate: state.reviewDate,
  });
}

const iso = (date: Date | undefined, fallback: Date) => (date ?? fallback).toISOString();

function adoptedBy(state: Recommendation) {
  if (!state.decidedBy) throw new Error(`recommendation ${state.id} was adopted by nobody`);
  return state.decidedBy;
}

function eventOf(
  state: Recommendation,
  change: RecommendationChange,
  status: RecommendationStatus,
  meta: Parameters<typeof createEvent>[1],
  now: Date,
): CloudEventEnvelope {
  const head = header(state, status);
  switch (change.kind) {
    case 'drafted':
      return createEvent(recommendationDraftedV1, meta, snapshot(state, status));
    case 'proposed':
      return createEvent(recommendationProposedV1, meta, {
        ...snapshot(state, status),
        ...(change.previousStatus ? { previousStatus: change.previousStatus } : {}),
        proposedAt: iso(state.proposedAt, now),
      });
    case 'revised':
      return createEvent(recommendationRevisedV1, meta, {
        ...snapshot(state, status),
        changedFields: change.changedFields,
      });
    case 'adopted':
      return createEvent(recommendationAdoptedV1, meta, {
        ...snapshot(state, status),
        decidedText: state.decidedText ?? state.recommendedText,
        decidedBy: adoptedBy(state),
        decidedAt: iso(state.decidedAt, now),
      });
    case 'rejected':
      return createEvent(recommendationRejectedV1, meta, {
        ...head,
        previousStatus: change.previousStatus,
        reason: change.reason,
        decidedBy: change.decidedBy,
        decidedAt: iso(state.rejection?.decidedAt, now),
      });
    case 'withdrawn':
      return createEvent(recommendationWithdrawnV1, meta, {
        ...head,
        previousStatus: change.previousStatus,
        ...(change.reason ? { reason: change.reason } : {}),
        withdrawnAt: iso(state.withdrawnAt, now),
      });
    case 'superseded':
      return createEvent(recommendationSupersededV1, meta, {
        ...head,
        previousStatus: change.previousStatus,
        supersededBy: change.supersededBy,
        ...(change.reason ? { reason: change.reason } : {}),
        supersededAt: iso(state.supersededAt, now),
      });
    case 'renumbered':
      return createEvent(recommendationRenumberedV1, meta, {
        ...head,
        previousCode: change.previousCode,
        ...(state.source.meetingDate ? { meetingDate: state.source.meetingDate } : {}),
      });
    case 'endorsed':
      return createEvent(recommendationEndorsedV1, meta, {
        ...head,
        endorsement: withoutUndefined({
          party: change.endorsement.party,
          comment: change.endorsement.comment,
          endorsedAt: change.endorsement.endorsedAt.toISOString(),
        }),
        endorsementCount: state.endorsements.length,
      });
    case 'endorsement-withdrawn':
      return createEvent(recommendationEndorsementWithdrawnV1, meta, {
        ...head,
        party: change.party,
        endorsementCount: state.endorsements.length,
        withdrawnAt: now.toISOString(),
      });
    case 'progress-reported':
      return createEvent(recommendationProgressReportedV1, meta, {
        ...head,
        report: {
          id: change.report.id,
          author: change.report.author,
          text: change.report.text,
          percent: change.report.percent,
          reportedAt: change.report.reportedAt.toISOString(),
        },
      });
    case 'in-progress':
      return createEvent(recommendationInProgressV1, meta, {
        ...head,
        previousStatus: change.previousStatus,
        cause: change.cause,
        startedAt: iso(state.startedAt, now),
      });
    case 'implemented':
      return createEvent(recommendationImplementedV1, meta, {
        ...head,
        previousStatus: change.previousStatus,
        ...(change.note ? { note: change.note } : {}),
        implementedAt: iso(state.finishedAt, now),
      });
    case 'partly-implemented':
      return createEvent(recommendationPartlyImplementedV1, meta, {
        ...head,
        previousStatus: change.previousStatus,
        note: change.note,
        decidedAt: iso(state.finishedAt, now),
      });
    case 'due-soon':
      return createEvent(recommendationDueSoonV1, meta, {
        ...head,
        dueDate: change.dueDate,
        daysRemaining: change.daysRemaining,
        ...(state.responsible ? { responsible: state.responsible } : {}),
      });
    case 'overdue':
      return createEvent(recommendationOverdueV1, meta, {
        ...head,
        dueDate: change.dueDate,
        daysOverdue: change.daysOverdue,
        ...(state.responsible ? { responsible: state.responsible } : {}),
      });
    case 'review-due':
      return createEvent(recommendationReviewDueV1, meta, {
        ...head,
        reviewDate: change.reviewDate,
        ...(state.responsible ? { responsible: state.responsible } : {}),
      });
    case 'request-recorded':
      return createEvent(recommendationRequestRecordedV1, meta, {
        ...head,
        request: withoutUndefined({
          requestId: change.fact.requestId,
          addresseeId: change.fact.addresseeId,
          kind: change.fact.kind,
          outcome: change.fact.outcome,
          dueOn: change.fact.dueOn,
          occurredAt: change.fact.occurredAt.toISOString(),
        }),
        ...(change.position
          ? {
              position: {
                organizationId: change.position.organizationId,
                position: change.position.position,
                requestIds: change.position.requestIds,
              },
            }
          : {}),
      });
  }
}

/**
 * The events announcing what a decision changed, all at the new version, each carrying the
 * status it left the recommendation in (an adoption that an earlier acceptance moves on at once
 * is announced as `adopted` with ADOPTED, then `in-progress` with IN_PROGRESS).
 */
export function recommendationEvents(
  previousStatus: RecommendationStatus | undefined,
  state: Recommendation,
  changes: readonly RecommendationChange[],
  context: CommandContext,
): CloudEventEnvelope[] {
  const meta = {
    subject: state.id,
    tenantId: state.tenantId,
    aggregateVersion: state.version,
    correlationId: context.correlationId,
    ...(context.causationId ? { causationId: context.causationId } : {}),
    actor: context.identity?.subject ?? SYSTEM_ACTOR,
    time: context.recordedAt ?? context.now,
  };
  let status: RecommendationStatus = previousStatus ?? state.status;
  return changes.map((change) => {
    status = statusAfter(change, status);
    return eventOf(state, change, status, meta, context.now);
  });
}
