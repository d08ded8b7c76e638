import { z } from 'zod';
import { defineEvent, type EventOf } from '../define-event';
import { aggregateIdSchema, calendarDateSchema, textSchema } from '../shared-schemas';
import { memberKindSchema, membershipRoleSchema } from './enums';

/** Who holds a membership: an organisation or a person. */
export const memberRefSchema = z.object({ kind: memberKindSchema, id: aggregateIdSchema });
/** Who holds a membership. */
export type MemberRef = z.infer<typeof memberRefSchema>;

// Every membership event names the community and the member, so a consumer can update its view of
// either side from the event alone.
const membershipRefSchema = z.object({
  id: aggregateIdSchema,
  communityId: aggregateIdSchema,
  member: memberRefSchema,
});

const example = {
  id: '6650a1f0c2b9e4a1d3f00301',
  communityId: '6650a1f0c2b9e4a1d3f00201',
  member: { kind: 'ORGANIZATION', id: '6650a1f0c2b9e4a1d3f00001' },
} satisfies z.infer<typeof membershipRefSchema>;

/** An organisation or a person joined a community. */
export const membershipGrantedV1 = defineEvent({
  type: 'granted',
  version: 1,
  aggregate: 'membership',
  description: 'An organisation or a person joined a community with a role for a period.',
  data: membershipRefSchema.extend({
    role: membershipRoleSchema,
    since: calendarDateSchema,
    until: calendarDateSchema.optional().describe('Last day of a fixed-term membership.'),
  }),
  example: { ...example, role: 'MEMBER', since: '2025-03-01' },
});
/** An organisation or a person joined a community. */
export type MembershipGrantedV1 = EventOf<typeof membershipGrantedV1>;

/** A member's role in a community changed. */
export const membershipRoleChangedV1 = defineEvent({
  type: 'role-changed',
  version: 1,
  aggregate: 'membership',
  description: "A member's role in a community changed.",
  data: membershipRefSchema.extend({
    previousRole: membershipRoleSchema,
    role: membershipRoleSchema,
  }),
  example: { ...example, previousRole: 'MEMBER', role: 'DEPUTY_CHAIR' },
});
/** A member's role in a community changed. */
export type MembershipRoleChangedV1 = EventOf<typeof membershipRoleChangedV1>;

/** A membership ended. */
export const membershipRevokedV1 = defineEvent({
  type: 'revoked',
  version: 1,
  aggregate: 'membership',
  description: 'A membership ended. Carries the role the member held until then.',
  data: membershipRefSchema.extend({
    role: membershipRoleSchema,
    reason: textSchema.optional(),
  }),
  example: { ...example, role: 'DEPUTY_CHAIR', reason: 'Организация вышла из ассоциации' },
});
/** A membership ended. */
export type MembershipRevokedV1 = EventOf<typeof membershipRevokedV1>;

/** Every membership event, newest versions included. */
export const membershipEvents = [
  membershipGrantedV1,
  membershipRoleChangedV1,
  membershipRevokedV1,
] as const;
