import {
  controlItemDoneV1,
  controlItemDueSoonV1,
  controlItemExtendedV1,
  controlItemOverdueV1,
  controlItemProgressReportedV1,
  controlItemRemovedV1,
  controlItemTakenV1,
  createEvent,
  type CloudEventEnvelope,
  type ControlItemHeader,
} from '@kollegia/events';
import { withoutUndefined } from '@kollegia/service-kit/domain';

import type { ControlItem, ControlItemChange } from '../domain/control-item';
import { SYSTEM_ACTOR, type CommandContext } from './context';

function header(state: ControlItem): ControlItemHeader {
  return withoutUndefined({
    id: state.id,
    status: state.status,
    controllerId: state.controllerId,
    responsible: state.responsible,
    dueDate: state.dueDate,
    published: state.published,
    conferenceId: state.source.conferenceId,
  });
}

const iso = (date: Date | undefined, fallback: Date) => (date ?? fallback).toISOString();

function eventOf(
  state: ControlItem,
  change: ControlItemChange,
  meta: Parameters<typeof createEvent>[1],
  now: Date,
): CloudEventEnvelope {
  const head = header(state);
  switch (change.kind) {
    case 'taken':
      return createEvent(controlItemTakenV1, meta, {
        ...head,
        text: state.text,
        source: state.source,
        takenAt: state.takenAt.toISOString(),
      });
    case 'progress-reported':
      return createEvent(controlItemProgressReportedV1, meta, {
        ...head,
        report: withoutUndefined({
          id: change.report.id,
          author: change.report.author,
          text: change.report.text,
          percent: change.report.percent,
          reportedAt: change.report.reportedAt.toISOString(),
        }),
      });
    case 'extended':
      return createEvent(
        controlItemExtendedV1,
        meta,
        withoutUndefined({
          ...head,
          previousDueDate: change.extension.previousDueDate,
          reason: change.extension.reason,
          extendedAt: change.extension.extendedAt.toISOString(),
        }),
      );
    case 'done':
      return createEvent(
        controlItemDoneV1,
        meta,
        withoutUndefined({ ...head, note: state.closingNote, closedAt: iso(state.closedAt, now) }),
      );
    case 'removed':
      return createEvent(controlItemRemovedV1, meta, {
        ...head,
        reason: state.closingNote ?? '',
        closedAt: iso(state.closedAt, now),
      });
    case 'due-soon':
      return createEvent(controlItemDueSoonV1, meta, {
        ...head,
        dueDate: change.dueDate,
        daysRemaining: change.daysRemaining,
      });
    case 'overdue':
      return createEvent(controlItemOverdueV1, meta, {
        ...head,
        dueDate: change.dueDate,
        daysOverdue: change.daysOverdue,
      });
  }
}

/** The events announcing a control item decision, at the state's version, recorded now. */
export function controlItemEvents(
  state: ControlItem,
  changes: readonly ControlItemChange[],
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
  return changes.map((change) => eventOf(state, change, meta, context.now));
}
