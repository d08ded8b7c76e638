import {
  createEvent,
  membershipGrantedV1,
  membershipRevokedV1,
  membershipRoleChangedV1,
  type CloudEventEnvelope,
} from '@kollegia/events';

import type { Membership, MembershipChange } from '../domain/membership';
import { eventMeta, type CommandContext } from './context';

export function membershipEvents(
  state: Membership,
  changes: MembershipChange[],
  context: CommandContext,
): CloudEventEnvelope[] {
  const meta = eventMeta(context, state.id, state.tenantId, state.version);
  const ref = {
    id: state.id,
    communityId: state.communityId,
    member: { kind: state.memberKind, id: state.memberId },
  };
  return changes.map((change) => {
    switch (change.kind) {
      case 'granted':
        return createEvent(membershipGrantedV1, meta, {
          ...ref,
          role: state.role,
          since: state.since,
          ...(state.until ? { until: state.until } : {}),
        });
      case 'role-changed':
        return createEvent(membershipRoleChangedV1, meta, {
          ...ref,
          previousRole: change.previousRole,
          role: state.role,
        });
      case 'revoked':
        return createEvent(membershipRevokedV1, meta, {
          ...ref,
          role: state.role,
          ...(change.reason ? { reason: change.reason } : {}),
        });
    }
  });
}
