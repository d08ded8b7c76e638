import {
  communityDissolvedV1,
  communityFormedV1,
  communityUpdatedV1,
  createEvent,
  type CloudEventEnvelope,
  type CommunitySnapshot,
} from '@kollegia/events';

import type { Community, CommunityChange } from '../domain/community';
import { eventMeta, type CommandContext } from './context';

export function communitySnapshot(state: Community): CommunitySnapshot {
  return {
    id: state.id,
    name: state.name,
    kind: state.kind,
    ...(state.description ? { description: state.description } : {}),
    ...(state.parentId ? { parentId: state.parentId } : {}),
    ...(state.validUntil ? { validUntil: state.validUntil } : {}),
    status: state.status,
    published: state.published,
  };
}

export function communityEvents(
  state: Community,
  changes: CommunityChange[],
  context: CommandContext,
): CloudEventEnvelope[] {
  const meta = eventMeta(context, state.id, state.tenantId, state.version);
  return changes.map((change) => {
    switch (change.kind) {
      case 'formed':
        return createEvent(communityFormedV1, meta, communitySnapshot(state));
      case 'updated':
        return createEvent(communityUpdatedV1, meta, {
          ...communitySnapshot(state),
          changedFields: change.changedFields,
        });
      case 'dissolved':
        return createEvent(communityDissolvedV1, meta, {
          id: state.id,
          name: state.name,
          kind: state.kind,
          ...(change.reason ? { reason: change.reason } : {}),
        });
    }
  });
}
