import type {
  AddresseePositionStatus,
  AnswerOutcome,
  DecisionMaker,
  InProgressCause,
  PartyRef,
  RecommendationActionType,
  RecommendationPriority,
  RecommendationRevisableField,
  RecommendationSource,
  RecommendationStatus,
  RequestFactKind,
} from '@kollegia/events';
import { type DecisionContext, conflict, withArticle } from '@kollegia/service-kit/domain';

/** Where one addressee stands, with the requests made to it from the recommendation. */
export interface AddresseePosition {
  organizationId: string;
  position: AddresseePositionStatus;
  requestIds: string[];
  /** The request whose answer set the position; the latest answer wins. */
  answeredRequestId?: string;
  answeredAt?: Date;
}

/** An organisation or a person standing behind a recommendation; each endorses once. */
export interface Endorsement {
  party: PartyRef;
  comment?: string;
  endorsedAt: Date;
}

/**
 * A progress report. A recommendation collects them for years, so each is a record of its own;
 * the recommendation keeps only the latest percent and the count.
 */
export interface ProgressReport {
  id: string;
  tenantId: string;
  recommendationId: string;
  author: PartyRef;
  text: string;
  /** 0–100; a later report may give less than an earlier one (a setback is news too). */
  percent: number;
  reportedAt: Date;
}

/** Something that happened to a request made from the recommendation, noted once. */
export interface RequestFact {
  requestId: string;
  addresseeId: string;
  kind: RequestFactKind;
  /** For ANSWERED. */
  outcome?: AnswerOutcome;
  /** For OVERDUE: the deadline that passed; a request may go overdue once per deadline. */
  dueOn?: string;
  /** When it happened to the request, not when it was noted. */
  occurredAt: Date;
}

/** Why a recommendation was rejected, by whom and when; kept apart from its adoption. */
export interface Rejection {
  reason: string;
  decidedBy: DecisionMaker;
  decidedAt: Date;
}

/**
 * A recommendation: what a round table (or the secretary) recommended, kept as it was, and apart
 * from it what was decided and where each addressee stands.
 */
export interface Recommendation {
  id: string;
  tenantId: string;
  version: number;
  /** Unique per tenant, e.g. R-2016-04: the year of its meeting (`codeYear`); assigned by the caller. */
  code: string;
  title: string;
  recommendedText: string;
  actionType: RecommendationActionType;
  addresseeIds: string[];
  responsible?: PartyRef;
  legalBasis?: string;
  priority: RecommendationPriority;
  source: RecommendationSource;
  /** `YYYY-MM-DD`. */
  dueDate?: string;
  /** `YYYY-MM-DD`. */
  reviewDate?: string;
  /** Visible to partners; internal otherwise. */
  published: boolean;
  status: RecommendationStatus;
  proposedAt?: Date;
  /** What was decided at adoption; the recommended text itself never changes after it. */
  decidedText?: string;
  decidedBy?: PartyRef;
  decidedAt?: Date;
  rejection?: Rejection;
  startedAt?: Date;
  /** When it was marked implemented or partly implemented. */
  finishedAt?: Date;
  implementationNote?: string;
  withdrawnAt?: Date;
  withdrawalReason?: string;
  supersededBy?: string;
  supersededAt?: Date;
  supersessionReason?: string;
  /** One per addressee, in the order of `addresseeIds`. */
  addresseePositions: AddresseePosition[];
  endorsements: Endorsement[];
  progressReportCount: number;
  lastProgressPercent?: number;
  lastProgressAt?: Date;
  /** Every request fact noted so far, so a repeated or late one is recognised. */
  requestFacts: RequestFact[];
  /** The date each follow-up was last announced for; a new date is announced again. */
  announced: { dueSoon?: string; overdue?: string; reviewDue?: string };
  /**
   * The workspace's day its due date came into force (the adoption was recorded): one that had
   * passed by then is shown overdue but not announced (`dueDatePassedWhenRecorded`). Absent
   * before adoption and from recommendations adopted before it was kept.
   */
  dueDateRecordedOn?: string;
  createdAt: Date;
  updatedAt: Date;
}

