import { buildSubgraph, type Subgraph } from '@kollegia/service-kit';

import { CommunityResolver } from './community/community.resolver';
import { resolveCommunityReference } from './community/community.reference';
import { MembershipResolver } from './membership/membership.resolver';
import { OrganizationResolver } from './organization/organization.resolver';
import { resolveOrganizationReference } from './organization/organization.reference';
import { PersonResolver } from './person/person.resolver';
import { resolvePersonReference } from './person/person.reference';
import {
  CommunityRelationsResolver,
  OrganizationRelationsResolver,
  PersonRelationsResolver,
} from './shared/relations.resolver';
import type { MembersContext } from './context';
import './shared/enums';

/** The members subgraph: its resolvers and the reference resolvers of its entities. */
export function buildMembersSubgraph(): Promise<Subgraph> {
  return buildSubgraph({
    resolvers: [
      OrganizationResolver,
      PersonResolver,
      CommunityResolver,
      MembershipResolver,
      OrganizationRelationsResolver,
      PersonRelationsResolver,
      CommunityRelationsResolver,
    ],
    referenceResolvers: {
      Organization: { __resolveReference: resolveOrganizationReference },
      Person: { __resolveReference: resolvePersonReference },
      Community: { __resolveReference: resolveCommunityReference },
      Membership: {
        __resolveReference: (reference: { id: string }, ctx: MembersContext) =>
          ctx.useCases.memberships.find(ctx.command, reference.id),
      },
    },
    validate: false,
  });
}
