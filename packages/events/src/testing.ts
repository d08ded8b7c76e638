import { randomUUID } from 'node:crypto';
import { type z } from 'zod';
import { createEvent } from './codec';
import { type EventDataSchema, type EventDefinition } from './define-event';
import { type CloudEventEnvelope } from './envelope';
import * as members from './members';
import * as recommendations from './recommendations';
import * as requests from './requests';
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
/** A valid `kollegia.recommendations.recommendation.drafted.v1` event. */
export const recommendationDrafted = factory(recommendations.recommendationDraftedV1);
/** A valid `kollegia.recommendations.recommendation.proposed.v1` event. */
export const recommendationProposed = factory(recommendations.recommendationProposedV1);
/** A valid `kollegia.recommendations.recommendation.revised.v1` event. */
export const recommendationRevised = factory(recommendations.recommendationRevisedV1);
/** A valid `kollegia.recommendations.recommendation.adopted.v1` event. */
export const recommendationAdopted = factory(recommendations.recommendationAdoptedV1);
/** A valid `kollegia.recommendations.recommendation.rejected.v1` event. */
export const recommendationRejected = factory(recommendations.recommendationRejectedV1);
/** A valid `kollegia.recommendations.recommendation.withdrawn.v1` event. */
export const recommendationWithdrawn = factory(recommendations.recommendationWithdrawnV1);
/** A valid `kollegia.recommendations.recommendation.superseded.v1` event. */
export const recommendationSuperseded = factory(recommendations.recommendationSupersededV1);
/** A valid `kollegia.recommendations.recommendation.endorsed.v1` event. */
export const recommendationEndorsed = factory(recommendations.recommendationEndorsedV1);
/** A valid `kollegia.recommendations.recommendation.endorsement-withdrawn.v1` event. */
export const recommendationEndorsementWithdrawn = factory(
  recommendations.recommendationEndorsementWithdrawnV1,
);
/** A valid `kollegia.recommendations.recommendation.progress-reported.v1` event. */
export const recommendationProgressReported = factory(
  recommendations.recommendationProgressReportedV1,
);
/** A valid `kollegia.recommendations.recommendation.in-progress.v1` event. */
export const recommendationInProgress = factory(recommendations.recommendationInProgressV1);
/** A valid `kollegia.recommendations.recommendation.implemented.v1` event. */
export const recommendationImplemented = factory(recommendations.recommendationImplementedV1);
/** A valid `kollegia.recommendations.recommendation.partly-implemented.v1` event. */
export const recommendationPartlyImplemented = factory(
  recommendations.recommendationPartlyImplementedV1,
);
/** A valid `kollegia.recommendations.recommendation.due-soon.v1` event. */
export const recommendationDueSoon = factory(recommendations.recommendationDueSoonV1);
/** A valid `kollegia.recommendations.recommendation.overdue.v1` event. */
export const recommendationOverdue = factory(recommendations.recommendationOverdueV1);
/** A valid `kollegia.recommendations.recommendation.review-due.v1` event. */
export const recommendationReviewDue = factory(recommendations.recommendationReviewDueV1);
/** A valid `kollegia.recommendations.recommendation.request-recorded.v1` event. */
export const recommendationRequestRecorded = factory(
  recommendations.recommendationRequestRecordedV1,
);
/** A valid `kollegia.requests.request.drafted.v1` event. */
export const requestDrafted = factory(requests.requestDraftedV1);
/** A valid `kollegia.requests.request.edited.v1` event. */
export const requestEdited = factory(requests.requestEditedV1);
/** A valid `kollegia.requests.request.submitted.v1` event. */
export const requestSubmitted = factory(requests.requestSubmittedV1);
/** A valid `kollegia.requests.request.registered.v1` event. */
export const requestRegistered = factory(requests.requestRegisteredV1);
/** A valid `kollegia.requests.request.deadline-extended.v1` event. */
export const requestDeadlineExtended = factory(requests.requestDeadlineExtendedV1);
/** A valid `kollegia.requests.request.answered.v1` event. */
export const requestAnswered = factory(requests.requestAnsweredV1);
/** A valid `kollegia.requests.request.closed.v1` event. */
export const requestClosed = factory(requests.requestClosedV1);
/** A valid `kollegia.requests.request.withdrawn.v1` event. */
export const requestWithdrawn = factory(requests.requestWithdrawnV1);
/** A valid `kollegia.requests.request.due-soon.v1` event. */
export const requestDueSoon = factory(requests.requestDueSoonV1);
/** A valid `kollegia.requests.request.overdue.v1` event. */
export const requestOverdue = factory(requests.requestOverdueV1);