/** What a recommendation decision changed, for the application layer to announce. */
export type RecommendationChange =
  | { kind: 'drafted' }
  | { kind: 'proposed'; previousStatus?: RecommendationStatus }
  | { kind: 'revised'; changedFields: RecommendationRevisableField[] }
  | { kind: 'adopted' }
  | {
      kind: 'rejected';
      previousStatus: RecommendationStatus;
      reason: string;
      decidedBy: DecisionMaker;
    }
  | { kind: 'withdrawn'; previousStatus: RecommendationStatus; reason?: string }
  | {
      kind: 'superseded';
      previousStatus: RecommendationStatus;
      supersededBy: string;
      reason?: string;
    }
  | { kind: 'renumbered'; previousCode: string }
  | { kind: 'endorsed'; endorsement: Endorsement }
  | { kind: 'endorsement-withdrawn'; party: PartyRef }
  | { kind: 'progress-reported'; report: ProgressReport }
  | { kind: 'in-progress'; previousStatus: RecommendationStatus; cause: InProgressCause }
  | { kind: 'implemented'; previousStatus: RecommendationStatus; note?: string }
  | { kind: 'partly-implemented'; previousStatus: RecommendationStatus; note: string }
  | { kind: 'due-soon'; dueDate: string; daysRemaining: number }
  | { kind: 'overdue'; dueDate: string; daysOverdue: number }
  | { kind: 'review-due'; reviewDate: string }
  | { kind: 'request-recorded'; fact: RequestFact; position?: AddresseePosition };

/**
 * One line of a recommendation's timeline: what changed and when. Timelines grow for years, so
 * entries are records of their own, written with the decision that produced them.
 */
export interface TimelineEntry {
  id: string;
  tenantId: string;
  recommendationId: string;
  at: Date;
  change: RecommendationChange;
}

/**
 * What a decision returns: the state after it, what changed (for the application layer to
 * announce as events) and the timeline entries to store. The version is bumped by the caller.
 */
export interface RecommendationDecision {
  state: Recommendation;
  changes: RecommendationChange[];
  timeline: TimelineEntry[];
}

/** Statuses in which a recommendation binds someone to act. */
export const IN_FORCE: readonly RecommendationStatus[] = ['ADOPTED', 'IN_PROGRESS'];

/** Statuses in which a recommendation is not finished one way or another. */
export const OPEN: readonly RecommendationStatus[] = [
  'DRAFT',
  'PROPOSED',
  'ADOPTED',
  'IN_PROGRESS',
];

/**
 * Refuses a command in any status but the allowed ones, e.g. "an ADOPTED recommendation cannot
 * be revised (status ADOPTED)".
 */
export function requireStatus(
  state: Recommendation,
  allowed: readonly RecommendationStatus[],
  action: string,
): void {
  if (!allowed.includes(state.status)) {
    throw conflict(
      `${withArticle(state.status)} recommendation cannot ${action} (status ${state.status})`,
      state.status,
    );
  }
}

/** The decision: the new state, its changes and one timeline entry per change. */
export function decided(
  state: Recommendation,
  changes: RecommendationChange[],
  context: DecisionContext,
): RecommendationDecision {
  return {
    state,
    changes,
    timeline: changes.map((change) => ({
      id: context.ids(),
      tenantId: state.tenantId,
      recommendationId: state.id,
      at: context.now,
      change,
    })),
  };
}

/** A decision that changed nothing: a repeat, or a command that asked for what already is. */
export function unchanged(state: Recommendation): RecommendationDecision {
  return { state, changes: [], timeline: [] };
}

/** The positions for a list of addressees, keeping what is known of the ones that stay. */
export function positionsFor(
  addresseeIds: readonly string[],
  current: readonly AddresseePosition[],
): AddresseePosition[] {
  return addresseeIds.map(
    (organizationId) =>
      current.find((position) => position.organizationId === organizationId) ?? {
        organizationId,
        position: 'PENDING',
        requestIds: [],
      },
  );
}
