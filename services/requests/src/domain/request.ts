import type {
  AnswerOutcome,
  PartyRef,
  RequestEditableField,
  RequestKind,
  RequestStatus,
} from '@kollegia/events';
import { conflict, withArticle } from '@kollegia/service-kit/domain';

import type { DayCounting, Deadline } from './deadline';

/** The addressee's letter that carries an answer. */
export interface AnswerDocument {
  number: string;
  /** `YYYY-MM-DD`. */
  date: string;
  url?: string;
}

export interface Answer {
  text: string;
  outcome: AnswerOutcome;
  document?: AnswerDocument;
  answeredAt: Date;
  /** Whether it came by the deadline it was measured against (`Request.deadline`). */
  onTime: boolean;
}

/** The one extension a request may get. */
export interface Extension {
  /** In the policy's days (calendar or working). */
  days: number;
  reason: string;
  previous: Deadline;
  extendedAt: Date;
}

/**
 * A request (обращение) to one addressee: a letter with an outgoing number, registered by the
 * addressee under its incoming number and answered by a deadline.
 */
export interface Request {
  id: string;
  tenantId: string;
  version: number;
  /** The recommendation it carries out, if any. */
  recommendationId?: string;
  addresseeId: string;
  kind: RequestKind;
  subject: string;
  body: string;
  signatory?: PartyRef;
  status: RequestStatus;
  /** Given at submission; unique per tenant and sending year, e.g. АКИТ-2016/014. */
  outgoingNumber?: string;
  /**
   * When the letter was sent, as the user gave it (now by default); when that was recorded is the
   * submission's event time.
   */
  submittedAt?: Date;
  /** The addressee's time zone, fixed at submission; its dates are read in it. */
  timeZone?: string;
  /**
   * How its terms and `daysRemaining` are counted, fixed at submission (the addressee's procedure
   * and calendar). Absent on requests sent before it was kept: calendar days.
   */
  counting?: DayCounting;
  /** The registration deadline's last day, kept to tell whether registration came on time. */
  registrationDueOn?: string;
  incomingNumber?: string;
  /** `YYYY-MM-DD`, in the addressee's calendar. */
  registeredOn?: string;
  registeredOnTime?: boolean;
  /**
   * The deadline that runs: registration while SUBMITTED, the answer while REGISTERED; once
   * answered, the one the answer was measured against.
   */
  deadline?: Deadline;
  /**
   * When the running deadline was recorded (server clock). A deadline that had passed by then was
   * recorded as history, not announced: no due-soon or overdue notice goes out for it.
   */
  deadlineRecordedAt?: Date;
  /**
   * How many calendar days before the answer deadline it is announced due soon: the policy's when
   * the running deadline was computed (a policy changed since does not move it, as it does not
   * move the deadline). Absent on requests sent before it was kept (see `withDueSoonLead`).
   */
  dueSoonDays?: number;
  extension?: Extension;
  answer?: Answer;
  closedAt?: Date;
  closingNote?: string;
  withdrawnAt?: Date;
  withdrawalReason?: string;
  /** The deadline (`STAGE/dueOn`) each notice was last announced for; a new one is announced again. */
  announced: { dueSoon?: string; overdue?: string };
  createdAt: Date;
  updatedAt: Date;
}

/** What a request decision changed, for the application layer to announce. */
export type RequestChange =
  | { kind: 'drafted' }
  | { kind: 'edited'; changedFields: RequestEditableField[] }
  | { kind: 'submitted' }
  | { kind: 'registered' }
  | { kind: 'deadline-extended'; previous: Deadline; days: number; reason: string }
  | { kind: 'answered' }
  | { kind: 'closed'; note?: string }
  | { kind: 'withdrawn'; previousStatus: RequestStatus; reason: string }
  | { kind: 'due-soon'; deadline: Deadline; daysRemaining: number }
  | { kind: 'overdue'; deadline: Deadline; daysOverdue: number };

/**
 * What a decision returns: the state after it and what changed, for the application layer to
 * announce as events. The version is bumped by the caller.
 */
export interface RequestDecision {
  state: Request;
  changes: RequestChange[];
}

/**
 * Refuses a command in any status but the allowed ones, e.g. "an ANSWERED request cannot be
 * withdrawn (status ANSWERED)".
 */
export function requireStatus(
  state: Request,
  allowed: readonly RequestStatus[],
  action: string,
): void {
  if (!allowed.includes(state.status)) {
    throw conflict(
      `${withArticle(state.status)} request cannot ${action} (status ${state.status})`,
      state.status,
    );
  }
}
