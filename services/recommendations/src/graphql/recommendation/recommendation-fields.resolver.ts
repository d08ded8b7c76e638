import { ConnectionArgs, pageRequest, toConnection } from '@kollegia/service-kit';
import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';

import { overdue } from '../../domain/follow-ups';
import type { Recommendation } from '../../domain/recommendation';
import { shortTitle } from '../../domain/recommendation-lifecycle';
import type { RecommendationsContext } from '../context';
import { OrganizationRef } from '../foreign/organization.ref';
import { shownActors, shownMember, shownMembers } from '../foreign/shown-members';
import {
  RecommendationDecisionMakerUnion,
  RecommendationPartyUnion,
  toParty,
} from '../shared/party';
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

const organization = (id: string) => ({ kind: 'ORGANIZATION' as const, id });

/** The fields of a recommendation that are not plain values. */
@Resolver(() => RecommendationType)
export class RecommendationFieldsResolver {
  @FieldResolver(() => String, {
    description:
      'The title for a table or a list: at most 120 characters, cut at a word with “…” only when the title is longer.',
  })
  shortTitle(@Root() recommendation: Recommendation): string {
    return shortTitle(recommendation.title);
  }

  @FieldResolver(() => Boolean, {
    description: 'The due date passed (in the workspace’s calendar) and it is not finished.',
  })
  overdue(@Root() recommendation: Recommendation, @Ctx() ctx: RecommendationsContext) {
    return overdue(recommendation, ctx.command.now, ctx.useCases.queries.timeZone);
  }

  @FieldResolver(() => [OrganizationRef], {
    description: 'The organisations it is addressed to (those you may see).',
  })
  async addressees(@Root() recommendation: Recommendation, @Ctx() ctx: RecommendationsContext) {
    const shown = await shownMembers(ctx, recommendation.addresseeIds.map(organization));
    return shown.map((ref) => ({ id: ref.id }));
  }

  @FieldResolver(() => RecommendationPartyUnion, {
    nullable: true,
    description: 'Who answers for carrying it out; null when you may not see it.',
  })
  async responsible(@Root() recommendation: Recommendation, @Ctx() ctx: RecommendationsContext) {
    const shown =
      recommendation.responsible && (await shownMember(ctx, recommendation.responsible));
    return shown ? toParty(shown) : null;
  }

  @FieldResolver(() => RecommendationSourceType)
  source(@Root() recommendation: Recommendation): RecommendationSourceType {
    const { conferenceId, roundtableId, resolutionId, meetingDate } = recommendation.source;
    return {
      conference: conferenceId ? { id: conferenceId } : null,
      roundtable: roundtableId ? { id: roundtableId } : null,
      resolutionId: resolutionId ?? null,
      meetingDate: meetingDate ?? null,
    };
  }

  @FieldResolver(() => RecommendationDecisionType, {
    nullable: true,
    description: 'What was decided at adoption, by whom and when; null until adopted.',
  })
  decision(@Root() recommendation: Recommendation) {
    const { decidedText, decidedBy, decidedAt } = recommendation;
    if (decidedText === undefined || !decidedBy || !decidedAt) return null;
    return { decidedText, decidedByRef: decidedBy, decidedAt };
  }

  @FieldResolver(() => RecommendationRejectionType, {
    nullable: true,
    description: 'Why it was rejected: by the association, or by the addressees’ answers.',
  })
  rejection(@Root() recommendation: Recommendation): RecommendationRejectionType | null {
    const { rejection } = recommendation;
    return rejection
      ? {
          reason: rejection.reason,
          decidedByRef: rejection.decidedBy,
          decidedAt: rejection.decidedAt,
        }
      : null;
  }

  @FieldResolver(() => [AddresseePositionType], {
    description: 'Where each addressee you may see stands, in the order of the addressees.',
  })
  async addresseePositions(
    @Root() recommendation: Recommendation,
    @Ctx() ctx: RecommendationsContext,
  ): Promise<AddresseePositionType[]> {
    const shown = new Set(
      (
        await shownMembers(
          ctx,
          recommendation.addresseePositions.map((p) => organization(p.organizationId)),
        )
      ).map((ref) => ref.id),
    );
    const positions = recommendation.addresseePositions.filter((p) => shown.has(p.organizationId));
    return positions.map((position) => ({
      addressee: { id: position.organizationId },
      position: position.position,
      requestIds: position.requestIds,
      answeredRequestId: position.answeredRequestId ?? null,
      answeredAt: position.answeredAt ?? null,
    }));
  }

  @FieldResolver(() => [RecommendationEndorsementType], {
    description: 'Who stands behind it (those you may see).',
  })
  async endorsements(@Root() recommendation: Recommendation, @Ctx() ctx: RecommendationsContext) {
    const { endorsements } = recommendation;
    const parties = await shownActors(
      ctx,
      endorsements.map((endorsement) => endorsement.party),
    );
    return endorsements.flatMap((endorsement, i) => {
      const party = parties[i];
      return party
        ? [
            {
              party: toParty(party),
              comment: endorsement.comment ?? null,
              endorsedAt: endorsement.endorsedAt,
            },
          ]
        : [];
    });
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
    const authors = await shownActors(
      ctx,
      result.items.map((report) => report.author),
    );
    return toConnection({
      ...result,
      items: result.items.map((report, i) => ({
        id: report._id,
        author: authors[i] ? toParty(authors[i]) : null,
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

/** Who decided at adoption, shown only when the caller may see it. */
@Resolver(() => RecommendationDecisionType)
export class RecommendationDecisionResolver {
  @FieldResolver(() => RecommendationPartyUnion, {
    nullable: true,
    description:
      'The association, its council or its chair; null when you may not see it (an unpublished organisation).',
  })
  async decidedBy(
    @Root() decision: RecommendationDecisionType,
    @Ctx() ctx: RecommendationsContext,
  ) {
    const shown = await shownMember(ctx, decision.decidedByRef);
    return shown && toParty(shown);
  }
}

/** Who rejected it, shown only as far as the caller may see. */
@Resolver(() => RecommendationRejectionType)
export class RecommendationRejectionResolver {
  @FieldResolver(() => RecommendationDecisionMakerUnion, {
    nullable: true,
    description:
      'An organisation or a person of the association, or the addressees (those you may see); null when you may not see it.',
  })
  async decidedBy(
    @Root() rejection: RecommendationRejectionType,
    @Ctx() ctx: RecommendationsContext,
  ) {
    const maker = rejection.decidedByRef;
    if (maker.kind === 'ADDRESSEES') {
      const shown = await shownMembers(ctx, maker.organizationIds.map(organization));
      return { kind: maker.kind, organizations: shown.map((ref) => ({ id: ref.id })) };
    }
    const shown = await shownMember(ctx, maker);
    return shown && toParty(shown);
  }
}
