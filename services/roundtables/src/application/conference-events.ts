import {
  conferenceClosedV1,
  conferenceOpenedV1,
  conferenceScheduledV1,
  conferenceUpdatedV1,
  createEvent,
  type CloudEventEnvelope,
  type ConferenceSnapshot,
} from '@kollegia/events';
import { withoutUndefined } from '@kollegia/service-kit/domain';

import type { Conference, ConferenceChange } from '../domain/conference';
import { eventMeta, type CommandContext } from './context';

export function conferenceSnapshot(state: Conference): ConferenceSnapshot {
  return withoutUndefined({
    id: state.id,
    title: state.title,
    kind: state.kind,
    startsOn: state.startsOn,
    endsOn: state.endsOn,
    city: state.city,
    venue: state.venue,
    organizerIds: state.organizerIds,
    description: state.description,
    status: state.status,
    published: state.published,
  });
}

/** The events announcing what a decision changed, all at the new version. */
export function conferenceEvents(
  state: Conference,
  changes: ConferenceChange[],
  context: CommandContext,
): CloudEventEnvelope[] {
  const meta = eventMeta(context, state.id, state.tenantId, state.version);
  const statusChange = {
    id: state.id,
    title: state.title,
    kind: state.kind,
    published: state.published,
  };
  return changes.map((change) => {
    switch (change.kind) {
      case 'scheduled':
        return createEvent(conferenceScheduledV1, meta, conferenceSnapshot(state));
      case 'updated':
        return createEvent(conferenceUpdatedV1, meta, {
          ...conferenceSnapshot(state),
          changedFields: change.changedFields,
        });
      case 'opened':
        return createEvent(conferenceOpenedV1, meta, {
          ...statusChange,
          openedAt: (state.openedAt ?? context.now).toISOString(),
        });
      case 'closed':
        return createEvent(conferenceClosedV1, meta, {
          ...statusChange,
          closedAt: (state.closedAt ?? context.now).toISOString(),
        });
    }
  });
}
