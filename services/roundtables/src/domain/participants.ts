import type { Attendance, ParticipantRole } from '@kollegia/events';
import {
  badInput,
  conflict,
  notFound,
  optionalText,
  type DecisionContext,
} from '@kollegia/service-kit/domain';

import {
  type Participant,
  requireStatus,
  type Roundtable,
  type RoundtableDecision,
} from './roundtable';
import { LIMITS } from './validation';

export interface RegisterParticipant {
  personId?: string | null;
  /** The organisation taking part, or the one the person speaks for. */
  organizationId?: string | null;
  role: ParticipantRole;
  /** Defaults to `REGISTERED`. */
  attendance?: Attendance | null;
}

// A person takes one seat whichever organisation they speak for; an organisation on its own takes
// one seat too, but may also send people who sit in their own right.
function sameSeat(a: Omit<Participant, 'id'>, b: Omit<Participant, 'id'>): boolean {
  if (a.personId !== undefined || b.personId !== undefined) return a.personId === b.personId;
  return a.organizationId === b.organizationId;
}

function describe(participant: Omit<Participant, 'id'>): string {
  return participant.personId !== undefined
    ? `person ${participant.personId}`
    : `organization ${participant.organizationId}`;
}

function findParticipant(state: Roundtable, participantId: string): Participant {
  const participant = state.participants.find((candidate) => candidate.id === participantId);
  if (!participant) throw notFound('participant', participantId);
  return participant;
}

export function registerParticipant(
  state: Roundtable,
  command: RegisterParticipant,
  context: DecisionContext,
): RoundtableDecision {
  requireStatus(state, ['SCHEDULED', 'LIVE'], 'register participants');
  const personId = optionalText('personId', command.personId, LIMITS.name);
  const organizationId = optionalText('organizationId', command.organizationId, LIMITS.name);
  if (personId === undefined && organizationId === undefined) {
    throw badInput('personId', 'a participant needs a personId, an organizationId or both');
  }
  const seat = {
    ...(personId === undefined ? {} : { personId }),
    ...(organizationId === undefined ? {} : { organizationId }),
    role: command.role,
    attendance: command.attendance ?? 'REGISTERED',
  };
  const taken = state.participants.find((participant) => sameSeat(participant, seat));
  if (taken) {
    throw conflict(`${describe(seat)} is already a participant (participant ${taken.id})`);
  }
  if (state.participants.length >= LIMITS.participants) {
    throw conflict(`a round table has at most ${LIMITS.participants} participants`);
  }
  const participant: Participant = { id: context.ids(), ...seat };
  return {
    state: {
      ...state,
      participants: [...state.participants, participant],
      updatedAt: context.now,
    },
    changes: [{ kind: 'participant-registered', participant }],
  };
}

/**
 * Records whether a participant came. Allowed after conclusion too, because attendance is often
 * taken from the sign-in sheet once the sitting is over; never once cancelled.
 */
export function markAttendance(
  state: Roundtable,
  command: { participantId: string; attendance: Attendance },
  context: DecisionContext,
): RoundtableDecision {
  requireStatus(state, ['SCHEDULED', 'LIVE', 'CONCLUDED'], 'mark attendance');
  const current = findParticipant(state, command.participantId);
  if (current.attendance === command.attendance) return { state, changes: [] };
  const participant: Participant = { ...current, attendance: command.attendance };
  return {
    state: {
      ...state,
      participants: state.participants.map((p) => (p.id === participant.id ? participant : p)),
      updatedAt: context.now,
    },
    changes: [{ kind: 'participant-attendance-marked', participant, previous: current.attendance }],
  };
}

/** Takes a participant off; statements they made stay in the minutes. */
export function removeParticipant(
  state: Roundtable,
  command: { participantId: string; reason?: string | null },
  context: DecisionContext,
): RoundtableDecision {
  requireStatus(state, ['SCHEDULED', 'LIVE'], 'remove participants');
  const participant = findParticipant(state, command.participantId);
  const reason = optionalText('reason', command.reason, LIMITS.text);
  return {
    state: {
      ...state,
      participants: state.participants.filter((p) => p.id !== participant.id),
      updatedAt: context.now,
    },
    changes: [
      { kind: 'participant-removed', participant, ...(reason === undefined ? {} : { reason }) },
    ],
  };
}
