import { ConnectionArgs, pageRequest, toConnection } from '@kollegia/service-kit';
import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';

import type { AddresseeStatisticsView } from '../../application/statistics';
import type { RequestsContext } from '../context';
import { OrganizationRef, organizationRef } from '../foreign/organization.ref';
import {
  ResponseOutcomeCountsType,
  ResponseStatsConnection,
  ResponseStatsType,
} from './response-stats.type';

@Resolver(() => ResponseStatsType)
export class ResponseStatsResolver {
  @Query(() => ResponseStatsType, {
    nullable: true,
    description:
      'How an organisation answers requests. Null for an addressee user asking about another organisation.',
  })
  responseStats(
    @Arg('organizationId', () => ID) organizationId: string,
    @Ctx() ctx: RequestsContext,
  ) {
    return ctx.loaders.statistics.load(organizationId);
  }

  @Query(() => ResponseStatsConnection, {
    description: 'Every organisation that was sent requests, with its statistics, by id.',
  })
  async addresseeStatistics(@Args() page: ConnectionArgs, @Ctx() ctx: RequestsContext) {
    return toConnection(await ctx.useCases.statistics.page(ctx.command, pageRequest(page)));
  }

  @FieldResolver(() => OrganizationRef)
  organization(@Root() stats: AddresseeStatisticsView) {
    return organizationRef(stats.addresseeId);
  }

  @FieldResolver(() => ResponseOutcomeCountsType)
  outcomes(@Root() stats: AddresseeStatisticsView): ResponseOutcomeCountsType {
    return {
      accepted: stats.outcomes.ACCEPTED,
      partiallyAccepted: stats.outcomes.PARTIALLY_ACCEPTED,
      declined: stats.outcomes.DECLINED,
      informationOnly: stats.outcomes.INFORMATION_ONLY,
    };
  }
}
