import {
  deterministicId,
  emptyPage,
  hasRole,
  requireRole,
  type Identity,
  type Logger,
  type OnceClaims,
  type Page,
  type PageRequest,
} from '@kollegia/service-kit';
import {
  type DomainError,
  localDate,
  notFound,
  occurredAt,
  staleVersion,
} from '@kollegia/service-kit/domain';

import type {
  ControlItemFilter,
  ControlItemRepository,
  ControlItemScope,
} from '../db/control-item.repository';
import {
  announceControlNotices,
  controlItemOverdue,
  extendControlItem,
  markControlItemDone,
  redateControlItem,
  removeFromControl,
  reportControlItemProgress,
  takeUnderControl,
  type ControlItem,
  type ControlItemDecision,
  type TakeUnderControl,
} from '../domain/control-item';
import { controlItemPredecessor } from '../domain/happened';
import type { Actor } from '../domain/permissions';
import { idsStartingWith, newId, type CommandContext } from './context';
import { actorOf, partyFor, requireReader, seesInternal } from './permissions';
import { controlItemEvents } from './control-item-events';

// An addressee without an organisation in its token is concerned by nothing.
const NO_ORGANIZATION = '';
/** Items read per scheduler run; the rest wait for the next run. */
const NOTICE_BATCH = 500;
/** A change that keeps meeting a concurrent one is left to the next run after this many. */
const ATTEMPTS = 3;
/** Items of a redated sitting read at once (a sitting takes a few). */
const PAGE = 100;
/** A redate that keeps meeting concurrent changes fails (its event is retried) after this many. */
const REDATE_ATTEMPTS = 20;

/** What one take-under-control of a concluded round table needs. */
export interface ControlItemCandidate {
  id: string;
  context: CommandContext;
  command: TakeUnderControl;
}

/**
 * What a caller may see of the items under control: members and above all of them; an addressee
 * those its organisation controls or answers for; a partner the published ones.
 */
export function controlItemScopeOf(identity: Identity): ControlItemScope {
  if (seesInternal(identity)) return { kind: 'all' };
  if (hasRole(identity, 'addressee')) {
    return { kind: 'concerning', organizationId: identity.organizationId ?? NO_ORGANIZATION };
  }
  return { kind: 'published' };
}

function mayRead(scope: ControlItemScope, state: ControlItem): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'concerning':
      return (
        state.controllerId === scope.organizationId ||
        state.responsible?.id === scope.organizationId
      );
    case 'published':
      return state.published;
  }
}

/**
 * Items under control (DESIGN.md section 3): taken from concluded round tables, progress by the
 * responsible side, extension, done or removal by the controller, due-soon and overdue notices.
 * Every change is one compare-and-set write of the item with its events (outbox).
 */
export class ControlItemUseCases {
  constructor(
    private readonly deps: {
      items: ControlItemRepository;
      claims: OnceClaims;
      options: { timeZone: string; dueSoonDays: number };
      logger: Logger;
    },
  ) {}

  /**
   * Takes the control items of concluded round tables under control; idempotent (ids derived
   * from round table and resolution: one that exists already is left as it is). Returns the ids
   * created now.
   */
  async take(tenantId: string, candidates: ControlItemCandidate[]): Promise<string[]> {
    const existing = await this.deps.items.existing(
      tenantId,
      candidates.map(({ id }) => id),
    );
    // Every decision first: one the domain refuses stores nothing of the batch.
    const decided = candidates
      .filter(({ id }) => !existing.has(id))
      .map(({ id, context, command }) => ({
        context,
        decision: takeUnderControl(
          { ...command, recordedOn: this.recordedOn(context) },
          {
            tenantId,
            now: context.now,
            ids: idsStartingWith(id),
          },
        ),
      }));
    const created: string[] = [];
    for (const { context, decision } of decided) {
      const events = controlItemEvents(decision.state, decision.changes, context);
      if (await this.deps.items.insertOnce(decision.state, events)) created.push(decision.state.id);
    }
    return created;
  }

  /**
   * Moves the items of a redated sitting onto its day and conclusion (`redateControlItem`), page
   * by page; an item changed meanwhile is read again. Idempotent: one there already is not read.
   * Returns how many it moved.
   */
  async followRedatedSitting(
    tenantId: string,
    roundtableId: string,
    sitting: { meetingDate: string; concludedAt: Date },
    context: CommandContext,
  ): Promise<number> {
    let moved = 0;
    for (;;) {
      const page = await this.deps.items.ofRoundtableNotOn(tenantId, roundtableId, sitting, PAGE);
      for (const item of page) {
        if (await this.redate(item, sitting, context)) moved += 1;
      }
      if (page.length < PAGE) return moved;
    }
  }

