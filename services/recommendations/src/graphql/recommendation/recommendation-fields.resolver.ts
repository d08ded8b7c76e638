import { ConnectionArgs, pageRequest, toConnection } from '@kollegia/service-kit';
import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';

import { overdue } from '../../domain/follow-ups';
import type { Recommendation } from '../../domain/recommendation';
import type { RecommendationsContext } from '../context';
import { OrganizationRef } from '../foreign/organization.ref';
import { RecommendationPartyUnion, toDecisionMaker, toParty } from '../shared/party';
import { RecommendationTimelineConnection } from '../timeline/timeline.connection';
import { toTimelineEntry } from '../timeline/timeline.type';
import { RecommendationProgressReportConnection } from './recommendation.connection';
import {
  AddresseePositionType,
  RecommendationDecisionType,
  RecommendationEndorsementType,
  RecommendationRejectionType,
  RecommendationSourceType,
} from './recommendation-parts.type';
import { RecommendationType } from './recommendation.type';

/** The fields of a recommendation that are not plain values. */
@Resolver(() => RecommendationType)
export class RecommendationFieldsResolver {
  @FieldResolver(() => Boolean, {
    description: 'The due date passed (in the workspace’s calendar) and it is not finished.',
  })
  overdue(@Root() recommendation: Recommendation, @Ctx() ctx: RecommendationsContext) {
    return overdue(recommendation, ctx.command.now, ctx.useCases.queries.timeZone);
  }

  @FieldResolver(() => [OrganizationRef], { description: 'The organisations it is addressed to.' })
  addressees(@Root() recommendation: Recommendation) {
    return recommendation.addresseeIds.map((id) => ({ id }));
  }

  @FieldResolver(() => RecommendationPartyUnion, {
    nullable: true,
    description: 'Who answers for carrying it out.',
  })
  responsible(@Root() recommendation: Recommendation) {
    return recommendation.responsible ? toParty(recommendation.responsible) : null;
  }

  @FieldResolver(() => RecommendationSourceType)
  source(@Root() recommendation: Recommendation): RecommendationSourceType {
    const { conferenceId, roundtableId, resolutionId } = recommendation.source;
    return {
      conference: conferenceId ? { id: conferenceId } : null,
      roundtable: roundtableId ? { id: roundtableId } : null,
      resolutionId: resolutionId ?? null,
    };
  }

  @FieldResolver(() => RecommendationDecisionType, {
    nullable: true,
    description: 'What was decided at adoption, by whom and when; null until adopted.',
  })
  decision(@Root() recommendation: Recommendation) {
    const { decidedText, decidedBy, decidedAt } = recommendation;
    if (decidedText === undefined || !decidedBy || !decidedAt) return null;
    return { decidedText, decidedBy: toParty(decidedBy), decidedAt };
  }

  @FieldResolver(() => RecommendationRejectionType, {
    nullable: true,
    description: 'Why it was rejected: by the association, or by the addressees’ answers.',
  })
  rejection(@Root() recommendation: Recommendation) {
    const { rejection } = recommendation;
    return rejection ? { ...rejection, decidedBy: toDecisionMaker(rejection.decidedBy) } : null;
  }

  @FieldResolver(() => [AddresseePositionType], {
    description: 'Where each addressee stands, in the order of the addressees.',
  })
  addresseePositions(@Root() recommendation: Recommendation): AddresseePositionType[] {
    return recommendation.addresseePositions.map((position) => ({
      addressee: { id: position.organizationId },
      position: position.position,
      requestIds: position.requestIds,
      answeredRequestId: position.answeredRequestId ?? null,
      answeredAt: position.answeredAt ?? null,
    }));
  }

  @FieldResolver(() => [RecommendationEndorsementType])
  endorsements(@Root() recommendation: Recommendation) {
    return recommendation.endorsements.map((endorsement) => ({
      party: toParty(endorsement.party),
      comment: endorsement.comment ?? null,
      endorsedAt: endorsement.endorsedAt,
    }));
  }

  @FieldResolver(() => RecommendationType, {
    nullable: true,
    description: 'The recommendation that replaced it.',
  })
  supersededBy(@Root() recommendation: Recommendation, @Ctx() ctx: RecommendationsContext) {
    return recommendation.supersededBy
      ? ctx.loaders.recommendations.load(recommendation.supersededBy)
      : null;
  }

  @FieldResolver(() => RecommendationProgressReportConnection, {
    description: 'Progress reports, oldest first.',
  })
  async progressReports(
    @Root() recommendation: Recommendation,
    @Args() page: ConnectionArgs,
    @Ctx() ctx: RecommendationsContext,
  ) {
    const result = await ctx.useCases.queries.progressReports(
      ctx.command,
      recommendation,
      pageRequest(page),
    );
    return toConnection({
      ...result,
      items: result.items.map((report) => ({
        id: report._id,
        author: toParty(report.author),
        text: report.text,
        percent: report.percent,
        reportedAt: report.reportedAt,
      })),
    });
  }

  @FieldResolver(() => RecommendationTimelineConnection, {
    description: 'Everything that happened to it, in order.',
  })
  async timeline(
    @Root() recommendation: Recommendation,
    @Args() page: ConnectionArgs,
    @Ctx() ctx: RecommendationsContext,
  ) {
    const result = await ctx.useCases.queries.timeline(
      ctx.command,
      recommendation,
      pageRequest(page),
    );
    return toConnection({ ...result, items: result.items.map(toTimelineEntry) });
  }
}
