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
import { changeRecommendation, decisionContext, happening } from './recommendations';
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
      timeZone: string;
    },
  ) {}

  async endorse(
    context: CommandContext,
    id: string,
    expectedVersion: number,
    command: { party?: PartyRef | null; comment?: string | null; endorsedAt?: Date | null },
  ) {
    const identity = requireEndorser(context.identity);
    const party = partyFor(identity, command.party, 'party');
    await this.deps.members.requireNamed(identity, 'party', command.party);
    return changeRecommendation(
      this.deps,
      context,
      identity,
      id,
      expectedVersion,
      (state, acting) =>
        endorseRecommendation(state, { party, comment: command.comment }, decisionContext(acting)),
      happening(this.deps.timeZone, 'endorsedAt', command.endorsedAt, 'endorse'),
    );
  }

  withdrawEndorsement(
    context: CommandContext,
    id: string,
    expectedVersion: number,
    command: { party?: PartyRef | null; withdrawnAt?: Date | null },
  ) {
    const identity = requireEndorser(context.identity);
    const party = partyFor(identity, command.party, 'party');
    return changeRecommendation(
      this.deps,
      context,
      identity,
      id,
      expectedVersion,
      (state, acting) => withdrawEndorsement(state, { party }, decisionContext(acting)),
      happening(this.deps.timeZone, 'withdrawnAt', command.withdrawnAt, {
        withdrawEndorsementOf: party,
      }),
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
    command: {
      text: string;
      percent: number;
      author?: PartyRef | null;
      reportedAt?: Date | null;
    },
  ) {
    const identity = requireProgressReporter(context.identity);
    const author = partyFor(identity, command.author, 'author');
    await this.deps.members.requireNamed(identity, 'author', command.author);
    return changeRecommendation(
      this.deps,
      context,
      identity,
      id,
      expectedVersion,
      (state, acting) =>
        reportProgress(
          state,
          { author, text: command.text, percent: command.percent },
          actorOf(identity),
          decisionContext(acting),
        ),
      happening(this.deps.timeZone, 'reportedAt', command.reportedAt, 'report'),
    );
  }

  markImplemented(
    context: CommandContext,
    id: string,
    expectedVersion: number,
    note?: string | null,
    implementedAt?: Date | null,
  ) {
    const identity = requireManager(context.identity);
    return changeRecommendation(
      this.deps,
      context,
      identity,
      id,
      expectedVersion,
      (state, acting) => markImplemented(state, { note }, decisionContext(acting)),
      happening(this.deps.timeZone, 'implementedAt', implementedAt, 'finish'),
    );
  }

  markPartlyImplemented(
    context: CommandContext,
    id: string,
    expectedVersion: number,
    note: string,
    implementedAt?: Date | null,
  ) {
    const identity = requireManager(context.identity);
    return changeRecommendation(
      this.deps,
      context,
      identity,
      id,
      expectedVersion,
      (state, acting) => markPartlyImplemented(state, { note }, decisionContext(acting)),
      happening(this.deps.timeZone, 'implementedAt', implementedAt, 'finish'),
    );
  }
}
