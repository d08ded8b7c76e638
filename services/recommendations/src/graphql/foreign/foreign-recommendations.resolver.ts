import {
  ConnectionArgs,
  GeneratedDocumentType,
  pageRequest,
  toConnection,
} from '@kollegia/service-kit';
import { badInput } from '@kollegia/service-kit/domain';
import { Arg, Args, Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';

import type { StatusCounts } from '../../application/queries';
import type { RecommendationsContext } from '../context';
import { toFilter } from '../recommendation/filter';
import { RecommendationConnection } from '../recommendation/recommendation.connection';
import { RecommendationFilterInput } from '../recommendation/recommendation.input';
import { RecommendationCountsType } from '../recommendation/recommendation-parts.type';
import { ConferenceRef } from './conference.ref';
import { OrganizationRef } from './organization.ref';
import { RoundtableRef } from './roundtable.ref';

const filterArg = () => RecommendationFilterInput;

/** What this subgraph adds to roundtables' `Conference`. */
@Resolver(() => ConferenceRef)
export class ConferenceRecommendationsResolver {
  @FieldResolver(() => RecommendationConnection, {
    description: 'The recommendations from its round tables you may see, in creation order.',
  })
  async recommendations(
    @Root() conference: ConferenceRef,
    @Args() page: ConnectionArgs,
    @Arg('filter', filterArg, { nullable: true }) filter: RecommendationFilterInput | null,
    @Ctx() ctx: RecommendationsContext,
  ) {
    return toConnection(
      await ctx.useCases.queries.search(
        ctx.command,
        toFilter(filter, { conferenceId: conference.id }),
        pageRequest(page),
      ),
    );
  }

  @FieldResolver(() => RecommendationCountsType, {
    description: 'Its recommendations by status (kept up to date as they change).',
  })
  async recommendationCounts(
    @Root() conference: ConferenceRef,
    @Ctx() ctx: RecommendationsContext,
  ): Promise<RecommendationCountsType> {
    return toCounts(await ctx.useCases.queries.conferenceCounts(ctx.command, conference.id));
  }

  @Directive('@requires(fields: "title")')
  @FieldResolver(() => GeneratedDocumentType, {
    description:
      '«Ход исполнения рекомендаций по итогам …»: where each of its recommendations you may see stands now — what, who, by when, status, days overdue (drafts left out).',
  })
  async recommendationProgress(
    @Root() conference: ConferenceRef,
    @Ctx() ctx: RecommendationsContext,
  ): Promise<GeneratedDocumentType> {
    const { id, title } = conference;
    // The gateway always sends it; a client calling `_entities` itself must too.
    if (title === undefined)
      throw badInput('title', 'the reference must carry the conference title');
    return new GeneratedDocumentType(
      await ctx.useCases.documents.progressReport(ctx.command, { id, title }),
    );
  }
}

/** What this subgraph adds to roundtables' `Roundtable`. */
@Resolver(() => RoundtableRef)
export class RoundtableRecommendationsResolver {
  @FieldResolver(() => RecommendationConnection, {
    description: 'The recommendations made from its resolutions that you may see.',
  })
  async recommendations(
    @Root() roundtable: RoundtableRef,
    @Args() page: ConnectionArgs,
    @Arg('filter', filterArg, { nullable: true }) filter: RecommendationFilterInput | null,
    @Ctx() ctx: RecommendationsContext,
  ) {
    return toConnection(
      await ctx.useCases.queries.search(
        ctx.command,
        toFilter(filter, { roundtableId: roundtable.id }),
        pageRequest(page),
      ),
    );
  }
}

/** What this subgraph adds to members' `Organization`. */
@Resolver(() => OrganizationRef)
export class OrganizationRecommendationsResolver {
  @FieldResolver(() => RecommendationConnection, {
    description: 'The recommendations addressed to this organisation that you may see.',
  })
  async recommendationsAddressed(
    @Root() organization: OrganizationRef,
    @Args() page: ConnectionArgs,
    @Arg('filter', filterArg, { nullable: true }) filter: RecommendationFilterInput | null,
    @Ctx() ctx: RecommendationsContext,
  ) {
    return toConnection(
      await ctx.useCases.queries.search(
        ctx.command,
        toFilter(filter, { addresseeId: organization.id }),
        pageRequest(page),
      ),
    );
  }
}

function toCounts(counts: StatusCounts): RecommendationCountsType {
  const of = (status: keyof StatusCounts) => counts[status] ?? 0;
  return {
    draft: of('DRAFT'),
    proposed: of('PROPOSED'),
    adopted: of('ADOPTED'),
    inProgress: of('IN_PROGRESS'),
    implemented: of('IMPLEMENTED'),
    partiallyImplemented: of('PARTIALLY_IMPLEMENTED'),
    rejected: of('REJECTED'),
    withdrawn: of('WITHDRAWN'),
    superseded: of('SUPERSEDED'),
    total: Object.values(counts).reduce((sum, n) => sum + (n ?? 0), 0),
  };
}
