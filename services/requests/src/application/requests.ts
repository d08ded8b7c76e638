import type { RecommendationAdoptedV1 } from '@kollegia/events';
import { deterministicId, type Identity } from '@kollegia/service-kit';
import { badInput, conflict, notFound, staleVersion } from '@kollegia/service-kit/domain';

import { isDuplicateKey } from '@kollegia/service-kit';
import type { OutgoingNumberRepository } from '../db/outgoing-number.repository';
import type { RequestRepository } from '../db/request.repository';
import { requestsForAdoptedRecommendation } from '../domain/from-recommendation';
import { formatOutgoingNumber, outgoingYear } from '../domain/outgoing-number';
import { requireStatus, type Request, type RequestDecision } from '../domain/request';
import {
  answerRequest,
  closeRequest,
  draftRequest,
  editDraft,
  extendDeadline,
  registerRequest,
  sendingTime,
  submitRequest,
  withdrawRequest,
  type AnswerRequest,
  type DraftRequest,
  type RequestLetter,
} from '../domain/request-lifecycle';
import { timelineEntries } from '../domain/timeline';
import { actorOf, decisionContext, type CommandContext } from './context';
import type { DeadlinePolicyUseCases } from './deadline-policies';
import type { MemberUseCases } from './members';
import {
  isVisible,
  requireAddresseeSide,
  requireAdmin,
  requireReader,
  requireRequestWriter,
  visibilityOf,
} from './permissions';
import { requestEvents } from './request-events';

/** How many outgoing numbers a submission tries before it gives up (each taken one is skipped). */
const NUMBER_ATTEMPTS = 5;

/**
 * The request commands: load → decide → save (state, events and timeline in one write).
 * Permissions are checked here, so every entry point (GraphQL, consumers, scripts) gets the same
 * rules; a request the caller may not see does not exist for it (NOT_FOUND, never FORBIDDEN).
 */
export class RequestUseCases {
  constructor(
    private readonly requests: RequestRepository,
    private readonly numbers: OutgoingNumberRepository,
    private readonly policies: DeadlinePolicyUseCases,
    private readonly members: MemberUseCases,
  ) {}

  async draft(context: CommandContext, command: DraftRequest): Promise<Request> {
    const identity = requireRequestWriter(context.identity);
    const { state, changes } = draftRequest(command, {
      ...decisionContext(context),
      tenantId: identity.tenantId,
    });
    await this.members.requireAdded(state.tenantId, undefined, state);
    await this.requests.create(
      state,
      requestEvents(state, changes, context),
      timelineEntries(state, changes, identity.subject, context.now),
    );
    return state;
  }

