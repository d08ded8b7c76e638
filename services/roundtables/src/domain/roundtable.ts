import type {
  AgendaItemStatus,
  Attendance,
  Delegation,
  MeetingSource,
  ParticipantRole,
  PartyRef,
  ResolutionAmendableField,
  ResolutionKind,
  ResolutionStatus,
  RoundtableFormat,
  RoundtableStatus,
  RoundtableUpdatableField,
  StatementCorrectableField,
} from '@kollegia/events';
import { conflict, type Decision, withArticle } from '@kollegia/service-kit/domain';

import type { Statement } from './statement';

/** A person, an organisation, or a person speaking for an organisation, at one round table. */
export interface Participant {
  id: string;
  personId?: string;
  organizationId?: string;
  role: ParticipantRole;
  attendance: Attendance;
  /** Who came for an organisation, unnamed («руководство и специалисты министерства»). */
  delegation?: Delegation;
}

/** One question of the agenda; its place in the agenda is its index. */
export interface AgendaItem {
  id: string;
  title: string;
  status: AgendaItemStatus;
  /** What its discussion came to, as the minutes record it. */
  result?: string;
  /** When it was last taken up, and when its discussion last ended (when they happened). */
  openedAt?: Date;
  closedAt?: Date;
}

/** What the round table resolves; adopted (frozen) when it concludes. */
export interface Resolution {
  id: string;
  kind: ResolutionKind;
  text: string;
  /** The organisations it is addressed to. */
  addresseeIds: string[];
  responsible?: PartyRef;
  /** `YYYY-MM-DD`. */
  dueDate?: string;
  /** The first question it resolves, if any (`agendaItemIds[0]`). */
  agendaItemId?: string;
  /** Every question it resolves, in agenda order; absent when none (and on resolutions stored before). */
  agendaItemIds?: string[];
  status: ResolutionStatus;
  withdrawReason?: string;
}

/**
 * A sitting: a round table, panel discussion or working meeting, inside a conference or on its
 * own. Participants, agenda items and resolutions are tens, so they live here; statements may be
 * thousands and are stored apart (see `statement.ts`), the round table keeps only their count.
 */
export interface Roundtable {
  id: string;
  tenantId: string;
  version: number;
  conferenceId?: string;
  title: string;
  format: RoundtableFormat;
  startsAt: Date;
  endsAt?: Date;
  /** The hall or the address; absent when held online. */
  venue?: string;
  moderator: PartyRef;
  description?: string;
  /** Visible to partners; internal otherwise. */
  published: boolean;
  /** Where its record was published (a report on an organiser's site). */
  source?: MeetingSource;
  /** The members service's community (a working group) that held it. */
  workingGroupId?: string;
  status: RoundtableStatus;
  participants: Participant[];
  agenda: AgendaItem[];
  resolutions: Resolution[];
  statementCount: number;
  /** The sequence of the last statement; the next one gets this plus one. */
  lastStatementSequence: number;
  /** When the latest statement on record was said. */
  lastStatementAt?: Date;
  /** When it began to sit and when it concluded: when they happened, given by the secretary. */
  startedAt?: Date;
  concludedAt?: Date;
  /** When its minutes were approved; until then a concluded round table's minutes take corrections. */
  minutesApprovedAt?: Date;
  cancelledAt?: Date;
  cancelReason?: string;
  createdAt: Date;
  updatedAt: Date;
}

/** When something happened, as a command gives it: absent or null means now. */
export interface Happened {
  occurredAt?: Date | null;
}

/** What a round table decision changed, for the application layer to announce. */
export type RoundtableChange =
  | { kind: 'scheduled' }
  | { kind: 'updated'; changedFields: RoundtableUpdatableField[] }
  | { kind: 'links-updated' }
  | { kind: 'rescheduled'; previous: { startsAt: Date; endsAt?: Date; venue?: string } }
  | { kind: 'started' }
  | { kind: 'cancelled'; previousStatus: RoundtableStatus; reason: string }
  | { kind: 'concluded' }
  | { kind: 'minutes-approved' }
  | { kind: 'redated'; previous: { startedAt: Date; concludedAt: Date } }
  | { kind: 'participant-registered'; participant: Participant }
  | { kind: 'participant-attendance-marked'; participant: Participant; previous: Attendance }
  | { kind: 'participant-removed'; participant: Participant; reason?: string }
  | { kind: 'agenda-set' }
  | { kind: 'agenda-item-opened'; item: AgendaItem; occurredAt: Date }
  | { kind: 'agenda-item-closed'; item: AgendaItem; occurredAt: Date }
  | { kind: 'agenda-item-deferred'; item: AgendaItem; occurredAt: Date; reason?: string }
  | { kind: 'statement-recorded'; statement: Statement }
  | {
      kind: 'statement-corrected';
      statement: Statement;
      changedFields: StatementCorrectableField[];
    }
  | { kind: 'resolution-proposed'; resolution: Resolution }
  | {
      kind: 'resolution-amended';
      resolution: Resolution;
      changedFields: ResolutionAmendableField[];
    }
  | { kind: 'resolution-withdrawn'; resolution: Resolution; reason?: string };

export type RoundtableDecision = Decision<Roundtable, RoundtableChange>;

/**
 * Refuses a command in any status but the allowed ones, e.g. "a CONCLUDED round table cannot
 * record statements (status CONCLUDED)".
 */
export function requireStatus(
  state: Roundtable,
  allowed: readonly RoundtableStatus[],
  action: string,
): void {
  if (!allowed.includes(state.status)) {
    throw conflict(
      `${withArticle(state.status)} round table cannot ${action} (status ${state.status})`,
      state.status,
    );
  }
}

/** The questions a resolution resolves, whether stored with the list or (before it) with one id. */
export function questionsOf(resolution: Resolution): string[] {
  if (resolution.agendaItemIds) return resolution.agendaItemIds;
  return resolution.agendaItemId === undefined ? [] : [resolution.agendaItemId];
}

/**
 * Refuses a correction of the minutes once they are approved, e.g. "the minutes of round table
 * … are APPROVED and cannot take statements (status APPROVED)". Until then a concluded round
 * table's minutes are typed up and corrected.
 */
export function requireMinutesOpen(state: Roundtable, action: string): void {
  if (state.minutesApprovedAt !== undefined) {
    throw conflict(
      `the minutes of round table ${state.id} are APPROVED and cannot ${action} (status APPROVED)`,
      'APPROVED',
    );
  }
}

/**
 * Allows a change of the minutes while the round table sits, and after it concluded until the
 * minutes are approved (typed up from the minutes, corrected).
 */
export function requireMinutesEditable(state: Roundtable, action: string): void {
  requireStatus(state, ['LIVE', 'CONCLUDED'], action);
  requireMinutesOpen(state, action);
}

/** Whether a party is the moderator or one of the registered participants. */
export function isAtTheTable(state: Roundtable, party: PartyRef): boolean {
  if (state.moderator.kind === party.kind && state.moderator.id === party.id) return true;
  return state.participants.some((participant) =>
    party.kind === 'PERSON'
      ? participant.personId === party.id
      : participant.organizationId === party.id,
  );
}
