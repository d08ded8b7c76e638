import type { PartyRef } from '@kollegia/events';
import type { Identity } from '@kollegia/service-kit';
import {
  badInput,
  conflict,
  localDate,
  notFound,
  staleVersion,
  type DecisionContext,
} from '@kollegia/service-kit/domain';

import { isDuplicateKey } from '@kollegia/service-kit';
import type { RecommendationRepository } from '../db/recommendation.repository';
import {
  adoptRecommendation,
  draftRecommendation,
  proposeRecommendation,
  rejectRecommendation,
  reviseRecommendation,
  supersedeRecommendation,
  withdrawRecommendation,
  type AdoptRecommendation,
  type DraftRecommendation,
  type RecommendationCard,
} from '../domain/recommendation-lifecycle';
import type { Recommendation, RecommendationDecision } from '../domain/recommendation';
import type { RecommendationCodes } from './codes';
import { idsStartingWith, newId, type CommandContext } from './context';
import { recommendationReferences, type MemberUseCases } from './members';
import { mayRead, readScopeOf, requireManager } from './permissions';
import type { RecommendationWriter } from './recommendation-writer';

const CODE_ATTEMPTS = 20;

export function decisionContext(context: CommandContext): DecisionContext {
  return { now: context.now, ids: newId };
}

/**
 * The shared path of every change: load what the caller may see (NOT_FOUND otherwise, before any
 * version is compared, so nothing leaks), check the version, decide, check the members the change
 * adds against the directory, save. A decision that changes nothing saves nothing.
 */
export async function changeRecommendation(
  deps: {
    recommendations: RecommendationRepository;
    writer: RecommendationWriter;
    members: MemberUseCases;
  },
  context: CommandContext,
  identity: Identity,
  id: string,
  expectedVersion: number,
  decide: (state: Recommendation) => RecommendationDecision,
): Promise<Recommendation> {
  const current = await deps.recommendations.get(identity.tenantId, id);
  if (!current || !mayRead(readScopeOf(identity), current)) throw notFound('recommendation', id);
  if (current.version !== expectedVersion) throw staleVersion(expectedVersion, current.version);
  const decision = decide(current);
  if (decision.changes.length === 0) return current;
  await deps.members.requireAdded(
    identity.tenantId,
    recommendationReferences(current),
    recommendationReferences(decision.state),
  );
  return deps.writer.save(current, decision, context);
}

/**
 * The recommendation lifecycle by hand: draft, revise, propose, adopt, reject, withdraw,
 * supersede. Secretaries and admins only.
 */
export class RecommendationLifecycleUseCases {
  constructor(
    private readonly deps: {
      recommendations: RecommendationRepository;
      writer: RecommendationWriter;
      members: MemberUseCases;
      codes: RecommendationCodes;
      timeZone: string;
    },
  ) {}

  /**
   * Drafts a recommendation. Without a code it gets the next one of the year; a given code must
   * be free (CONFLICT otherwise).
   */
  async draft(
    context: CommandContext,
    command: Omit<DraftRecommendation, 'code'> & { code?: string | null },
  ): Promise<Recommendation> {
    const identity = requireManager(context.identity);
    const given = command.code?.trim() || undefined;
    const year = localDate(context.now, this.deps.timeZone).slice(0, 4);
    for (let attempt = 1; ; attempt += 1) {
      const code = given ?? (await this.deps.codes.next(identity.tenantId, year));
      const decision = draftRecommendation(
        { ...command, code },
        { tenantId: identity.tenantId, now: context.now, ids: idsStartingWith(newId()) },
      );
      await this.deps.members.requireAdded(
        identity.tenantId,
        undefined,
        recommendationReferences(decision.state),
      );
      try {
        return await this.deps.writer.create(decision, context);
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        if (given) throw conflict(`the code ${given} is taken by another recommendation`);
        // The number was taken by a code given by hand (the counter hands each number out
        // once): take the next.
        if (attempt >= CODE_ATTEMPTS) throw error;
      }
    }
  }

  revise(
    context: CommandContext,
    id: string,
    expectedVersion: number,
    patch: Partial<RecommendationCard>,
  ) {
    return this.change(context, id, expectedVersion, (state) =>
      reviseRecommendation(state, patch, decisionContext(context)),
    );
  }

  propose(context: CommandContext, id: string, expectedVersion: number) {
    return this.change(context, id, expectedVersion, (state) =>
      proposeRecommendation(state, decisionContext(context)),
    );
  }

  adopt(
    context: CommandContext,
    id: string,
    expectedVersion: number,
    command: AdoptRecommendation,
  ) {
    return this.change(context, id, expectedVersion, (state) =>
      adoptRecommendation(state, command, decisionContext(context)),
    );
  }

  reject(
    context: CommandContext,
    id: string,
    expectedVersion: number,
    command: { reason: string; decidedBy: PartyRef },
  ) {
    return this.change(context, id, expectedVersion, (state) =>
      rejectRecommendation(state, command, decisionContext(context)),
    );
  }

  withdraw(context: CommandContext, id: string, expectedVersion: number, reason?: string | null) {
    return this.change(context, id, expectedVersion, (state) =>
      withdrawRecommendation(state, { reason }, decisionContext(context)),
    );
  }

  async supersede(
    context: CommandContext,
    id: string,
    expectedVersion: number,
    command: { supersededBy: string; reason?: string | null },
  ) {
    const identity = requireManager(context.identity);
    const successor = command.supersededBy.trim();
    if (successor && successor !== id) {
      if (!(await this.deps.recommendations.exists(identity.tenantId, successor))) {
        throw badInput('supersededBy', `recommendation ${successor} does not exist`);
      }
    }
    return this.change(context, id, expectedVersion, (state) =>
      supersedeRecommendation(state, command, decisionContext(context)),
    );
  }

  private change(
    context: CommandContext,
    id: string,
    expectedVersion: number,
    decide: (state: Recommendation) => RecommendationDecision,
  ) {
    const identity = requireManager(context.identity);
    return changeRecommendation(this.deps, context, identity, id, expectedVersion, decide);
  }
}