  /**
   * Drafts one request per addressee of an adopted APPEAL, PROPOSAL or LEGISLATIVE_INITIATIVE
   * (DESIGN.md section 4, flow 2). Ids derive from the recommendation and the addressee, so a
   * redelivered or replayed event drafts nothing new, and the same event with an addressee more
   * drafts only the new one. Returns the ids of the requests it drafted.
   */
  async draftForAdoptedRecommendation(
    event: RecommendationAdoptedV1,
    now: Date,
  ): Promise<string[]> {
    const context: CommandContext = {
      identity: null,
      now,
      correlationId: event.correlationid,
      causationId: event.id,
    };
    const drafted: string[] = [];
    for (const command of requestsForAdoptedRecommendation(event.data)) {
      const id = deterministicId(event.data.id, command.addresseeId);
      const { state, changes } = draftRequest(command, {
        now,
        tenantId: event.tenantid,
        ids: () => id,
      });
      try {
        await this.requests.create(
          state,
          requestEvents(state, changes, context),
          timelineEntries(state, changes, 'system:requests', now),
        );
        drafted.push(id);
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
    }
    return drafted;
  }

  async edit(
    context: CommandContext,
    id: string,
    expectedVersion: number,
    patch: Partial<RequestLetter>,
  ): Promise<Request> {
    const identity = requireRequestWriter(context.identity);
    const current = await this.loadForChange(identity, id, expectedVersion);
    const decision = editDraft(current, patch, decisionContext(context));
    await this.members.requireAdded(identity.tenantId, current, decision.state);
    return this.save(context, current, decision);
  }

  /**
   * Sends a draft, at the moment it was sent (now unless given), under the next outgoing number
   * of the tenant's year of that moment. The counter may hand out a number another replica took
   * (see OutgoingNumberRepository); the unique index refuses it and the next one is tried, so
   * numbers may skip but never repeat.
   */
  async submit(
    context: CommandContext,
    id: string,
    expectedVersion: number,
    sentAt?: Date | null,
  ): Promise<Request> {
    const identity = requireRequestWriter(context.identity);
    const current = await this.loadForChange(identity, id, expectedVersion);
    requireStatus(current, ['DRAFT'], 'be submitted');
    const sent = sendingTime(sentAt, context.now);
    const [policy, senderZone, prefix] = await Promise.all([
      this.policies.forAddressee(identity.tenantId, current.addresseeId),
      this.policies.senderTimeZone(identity.tenantId),
      this.prefixOf(identity.tenantId),
    ]);
    // A letter sent in 2016 and entered now carries a 2016 number.
    const year = outgoingYear(sent, senderZone);
    for (let attempt = 1; attempt <= NUMBER_ATTEMPTS; attempt += 1) {
      const sequence = await this.numbers.next(identity.tenantId, year);
      const outgoingNumber = formatOutgoingNumber(prefix, year, sequence);
      const decision = submitRequest(
        current,
        { outgoingNumber, sentAt: sent },
        policy,
        decisionContext(context),
      );
      try {
        return await this.save(context, current, decision);
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
    }
    throw conflict('no free outgoing number was found; try again', current.status);
  }

  async register(
    context: CommandContext,
    id: string,
    expectedVersion: number,
    command: { incomingNumber: string; registeredOn: string },
  ): Promise<Request> {
    const identity = requireAddresseeSide(context.identity);
    const current = await this.loadForChange(identity, id, expectedVersion);
    const policy = await this.policies.forAddressee(identity.tenantId, current.addresseeId);
    return this.save(
      context,
      current,
      registerRequest(current, command, actorOf(identity), policy, decisionContext(context)),
    );
  }

  async extendDeadline(
    context: CommandContext,
    id: string,
    expectedVersion: number,
    command: { days: number; reason: string },
  ): Promise<Request> {
    const identity = requireAddresseeSide(context.identity);
    const current = await this.loadForChange(identity, id, expectedVersion);
    const policy = await this.policies.forAddressee(identity.tenantId, current.addresseeId);
    return this.save(
      context,
      current,
      extendDeadline(current, command, actorOf(identity), policy, decisionContext(context)),
    );
  }

  async answer(
    context: CommandContext,
    id: string,
    expectedVersion: number,
    command: AnswerRequest,
  ): Promise<Request> {
    const identity = requireAddresseeSide(context.identity);
    const current = await this.loadForChange(identity, id, expectedVersion);
    const policy = await this.policies.forAddressee(identity.tenantId, current.addresseeId);
    return this.save(
      context,
      current,
      answerRequest(current, command, actorOf(identity), policy, decisionContext(context)),
    );
  }

  async close(
    context: CommandContext,
    id: string,
    expectedVersion: number,
    note?: string | null,
  ): Promise<Request> {
    const identity = requireRequestWriter(context.identity);
    const current = await this.loadForChange(identity, id, expectedVersion);
    return this.save(context, current, closeRequest(current, { note }, decisionContext(context)));
  }

  async withdraw(
    context: CommandContext,
    id: string,
    expectedVersion: number,
    reason: string,
  ): Promise<Request> {
    const identity = requireRequestWriter(context.identity);
    const current = await this.loadForChange(identity, id, expectedVersion);
    return this.save(
      context,
      current,
      withdrawRequest(current, { reason }, decisionContext(context)),
    );
  }

  /** The prefix of the tenant's outgoing numbers: set by an admin, else the tenant in capitals. */
  numberPrefix(context: CommandContext): Promise<string> {
    return this.prefixOf(requireReader(context.identity).tenantId);
  }

  async setNumberPrefix(context: CommandContext, prefix: string): Promise<string> {
    const identity = requireAdmin(context.identity);
    const text = prefix.trim();
    if (!/^[\p{L}\p{N}.]{1,20}$/u.test(text)) {
      throw badInput('prefix', 'must be 1 to 20 letters, digits or dots');
    }
    await this.numbers.setPrefix(identity.tenantId, text, context.now);
    return text;
  }

  private async prefixOf(tenantId: string): Promise<string> {
    return (await this.numbers.prefix(tenantId)) ?? defaultPrefix(tenantId);
  }

  /** Loads a request to change it: NOT_FOUND when the caller may not see it, CONFLICT when stale. */
  private async loadForChange(
    identity: Identity,
    id: string,
    expectedVersion: number,
  ): Promise<Request> {
    const found = await this.requests.get(identity.tenantId, id);
    if (!found || !isVisible(found, visibilityOf(identity))) throw notFound('request', id);
    if (found.version !== expectedVersion) throw staleVersion(expectedVersion, found.version);
    return found;
  }

  private async save(
    context: CommandContext,
    current: Request,
    decision: RequestDecision,
  ): Promise<Request> {
    if (decision.changes.length === 0) return current;
    const next = { ...decision.state, version: current.version + 1 };
    return this.requests.change(
      next,
      current.version,
      requestEvents(next, decision.changes, context),
      timelineEntries(
        next,
        decision.changes,
        context.identity?.subject ?? 'system:requests',
        context.now,
      ),
    );
  }
}

function defaultPrefix(tenantId: string): string {
  return (
    tenantId
      .replace(/[^\p{L}\p{N}]/gu, '')
      .toUpperCase()
      .slice(0, 20) || 'REQ'
  );
}
