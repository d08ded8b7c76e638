import {
  createEvent,
  requestAnsweredV1,
  requestClosedV1,
  requestDeadlineExtendedV1,
  requestDraftedV1,
  requestDueSoonV1,
  requestEditedV1,
  requestOverdueV1,
  requestRegisteredV1,
  requestSubmittedV1,
  requestWithdrawnV1,
  type CloudEventEnvelope,
  type RequestHeader,
  type RequestSnapshot,
} from '@kollegia/events';
import { conflict } from '@kollegia/service-kit/domain';

import type { Deadline } from '../domain/deadline';
import type { Request, RequestChange } from '../domain/request';
import { eventMeta, type CommandContext } from './context';

/** What every request event says about the request itself. */
export function requestHeader(state: Request): RequestHeader {
  return {
    id: state.id,
    ...(state.recommendationId ? { recommendationId: state.recommendationId } : {}),
    addresseeId: state.addresseeId,
    kind: state.kind,
    status: state.status,
    ...(state.outgoingNumber ? { outgoingNumber: state.outgoingNumber } : {}),
  };
}

export function requestSnapshot(state: Request): RequestSnapshot {
  return {
    ...requestHeader(state),
    subject: state.subject,
    body: state.body,
    ...(state.signatory ? { signatory: state.signatory } : {}),
  };
}

const due = (deadline: Deadline) => ({
  dueOn: deadline.dueOn,
  dueAt: deadline.dueAt.toISOString(),
});

/** The state's deadline, which every change that reports one has. */
function deadlineOf(state: Request): Deadline {
  if (!state.deadline) throw conflict(`request ${state.id} has no deadline`, state.status);
  return state.deadline;
}

/** The events announcing what a decision changed, all at the new version. */
export function requestEvents(
  state: Request,
  changes: RequestChange[],
  context: CommandContext,
): CloudEventEnvelope[] {
  const meta = eventMeta(context, state.id, state.tenantId, state.version);
  const header = requestHeader(state);
  return changes.map((change) => {
    switch (change.kind) {
      case 'drafted':
        return createEvent(requestDraftedV1, meta, requestSnapshot(state));
      case 'edited':
        return createEvent(requestEditedV1, meta, {
          ...requestSnapshot(state),
          changedFields: change.changedFields,
        });
      case 'submitted':
        return createEvent(requestSubmittedV1, meta, {
          ...header,
          outgoingNumber: state.outgoingNumber ?? '',
          subject: state.subject,
          submittedAt: context.now.toISOString(),
          sentAt: (state.submittedAt ?? context.now).toISOString(),
          ...due(deadlineOf(state)),
        });
      case 'registered':
        return createEvent(requestRegisteredV1, meta, {
          ...header,
          incomingNumber: state.incomingNumber ?? '',
          registeredOn: state.registeredOn ?? '',
          registeredOnTime: state.registeredOnTime ?? false,
          ...due(deadlineOf(state)),
        });
      case 'deadline-extended':
        return createEvent(requestDeadlineExtendedV1, meta, {
          ...header,
          previousDueOn: change.previous.dueOn,
          previousDueAt: change.previous.dueAt.toISOString(),
          extensionDays: change.days,
          reason: change.reason,
          ...due(deadlineOf(state)),
        });
      case 'answered': {
        const answer = state.answer;
        if (!answer) throw conflict(`request ${state.id} has no answer`, state.status);
        return createEvent(requestAnsweredV1, meta, {
          ...header,
          answer: {
            text: answer.text,
            outcome: answer.outcome,
            ...(answer.document ? { document: answer.document } : {}),
            answeredAt: answer.answeredAt.toISOString(),
          },
          onTime: answer.onTime,
          ...due(deadlineOf(state)),
        });
      }
      case 'closed':
        return createEvent(requestClosedV1, meta, {
          ...header,
          ...(change.note ? { note: change.note } : {}),
          closedAt: (state.closedAt ?? context.now).toISOString(),
        });
      case 'withdrawn':
        return createEvent(requestWithdrawnV1, meta, {
          ...header,
          previousStatus: change.previousStatus,
          reason: change.reason,
          withdrawnAt: (state.withdrawnAt ?? context.now).toISOString(),
        });
      case 'due-soon':
        return createEvent(requestDueSoonV1, meta, {
          ...header,
          stage: change.deadline.stage,
          daysRemaining: change.daysRemaining,
          ...due(change.deadline),
        });
      case 'overdue':
        return createEvent(requestOverdueV1, meta, {
          ...header,
          stage: change.deadline.stage,
          daysOverdue: change.daysOverdue,
          ...due(change.deadline),
        });
    }
  });
}
