import { ConnectionArgs, pageRequest, toConnection } from '@kollegia/service-kit';
import { Arg, Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';

import type { RequestsContext } from '../context';
import { RequestConnection } from '../request/request.connection';
import { RequestFilterInput } from '../request/request.input';
import { ResponseStatsType } from '../statistics/response-stats.type';
import { OrganizationRef } from './organization.ref';

/** What this subgraph adds to members' `Organization`: the requests it received and its record. */
@Resolver(() => OrganizationRef)
export class OrganizationRequestsResolver {
  @FieldResolver(() => RequestConnection, {
    description: 'The requests addressed to this organisation that you may see, newest first.',
  })
  async requestsReceived(
    @Root() organization: OrganizationRef,
    @Args() page: ConnectionArgs,
    @Arg('filter', () => RequestFilterInput, { nullable: true }) filter: RequestFilterInput | null,
    @Ctx() ctx: RequestsContext,
  ) {
    return toConnection(
      await ctx.useCases.queries.search(
        ctx.command,
        { ...filter, addresseeId: organization.id },
        pageRequest(page),
      ),
    );
  }

  @FieldResolver(() => ResponseStatsType, {
    nullable: true,
    description:
      'How this organisation answers requests. Null for an addressee user asking about another organisation.',
  })
  responseStats(@Root() organization: OrganizationRef, @Ctx() ctx: RequestsContext) {
    return ctx.loaders.statistics.load(organization.id);
  }
}
