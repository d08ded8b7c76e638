import type { ConferenceStatus } from '@kollegia/events';
import type { Page, PageRequest } from '@kollegia/service-kit';
import { optionalCalendarDate, type DecisionContext } from '@kollegia/service-kit/domain';

import type { ConferenceRepository } from '../db/conference.repository';
import {
  closeConference,
  type ConferenceMoment,
  openConference,
  scheduleConference,
  updateConference,
  type Conference,
  type ConferenceCard,
  type ConferenceDecision,
} from '../domain/conference';
import { conferenceEvents } from './conference-events';
import { decisionContext, type CommandContext } from './context';
import { conferenceReferences, type MemberUseCases } from './members';
import { requireOrganizer, requireReader, seesConference, visibilityOf } from './permissions';

export interface ConferenceQuery {
  status?: ConferenceStatus | null;
  from?: string | null;
  to?: string | null;
  city?: string | null;
  organizerId?: string | null;
  text?: string | null;
}

/**
 * The conference use cases: load → decide → save (state and events in one write). Permissions
 * are checked here, so every entry point gets the same rules; the organisers a change adds are
 * checked against the directory.
 */
export class ConferenceUseCases {
  constructor(
    private readonly conferences: ConferenceRepository,
    private readonly members: MemberUseCases,
  ) {}

  async schedule(context: CommandContext, card: ConferenceCard): Promise<Conference> {
    const identity = requireOrganizer(context.identity);
    const { state, changes } = scheduleConference(card, {
      ...decisionContext(context),
      tenantId: identity.tenantId,
    });
    await this.members.requireAdded(identity.tenantId, undefined, conferenceReferences(state));
    await this.conferences.insert(state, conferenceEvents(state, changes, context));
    return state;
  }

  update(
    context: CommandContext,
    id: string,
    expectedVersion: number,
    patch: Partial<ConferenceCard>,
  ) {
    return this.change(context, id, expectedVersion, (state, dc) =>
      updateConference(state, patch, dc),
    );
  }

  open(context: CommandContext, id: string, expectedVersion: number, moment: ConferenceMoment) {
    return this.change(context, id, expectedVersion, (state, dc) =>
      openConference(state, moment, dc),
    );
  }

  close(context: CommandContext, id: string, expectedVersion: number, moment: ConferenceMoment) {
    return this.change(context, id, expectedVersion, (state, dc) =>
      closeConference(state, moment, dc),
    );
  }

  /** One conference, or undefined when it does not exist or the caller may not see it. */
  async find(context: CommandContext, id: string): Promise<Conference | undefined> {
    const identity = requireReader(context.identity);
    const found = await this.conferences.get(identity.tenantId, id);
    return found && seesConference(visibilityOf(identity), found) ? found : undefined;
  }

  /** Many by id in one query; unknown and invisible ids are left out. */
  async findMany(context: CommandContext, ids: readonly string[]): Promise<Conference[]> {
    const identity = requireReader(context.identity);
    const visibility = visibilityOf(identity);
    return (await this.conferences.getMany(identity.tenantId, ids)).filter((c) =>
      seesConference(visibility, c),
    );
  }

  /**
   * Conferences in the order they take place. An organiser the caller may not see matches
   * nothing (see MemberUseCases.hiddenFrom).
   */
  async search(
    context: CommandContext,
    query: ConferenceQuery,
    page: PageRequest,
  ): Promise<Page<Conference>> {
    const identity = requireReader(context.identity);
    const hidden =
      !!query.organizerId && (await this.members.hiddenFrom(identity, query.organizerId));
    return this.conferences.search(
      identity.tenantId,
      {
        ...(hidden ? { statuses: [] } : query.status ? { statuses: [query.status] } : {}),
        from: optionalCalendarDate('from', query.from),
        to: optionalCalendarDate('to', query.to),
        city: query.city,
        organizerId: query.organizerId,
        text: query.text,
        publishedOnly: visibilityOf(identity).publishedOnly,
      },
      page,
    );
  }

  private async change(
    context: CommandContext,
    id: string,
    expectedVersion: number,
    decide: (state: Conference, context: DecisionContext) => ConferenceDecision,
  ): Promise<Conference> {
    const identity = requireOrganizer(context.identity);
    const current = await this.conferences.getForChange(identity.tenantId, id, expectedVersion);
    const { state, changes } = decide(current, decisionContext(context));
    if (changes.length === 0) return current;
    await this.members.requireAdded(
      identity.tenantId,
      conferenceReferences(current),
      conferenceReferences(state),
    );
    const next = { ...state, version: expectedVersion + 1 };
    return this.conferences.update(next, expectedVersion, conferenceEvents(next, changes, context));
  }
}
