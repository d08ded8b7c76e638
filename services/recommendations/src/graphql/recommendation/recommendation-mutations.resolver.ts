import { LongText } from '@kollegia/service-kit';
import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';

import type { RecommendationsContext } from '../context';
import { OCCURRED_AT } from '@kollegia/service-kit';
import { RecommendationPartyInput } from '../shared/party';
import {
  AdoptRecommendationInput,
  DraftRecommendationInput,
  RejectRecommendationInput,
  ReportRecommendationProgressInput,
  ReviseRecommendationInput,
} from './recommendation.input';
import { RecommendationType } from './recommendation.type';

const version = () => Int;

/** Input objects as plain data (type-graphql hands over class instances; null stays null). */
function plain<T>(input: T): T {
  return JSON.parse(JSON.stringify(input)) as T;
}

/**
 * Changing recommendations. Every change takes `expectedVersion` (CONFLICT when stale); an
 * illegal transition is CONFLICT naming the current status.
 */
@Resolver(() => RecommendationType)
export class RecommendationMutationsResolver {
  @Mutation(() => RecommendationType, { description: 'Drafts a recommendation by hand (DRAFT).' })
  draftRecommendation(
    @Arg('input') input: DraftRecommendationInput,
    @Ctx() ctx: RecommendationsContext,
  ) {
    const { conferenceId, roundtableId, resolutionId, meetingDate, ...card } = plain(input);
    return ctx.useCases.lifecycle.draft(ctx.command, {
      ...card,
      source: {
        ...(conferenceId ? { conferenceId } : {}),
        ...(roundtableId ? { roundtableId } : {}),
        ...(resolutionId ? { resolutionId } : {}),
        ...(meetingDate ? { meetingDate } : {}),
      },
    });
  }

  @Mutation(() => RecommendationType, { description: 'Revises a draft or a proposal.' })
  reviseRecommendation(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', version) expectedVersion: number,
    @Arg('input') input: ReviseRecommendationInput,
    @Ctx() ctx: RecommendationsContext,
  ) {
    return ctx.useCases.lifecycle.revise(ctx.command, id, expectedVersion, plain(input) as never);
  }

  @Mutation(() => RecommendationType, { description: 'Puts a draft forward (PROPOSED).' })
  proposeRecommendation(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', version) expectedVersion: number,
    @Arg('proposedAt', () => Date, { nullable: true, description: OCCURRED_AT })
    proposedAt: Date | null,
    @Ctx() ctx: RecommendationsContext,
  ) {
    return ctx.useCases.lifecycle.propose(ctx.command, id, expectedVersion, proposedAt);
  }

  @Mutation(() => RecommendationType, {
    description: 'Adopts a proposal (ADOPTED), recording who decided, when, and what.',
  })
  adoptRecommendation(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', version) expectedVersion: number,
    @Arg('input') input: AdoptRecommendationInput,
    @Ctx() ctx: RecommendationsContext,
  ) {
    return ctx.useCases.lifecycle.adopt(ctx.command, id, expectedVersion, {
      decidedBy: { ...input.decidedBy },
      decidedText: input.decidedText,
      decidedAt: input.decidedAt,
    });
  }

  @Mutation(() => RecommendationType, { description: 'Rejects a proposal (REJECTED).' })
  rejectRecommendation(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', version) expectedVersion: number,
    @Arg('input') input: RejectRecommendationInput,
    @Ctx() ctx: RecommendationsContext,
  ) {
    return ctx.useCases.lifecycle.reject(ctx.command, id, expectedVersion, {
      reason: input.reason,
      decidedBy: { ...input.decidedBy },
      decidedAt: input.decidedAt,
    });
  }

  @LongText('reason')
  @Mutation(() => RecommendationType, {
    description: 'Withdraws an unfinished recommendation (a reason is required once adopted).',
  })
  withdrawRecommendation(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', version) expectedVersion: number,
    @Arg('reason', () => String, { nullable: true }) reason: string | null,
    @Arg('withdrawnAt', () => Date, { nullable: true, description: OCCURRED_AT })
    withdrawnAt: Date | null,
    @Ctx() ctx: RecommendationsContext,
  ) {
    return ctx.useCases.lifecycle.withdraw(ctx.command, id, expectedVersion, reason, withdrawnAt);
  }

