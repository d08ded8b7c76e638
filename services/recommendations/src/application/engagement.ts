import type { PartyRef } from '@kollegia/events';

import type { RecommendationRepository } from '../db/recommendation.repository';
import { endorseRecommendation, withdrawEndorsement } from '../domain/endorsements';
import { markImplemented, markPartlyImplemented, reportProgress } from '../domain/progress';
import type { CommandContext } from './context';
import type { MemberUseCases } from './members';
import {
  actorOf,
  partyFor,
  requireEndorser,
  requireManager,
  requireProgressReporter,
} from './permissions';
import { changeRecommendation, decisionContext } from './recommendations';
import type { RecommendationWriter } from './recommendation-writer';

/**
 * Standing behind a recommendation and carrying it out: endorsements (members and above),
 * progress reports (the responsible party, an addressee's representative, a secretary) and the
 * outcome (secretaries).
 */
export class RecommendationEngagementUseCases {
  constructor(
    private readonly deps: {
      recommendations: RecommendationRepository;
      writer: RecommendationWriter;
      members: MemberUseCases;
    },
  ) {}

  async endorse(
    context: CommandContext,
    id: string,
    expectedVersion: number,
    command: { party?: PartyRef | null; comment?: string | null },
  ) {
    const identity = requireEndorser(context.identity);
    const party = partyFor(identity, command.party);
    await this.deps.members.requireNamed(identity, 'party', command.party);
    return changeRecommendation(this.deps, context, identity, id, expectedVersion, (state) =>
      endorseRecommendation(state, { party, comment: command.comment }, decisionContext(context)),
    );
  }

  withdrawEndorsement(
    context: CommandContext,
    id: string,
    expectedVersion: number,
    command: { party?: PartyRef | null },
  ) {
    const identity = requireEndorser(context.identity);
    const party = partyFor(identity, command.party);
    return changeRecommendation(this.deps, context, identity, id, expectedVersion, (state) =>
      withdrawEndorsement(state, { party }, decisionContext(context)),
    );
  }

  /**
   * Reports progress. Whether the caller may is the domain's rule (`mayReportProgress`); the
   * author is the caller's organisation (or the caller), unless a secretary names another.
   */
  async reportProgress(
    context: CommandContext,
    id: string,
    expectedVersion: number,
    command: { text: string; percent: number; author?: PartyRef | null },
  ) {
    const identity = requireProgressReporter(context.identity);
    const author = partyFor(identity, command.author);
    await this.deps.members.requireNamed(identity, 'author', command.author);
    return changeRecommendation(this.deps, context, identity, id, expectedVersion, (state) =>
      reportProgress(
        state,
        { author, text: command.text, percent: command.percent },
        actorOf(identity),
        decisionContext(context),
      ),
    );
  }

  markImplemented(
    context: CommandContext,
    id: string,
    expectedVersion: number,
    note?: string | null,
  ) {
    const identity = requireManager(context.identity);
    return changeRecommendation(this.deps, context, identity, id, expectedVersion, (state) =>
      markImplemented(state, { note }, decisionContext(context)),
    );
  }

  markPartlyImplemented(
    context: CommandContext,
    id: string,
    expectedVersion: number,
    note: string,
  ) {
    const identity = requireManager(context.identity);
    return changeRecommendation(this.deps, context, identity, id, expectedVersion, (state) =>
      markPartlyImplemented(state, { note }, decisionContext(context)),
    );
  }
}
