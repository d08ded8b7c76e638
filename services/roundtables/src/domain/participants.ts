import type { Attendance, Delegation, ParticipantRole } from '@kollegia/events';
import {
  badInput,
  conflict,
  notFound,
  optionalText,
  requiredText,
  type DecisionContext,
} from '@kollegia/service-kit/domain';

import {
  type Participant,
  requireMinutesOpen,
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
  /** An organisation's people without their names; only with an organisation and no person. */
  delegation?: { description: string; headCount?: number | null } | null;
}

/** The most people one delegation may count. */
const MAX_HEAD_COUNT = 10_000;

function validDelegation(
  delegation: RegisterParticipant['delegation'],
  personId: string | undefined,
  organizationId: string | undefined,
): Delegation | undefined {
  if (!delegation) return undefined;
  if (personId !== undefined || organizationId === undefined) {
    throw badInput(
      'delegation',
      "a delegation is an organisation's people without names: give an organizationId and no personId",
    );
  }
  const headCount = delegation.headCount ?? undefined;
  if (
    headCount !== undefined &&
    (!Number.isInteger(headCount) || headCount < 1 || headCount > MAX_HEAD_COUNT)
  ) {
    throw badInput('delegation.headCount', `must be a whole number from 1 to ${MAX_HEAD_COUNT}`);
  }
  return {
    description: requiredText('delegation.description', delegation.description, LIMITS.text),
    ...(headCount === undefined ? {} : { headCount }),
  };
}

/**
 * Seats change while the round table is scheduled or sits, and after it concluded until its
 * minutes are approved (who came is often known only from the sign-in sheet or the minutes).
 */
function requireSeatsOpen(state: Roundtable, action: string): void {
  requireStatus(state, ['SCHEDULED', 'LIVE', 'CONCLUDED'], action);
  requireMinutesOpen(state, action);
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
  requireSeatsOpen(state, 'register participants');
  const personId = optionalText('personId', command.personId, LIMITS.name);
  const organizationId = optionalText('organizationId', command.organizationId, LIMITS.name);
  if (personId === undefined && organizationId === undefined) {
    throw badInput('personId', 'a participant needs a personId, an organizationId or both');
  }
  const delegation = validDelegation(command.delegation, personId, organizationId);
  const seat = {
    ...(personId === undefined ? {} : { personId }),
    ...(organizationId === undefined ? {} : { organizationId }),
    role: command.role,
    attendance: command.attendance ?? 'REGISTERED',
    ...(delegation === undefined ? {} : { delegation }),
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
 * taken from the sign-in sheet once the sitting is over, until the minutes are approved; never
 * once cancelled.
 */
export function markAttendance(
  state: Roundtable,
  command: { participantId: string; attendance: Attendance },
  context: DecisionContext,
): RoundtableDecision {
  requireSeatsOpen(state, 'mark attendance');
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

/**
 * Takes a participant off (after conclusion too, correcting the minutes until they are approved);
 * statements they made stay in the minutes.
 */
export function removeParticipant(
  state: Roundtable,
  command: { participantId: string; reason?: string | null },
  context: DecisionContext,
): RoundtableDecision {
  requireSeatsOpen(state, 'remove participants');
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
