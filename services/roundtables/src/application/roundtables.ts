import type { RoundtableStatus } from '@kollegia/events';
import type { Identity, Page, PageRequest } from '@kollegia/service-kit';
import { notFound, staleVersion } from '@kollegia/service-kit/domain';

import type { ConferenceRepository } from '../db/conference.repository';
import type {
  RoundtableFilter,
  RoundtableRepository,
  RoundtableWithPending,
} from '../db/roundtable.repository';
import type { Happened, Participant, Roundtable } from '../domain/roundtable';
import {
  approveMinutes,
  cancelRoundtable,
  concludeRoundtable,
  rescheduleRoundtable,
  scheduleRoundtable,
  startRoundtable,
  updateRoundtable,
  type RoundtableCard,
  type RoundtableSchedule,
  type ScheduleRoundtable,
} from '../domain/roundtable-lifecycle';
import { recordSitting, type RecordSitting } from '../domain/record-sitting';
import { redateSitting, type SittingSpan } from '../domain/redate-sitting';
import { decisionContext, type CommandContext } from './context';
import { roundtableReferences, type MemberUseCases } from './members';
import {
  requireOrganizer,
  requireReader,
  seesRoundtable,
  visibilityOf,
  visibleStatuses,
} from './permissions';
import { changeRoundtable, type RoundtableChangeDeps } from './roundtable-changes';
import { roundtableEvents } from './roundtable-events';
import type { StatementUseCases } from './statements';

export interface RoundtableQuery {
  status?: RoundtableStatus | null;
  conferenceId?: string | null;
  startsFrom?: Date | null;
  startsBefore?: Date | null;
  /** The city of its conference. */
  city?: string | null;
  organizerId?: string | null;
  /** A person or organisation at the table. */
  participantId?: string | null;
  /** The working group (a community of members) that held it. */
  workingGroupId?: string | null;
  text?: string | null;
}

/** A person's or organisation's place at one round table. */
export interface Participation {
  roundtable: Roundtable;
  /** Absent when the party only moderates. */
  participant?: Participant;
  moderates: boolean;
}

/** The round table as a whole: its life, and the queries over round tables. */
export class RoundtableUseCases {
  private readonly changes: RoundtableChangeDeps;

  constructor(
    private readonly roundtables: RoundtableRepository,
    private readonly conferences: ConferenceRepository,
    private readonly members: MemberUseCases,
    private readonly statements: StatementUseCases,
  ) {
    this.changes = { roundtables, members };
  }

  async schedule(context: CommandContext, command: ScheduleRoundtable): Promise<Roundtable> {
    const identity = requireOrganizer(context.identity);
    const conference = command.conferenceId
      ? await this.conferences.get(identity.tenantId, command.conferenceId.trim())
      : undefined;
    const { state, changes } = scheduleRoundtable(
      command,
      { ...decisionContext(context), tenantId: identity.tenantId },
      conference,
    );
    await this.members.requireAdded(identity.tenantId, undefined, roundtableReferences(state));
    await this.roundtables.insert(state, roundtableEvents(state, changes, context));
    return state;
  }

  /**
   * A concluded sitting typed up from its minutes, in one write: the round table with every event
   * the live sitting would have announced (each step's, in order), and its statements, whose own
   * documents are then written as a live statement's are (see statements.ts).
   */
  async recordSitting(context: CommandContext, command: RecordSitting): Promise<Roundtable> {
    const identity = requireOrganizer(context.identity);
    const conference = command.conferenceId
      ? await this.conferences.get(identity.tenantId, command.conferenceId.trim())
      : undefined;
    const { state, steps, statements } = recordSitting(
      command,
      { ...decisionContext(context), tenantId: identity.tenantId },
      conference,
    );
    await this.members.requireAdded(identity.tenantId, undefined, roundtableReferences(state));
    const events = steps.flatMap((step) => roundtableEvents(step.state, step.changes, context));
    await this.roundtables.insertWithStatements(state, events, statements);
    // Hundreds of typed-up statements need not wait in the document for the next statement write.
    if (await this.statements.confirm(state.id, statements)) {
      await this.roundtables.dropPending(state.tenantId, state.id, statements);
    }
    return state;
  }

  update(
    context: CommandContext,
    id: string,
    expectedVersion: number,
    patch: Partial<RoundtableCard>,
  ) {
    return changeRoundtable(this.changes, context, id, expectedVersion, (state, dc) =>
      updateRoundtable(state, patch, dc),
    );
  }

  reschedule(
    context: CommandContext,
    id: string,
    expectedVersion: number,
    patch: Partial<RoundtableSchedule>,
  ) {
    return changeRoundtable(this.changes, context, id, expectedVersion, (state, dc) =>
      rescheduleRoundtable(state, patch, dc),
    );
  }

  start(context: CommandContext, id: string, expectedVersion: number, command: Happened) {
    return changeRoundtable(this.changes, context, id, expectedVersion, (state, dc) =>
      startRoundtable(state, command, dc),
    );
  }

  conclude(context: CommandContext, id: string, expectedVersion: number, command: Happened) {
    return changeRoundtable(this.changes, context, id, expectedVersion, (state, dc) =>
      concludeRoundtable(state, command, dc),
    );
  }

  approveMinutes(context: CommandContext, id: string, expectedVersion: number, command: Happened) {
    return changeRoundtable(this.changes, context, id, expectedVersion, (state, dc) =>
      approveMinutes(state, command, dc),
    );
  }

