import {
  createEvent,
  organizationArchivedV1,
  organizationRegisteredV1,
  organizationRenamedV1,
  organizationUpdatedV1,
  type CloudEventEnvelope,
  type OrganizationSnapshot,
} from '@kollegia/events';

import type { Organization, OrganizationChange } from '../domain/organization';
import { eventMeta, type CommandContext } from './context';

export function organizationSnapshot(state: Organization): OrganizationSnapshot {
  return {
    id: state.id,
    name: state.name,
    shortName: state.shortName,
    kind: state.kind,
    // v1's `region` is the subdivision (ADR 0002: a v1 field keeps its meaning).
    region: state.subdivision,
    country: state.country,
    ...(state.description ? { description: state.description } : {}),
    industries: state.industries,
    ...(state.inn ? { inn: state.inn } : {}),
    ...(state.ogrn ? { ogrn: state.ogrn } : {}),
    ...(state.website ? { website: state.website } : {}),
    ...(state.parentId ? { parentId: state.parentId } : {}),
    status: state.status,
    published: state.published,
  };
}

/** The events announcing what a decision changed, all at the new version. */
export function organizationEvents(
  state: Organization,
  changes: OrganizationChange[],
  context: CommandContext,
): CloudEventEnvelope[] {
  const meta = eventMeta(context, state.id, state.tenantId, state.version);
  return changes.map((change) => {
    switch (change.kind) {
      case 'registered':
        return createEvent(organizationRegisteredV1, meta, organizationSnapshot(state));
      case 'updated':
        return createEvent(organizationUpdatedV1, meta, {
          ...organizationSnapshot(state),
          changedFields: change.changedFields.map((field) =>
            field === 'subdivision' ? 'region' : field,
          ),
        });
      case 'renamed':
        return createEvent(organizationRenamedV1, meta, {
          id: state.id,
          name: state.name,
          shortName: state.shortName,
          previousName: change.previousName,
          previousShortName: change.previousShortName,
        });
      case 'archived':
        return createEvent(organizationArchivedV1, meta, {
          id: state.id,
          name: state.name,
          shortName: state.shortName,
          ...(change.reason ? { reason: change.reason } : {}),
        });
    }
  });
}
