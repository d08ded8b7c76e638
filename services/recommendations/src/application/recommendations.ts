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
import { givenMeetingDate } from '../domain/meeting-year';
import { recommendationHappenedAt, type RecommendationHappening } from '../domain/happened';
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
 * adds against the directory, save. A decision that changes nothing saves nothing. A change with
 * a `moment` is decided at when it happened (see `happenedContext`).
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
  decide: (state: Recommendation, context: CommandContext) => RecommendationDecision,
  moment?: Happening,
): Promise<Recommendation> {
  const current = await deps.recommendations.get(identity.tenantId, id);
  if (!current || !mayRead(readScopeOf(identity), current)) throw notFound('recommendation', id);
  if (current.version !== expectedVersion) throw staleVersion(expectedVersion, current.version);
  const acting = moment ? happenedContext(current, moment, context) : context;
  const decision = decide(current, acting);
  if (decision.changes.length === 0) return current;
  await deps.members.requireAdded(
    identity.tenantId,
    recommendationReferences(current),
    recommendationReferences(decision.state),
  );
  // Recorded now, whenever it happened.
  const recorded = { ...decision, state: { ...decision.state, updatedAt: context.now } };
  return deps.writer.save(current, recorded, acting);
}

/** A change by hand at a moment the user may give (DESIGN.md section 3): its argument and kind. */
export interface Happening {
  /** The argument naming the moment, e.g. `decidedAt`. */
  field: string;
  given: Date | null | undefined;
  kind: RecommendationHappening;
  timeZone: string;
}

/** A change by hand of this kind at the moment given in `field` (now when none is given). */
export function happening(
  timeZone: string,
  field: string,
  given: Date | null | undefined,
  kind: RecommendationHappening,
): Happening {
  return { field, given, kind, timeZone };
}

/**
 * The context a change by hand is decided in: at when it happened (checked against what it
 * follows), announced at when it is recorded (CloudEvents `time`, the timeline's `recordedAt`) —
 * the way a consumer applies a past sitting's conclusion.
 */
function happenedContext(
  state: Recommendation,
  moment: Happening,
  context: CommandContext,
): CommandContext {
  const at = recommendationHappenedAt(
    state,
    moment.kind,
    moment.field,
    moment.given,
    context.now,
    moment.timeZone,
  );
  return { ...context, now: at, recordedAt: context.now };
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
   * Drafts a recommendation. Without a code it gets the next one of its meeting's year (of the
   * day it is recorded when no meeting day is given); a given code must be free (CONFLICT
   * otherwise).
   */
  async draft(
    context: CommandContext,
    command: Omit<DraftRecommendation, 'code'> & { code?: string | null },
  ): Promise<Recommendation> {
    const identity = requireManager(context.identity);
    const given = command.code?.trim() || undefined;
    const today = localDate(context.now, this.deps.timeZone);
    const meetingDate = givenMeetingDate('meetingDate', command.source?.meetingDate, today);
    const source = { ...command.source, meetingDate };
    // The year of the meeting it comes from when given; else of the day it is recorded.
    const year = (meetingDate ?? today).slice(0, 4);
    for (let attempt = 1; ; attempt += 1) {
      const code = given ?? (await this.deps.codes.next(identity.tenantId, year));
      const decision = draftRecommendation(
        { ...command, source, code },
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
    return this.change(context, id, expectedVersion, (state, acting) =>
      reviseRecommendation(state, patch, decisionContext(acting)),
    );
  }

  propose(context: CommandContext, id: string, expectedVersion: number, proposedAt?: Date | null) {
    return this.change(
      context,
      id,
      expectedVersion,
      (state, acting) => proposeRecommendation(state, decisionContext(acting)),
      happening(this.deps.timeZone, 'proposedAt', proposedAt, 'propose'),
    );
  }

  adopt(
    context: CommandContext,
    id: string,
    expectedVersion: number,
    command: AdoptRecommendation & { decidedAt?: Date | null },
  ) {
    const { decidedAt, ...adoption } = command;
    return this.change(
      context,
      id,
      expectedVersion,
      (state, acting) =>
        adoptRecommendation(
          state,
          { ...adoption, recordedOn: localDate(context.now, this.deps.timeZone) },
          decisionContext(acting),
        ),
      happening(this.deps.timeZone, 'decidedAt', decidedAt, 'decide'),
    );
  }

  reject(
    context: CommandContext,
    id: string,
    expectedVersion: number,
    command: { reason: string; decidedBy: PartyRef; decidedAt?: Date | null },
  ) {
    const { decidedAt, ...rejection } = command;
    return this.change(
      context,
      id,
      expectedVersion,
      (state, acting) => rejectRecommendation(state, rejection, decisionContext(acting)),
      happening(this.deps.timeZone, 'decidedAt', decidedAt, 'decide'),
    );
  }

  withdraw(
    context: CommandContext,
    id: string,
    expectedVersion: number,
    reason?: string | null,
    withdrawnAt?: Date | null,
  ) {
    return this.change(
      context,
      id,
      expectedVersion,
      (state, acting) => withdrawRecommendation(state, { reason }, decisionContext(acting)),
      happening(this.deps.timeZone, 'withdrawnAt', withdrawnAt, 'close'),
    );
  }

  async supersede(
    context: CommandContext,
    id: string,
    expectedVersion: number,
    command: { supersededBy: string; reason?: string | null; supersededAt?: Date | null },
  ) {
    const identity = requireManager(context.identity);
    const successor = command.supersededBy.trim();
    if (successor && successor !== id) {
      if (!(await this.deps.recommendations.exists(identity.tenantId, successor))) {
        throw badInput('supersededBy', `recommendation ${successor} does not exist`);
      }
    }
    const { supersededAt, ...supersession } = command;
    return this.change(
      context,
      id,
      expectedVersion,
      (state, acting) => supersedeRecommendation(state, supersession, decisionContext(acting)),
      happening(this.deps.timeZone, 'supersededAt', supersededAt, 'close'),
    );
  }

  private change(
    context: CommandContext,
    id: string,
    expectedVersion: number,
    decide: (state: Recommendation, acting: CommandContext) => RecommendationDecision,
    moment?: Happening,
  ) {
    const identity = requireManager(context.identity);
    return changeRecommendation(this.deps, context, identity, id, expectedVersion, decide, moment);
  }
}
