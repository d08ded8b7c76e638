import type {
  AgendaItemStatus,
  Attendance,
  ParticipantRole,
  PartyRef,
  ResolutionAmendableField,
  ResolutionKind,
  ResolutionStatus,
  RoundtableFormat,
  RoundtableStatus,
  RoundtableUpdatableField,
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
}

/** One question of the agenda; its place in the agenda is its index. */
export interface AgendaItem {
  id: string;
  title: string;
  status: AgendaItemStatus;
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
  /** The question it resolves, if one. */
  agendaItemId?: string;
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
  status: RoundtableStatus;
  participants: Participant[];
  agenda: AgendaItem[];
  resolutions: Resolution[];
  statementCount: number;
  /** The sequence of the last statement; the next one gets this plus one. */
  lastStatementSequence: number;
  startedAt?: Date;
  concludedAt?: Date;
  cancelledAt?: Date;
  cancelReason?: string;
  createdAt: Date;
  updatedAt: Date;
}

/** What a round table decision changed, for the application layer to announce. */
export type RoundtableChange =
  | { kind: 'scheduled' }
  | { kind: 'updated'; changedFields: RoundtableUpdatableField[] }
  | { kind: 'rescheduled'; previous: { startsAt: Date; endsAt?: Date; venue?: string } }
  | { kind: 'started' }
  | { kind: 'cancelled'; previousStatus: RoundtableStatus; reason: string }
  | { kind: 'concluded' }
  | { kind: 'participant-registered'; participant: Participant }
  | { kind: 'participant-attendance-marked'; participant: Participant; previous: Attendance }
  | { kind: 'participant-removed'; participant: Participant; reason?: string }
  | { kind: 'agenda-set' }
  | { kind: 'agenda-item-opened'; item: AgendaItem }
  | { kind: 'agenda-item-closed'; item: AgendaItem }
  | { kind: 'agenda-item-deferred'; item: AgendaItem; reason?: string }
  | { kind: 'statement-recorded'; statement: Statement }
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

/** Whether a party is the moderator or one of the registered participants. */
export function isAtTheTable(state: Roundtable, party: PartyRef): boolean {
  if (state.moderator.kind === party.kind && state.moderator.id === party.id) return true;
  return state.participants.some((participant) =>
    party.kind === 'PERSON'
      ? participant.personId === party.id
      : participant.organizationId === party.id,
  );
}