  private async redate(
    item: ControlItem,
    sitting: { meetingDate: string; concludedAt: Date },
    context: CommandContext,
  ): Promise<boolean> {
    let current: ControlItem | undefined = item;
    for (let attempt = 1; current; attempt += 1) {
      const decision = redateControlItem(current, sitting, context);
      if (decision.state === current) return false;
      try {
        await this.save(current, decision, context);
        return true;
      } catch (error) {
        if ((error as DomainError).code !== 'CONFLICT' || attempt >= REDATE_ATTEMPTS) throw error;
        current = await this.deps.items.get(current.tenantId, current.id);
      }
    }
    return false;
  }

  /** One item, or undefined when it does not exist or the caller may not see it. */
  async find(context: CommandContext, id: string): Promise<ControlItem | undefined> {
    const identity = requireReader(context.identity);
    const found = await this.deps.items.get(identity.tenantId, id);
    return found && mayRead(controlItemScopeOf(identity), found) ? found : undefined;
  }

  /** Many by id in one query (federation references, DataLoader batches). */
  async findMany(context: CommandContext, ids: readonly string[]): Promise<ControlItem[]> {
    const identity = requireReader(context.identity);
    const scope = controlItemScopeOf(identity);
    return (await this.deps.items.getMany(identity.tenantId, ids)).filter((found) =>
      mayRead(scope, found),
    );
  }

  /** Whether an item is overdue now (its due date passed in the workspace's calendar). */
  overdue(context: CommandContext, item: ControlItem): boolean {
    return controlItemOverdue(item, context.now, this.deps.options.timeZone);
  }

  /** The items the caller may see, filtered, in the order they were taken under control. */
  search(
    context: CommandContext,
    filter: ControlItemFilter,
    page: PageRequest,
  ): Promise<Page<ControlItem>> {
    const identity = requireReader(context.identity);
    const scope = controlItemScopeOf(identity);
    if (scope.kind === 'concerning' && scope.organizationId === NO_ORGANIZATION) {
      return Promise.resolve(emptyPage());
    }
    return this.deps.items.search(
      identity.tenantId,
      filter,
      scope,
      localDate(context.now, this.deps.options.timeZone),
      page,
    );
  }

  reportProgress(
    context: CommandContext,
    id: string,
    expectedVersion: number,
    command: {
      text: string;
      percent?: number | null;
      author?: { kind: 'ORGANIZATION' | 'PERSON'; id: string } | null;
      reportedAt?: Date | null;
    },
  ) {
    const identity = requireRole(context.identity, 'admin', 'secretary', 'member', 'addressee');
    const { reportedAt, ...report } = command;
    const author = partyFor(identity, report.author, 'author');
    return this.change(
      context,
      identity,
      id,
      expectedVersion,
      { field: 'reportedAt', given: reportedAt, action: 'report' },
      (state, actor, acting) =>
        reportControlItemProgress(state, { ...report, author }, actor, decisionContext(acting)),
    );
  }

  extend(
    context: CommandContext,
    id: string,
    expectedVersion: number,
    command: { dueDate: string; reason?: string | null; extendedAt?: Date | null },
  ) {
    const identity = requireController(context.identity);
    const { extendedAt, ...extension } = command;
    return this.change(
      context,
      identity,
      id,
      expectedVersion,
      { field: 'extendedAt', given: extendedAt, action: 'control' },
      (state, actor, acting) =>
        extendControlItem(
          state,
          { ...extension, recordedOn: this.recordedOn(acting) },
          actor,
          decisionContext(acting),
        ),
    );
  }

  markDone(
    context: CommandContext,
    id: string,
    expectedVersion: number,
    command: { note?: string | null; closedAt?: Date | null },
  ) {
    const identity = requireController(context.identity);
    return this.change(
      context,
      identity,
      id,
      expectedVersion,
      { field: 'closedAt', given: command.closedAt, action: 'control' },
      (state, actor, acting) =>
        markControlItemDone(state, { note: command.note }, actor, decisionContext(acting)),
    );
  }

