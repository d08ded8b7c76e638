import { communityEvents } from './members/community-events';
import { membershipEvents } from './members/membership-events';
import { organizationEvents } from './members/organization-events';
import { personEvents } from './members/person-events';

export * from './members/community-events';
export * from './members/enums';
export * from './members/membership-events';
export * from './members/organization-events';
export * from './members/person-events';

/** Every event the members service publishes. */
export const membersEvents = [
  ...organizationEvents,
  ...personEvents,
  ...communityEvents,
  ...membershipEvents,
] as const;
