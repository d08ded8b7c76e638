import {
  createEvent,
  roundtableAgendaItemClosedV1,
  roundtableAgendaItemDeferredV1,
  roundtableAgendaItemOpenedV1,
  roundtableAgendaSetV1,
  roundtableCancelledV1,
  roundtableConcludedV1,
  roundtableLinksUpdatedV1,
  roundtableMinutesApprovedV1,
  roundtableParticipantAttendanceMarkedV1,
  roundtableParticipantRegisteredV1,
  roundtableParticipantRemovedV1,
  roundtableRedatedV1,
  roundtableRescheduledV1,
  roundtableResolutionAmendedV1,
  roundtableResolutionProposedV1,
  roundtableResolutionWithdrawnV1,
  roundtableScheduledV1,
  roundtableStartedV1,
  roundtableStatementCorrectedV1,
  roundtableStatementRecordedV1,
  roundtableUpdatedV1,
  type AgendaItemSnapshot,
  type CloudEventEnvelope,
  type ResolutionSnapshot,
  type RoundtableHeader,
  type RoundtableSnapshot,
  type StatementSnapshot,
} from '@kollegia/events';
import { withoutUndefined } from '@kollegia/service-kit/domain';

import type { AgendaItem, Resolution, Roundtable, RoundtableChange } from '../domain/roundtable';
import type { Statement } from '../domain/statement';
import { eventMeta, type CommandContext } from './context';

const iso = (date: Date | undefined) => date?.toISOString();

export function roundtableHeader(state: Roundtable): RoundtableHeader {
  return withoutUndefined({
    id: state.id,
    conferenceId: state.conferenceId,
    published: state.published,
  });
}

export function roundtableSnapshot(state: Roundtable): RoundtableSnapshot {
  return withoutUndefined({
    ...roundtableHeader(state),
    title: state.title,
    format: state.format,
    startsAt: state.startsAt.toISOString(),
    endsAt: iso(state.endsAt),
    venue: state.venue,
    moderator: state.moderator,
    description: state.description,
    status: state.status,
    source: state.source,
    workingGroupId: state.workingGroupId,
  });
}

function agendaItemSnapshot(state: Roundtable, item: AgendaItem): AgendaItemSnapshot {
  const position = state.agenda.findIndex((candidate) => candidate.id === item.id) + 1;
  return withoutUndefined({
    id: item.id,
    position: Math.max(position, 1),
    title: item.title,
    status: item.status,
    result: item.result,
  });
}

const agendaSnapshot = (state: Roundtable) =>
  state.agenda.map((item) => agendaItemSnapshot(state, item));

export function resolutionSnapshot(resolution: Resolution): ResolutionSnapshot {
  return withoutUndefined({
    id: resolution.id,
    kind: resolution.kind,
    text: resolution.text,
    addresseeIds: resolution.addresseeIds,
    responsible: resolution.responsible,
    dueDate: resolution.dueDate,
    agendaItemId: resolution.agendaItemId,
    agendaItemIds: resolution.agendaItemIds,
    status: resolution.status,
  });
}

export function statementSnapshot(statement: Statement): StatementSnapshot {
  return withoutUndefined({
    id: statement.id,
    sequence: statement.sequence,
    speaker: statement.speaker,
    agendaItemId: statement.agendaItemId,
    text: statement.text,
    recordedAt: statement.recordedAt.toISOString(),
    occurredAt: statement.occurredAt.toISOString(),
  });
}

/**
 * The events announcing what a decision changed, all at the new version. Each carries the round
 * table's header (id, conference, visibility) and what a live watcher needs to update its view
 * without a query.
 */
