import { badInput, occurredAt, type DecisionContext } from '@kollegia/service-kit/domain';

import {
  requireMinutesOpen,
  requireStatus,
  type Roundtable,
  type RoundtableDecision,
} from './roundtable';
import type { Statement } from './statement';

/** When a concluded sitting began and ended. */
export interface SittingSpan {
  startedAt: Date;
  concludedAt: Date;
}

/** The sitting after the redate, and the statements whose time moved (each at a new revision). */
export interface RedateDecision extends RoundtableDecision {
  statements: Statement[];
}

/**
 * The moment `from` maps a moment of the old span to, linearly onto `to`: its start to the new
 * start, its end to the new end, in proportion between (order kept; a moment outside the old span
 * is first taken to its nearest end, so everything stays inside the sitting). A zero-length old
 * span maps everything to the new start.
 */
export function spanMapping(from: SittingSpan, to: SittingSpan): (moment: Date) => Date {
  const start = from.startedAt.getTime();
  const length = from.concludedAt.getTime() - start;
  const newStart = to.startedAt.getTime();
  const scale = length > 0 ? (to.concludedAt.getTime() - newStart) / length : 0;
  return (moment) => {
    const offset = Math.min(Math.max(moment.getTime() - start, 0), Math.max(length, 0));
    return new Date(newStart + Math.round(offset * scale));
  };
}

/**
 * Corrects when a concluded sitting sat (its minutes not yet approved): `startedAt` and
 * `concludedAt` take the given moments, and every moment inside the sitting — questions taken up
 * and closed, statements said, the latest statement — moves linearly with them (`spanMapping`).
 * `statements` are every statement of the round table at its latest revision; those that move go
 * up a revision, so a late write of an older revision never undoes the move (statement.repository).
 */
export function redateSitting(
  state: Roundtable,
  statements: readonly Statement[],
  command: SittingSpan,
  context: DecisionContext,
): RedateDecision {
  requireStatus(state, ['CONCLUDED'], 'be redated');
  requireMinutesOpen(state, 'be redated');
  const startedAt = occurredAt('startedAt', command.startedAt, context.now);
  const concludedAt = occurredAt('concludedAt', command.concludedAt, context.now);
  if (concludedAt.getTime() <= startedAt.getTime()) {
    throw badInput('concludedAt', `must be after startedAt (${startedAt.toISOString()})`);
  }
  const previous = { startedAt: state.startedAt!, concludedAt: state.concludedAt! };
  if (
    previous.startedAt.getTime() === startedAt.getTime() &&
    previous.concludedAt.getTime() === concludedAt.getTime()
  ) {
    return { state, changes: [], statements: [] };
  }
  const move = spanMapping(previous, { startedAt, concludedAt });
  const moved = statements.flatMap((statement) => {
    const at = move(statement.occurredAt);
    if (at.getTime() === statement.occurredAt.getTime()) return [];
    return [{ ...statement, occurredAt: at, revision: (statement.revision ?? 0) + 1 }];
  });
  const redated: Roundtable = {
    ...state,
    startedAt,
    concludedAt,
    agenda: state.agenda.map((item) => ({
      ...item,
      ...(item.openedAt ? { openedAt: move(item.openedAt) } : {}),
      ...(item.closedAt ? { closedAt: move(item.closedAt) } : {}),
    })),
    ...(state.lastStatementAt ? { lastStatementAt: move(state.lastStatementAt) } : {}),
    updatedAt: context.now,
  };
  return { state: redated, changes: [{ kind: 'redated', previous }], statements: moved };
}

/** How long after its scheduled end a sitting must have "started" to count as typed up later. */
export const RECORDED_LATE_MS = 24 * 60 * 60 * 1000;

/**
 * Where the migration of sittings recorded after they were held puts a sitting, or undefined
 * when it is not one of them. Before the record kept when things happened, the server put its
 * own clock on every moment, so a past meeting typed up later started days after its schedule.
 * Such a sitting is CONCLUDED, its minutes not approved, started more than a day after its
 * scheduled end (`endsAt`, else `startsAt`), and bears no moment only this record writes: no
 * question taken up or closed at a moment, no latest statement (the caller also checks that no
 * statement stored `occurredAt`). It goes onto its schedule: from `startsAt` to `endsAt`, else
 * for as long as it was recorded to last.
 */
export function scheduledSpan(state: Roundtable): SittingSpan | undefined {
  const { startedAt, concludedAt } = state;
  if (state.status !== 'CONCLUDED' || state.minutesApprovedAt || !startedAt || !concludedAt) {
    return undefined;
  }
  const scheduledEnd = state.endsAt ?? state.startsAt;
  if (startedAt.getTime() - scheduledEnd.getTime() <= RECORDED_LATE_MS) return undefined;
  if (state.lastStatementAt || state.agenda.some((item) => item.openedAt || item.closedAt)) {
    return undefined;
  }
  return {
    startedAt: state.startsAt,
    concludedAt:
      state.endsAt ??
      new Date(state.startsAt.getTime() + concludedAt.getTime() - startedAt.getTime()),
  };
}
