import type { Attendance } from '@kollegia/events';

import {
  closeAgendaItem,
  deferAgendaItem,
  openAgendaItem,
  recordAgendaResult,
  setAgenda,
  type AgendaEntry,
} from '../domain/agenda';
import {
  markAttendance,
  registerParticipant,
  removeParticipant,
  type RegisterParticipant,
} from '../domain/participants';
import {
  amendResolution,
  proposeResolution,
  withdrawResolution,
  type ResolutionDraft,
} from '../domain/resolutions';
import type { Happened, Roundtable } from '../domain/roundtable';
import type { CommandContext } from './context';
import {
  changeRoundtable,
  type RoundtableChangeDeps,
  type RoundtableDecide,
} from './roundtable-changes';

/**
 * The parts of a round table: participants, agenda and resolutions. Each change is a change of
 * the round table (one document, one version), so each takes its `expectedVersion`.
 */
export class RoundtablePartUseCases {
  constructor(private readonly deps: RoundtableChangeDeps) {}

  private change(
    context: CommandContext,
    id: string,
    expectedVersion: number,
    decide: RoundtableDecide,
  ): Promise<Roundtable> {
    return changeRoundtable(this.deps, context, id, expectedVersion, decide);
  }

  registerParticipant(c: CommandContext, id: string, v: number, command: RegisterParticipant) {
    return this.change(c, id, v, (state, dc) => registerParticipant(state, command, dc));
  }

  markAttendance(
    c: CommandContext,
    id: string,
    v: number,
    command: { participantId: string; attendance: Attendance },
  ) {
    return this.change(c, id, v, (state, dc) => markAttendance(state, command, dc));
  }

  removeParticipant(
    c: CommandContext,
    id: string,
    v: number,
    command: { participantId: string; reason?: string | null },
  ) {
    return this.change(c, id, v, (state, dc) => removeParticipant(state, command, dc));
  }

  setAgenda(c: CommandContext, id: string, v: number, items: readonly AgendaEntry[]) {
    return this.change(c, id, v, (state, dc) => setAgenda(state, { items }, dc));
  }

  openAgendaItem(
    c: CommandContext,
    id: string,
    v: number,
    command: { agendaItemId: string } & Happened,
  ) {
    return this.change(c, id, v, (state, dc) => openAgendaItem(state, command, dc));
  }

  closeAgendaItem(
    c: CommandContext,
    id: string,
    v: number,
    command: { agendaItemId: string; result?: string | null } & Happened,
  ) {
    return this.change(c, id, v, (state, dc) => closeAgendaItem(state, command, dc));
  }

  deferAgendaItem(
    c: CommandContext,
    id: string,
    v: number,
    command: { agendaItemId: string; reason?: string | null } & Happened,
  ) {
    return this.change(c, id, v, (state, dc) => deferAgendaItem(state, command, dc));
  }

  recordAgendaResult(
    c: CommandContext,
    id: string,
    v: number,
    command: { agendaItemId: string; result: string | null },
  ) {
    return this.change(c, id, v, (state, dc) => recordAgendaResult(state, command, dc));
  }

  proposeResolution(c: CommandContext, id: string, v: number, draft: ResolutionDraft) {
    return this.change(c, id, v, (state, dc) => proposeResolution(state, draft, dc));
  }

  amendResolution(
    c: CommandContext,
    id: string,
    v: number,
    command: { resolutionId: string } & Partial<ResolutionDraft>,
  ) {
    return this.change(c, id, v, (state, dc) => amendResolution(state, command, dc));
  }

  withdrawResolution(
    c: CommandContext,
    id: string,
    v: number,
    command: { resolutionId: string; reason?: string | null },
  ) {
    return this.change(c, id, v, (state, dc) => withdrawResolution(state, command, dc));
  }
}
