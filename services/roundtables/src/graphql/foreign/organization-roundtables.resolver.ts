import { ConnectionArgs, pageRequest, toConnection } from '@kollegia/service-kit';
import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';

import type { RoundtablesContext } from '../context';
import { RoundtableConnection } from '../roundtable/roundtable.connection';
import { OrganizationRef } from './organization.ref';

/** What this subgraph adds to members' `Organization`: the round tables it took part in. */
@Resolver(() => OrganizationRef)
export class OrganizationRoundtablesResolver {
  @FieldResolver(() => RoundtableConnection, {
    description:
      'The round tables this organisation took part in (itself or through its people) or moderated, in the order they sat.',
  })
  async roundtables(
    @Root() organization: OrganizationRef,
    @Args() page: ConnectionArgs,
    @Ctx() ctx: RoundtablesContext,
  ) {
    return toConnection(
      await ctx.useCases.roundtables.search(
        ctx.command,
        { participantId: organization.id },
        pageRequest(page),
      ),
    );
  }
}