  /** Corrects when a concluded sitting sat, its statements moving with it (see `redateLoaded`). */
  async redate(
    context: CommandContext,
    id: string,
    expectedVersion: number,
    command: SittingSpan,
  ): Promise<Roundtable> {
    const identity = requireOrganizer(context.identity);
    const found = await this.roundtables.getWithPending(identity.tenantId, id);
    if (!found) throw notFound('roundtable', id);
    if (found.state.version !== expectedVersion) {
      throw staleVersion(expectedVersion, found.state.version);
    }
    return this.redateLoaded(context, found, command);
  }

  /**
   * Redates a round table at the version loaded (CONFLICT when it changed since), whoever asks:
   * the mutation after its checks, or the migration of sittings recorded after they were held.
   * The round table, its `redated` event and every moved statement (a new revision, in
   * `pendingStatements`) are one write, so a crash after it loses nothing; the statements'
   * documents are then written as a correction's are, and by the sweep if that fails.
   */
  async redateLoaded(
    context: CommandContext,
    found: RoundtableWithPending,
    command: SittingSpan,
  ): Promise<Roundtable> {
    const current = found.state;
    const decision = redateSitting(
      current,
      await this.statements.asOf(found),
      command,
      decisionContext(context),
    );
    if (decision.changes.length === 0) return current;
    const next = { ...decision.state, version: current.version + 1 };
    const moved = decision.statements;
    const movedIds = new Set(moved.map((statement) => statement.id));
    await this.roundtables.updateWithStatements(
      next,
      current.version,
      roundtableEvents(next, decision.changes, context),
      [...found.pending.filter((statement) => !movedIds.has(statement.id)), ...moved],
    );
    // Thousands of moved statements need not wait in the document for the next statement write.
    if (await this.statements.confirm(next.id, moved)) {
      await this.roundtables.dropPending(next.tenantId, next.id, moved);
    }
    return next;
  }

  cancel(context: CommandContext, id: string, expectedVersion: number, reason: string) {
    return changeRoundtable(this.changes, context, id, expectedVersion, (state, dc) =>
      cancelRoundtable(state, { reason }, dc),
    );
  }

  /** One round table, or undefined when it does not exist or the caller may not see it. */
  async find(context: CommandContext, id: string): Promise<Roundtable | undefined> {
    const identity = requireReader(context.identity);
    const found = await this.roundtables.get(identity.tenantId, id);
    return found && seesRoundtable(visibilityOf(identity), found) ? found : undefined;
  }

  /** Many by id in one query; unknown and invisible ids are left out. */
  async findMany(context: CommandContext, ids: readonly string[]): Promise<Roundtable[]> {
    const identity = requireReader(context.identity);
    const visibility = visibilityOf(identity);
    return (await this.roundtables.getMany(identity.tenantId, ids)).filter((r) =>
      seesRoundtable(visibility, r),
    );
  }

  /** Round tables in the order they sit, narrowed to what the caller may see. */
  async search(
    context: CommandContext,
    query: RoundtableQuery,
    page: PageRequest,
  ): Promise<Page<Roundtable>> {
    const identity = requireReader(context.identity);
    return this.roundtables.search(identity.tenantId, await this.filterFor(identity, query), page);
  }

  /**
   * A page of each conference's round tables, in the order of `conferenceIds`, as `search` with
   * the conference and the status gives it: first pages from one query for all the conferences.
   */
  async inConferences(
    context: CommandContext,
    conferenceIds: readonly string[],
    status: RoundtableStatus | null,
    page: PageRequest,
  ): Promise<Page<Roundtable>[]> {
    if (page.after) {
      return Promise.all(
        conferenceIds.map((conferenceId) => this.search(context, { conferenceId, status }, page)),
      );
    }
    const identity = requireReader(context.identity);
    return this.roundtables.firstPagesInConferences(
      identity.tenantId,
      conferenceIds,
      await this.filterFor(identity, { status }),
      page.limit,
    );
  }

  /** Where a person or organisation sat (moderator or participant), in the order they sat. */
  async participations(
    context: CommandContext,
    partyId: string,
    page: PageRequest,
  ): Promise<Page<Participation>> {
    const result = await this.search(context, { participantId: partyId }, page);
    return {
      ...result,
      items: result.items.map((roundtable) => ({
        roundtable,
        moderates: roundtable.moderator.id === partyId,
        ...optional(
          roundtable.participants.find(
            (p) =>
              p.personId === partyId || (p.personId === undefined && p.organizationId === partyId),
          ) ?? roundtable.participants.find((p) => p.organizationId === partyId),
        ),
      })),
    };
  }

  /**
   * A query as the repository's filter, narrowed to what the caller may see. A participant or
   * organiser the caller may not see matches nothing: where an unpublished organisation sat is
   * internal too.
   */
  private async filterFor(identity: Identity, query: RoundtableQuery): Promise<RoundtableFilter> {
    const visibility = visibilityOf(identity);
    const named = [query.participantId, query.organizerId].filter((id): id is string => !!id);
    const hidden = await Promise.all(named.map((id) => this.members.hiddenFrom(identity, id)));
    const filter: RoundtableFilter = {
      statuses: hidden.some(Boolean)
        ? []
        : visibleStatuses(visibility, query.status ? [query.status] : undefined),
      conferenceId: query.conferenceId,
      startsFrom: query.startsFrom,
      startsBefore: query.startsBefore,
      partyId: query.participantId,
      workingGroupId: query.workingGroupId,
      text: query.text,
      publishedOnly: visibility.publishedOnly,
    };
    if (query.city) {
      filter.conferenceIds = await this.conferences.idsWhere(identity.tenantId, {
        city: query.city,
      });
    }
    if (query.organizerId) {
      filter.organizer = {
        id: query.organizerId,
        conferenceIds: await this.conferences.idsWhere(identity.tenantId, {
          organizerId: query.organizerId,
        }),
      };
    }
    return filter;
  }
}

const optional = (participant: Participant | undefined) => (participant ? { participant } : {});
