import type { Request, RequestChange } from './request';

/** What happened to a request, as its timeline shows it. */
export type TimelineKind =
  | 'DRAFTED'
  | 'EDITED'
  | 'SUBMITTED'
  | 'REGISTERED'
  | 'DEADLINE_EXTENDED'
  | 'ANSWERED'
  | 'CLOSED'
  | 'WITHDRAWN'
  | 'DUE_SOON'
  | 'OVERDUE';

/** One line of a request's timeline: what happened, when, who did it, and the version after it. */
export interface TimelineEntry {
  kind: TimelineKind;
  at: Date;
  /** The user (JWT subject) or `system:requests`. */
  actor: string;
  version: number;
  /** The particulars, in a short sentence. */
  note?: string;
}

const onTime = (value: boolean | undefined) => (value === false ? 'late' : 'on time');

function entry(state: Request, change: RequestChange): Pick<TimelineEntry, 'kind' | 'note'> {
  switch (change.kind) {
    case 'drafted':
      return {
        kind: 'DRAFTED',
        ...(state.recommendationId
          ? { note: `from recommendation ${state.recommendationId}` }
          : {}),
      };
    case 'edited':
      return { kind: 'EDITED', note: `changed ${change.changedFields.join(', ')}` };
    case 'submitted':
      return {
        kind: 'SUBMITTED',
        note: `outgoing number ${state.outgoingNumber ?? '?'}; registration due on ${state.deadline?.dueOn ?? '?'}`,
      };
    case 'registered':
      return {
        kind: 'REGISTERED',
        note: `incoming number ${state.incomingNumber ?? '?'} of ${state.registeredOn ?? '?'} (${onTime(state.registeredOnTime)}); answer due on ${state.deadline?.dueOn ?? '?'}`,
      };
    case 'deadline-extended':
      return {
        kind: 'DEADLINE_EXTENDED',
        note: `by ${change.days} days, from ${change.previous.dueOn} to ${state.deadline?.dueOn ?? '?'}: ${change.reason}`,
      };
    case 'answered':
      return {
        kind: 'ANSWERED',
        note: `${state.answer?.outcome ?? '?'} (${onTime(state.answer?.onTime)})`,
      };
    case 'closed':
      return { kind: 'CLOSED', ...(change.note ? { note: change.note } : {}) };
    case 'withdrawn':
      return { kind: 'WITHDRAWN', note: change.reason };
    case 'due-soon':
      return {
        kind: 'DUE_SOON',
        note: `${change.daysRemaining} days left to the ${change.deadline.stage.toLowerCase()} deadline ${change.deadline.dueOn}`,
      };
    case 'overdue':
      return {
        kind: 'OVERDUE',
        note: `the ${change.deadline.stage.toLowerCase()} deadline ${change.deadline.dueOn} passed ${change.daysOverdue} days ago`,
      };
  }
}

/** The timeline entries of a decision's changes, for the state after it (at its new version). */
export function timelineEntries(
  state: Request,
  changes: readonly RequestChange[],
  actor: string,
  at: Date,
): TimelineEntry[] {
  return changes.map((change) => ({ ...entry(state, change), at, actor, version: state.version }));
}