export function roundtableEvents(
  state: Roundtable,
  changes: RoundtableChange[],
  context: CommandContext,
): CloudEventEnvelope[] {
  const meta = eventMeta(context, state.id, state.tenantId, state.version);
  const header = roundtableHeader(state);
  return changes.map((change) => {
    switch (change.kind) {
      case 'scheduled':
        return createEvent(roundtableScheduledV1, meta, roundtableSnapshot(state));
      case 'updated':
        return createEvent(roundtableUpdatedV1, meta, {
          ...roundtableSnapshot(state),
          changedFields: change.changedFields,
        });
      case 'links-updated':
        return createEvent(
          roundtableLinksUpdatedV1,
          meta,
          withoutUndefined({
            ...header,
            title: state.title,
            source: state.source,
            workingGroupId: state.workingGroupId,
          }),
        );
      case 'rescheduled':
        return createEvent(
          roundtableRescheduledV1,
          meta,
          withoutUndefined({
            ...header,
            title: state.title,
            startsAt: state.startsAt.toISOString(),
            endsAt: iso(state.endsAt),
            venue: state.venue,
            previousStartsAt: change.previous.startsAt.toISOString(),
            previousEndsAt: iso(change.previous.endsAt),
            previousVenue: change.previous.venue,
          }),
        );
      case 'started':
        return createEvent(roundtableStartedV1, meta, {
          ...header,
          title: state.title,
          startedAt: (state.startedAt ?? context.now).toISOString(),
        });
      case 'cancelled':
        return createEvent(roundtableCancelledV1, meta, {
          ...header,
          title: state.title,
          previousStatus: change.previousStatus,
          reason: change.reason,
          cancelledAt: (state.cancelledAt ?? context.now).toISOString(),
        });
      case 'concluded':
        return createEvent(roundtableConcludedV1, meta, {
          ...header,
          title: state.title,
          format: state.format,
          concludedAt: (state.concludedAt ?? context.now).toISOString(),
          agenda: agendaSnapshot(state),
          resolutions: state.resolutions
            .filter((resolution) => resolution.status === 'ADOPTED')
            .map(resolutionSnapshot),
          statementCount: state.statementCount,
        });
      case 'minutes-approved':
        return createEvent(roundtableMinutesApprovedV1, meta, {
          ...header,
          title: state.title,
          approvedAt: state.minutesApprovedAt!.toISOString(),
          statementCount: state.statementCount,
        });
      case 'redated':
        return createEvent(roundtableRedatedV1, meta, {
          ...header,
          title: state.title,
          startedAt: state.startedAt!.toISOString(),
          concludedAt: state.concludedAt!.toISOString(),
          previousStartedAt: change.previous.startedAt.toISOString(),
          previousConcludedAt: change.previous.concludedAt.toISOString(),
        });
      case 'participant-registered':
        return createEvent(roundtableParticipantRegisteredV1, meta, {
          ...header,
          participant: change.participant,
        });
      case 'participant-attendance-marked':
        return createEvent(roundtableParticipantAttendanceMarkedV1, meta, {
          ...header,
          participant: change.participant,
          previousAttendance: change.previous,
        });
      case 'participant-removed':
        return createEvent(
          roundtableParticipantRemovedV1,
          meta,
          withoutUndefined({ ...header, participant: change.participant, reason: change.reason }),
        );
      case 'agenda-set':
        return createEvent(roundtableAgendaSetV1, meta, {
          ...header,
          agenda: agendaSnapshot(state),
        });
      case 'agenda-item-opened':
        return createEvent(roundtableAgendaItemOpenedV1, meta, {
          ...header,
          agendaItem: agendaItemSnapshot(state, change.item),
          occurredAt: change.occurredAt.toISOString(),
        });
      case 'agenda-item-closed':
        return createEvent(roundtableAgendaItemClosedV1, meta, {
          ...header,
          agendaItem: agendaItemSnapshot(state, change.item),
          occurredAt: change.occurredAt.toISOString(),
        });
      case 'agenda-item-deferred':
        return createEvent(
          roundtableAgendaItemDeferredV1,
          meta,
          withoutUndefined({
            ...header,
            agendaItem: agendaItemSnapshot(state, change.item),
            reason: change.reason,
            occurredAt: change.occurredAt.toISOString(),
          }),
        );
      case 'statement-recorded':
        return createEvent(roundtableStatementRecordedV1, meta, {
          ...header,
          statement: statementSnapshot(change.statement),
        });
      case 'statement-corrected':
        return createEvent(roundtableStatementCorrectedV1, meta, {
          ...header,
          statement: {
            ...statementSnapshot(change.statement),
            revision: change.statement.revision!,
          },
          changedFields: change.changedFields,
        });
      case 'resolution-proposed':
        return createEvent(roundtableResolutionProposedV1, meta, {
          ...header,
          resolution: resolutionSnapshot(change.resolution),
        });
      case 'resolution-amended':
        return createEvent(roundtableResolutionAmendedV1, meta, {
          ...header,
          resolution: resolutionSnapshot(change.resolution),
          changedFields: change.changedFields,
        });
      case 'resolution-withdrawn':
        return createEvent(
          roundtableResolutionWithdrawnV1,
          meta,
          withoutUndefined({
            ...header,
            resolution: resolutionSnapshot(change.resolution),
            reason: change.reason,
          }),
        );
    }
  });
}
