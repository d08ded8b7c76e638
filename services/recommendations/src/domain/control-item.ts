import type { ControlItemSource, ControlItemStatus, PartyRef } from '@kollegia/events';
import {
  type CreationContext,
  type DecisionContext,
  addCalendarDays,
  badInput,
  calendarDate,
  conflict,
  daysBetween,
  forbidden,
  localDate,
  optionalText,
  requiredText,
  withArticle,
  withoutUndefined,
} from '@kollegia/service-kit/domain';

import { dueDatePassedWhenRecorded } from './happened';
import { isSecretary, type Actor } from './permissions';
import type { SourceResolution } from './recommendation-lifecycle';
import { LIMITS } from './validation';

/**
 * An item under control (взято на контроль, DESIGN.md sections 3 and 4): a result of a sitting
 * that a body (the controller) took under control, with a responsible executor and a due date.
 * Tracked from the sitting's conclusion; no adoption step. UNDER_CONTROL → DONE | REMOVED.
 */
export interface ControlItem {
  id: string;
  tenantId: string;
  version: number;
  text: string;
  /** The organisation that took it under control; absent: the workspace itself (secretaries). */
  controllerId?: string;
  /** The responsible executor: an organisation or a person. */
  responsible?: PartyRef;
  /** `YYYY-MM-DD`, after any extension. */
  dueDate?: string;
  source: ControlItemSource;
  /** Visible to partners (the round table was published); internal otherwise. */
  published: boolean;
  status: ControlItemStatus;
  /** When it was taken under control: the sitting's conclusion. */
  takenAt: Date;
  progress: ControlItemProgress[];
  extensions: ControlItemExtension[];
  closedAt?: Date;
  /** Why it was removed from control, or the note it was marked done with. */
  closingNote?: string;
  /** The due date each notice was last announced for; a new date is announced again. */
  announced: { dueSoon?: string; overdue?: string };
  /**
   * The workspace's day the running due date was recorded on (taken under control, extended):
   * one that had passed by then is shown overdue but never announced. Absent from items taken
   * before it was kept.
   */
  dueDateRecordedOn?: string;
  createdAt: Date;
  updatedAt: Date;
}

/** A progress report of the responsible side. Few per item, so kept inside it. */
export interface ControlItemProgress {
  id: string;
  author: PartyRef;
  text: string;
  percent?: number;
  reportedAt: Date;
}

/** A due date moved on by the controller. */
export interface ControlItemExtension {
  previousDueDate?: string;
  dueDate: string;
  reason?: string;
  extendedAt: Date;
}

export type ControlItemChange =
  | { kind: 'taken' }
  | { kind: 'progress-reported'; report: ControlItemProgress }
  | { kind: 'extended'; extension: ControlItemExtension }
  | { kind: 'done' }
  | { kind: 'removed' }
  | { kind: 'due-soon'; dueDate: string; daysRemaining: number }
  | { kind: 'overdue'; dueDate: string; daysOverdue: number };

export interface ControlItemDecision {
  state: ControlItem;
  changes: ControlItemChange[];
}

/** Progress reports one item keeps; past it, a report is refused (the item is not a diary). */
export const MAX_PROGRESS_REPORTS = 200;

export interface TakeUnderControl {
  conferenceId?: string | null;
  roundtableId: string;
  /** The day the sitting was held (its conclusion in the workspace's calendar). */
  meetingDate: string;
  published: boolean;
  resolution: SourceResolution & { agendaItemId?: string };
  /** The workspace's day it is recorded on (see `ControlItem.dueDateRecordedOn`). */
  recordedOn?: string;
}

/**
 * Takes a CONTROL_ITEM resolution of a concluded round table under control (flow 1 of DESIGN.md
 * section 4). The controller is the organisation the resolution is addressed to (the first when
 * several); without one, the workspace itself controls it. The caller makes it idempotent.
 */
export function takeUnderControl(
  command: TakeUnderControl,
  context: CreationContext,
): ControlItemDecision {
  const { resolution } = command;
  if (resolution.kind !== 'CONTROL_ITEM') {
    throw badInput('resolution.kind', `${withArticle(resolution.kind)} is not taken under control`);
  }
  const state: ControlItem = withoutUndefined({
    id: context.ids(),
    tenantId: context.tenantId,
    version: 1,
    text: requiredText('resolution.text', resolution.text, LIMITS.text),
    controllerId: resolution.addresseeIds[0],
    responsible: resolution.responsible,
    dueDate: resolution.dueDate,
    source: withoutUndefined({
      conferenceId: command.conferenceId ?? undefined,
      roundtableId: requiredText('roundtableId', command.roundtableId, LIMITS.id),
      resolutionId: requiredText('resolution.id', resolution.id, LIMITS.id),
      agendaItemId: resolution.agendaItemId,
      meetingDate: calendarDate('meetingDate', command.meetingDate),
    }),
    published: command.published,
    status: 'UNDER_CONTROL',
    takenAt: context.now,
    progress: [],
    extensions: [],
    announced: {},
    dueDateRecordedOn: command.recordedOn,
    createdAt: context.now,
    updatedAt: context.now,
  });
  return { state, changes: [{ kind: 'taken' }] };
}

