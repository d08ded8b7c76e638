import {
  createEvent,
  personRegisteredV1,
  personUpdatedV1,
  type CloudEventEnvelope,
  type PersonSnapshot,
} from '@kollegia/events';

import type { Person, PersonChange } from '../domain/person';
import { eventMeta, type CommandContext } from './context';

/** The public card: contacts never leave the service. */
export function personSnapshot(state: Person): PersonSnapshot {
  return {
    id: state.id,
    fullName: state.fullName,
    ...(state.position ? { position: state.position } : {}),
    ...(state.organizationId ? { organizationId: state.organizationId } : {}),
    expertise: state.expertise,
  };
}

export function personEvents(
  state: Person,
  changes: PersonChange[],
  context: CommandContext,
): CloudEventEnvelope[] {
  const meta = eventMeta(context, state.id, state.tenantId, state.version);
  return changes.map((change) =>
    change.kind === 'registered'
      ? createEvent(personRegisteredV1, meta, personSnapshot(state))
      : createEvent(personUpdatedV1, meta, {
          ...personSnapshot(state),
          changedFields: change.changedFields,
        }),
  );
}