  @LongText('reason')
  @Mutation(() => RecommendationType, {
    description: 'Replaces it by another recommendation (SUPERSEDED).',
  })
  supersedeRecommendation(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', version) expectedVersion: number,
    @Arg('supersededBy', () => ID) supersededBy: string,
    @Arg('reason', () => String, { nullable: true }) reason: string | null,
    @Arg('supersededAt', () => Date, { nullable: true, description: OCCURRED_AT })
    supersededAt: Date | null,
    @Ctx() ctx: RecommendationsContext,
  ) {
    return ctx.useCases.lifecycle.supersede(ctx.command, id, expectedVersion, {
      supersededBy,
      reason,
      supersededAt,
    });
  }

  @LongText('comment')
  @Mutation(() => RecommendationType, {
    description:
      'Endorses it, as the organisation you speak for (or yourself); a secretary may name the party.',
  })
  endorseRecommendation(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', version) expectedVersion: number,
    @Arg('party', () => RecommendationPartyInput, { nullable: true })
    party: RecommendationPartyInput | null,
    @Arg('comment', () => String, { nullable: true }) comment: string | null,
    @Arg('endorsedAt', () => Date, { nullable: true, description: OCCURRED_AT })
    endorsedAt: Date | null,
    @Ctx() ctx: RecommendationsContext,
  ) {
    return ctx.useCases.engagement.endorse(ctx.command, id, expectedVersion, {
      party: party ? { ...party } : null,
      comment,
      endorsedAt,
    });
  }

  @Mutation(() => RecommendationType, { description: 'Takes an endorsement back.' })
  withdrawRecommendationEndorsement(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', version) expectedVersion: number,
    @Arg('party', () => RecommendationPartyInput, { nullable: true })
    party: RecommendationPartyInput | null,
    @Arg('withdrawnAt', () => Date, { nullable: true, description: OCCURRED_AT })
    withdrawnAt: Date | null,
    @Ctx() ctx: RecommendationsContext,
  ) {
    return ctx.useCases.engagement.withdrawEndorsement(ctx.command, id, expectedVersion, {
      party: party ? { ...party } : null,
      withdrawnAt,
    });
  }

  @Mutation(() => RecommendationType, {
    description:
      'Reports progress on an adopted recommendation: the responsible party, an addressee’s representative or a secretary.',
  })
  reportRecommendationProgress(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', version) expectedVersion: number,
    @Arg('input') input: ReportRecommendationProgressInput,
    @Ctx() ctx: RecommendationsContext,
  ) {
    return ctx.useCases.engagement.reportProgress(ctx.command, id, expectedVersion, {
      text: input.text,
      percent: input.percent,
      author: input.author ? { ...input.author } : null,
      reportedAt: input.reportedAt,
    });
  }

  @LongText('note')
  @Mutation(() => RecommendationType, { description: 'Marks it carried out in full.' })
  markRecommendationImplemented(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', version) expectedVersion: number,
    @Arg('note', () => String, { nullable: true }) note: string | null,
    @Arg('implementedAt', () => Date, { nullable: true, description: OCCURRED_AT })
    implementedAt: Date | null,
    @Ctx() ctx: RecommendationsContext,
  ) {
    return ctx.useCases.engagement.markImplemented(
      ctx.command,
      id,
      expectedVersion,
      note,
      implementedAt,
    );
  }

  @LongText('note')
  @Mutation(() => RecommendationType, {
    description: 'Marks it carried out in part; the note says what was not done.',
  })
  markRecommendationPartlyImplemented(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', version) expectedVersion: number,
    @Arg('note') note: string,
    @Arg('implementedAt', () => Date, { nullable: true, description: OCCURRED_AT })
    implementedAt: Date | null,
    @Ctx() ctx: RecommendationsContext,
  ) {
    return ctx.useCases.engagement.markPartlyImplemented(
      ctx.command,
      id,
      expectedVersion,
      note,
      implementedAt,
    );
  }
}
