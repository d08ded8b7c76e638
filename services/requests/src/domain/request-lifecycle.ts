import {
  type AnswerOutcome,
  type PartyRef,
  type RequestEditableField,
  requestEditableFieldSchema,
  type RequestKind,
} from '@kollegia/events';
import {
  type CreationContext,
  type DecisionContext,
  badInput,
  calendarDate,
  conflict,
  forbidden,
  localDate,
  occurredAt,
  optionalText,
  requiredText,
  sameValue,
  withoutUndefined,
} from '@kollegia/service-kit/domain';

import {
  answerDeadline,
  dayCounting,
  type DeadlinePolicy,
  extendedDeadline,
  registrationDeadline,
} from './deadline';
import { type Actor, mayActForAddressee } from './permissions';
import {
  type Answer,
  type AnswerDocument,
  type Request,
  type RequestDecision,
  requireStatus,
} from './request';
import { LIMITS, partyRef, TEXT_FIELD, webAddress } from './validation';

/** What the letter says and who signs it. */
export interface RequestLetter {
  kind: RequestKind;
  subject: string;
  body: string;
  signatory?: PartyRef | null;
}

export interface DraftRequest extends RequestLetter {
  recommendationId?: string | null;
  addresseeId: string;
}

const EDITABLE: readonly RequestEditableField[] = requestEditableFieldSchema.options;

function validLetter(letter: RequestLetter) {
  return {
    kind: letter.kind,
    subject: requiredText('subject', letter.subject, LIMITS.subject),
    body: requiredText('body', letter.body, LIMITS.body),
    signatory: letter.signatory ? partyRef('signatory', letter.signatory) : undefined,
  };
}

function refuseUnless(allowed: boolean): void {
  if (!allowed) {
    throw forbidden('only the addressee’s representative or a secretary acts for the addressee');
  }
}

/** Drafts a request to one addressee, by hand or from an adopted recommendation. */
export function draftRequest(command: DraftRequest, context: CreationContext): RequestDecision {
  const state: Request = withoutUndefined({
    id: context.ids(),
    tenantId: context.tenantId,
    version: 1,
    recommendationId: optionalText('recommendationId', command.recommendationId, LIMITS.id),
    addresseeId: requiredText('addresseeId', command.addresseeId, LIMITS.id),
    ...validLetter(command),
    status: 'DRAFT' as const,
    announced: {},
    createdAt: context.now,
    updatedAt: context.now,
  });
  return { state, changes: [{ kind: 'drafted' }] };
}

/** Edits a draft. Absent fields stay, `null` clears the signatory; the addressee never changes. */
export function editDraft(
  state: Request,
  patch: Partial<RequestLetter>,
  context: DecisionContext,
): RequestDecision {
  requireStatus(state, ['DRAFT'], 'be edited');
  const letter = validLetter({
    kind: patch.kind ?? state.kind,
    subject: patch.subject ?? state.subject,
    body: patch.body ?? state.body,
    signatory: patch.signatory === undefined ? state.signatory : patch.signatory,
  });
  const changedFields = EDITABLE.filter((field) => !sameValue(state[field], letter[field]));
  if (changedFields.length === 0) return { state, changes: [] };
  return {
    state: withoutUndefined({ ...state, ...letter, updatedAt: context.now }),
    changes: [{ kind: 'edited', changedFields }],
  };
}

/**
 * When a request was sent: as the user gives it (a letter sent before it was entered here), not
 * in the future; now by default. The outgoing number's year is this moment's.
 */
export function sendingTime(sentAt: Date | null | undefined, now: Date): Date {
  return occurredAt('sentAt', sentAt, now);
}

/**
 * Sends a draft under an outgoing number the caller assigned (unique per tenant and year), at the
 * moment it was sent (`sendingTime`). The registration deadline runs from that moment, in the
 * addressee's procedure, calendar and time zone, which the request keeps from now on.
 */