/**
 * Follows a sitting whose date was corrected (`roundtable.redated`), in any status: the item's
 * meeting day, and when it was taken under control (the sitting's conclusion, which a progress
 * report or a control action must not precede). Unchanged when it is there already. Announced by
 * no event: none of an item's events carries them but `taken`, which records the taking.
 */
export function redateControlItem(
  state: ControlItem,
  sitting: { meetingDate: string; concludedAt: Date },
  context: Pick<DecisionContext, 'now'>,
): ControlItemDecision {
  const { meetingDate, concludedAt } = sitting;
  if (
    state.source.meetingDate === meetingDate &&
    state.takenAt.getTime() === concludedAt.getTime()
  ) {
    return { state, changes: [] };
  }
  return {
    state: {
      ...state,
      source: { ...state.source, meetingDate },
      takenAt: concludedAt,
      updatedAt: context.now,
    },
    changes: [],
  };
}

function requireUnderControl(state: ControlItem, action: string): void {
  if (state.status !== 'UNDER_CONTROL') {
    throw conflict(
      `an item that is ${state.status} cannot ${action} (status ${state.status})`,
      state.status,
    );
  }
}

/** The organisation an actor speaks for, unless it is a read-only partner. */
function speaksFor(actor: Actor): string | undefined {
  return actor.roles.some((role) => role !== 'partner') ? actor.organizationId : undefined;
}

/**
 * The responsible side: a secretary or an admin; the responsible person; anyone (not a partner)
 * speaking for the responsible organisation — an addressee user among them.
 */
export function mayReportOnControlItem(
  state: Pick<ControlItem, 'responsible'>,
  actor: Actor,
): boolean {
  if (isSecretary(actor)) return true;
  const { responsible } = state;
  if (!responsible || !actor.roles.some((role) => role !== 'partner')) return false;
  if (responsible.kind === 'PERSON') return responsible.id === actor.person;
  return responsible.id === speaksFor(actor);
}

/**
 * The controller side: a secretary or an admin of the workspace, or an addressee user of the
 * controlling organisation (the ministry that took it under control acts for itself).
 */
export function mayControl(state: Pick<ControlItem, 'controllerId'>, actor: Actor): boolean {
  if (isSecretary(actor)) return true;
  return (
    state.controllerId !== undefined &&
    actor.roles.includes('addressee') &&
    actor.organizationId === state.controllerId
  );
}

/** The responsible side reports progress (text, and a percent when it gives one). */
export function reportControlItemProgress(
  state: ControlItem,
  command: { author: PartyRef; text: string; percent?: number | null },
  actor: Actor,
  context: DecisionContext,
): ControlItemDecision {
  if (!mayReportOnControlItem(state, actor)) {
    throw forbidden('only the responsible side reports progress on an item under control');
  }
  requireUnderControl(state, 'take progress reports');
  if (state.progress.length >= MAX_PROGRESS_REPORTS) {
    throw conflict(`an item keeps at most ${MAX_PROGRESS_REPORTS} progress reports`);
  }
  const percent = command.percent ?? undefined;
  if (percent !== undefined && (!Number.isInteger(percent) || percent < 0 || percent > 100)) {
    throw badInput('percent', 'must be a whole number from 0 to 100');
  }
  const report: ControlItemProgress = withoutUndefined({
    id: context.ids(),
    author: command.author,
    text: requiredText('text', command.text, LIMITS.text),
    percent,
    reportedAt: context.now,
  });
  return {
    state: { ...state, progress: [...state.progress, report], updatedAt: context.now },
    changes: [{ kind: 'progress-reported', report }],
  };
}

function requireController(state: ControlItem, actor: Actor): void {
  if (!mayControl(state, actor)) {
    throw forbidden('only the controller extends, closes or removes an item under control');
  }
}