  remove(
    context: CommandContext,
    id: string,
    expectedVersion: number,
    command: { reason: string; closedAt?: Date | null },
  ) {
    const identity = requireController(context.identity);
    return this.change(
      context,
      identity,
      id,
      expectedVersion,
      { field: 'closedAt', given: command.closedAt, action: 'control' },
      (state, actor, acting) =>
        removeFromControl(state, { reason: command.reason }, actor, decisionContext(acting)),
    );
  }

  /** The workspace's day a change is recorded on (the server clock, not when it happened). */
  private recordedOn(context: CommandContext): string {
    return localDate(context.recordedAt ?? context.now, this.deps.options.timeZone);
  }

  /**
   * Announces due-soon and overdue items once per (item, notice, due date), however many
   * replicas run it: each notice is claimed first (the kit's `OnceClaims`), then written with
   * the item (state and event in one write), then the claim completed; a claim whose notice is
   * no longer due is released. Returns how many this replica announced.
   */
  async announceNotices(now: Date): Promise<number> {
    const today = localDate(now, this.deps.options.timeZone);
    let announced = 0;
    for (const item of await this.deps.items.dueForNotice(today, NOTICE_BATCH)) {
      try {
        announced += await this.announce(item, now);
      } catch (error) {
        this.deps.logger.warn(
          { err: error, controlItemId: item.id, tenantId: item.tenantId },
          'control item notice not announced; retried next run',
        );
      }
    }
    return announced;
  }

  private async announce(item: ControlItem, now: Date): Promise<number> {
    const [notice] = announceControlNotices(item, now, this.deps.options, decisionAt(now)).changes;
    if (!notice || (notice.kind !== 'due-soon' && notice.kind !== 'overdue')) return 0;
    const claimId = await this.deps.claims.claim(
      deterministicId('control-item', item.tenantId, item.id, notice.kind, notice.dueDate),
      now,
      { tenantId: item.tenantId, controlItemId: item.id, kind: notice.kind, date: notice.dueDate },
    );
    if (!claimId) return 0;
    let saved = false;
    try {
      const context: CommandContext = { identity: null, now, correlationId: `notice:${claimId}` };
      let current: ControlItem | undefined = item;
      for (let attempt = 1; current && !saved && attempt <= ATTEMPTS; attempt += 1) {
        const decision = announceControlNotices(current, now, this.deps.options, decisionAt(now));
        if (decision.changes.length === 0) break;
        try {
          await this.save(current, decision, context);
          saved = true;
        } catch (error) {
          if ((error as DomainError).code !== 'CONFLICT') throw error;
          current = await this.deps.items.get(current.tenantId, current.id);
        }
      }
    } finally {
      await (saved ? this.deps.claims.complete(claimId) : this.deps.claims.release(claimId));
    }
    return saved ? 1 : 0;
  }

  private async change(
    context: CommandContext,
    identity: Identity,
    id: string,
    expectedVersion: number,
    happening: { field: string; given: Date | null | undefined; action: 'report' | 'control' },
    decide: (state: ControlItem, actor: Actor, acting: CommandContext) => ControlItemDecision,
  ): Promise<ControlItem> {
    const current = await this.deps.items.get(identity.tenantId, id);
    // One the caller may not see does not exist for it, whatever version it names.
    if (!current || !mayRead(controlItemScopeOf(identity), current)) {
      throw notFound('control item', id);
    }
    if (current.version !== expectedVersion) throw staleVersion(expectedVersion, current.version);
    // Decided at when it happened (not in the future, not before what it follows), announced
    // at when it is recorded: CloudEvents `time` (DESIGN.md section 3).
    const at = occurredAt(
      happening.field,
      happening.given,
      context.now,
      controlItemPredecessor(current, happening.action),
    );
    const acting: CommandContext = { ...context, now: at, recordedAt: context.now };
    const decision = decide(current, actorOf(identity), acting);
    const recorded = { ...decision, state: { ...decision.state, updatedAt: context.now } };
    return this.save(current, recorded, acting);
  }

  private save(
    current: ControlItem,
    decision: ControlItemDecision,
    context: CommandContext,
  ): Promise<ControlItem> {
    const next = { ...decision.state, version: current.version + 1 };
    return this.deps.items.update(
      next,
      current.version,
      controlItemEvents(next, decision.changes, context),
    );
  }
}

/** The controller side: secretaries and admins, or an addressee user (the domain checks whose). */
function requireController(identity: Identity | null): Identity {
  return requireRole(identity, 'admin', 'secretary', 'addressee');
}

function decisionContext(context: CommandContext) {
  return { now: context.now, ids: newId };
}

function decisionAt(now: Date) {
  return { now, ids: newId };
}
