import {
  type PartyRef,
  type ResolutionAmendableField,
  resolutionAmendableFieldSchema,
  type ResolutionKind,
} from '@kollegia/events';
import {
  badInput,
  conflict,
  notFound,
  optionalCalendarDate,
  optionalText,
  requiredText,
  sameValue,
  withoutUndefined,
  type DecisionContext,
} from '@kollegia/service-kit/domain';

import {
  questionsOf,
  requireStatus,
  type Resolution,
  type Roundtable,
  type RoundtableDecision,
} from './roundtable';
import { idList, LIMITS, partyRef, TEXT_FIELD } from './validation';

/** What a resolution says and whom it concerns. */
export interface ResolutionDraft {
  kind: ResolutionKind;
  text: string;
  /** The organisations it is addressed to. */
  addresseeIds?: readonly string[] | null;
  responsible?: PartyRef | null;
  /** `YYYY-MM-DD`. */
  dueDate?: string | null;
  /** The question it resolves (one). */
  agendaItemId?: string | null;
  /** The questions it resolves (one or more); with `agendaItemId` too, it must be among them. */
  agendaItemIds?: readonly string[] | null;
}

/** The questions of a draft, in agenda order: each on the agenda, none twice. */
function draftQuestions(state: Roundtable, draft: ResolutionDraft): string[] {
  const one = optionalText('agendaItemId', draft.agendaItemId, LIMITS.name);
  const field = draft.agendaItemIds ? 'agendaItemIds' : 'agendaItemId';
  const given = draft.agendaItemIds ? idList('agendaItemIds', draft.agendaItemIds) : [];
  if (one !== undefined && draft.agendaItemIds && !given.includes(one)) {
    throw badInput('agendaItemId', `must be one of agendaItemIds`);
  }
  const ids = draft.agendaItemIds ? given : one === undefined ? [] : [one];
  const missing = ids.find((id) => !state.agenda.some((item) => item.id === id));
  if (missing !== undefined) throw badInput(field, `agenda item ${missing} does not exist`);
  return state.agenda.filter((item) => ids.includes(item.id)).map((item) => item.id);
}

function validDraft(state: Roundtable, draft: ResolutionDraft) {
  const addresseeIds = idList('addresseeIds', draft.addresseeIds);
  // A question to a regulator is pointless unless some regulator is asked.
  if (draft.kind === 'QUESTION_TO_REGULATOR' && addresseeIds.length === 0) {
    throw badInput('addresseeIds', 'a QUESTION_TO_REGULATOR needs at least one addressee');
  }
  const questions = draftQuestions(state, draft);
  return {
    kind: draft.kind,
    text: requiredText(TEXT_FIELD, draft.text, LIMITS.resolution),
    addresseeIds,
    responsible: draft.responsible ? partyRef('responsible', draft.responsible) : undefined,
    dueDate: optionalCalendarDate('dueDate', draft.dueDate),
    agendaItemId: questions[0],
    agendaItemIds: questions.length > 0 ? questions : undefined,
  };
}

// Only proposed resolutions move: withdrawn ones stay on record, adopted ones are frozen.
function findProposed(state: Roundtable, resolutionId: string, action: string): Resolution {
  const resolution = state.resolutions.find((candidate) => candidate.id === resolutionId);
  if (!resolution) throw notFound('resolution', resolutionId);
  if (resolution.status !== 'PROPOSED') {
    throw conflict(
      `resolution ${resolution.id} is ${resolution.status} and cannot ${action} (status ${resolution.status})`,
      resolution.status,
    );
  }
  return resolution;
}

function withResolution(state: Roundtable, resolution: Resolution, now: Date): Roundtable {
  return {
    ...state,
    resolutions: state.resolutions.map((current) =>
      current.id === resolution.id ? resolution : current,
    ),
    updatedAt: now,
  };
}

/** Puts a resolution to a live round table; it is adopted when the round table concludes. */
export function proposeResolution(
  state: Roundtable,
  command: ResolutionDraft,
  context: DecisionContext,
): RoundtableDecision {
  requireStatus(state, ['LIVE'], 'take resolutions');
  const draft = validDraft(state, command);
  if (state.resolutions.length >= LIMITS.resolutions) {
    throw conflict(`a round table has at most ${LIMITS.resolutions} resolutions`);
  }
  const resolution: Resolution = withoutUndefined({
    id: context.ids(),
    ...draft,
    status: 'PROPOSED',
  });
  return {
    state: { ...state, resolutions: [...state.resolutions, resolution], updatedAt: context.now },
    changes: [{ kind: 'resolution-proposed', resolution }],
  };
}

// The contract's list, so the domain cannot report a field the event does not know.
const AMENDABLE: readonly ResolutionAmendableField[] = resolutionAmendableFieldSchema.options;

/** Amends a proposed resolution. Absent fields stay, `null` clears an optional one. */
export function amendResolution(
  state: Roundtable,
  command: { resolutionId: string } & Partial<ResolutionDraft>,
  context: DecisionContext,
): RoundtableDecision {
  requireStatus(state, ['LIVE'], 'amend resolutions');
  const current = findProposed(state, command.resolutionId, 'be amended');
  const draft = validDraft(state, {
    kind: command.kind ?? current.kind,
    text: command.text ?? current.text,
    addresseeIds: command.addresseeIds === undefined ? current.addresseeIds : command.addresseeIds,
    responsible: command.responsible === undefined ? current.responsible : command.responsible,
    dueDate: command.dueDate === undefined ? current.dueDate : command.dueDate,
    ...(command.agendaItemId === undefined && command.agendaItemIds === undefined
      ? { agendaItemIds: questionsOf(current) }
      : { agendaItemId: command.agendaItemId, agendaItemIds: command.agendaItemIds }),
  });
  // `agendaItemId` stands for the questions: the contract's list of fields has no other name.
  const changedFields = AMENDABLE.filter((field) =>
    field === 'agendaItemId'
      ? !sameValue(questionsOf(current), draft.agendaItemIds ?? [])
      : !sameValue(current[field], draft[field]),
  );
  if (changedFields.length === 0) return { state, changes: [] };
  const resolution: Resolution = withoutUndefined({ ...current, ...draft });
  return {
    state: withResolution(state, resolution, context.now),
    changes: [{ kind: 'resolution-amended', resolution, changedFields }],
  };
}

/** Withdraws a proposed resolution; it stays on record but is not adopted. */
export function withdrawResolution(
  state: Roundtable,
  command: { resolutionId: string; reason?: string | null },
  context: DecisionContext,
): RoundtableDecision {
  requireStatus(state, ['LIVE'], 'withdraw resolutions');
  const current = findProposed(state, command.resolutionId, 'be withdrawn');
  const reason = optionalText('reason', command.reason, LIMITS.text);
  const resolution: Resolution = withoutUndefined({
    ...current,
    status: 'WITHDRAWN',
    withdrawReason: reason,
  });
  return {
    state: withResolution(state, resolution, context.now),
    changes: [
      { kind: 'resolution-withdrawn', resolution, ...(reason === undefined ? {} : { reason }) },
    ],
  };
}
