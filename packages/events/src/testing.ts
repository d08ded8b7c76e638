import { randomUUID } from 'node:crypto';
import { type z } from 'zod';
import { createEvent } from './codec';
import { type EventDataSchema, type EventDefinition } from './define-event';
import { type CloudEventEnvelope } from './envelope';
import * as members from './members';
import * as roundtables from './roundtables';

/** What a test may set on an event built by `anEnvelope`; anything left out gets a valid default. */
export type EnvelopeOverrides<TData extends EventDataSchema> = Partial<
  Omit<CloudEventEnvelope<string, z.output<TData>>, 'type' | 'data'>
> & { data?: Partial<z.input<TData>> };

/** The tenant of events built by the factories unless a test names another. */
export const TEST_TENANT_ID = 'tenant-test';

/**
 * Builds a valid event of any definition: the definition's example payload, a fresh aggregate id
 * and fresh event id, then the overrides. Subject and `data.id` follow each other unless both are
 * set, so a test that names one aggregate id gets a consistent event.
 *
 * @throws InvalidEventError when the overrides break the contract; build invalid events by hand.
 */
export function anEnvelope<TType extends string, TData extends EventDataSchema>(
  definition: EventDefinition<TType, TData>,
  overrides: EnvelopeOverrides<TData> = {},
): CloudEventEnvelope<TType, z.output<TData>> {
  const example = definition.example as Record<string, unknown>;
  const overriddenData = (overrides.data ?? {}) as Record<string, unknown>;
  const overriddenId = overriddenData['id'];
  const aggregateId =
    overrides.subject ?? (typeof overriddenId === 'string' ? overriddenId : randomUUID());
  const data = {
    ...example,
    ...('id' in example ? { id: aggregateId } : {}),
    ...overriddenData,
  } as z.input<TData>;
  const id = overrides.id ?? randomUUID();
  return createEvent(
    definition,
    {
      id,
      subject: aggregateId,
      tenantId: overrides.tenantid ?? TEST_TENANT_ID,
      aggregateVersion: overrides.aggregateversion ?? 1,
      // A root event correlates with itself; a test of a reaction passes its cause's ids.
      correlationId: overrides.correlationid ?? id,
      causationId: overrides.causationid,
      actor: overrides.actor ?? 'system:test',
      time: overrides.time ?? new Date().toISOString(),
      source: overrides.source ?? definition.source,
    },
    data,
  );
}

function factory<TType extends string, TData extends EventDataSchema>(
  definition: EventDefinition<TType, TData>,
): (overrides?: EnvelopeOverrides<TData>) => CloudEventEnvelope<TType, z.output<TData>> {
  return (overrides) => anEnvelope(definition, overrides);
}