export function submitRequest(
  state: Request,
  command: { outgoingNumber: string; sentAt?: Date | null },
  policy: DeadlinePolicy,
  context: DecisionContext,
): RequestDecision {
  requireStatus(state, ['DRAFT'], 'be submitted');
  const sentAt = sendingTime(command.sentAt, context.now);
  const deadline = registrationDeadline(policy, sentAt);
  return {
    state: {
      ...state,
      status: 'SUBMITTED',
      outgoingNumber: requiredText('outgoingNumber', command.outgoingNumber, LIMITS.number),
      submittedAt: sentAt,
      timeZone: policy.timeZone,
      counting: dayCounting(policy),
      registrationDueOn: deadline.dueOn,
      deadline,
      deadlineRecordedAt: context.now,
      dueSoonDays: policy.dueSoonDays,
      updatedAt: context.now,
    },
    changes: [{ kind: 'submitted' }],
  };
}

/** What was submitted: every submitted request has these. */
function sent(state: Request): { submittedAt: Date; timeZone: string; registrationDueOn: string } {
  const { submittedAt, timeZone, registrationDueOn } = state;
  if (!submittedAt || !timeZone || !registrationDueOn) {
    throw conflict(`request ${state.id} was never submitted`, state.status);
  }
  return { submittedAt, timeZone, registrationDueOn };
}

/**
 * The policy a submitted request's terms are counted by: the current one's terms, in the time
 * zone and the counting (procedure's day count, calendar) the request kept when it was sent — a
 * policy changed since does not move them.
 */
function keptPolicy(state: Request, policy: DeadlinePolicy): DeadlinePolicy {
  const { timeZone } = sent(state);
  return { ...policy, ...state.counting, timeZone };
}

/**
 * Records the addressee's registration: its incoming number and the date in its calendar. The
 * answer deadline is counted from that date; whether registration came on time is kept.
 */
export function registerRequest(
  state: Request,
  command: { incomingNumber: string; registeredOn: string },
  actor: Actor,
  policy: DeadlinePolicy,
  context: DecisionContext,
): RequestDecision {
  requireStatus(state, ['SUBMITTED'], 'be registered');
  refuseUnless(mayActForAddressee(state, actor));
  const { submittedAt, timeZone, registrationDueOn } = sent(state);
  // A date, not an instant: checked day by day in the addressee's calendar, as `occurredAt`
  // checks instants (not in the future, not before the sending it follows).
  const registeredOn = calendarDate('registeredOn', command.registeredOn);
  const sentOn = localDate(submittedAt, timeZone);
  if (registeredOn < sentOn) {
    throw badInput('registeredOn', `must not be before the request was sent (${sentOn})`);
  }
  if (registeredOn > localDate(context.now, timeZone)) {
    throw badInput('registeredOn', 'must not be in the future');
  }
  const local = keptPolicy(state, policy);
  return {
    state: {
      ...state,
      status: 'REGISTERED',
      incomingNumber: requiredText('incomingNumber', command.incomingNumber, LIMITS.number),
      registeredOn,
      registeredOnTime: registeredOn <= registrationDueOn,
      deadline: answerDeadline(local, registeredOn),
      deadlineRecordedAt: context.now,
      dueSoonDays: policy.dueSoonDays,
      updatedAt: context.now,
    },
    changes: [{ kind: 'registered' }],
  };
}

/**
 * Extends the answer deadline: once, by 1 to the policy's `maxExtensionDays` days (counted as the
 * policy counts), with a reason. Due-soon and overdue notices start over for the new deadline.
 */