/** The controller moves the due date on (later than the current one). */
export function extendControlItem(
  state: ControlItem,
  command: { dueDate: string; reason?: string | null; recordedOn?: string },
  actor: Actor,
  context: DecisionContext,
): ControlItemDecision {
  requireController(state, actor);
  requireUnderControl(state, 'be extended');
  const dueDate = calendarDate('dueDate', command.dueDate);
  if (state.dueDate !== undefined && dueDate <= state.dueDate) {
    throw badInput('dueDate', `must be after the current due date ${state.dueDate}`);
  }
  const extension: ControlItemExtension = withoutUndefined({
    previousDueDate: state.dueDate,
    dueDate,
    reason: optionalText('reason', command.reason, LIMITS.reason),
    extendedAt: context.now,
  });
  return {
    state: {
      ...state,
      dueDate,
      extensions: [...state.extensions, extension],
      dueDateRecordedOn: command.recordedOn,
      updatedAt: context.now,
    },
    changes: [{ kind: 'extended', extension }],
  };
}

/** The controller marks it done (→ DONE). */
export function markControlItemDone(
  state: ControlItem,
  command: { note?: string | null },
  actor: Actor,
  context: DecisionContext,
): ControlItemDecision {
  requireController(state, actor);
  requireUnderControl(state, 'be marked done');
  return {
    state: withoutUndefined({
      ...state,
      status: 'DONE' as const,
      closedAt: context.now,
      closingNote: optionalText('note', command.note, LIMITS.reason),
      updatedAt: context.now,
    }),
    changes: [{ kind: 'done' }],
  };
}

/** The controller removes it from control (снято с контроля, → REMOVED), saying why. */
export function removeFromControl(
  state: ControlItem,
  command: { reason: string },
  actor: Actor,
  context: DecisionContext,
): ControlItemDecision {
  requireController(state, actor);
  requireUnderControl(state, 'be removed from control');
  return {
    state: {
      ...state,
      status: 'REMOVED',
      closedAt: context.now,
      closingNote: requiredText('reason', command.reason, LIMITS.reason),
      updatedAt: context.now,
    },
    changes: [{ kind: 'removed' }],
  };
}

/** Whether it is overdue: still under control and its due date passed in the workspace's calendar. */
export function controlItemOverdue(state: ControlItem, now: Date, timeZone: string): boolean {
  return (
    state.status === 'UNDER_CONTROL' &&
    state.dueDate !== undefined &&
    localDate(now, timeZone) > state.dueDate
  );
}

/**
 * The first day a notice may be due (the scheduler reads only items whose day has come): the
 * due-soon day, then the day after the due date; none once announced both or closed, nor for a
 * due date that had passed when it was recorded.
 */
export function nextControlNoticeOn(state: ControlItem, dueSoonDays: number): string | undefined {
  if (state.status !== 'UNDER_CONTROL' || state.dueDate === undefined) return undefined;
  if (dueDatePassedWhenRecorded(state.dueDate, state.dueDateRecordedOn)) return undefined;
  if (state.announced.dueSoon !== state.dueDate) {
    return addCalendarDays(state.dueDate, -dueSoonDays);
  }
  if (state.announced.overdue !== state.dueDate) return addCalendarDays(state.dueDate, 1);
  return undefined;
}

/**
 * Announces what is due at `now`: due soon (within `dueSoonDays`, not yet past) and overdue, each
 * once per due date (an extension is a new date, announced again). An item first seen overdue by
 * the scheduler is announced overdue only; one whose due date had passed when it was recorded (a
 * past sitting entered late) is announced neither.
 */
export function announceControlNotices(
  state: ControlItem,
  now: Date,
  options: { timeZone: string; dueSoonDays: number },
  context: DecisionContext,
): ControlItemDecision {
  const { dueDate } = state;
  if (
    state.status !== 'UNDER_CONTROL' ||
    dueDate === undefined ||
    dueDatePassedWhenRecorded(dueDate, state.dueDateRecordedOn)
  ) {
    return { state, changes: [] };
  }
  const today = localDate(now, options.timeZone);
  const daysRemaining = daysBetween(today, dueDate);
  const changes: ControlItemChange[] = [];
  const announced = { ...state.announced };
  if (daysRemaining < 0) {
    if (announced.overdue !== dueDate) {
      changes.push({ kind: 'overdue', dueDate, daysOverdue: -daysRemaining });
      announced.overdue = dueDate;
      announced.dueSoon = dueDate;
    }
  } else if (daysRemaining <= options.dueSoonDays && announced.dueSoon !== dueDate) {
    changes.push({ kind: 'due-soon', dueDate, daysRemaining });
    announced.dueSoon = dueDate;
  }
  if (changes.length === 0) return { state, changes };
  return { state: { ...state, announced, updatedAt: context.now }, changes };
}