/** A valid `kollegia.members.organization.registered.v1` event. */
export const organizationRegistered = factory(members.organizationRegisteredV1);
/** A valid `kollegia.members.organization.updated.v1` event. */
export const organizationUpdated = factory(members.organizationUpdatedV1);
/** A valid `kollegia.members.organization.renamed.v1` event. */
export const organizationRenamed = factory(members.organizationRenamedV1);
/** A valid `kollegia.members.organization.archived.v1` event. */
export const organizationArchived = factory(members.organizationArchivedV1);
/** A valid `kollegia.members.person.registered.v1` event. */
export const personRegistered = factory(members.personRegisteredV1);
/** A valid `kollegia.members.person.updated.v1` event. */
export const personUpdated = factory(members.personUpdatedV1);
/** A valid `kollegia.members.community.formed.v1` event. */
export const communityFormed = factory(members.communityFormedV1);
/** A valid `kollegia.members.community.updated.v1` event. */
export const communityUpdated = factory(members.communityUpdatedV1);
/** A valid `kollegia.members.community.dissolved.v1` event. */
export const communityDissolved = factory(members.communityDissolvedV1);
/** A valid `kollegia.members.membership.granted.v1` event. */
export const membershipGranted = factory(members.membershipGrantedV1);
/** A valid `kollegia.members.membership.role-changed.v1` event. */
export const membershipRoleChanged = factory(members.membershipRoleChangedV1);
/** A valid `kollegia.members.membership.revoked.v1` event. */
export const membershipRevoked = factory(members.membershipRevokedV1);
/** A valid `kollegia.roundtables.conference.scheduled.v1` event. */
export const conferenceScheduled = factory(roundtables.conferenceScheduledV1);
/** A valid `kollegia.roundtables.conference.updated.v1` event. */
export const conferenceUpdated = factory(roundtables.conferenceUpdatedV1);
/** A valid `kollegia.roundtables.conference.opened.v1` event. */
export const conferenceOpened = factory(roundtables.conferenceOpenedV1);
/** A valid `kollegia.roundtables.conference.closed.v1` event. */
export const conferenceClosed = factory(roundtables.conferenceClosedV1);
/** A valid `kollegia.roundtables.roundtable.scheduled.v1` event. */
export const roundtableScheduled = factory(roundtables.roundtableScheduledV1);
/** A valid `kollegia.roundtables.roundtable.updated.v1` event. */
export const roundtableUpdated = factory(roundtables.roundtableUpdatedV1);
/** A valid `kollegia.roundtables.roundtable.rescheduled.v1` event. */
export const roundtableRescheduled = factory(roundtables.roundtableRescheduledV1);
/** A valid `kollegia.roundtables.roundtable.started.v1` event. */
export const roundtableStarted = factory(roundtables.roundtableStartedV1);
/** A valid `kollegia.roundtables.roundtable.cancelled.v1` event. */
export const roundtableCancelled = factory(roundtables.roundtableCancelledV1);
/** A valid `kollegia.roundtables.roundtable.concluded.v1` event. */
export const roundtableConcluded = factory(roundtables.roundtableConcludedV1);
/** A valid `kollegia.roundtables.roundtable.participant-registered.v1` event. */
export const roundtableParticipantRegistered = factory(
  roundtables.roundtableParticipantRegisteredV1,
);
/** A valid `kollegia.roundtables.roundtable.participant-attendance-marked.v1` event. */
export const roundtableParticipantAttendanceMarked = factory(
  roundtables.roundtableParticipantAttendanceMarkedV1,
);
/** A valid `kollegia.roundtables.roundtable.participant-removed.v1` event. */
export const roundtableParticipantRemoved = factory(roundtables.roundtableParticipantRemovedV1);
/** A valid `kollegia.roundtables.roundtable.agenda-set.v1` event. */
export const roundtableAgendaSet = factory(roundtables.roundtableAgendaSetV1);
/** A valid `kollegia.roundtables.roundtable.agenda-item-opened.v1` event. */
export const roundtableAgendaItemOpened = factory(roundtables.roundtableAgendaItemOpenedV1);
/** A valid `kollegia.roundtables.roundtable.agenda-item-closed.v1` event. */
export const roundtableAgendaItemClosed = factory(roundtables.roundtableAgendaItemClosedV1);
/** A valid `kollegia.roundtables.roundtable.agenda-item-deferred.v1` event. */
export const roundtableAgendaItemDeferred = factory(roundtables.roundtableAgendaItemDeferredV1);
/** A valid `kollegia.roundtables.roundtable.statement-recorded.v1` event. */
export const roundtableStatementRecorded = factory(roundtables.roundtableStatementRecordedV1);
/** A valid `kollegia.roundtables.roundtable.resolution-proposed.v1` event. */
export const roundtableResolutionProposed = factory(roundtables.roundtableResolutionProposedV1);
/** A valid `kollegia.roundtables.roundtable.resolution-amended.v1` event. */
export const roundtableResolutionAmended = factory(roundtables.roundtableResolutionAmendedV1);
/** A valid `kollegia.roundtables.roundtable.resolution-withdrawn.v1` event. */
export const roundtableResolutionWithdrawn = factory(roundtables.roundtableResolutionWithdrawnV1);