export function extendDeadline(
  state: Request,
  command: { days: number; reason: string },
  actor: Actor,
  policy: DeadlinePolicy,
  context: DecisionContext,
): RequestDecision {
  requireStatus(state, ['REGISTERED'], 'have its deadline extended');
  refuseUnless(mayActForAddressee(state, actor));
  if (state.extension) {
    throw conflict(
      `the deadline of request ${state.id} was extended already; one extension is allowed`,
      state.status,
    );
  }
  const { deadline } = state;
  if (!deadline) throw conflict(`request ${state.id} has no deadline running`, state.status);
  if (policy.maxExtensionDays === 0) {
    throw badInput('days', 'the deadline policy allows no extension');
  }
  const { days } = command;
  if (!Number.isInteger(days) || days < 1 || days > policy.maxExtensionDays) {
    throw badInput('days', `must be a whole number from 1 to ${policy.maxExtensionDays}`);
  }
  const reason = requiredText('reason', command.reason, LIMITS.reason);
  return {
    state: {
      ...state,
      deadline: extendedDeadline(keptPolicy(state, policy), deadline, days),
      deadlineRecordedAt: context.now,
      dueSoonDays: policy.dueSoonDays,
      extension: { days, reason, previous: deadline, extendedAt: context.now },
      updatedAt: context.now,
    },
    changes: [{ kind: 'deadline-extended', previous: deadline, days, reason }],
  };
}

export interface AnswerRequest {
  text: string;
  outcome: AnswerOutcome;
  document?: AnswerDocument | null;
  /**
   * When the answer arrived; defaults to now (an answer on paper may be recorded later). Not in
   * the future, not before the request was sent.
   */
  answeredAt?: Date | null;
}

function validDocument(document: AnswerDocument | null | undefined): AnswerDocument | undefined {
  if (!document) return undefined;
  return withoutUndefined({
    number: requiredText('document.number', document.number, LIMITS.number),
    date: calendarDate('document.date', document.date),
    url: document.url ? webAddress('document.url', document.url) : undefined,
  });
}

/**
 * Records the addressee's answer, given by its representative or by a secretary on its behalf.
 *
 * A request may be answered before anyone recorded its registration. Then it is measured against
 * the latest answer deadline it could have had: as if registered on the last day allowed.
 */
export function answerRequest(
  state: Request,
  command: AnswerRequest,
  actor: Actor,
  policy: DeadlinePolicy,
  context: DecisionContext,
): RequestDecision {
  requireStatus(state, ['SUBMITTED', 'REGISTERED'], 'be answered');
  refuseUnless(mayActForAddressee(state, actor));
  const { submittedAt, registrationDueOn } = sent(state);
  const answeredAt = occurredAt('answeredAt', command.answeredAt, context.now, {
    at: submittedAt,
    what: 'the request was sent',
  });
  const deadline =
    state.status === 'REGISTERED' && state.deadline
      ? state.deadline
      : answerDeadline(keptPolicy(state, policy), registrationDueOn);
  const answer: Answer = withoutUndefined({
    text: requiredText(TEXT_FIELD, command.text, LIMITS.answer),
    outcome: command.outcome,
    document: validDocument(command.document),
    answeredAt,
    onTime: answeredAt.getTime() <= deadline.dueAt.getTime(),
  });
  return {
    state: { ...state, status: 'ANSWERED', deadline, answer, updatedAt: context.now },
    changes: [{ kind: 'answered' }],
  };
}

/** Closes an answered request: nothing more is expected of it. */
export function closeRequest(
  state: Request,
  command: { note?: string | null },
  context: DecisionContext,
): RequestDecision {
  requireStatus(state, ['ANSWERED'], 'be closed');
  const note = optionalText('note', command.note, LIMITS.reason);
  return {
    state: withoutUndefined({
      ...state,
      status: 'CLOSED' as const,
      closedAt: context.now,
      closingNote: note,
      updatedAt: context.now,
    }),
    changes: [withoutUndefined({ kind: 'closed' as const, note })],
  };
}

/** Withdraws a request that was not answered yet; its deadlines stop. */
export function withdrawRequest(
  state: Request,
  command: { reason: string },
  context: DecisionContext,
): RequestDecision {
  requireStatus(state, ['DRAFT', 'SUBMITTED', 'REGISTERED'], 'be withdrawn');
  const reason = requiredText('reason', command.reason, LIMITS.reason);
  return {
    state: {
      ...state,
      status: 'WITHDRAWN',
      withdrawnAt: context.now,
      withdrawalReason: reason,
      updatedAt: context.now,
    },
    changes: [{ kind: 'withdrawn', previousStatus: state.status, reason }],
  };
}
