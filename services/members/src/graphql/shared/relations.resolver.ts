import { ConnectionArgs, pageRequest, toConnection } from '@kollegia/service-kit';
import { Arg, Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';

import type { Community } from '../../domain/community';
import type { Organization } from '../../domain/organization';
import type { Person } from '../../domain/person';
import { CommunityType } from '../community/community.type';
import type { MembersContext } from '../context';
import { MembershipConnection } from '../membership/membership.connection';
import { OrganizationType } from '../organization/organization.type';
import { PersonConnection } from '../person/person.connection';
import { PersonType } from '../person/person.type';
import { MembershipRole, MembershipStatus } from './enums';

/** The fields that join the directory's entities to each other. */
@Resolver(() => OrganizationType)
export class OrganizationRelationsResolver {
  @FieldResolver(() => PersonConnection, { description: 'The people of this organisation.' })
  async people(
    @Root() organization: Organization,
    @Args() page: ConnectionArgs,
    @Ctx() ctx: MembersContext,
  ) {
    return toConnection(
      await ctx.useCases.people.search(
        ctx.command,
        { organizationId: organization.id },
        pageRequest(page),
      ),
    );
  }

  @FieldResolver(() => MembershipConnection, { description: 'The communities it belongs to.' })
  async communities(
    @Root() organization: Organization,
    @Args() page: ConnectionArgs,
    @Arg('status', () => MembershipStatus, { nullable: true, defaultValue: 'ACTIVE' })
    status: string,
    @Ctx() ctx: MembersContext,
  ) {
    return toConnection(
      await ctx.useCases.memberships.search(
        ctx.command,
        { memberKind: 'ORGANIZATION', memberId: organization.id, status },
        pageRequest(page),
      ),
    );
  }
}

@Resolver(() => PersonType)
export class PersonRelationsResolver {
  @FieldResolver(() => MembershipConnection, {
    description: 'The communities this person belongs to.',
  })
  async communities(
    @Root() person: Person,
    @Args() page: ConnectionArgs,
    @Arg('status', () => MembershipStatus, { nullable: true, defaultValue: 'ACTIVE' })
    status: string,
    @Ctx() ctx: MembersContext,
  ) {
    return toConnection(
      await ctx.useCases.memberships.search(
        ctx.command,
        { memberKind: 'PERSON', memberId: person.id, status },
        pageRequest(page),
      ),
    );
  }
}

@Resolver(() => CommunityType)
export class CommunityRelationsResolver {
  @FieldResolver(() => MembershipConnection, {
    description: 'Its members, optionally of one role.',
  })
  async members(
    @Root() community: Community,
    @Args() page: ConnectionArgs,
    @Arg('role', () => MembershipRole, { nullable: true }) role: string | null,
    @Arg('status', () => MembershipStatus, { nullable: true, defaultValue: 'ACTIVE' })
    status: string,
    @Ctx() ctx: MembersContext,
  ) {
    return toConnection(
      await ctx.useCases.memberships.search(
        ctx.command,
        { communityId: community.id, role, status },
        pageRequest(page),
      ),
    );
  }
}
